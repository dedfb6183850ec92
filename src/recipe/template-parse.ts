/**
 * Parsing of `${{ ... }}` templates into literal text and references, each
 * distinct string once. Nothing is evaluated as code.
 */
import type { TemplatePart, TemplateRef } from "./template-types.ts";
import { TemplateError } from "./template-types.ts";
import { parseTimeRef } from "./template-time.ts";

const OPEN = "${{";
const CLOSE = "}}";
const ROOTS = new Set(["env", "vars", "steps", "time", "item", "index"]);
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

// `name`, `.name`, `[0]`, `["key"]` or `['key']` after the root.
const SEGMENT = /^(?:\.?([A-Za-z_][\w-]*)|\[(\d+)\]|\[(?:"([^"]*)"|'([^']*)')\])/;

function _parseRef(source: string, offset: number): TemplateRef {
  const root = /^[A-Za-z_]\w*/.exec(source)?.[0] ?? "";
  if (!ROOTS.has(root)) {
    throw new TemplateError(
      `\${{ ${source} }} must start with env., vars., steps., time., item or index`,
    );
  }
  if (root === "time") return parseTimeRef(source, offset);
  const path: (string | number)[] = [];
  let rest = source.slice(root.length);
  // forEach's `item` may stand alone or be followed by parts; `index` alone.
  if (root === "index" && rest !== "") {
    throw new TemplateError(`\${{ ${source} }}: index is the item's number and has no parts`);
  }
  const bare = root === "item" || root === "index";
  if (!rest.startsWith(".") && !(bare && (rest === "" || rest.startsWith("[")))) {
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
