/**
 * `${{ ... }}` templates: references to `env.NAME`, `vars.name` and
 * `steps.<id>.status|headers|json`, followed by `.key` or `[index]` parts.
 * Nothing is evaluated as code. Each distinct string is parsed once.
 */
import { type JsonValue, stringifyJson } from "../json.ts";

/** A reference inside `${{ }}`, e.g. `vars.rows[0].id`. */
export interface TemplateRef {
  root: "env" | "vars" | "steps";
  /** Keys and indexes after the root, e.g. `["rows", 0, "id"]`. */
  path: (string | number)[];
  /** The expression as written, trimmed, for messages. */
  source: string;
  /** Offset of `${{` in the string. */
  offset: number;
}

/** A parsed string: literal text and references, in order. */
export type TemplatePart = string | TemplateRef;

/** A template that cannot be parsed or resolved. */
export class TemplateError extends Error {
  override name = "TemplateError";
}

/** What a reference may read while a recipe runs. */
export interface TemplateScope {
  env: Readonly<Record<string, string | undefined>>;
  vars: Readonly<Record<string, JsonValue | undefined>>;
  steps: Readonly<Record<string, JsonValue | undefined>>;
}

const OPEN = "${{";
const CLOSE = "}}";
const ROOTS = new Set(["env", "vars", "steps"]);
const _cache = new Map<string, TemplatePart[]>();

/** True when the string holds at least one `${{`. */
export function hasTemplate(text: string): boolean {
  return text.includes(OPEN);
}

/** Splits a string into literal text and references; throws TemplateError. */
export function parseTemplate(text: string): TemplatePart[] {
  const cached = _cache.get(text);
  if (cached) return cached;

  const parts: TemplatePart[] = [];
  let at = 0;
  while (at < text.length) {
    const open = text.indexOf(OPEN, at);
    if (open < 0) {
      parts.push(text.slice(at));
      break;
    }
    if (open > at) parts.push(text.slice(at, open));
    const close = text.indexOf(CLOSE, open + OPEN.length);
    if (close < 0) {
      throw new TemplateError(`Template at offset ${open} has no closing '}}'`);
    }
    parts.push(_parseRef(text.slice(open + OPEN.length, close).trim(), open));
    at = close + CLOSE.length;
  }

  _cache.set(text, parts);
  return parts;
}

/** Every reference in a value, walking strings inside lists and objects. */
export function findTemplateRefs(value: unknown): TemplateRef[] {
  if (typeof value === "string") {
    if (!hasTemplate(value)) return [];
    return parseTemplate(value).filter((part) => typeof part !== "string");
  }
  if (value === null || typeof value !== "object") return [];
  return Object.values(value).flatMap(findTemplateRefs);
}

/**
 * Replaces every template in a value. A string that is one whole template
 * keeps the referenced value's type (a number stays a number).
 */
export function renderValue(value: JsonValue, scope: TemplateScope): JsonValue {
  if (typeof value === "string") return renderString(value, scope);
  if (Array.isArray(value)) return value.map((item) => renderValue(item, scope));
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, JsonValue> = {};
  for (const [key, item] of Object.entries(value)) out[key] = renderValue(item, scope);
  return out;
}

/**
 * Renders one string; a whole-string template returns the value itself.
 * `encode` applies to each value set inside other text, e.g. a path segment.
 */
export function renderString(
  text: string,
  scope: TemplateScope,
  encode: (value: string) => string = (value) => value,
): JsonValue {
  if (!hasTemplate(text)) return text;
  const parts = parseTemplate(text);
  const [only] = parts;
  if (parts.length === 1 && typeof only === "object") return resolveRef(only, scope);
  return parts.map((part) =>
    typeof part === "string" ? part : encode(_textOf(resolveRef(part, scope)))
  ).join("");
}

/** Renders a string and always returns text, e.g. for a URL path or header. */
export function renderText(
  text: string,
  scope: TemplateScope,
  encode?: (value: string) => string,
): string {
  return _textOf(renderString(text, scope, encode));
}

/** Looks a reference up; throws TemplateError when it leads nowhere. */
export function resolveRef(ref: TemplateRef, scope: TemplateScope): JsonValue {
  const [name, ...rest] = ref.path;
  let current: JsonValue | undefined = scope[ref.root][String(name)];
  for (const key of rest) {
    if (current === null || typeof current !== "object") return _undefined(ref);
    current = Array.isArray(current)
      ? current[Number(key)]
      : current[String(key)];
  }
  return current === undefined ? _undefined(ref) : current;
}

function _undefined(ref: TemplateRef): never {
  throw new TemplateError(`\${{ ${ref.source} }} is not defined`);
}

function _textOf(value: JsonValue): string {
  if (typeof value === "string") return value;
  if (typeof value === "bigint" || typeof value === "number") return String(value);
  if (typeof value === "boolean" || value === null) return String(value);
  return stringifyJson(value);
}

// `name`, `.name`, `[0]`, `["key"]` or `['key']` after the root.
const SEGMENT = /^(?:\.?([A-Za-z_][\w-]*)|\[(\d+)\]|\[(?:"([^"]*)"|'([^']*)')\])/;

function _parseRef(source: string, offset: number): TemplateRef {
  const root = /^[A-Za-z_]\w*/.exec(source)?.[0] ?? "";
  if (!ROOTS.has(root)) {
    throw new TemplateError(
      `\${{ ${source} }} must start with env., vars. or steps.`,
    );
  }
  const path: (string | number)[] = [];
  let rest = source.slice(root.length);
  if (!rest.startsWith(".")) {
    throw new TemplateError(`\${{ ${source} }} needs a name after '${root}.'`);
  }
  while (rest.length > 0) {
    const match = SEGMENT.exec(rest);
    if (!match) {
      throw new TemplateError(`\${{ ${source} }} is not a reference; no code is evaluated`);
    }
    const [whole, name, index, dq, sq] = match;
    path.push(index !== undefined ? Number(index) : (name ?? dq ?? sq ?? ""));
    rest = rest.slice(whole.length);
  }
  return { root: root as TemplateRef["root"], path, source, offset };
}
