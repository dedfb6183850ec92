/**
 * `${{ ... }}` templates: references to `env.NAME`, `vars.name`,
 * `steps.<id>.status|headers|json` and, in a forEach step, `item` and
 * `index`, followed by `.key` or `[index]` parts.
 * Nothing is evaluated as code. This file renders; template-parse.ts parses.
 */
import { type JsonValue, stringifyJson } from "../json.ts";
import { hasTemplate, parseTemplate } from "./template-parse.ts";
import { timeValue } from "./template-time.ts";
import { TemplateError, type TemplateRef, type TemplateScope } from "./template-types.ts";

export { findTemplateRefs, hasTemplate, parseTemplate } from "./template-parse.ts";
export { TemplateError } from "./template-types.ts";
export type { TemplatePart, TemplateRef, TemplateScope } from "./template-types.ts";

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

/**
 * Looks a reference up; when it leads nowhere, asks `scope.missing` (a dry
 * run shows the template itself) or throws TemplateError.
 */
export function resolveRef(ref: TemplateRef, scope: TemplateScope): JsonValue {
  if (ref.root === "time") return timeValue(ref, scope.now ?? Date.now());
  const [name, ...rest] = ref.path;
  const loop = ref.root === "item" || ref.root === "index";
  let current: JsonValue | undefined = ref.root === "item" ? scope.item
    : ref.root === "index" ? scope.index
    : _own(scope[ref.root], String(name));
  // Own keys only: `vars.x.constructor` leads nowhere, never to a function.
  for (const key of loop ? ref.path : rest) {
    if (current === null || typeof current !== "object") return _undefined(ref, scope);
    current = Array.isArray(current)
      ? current[Number(key)]
      : _own(current, String(key));
  }
  return current === undefined ? _undefined(ref, scope) : current;
}

function _own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

function _undefined(ref: TemplateRef, scope: TemplateScope): JsonValue {
  if (scope.missing) return scope.missing(ref);
  throw new TemplateError(`\${{ ${ref.source} }} is not defined`);
}

function _textOf(value: JsonValue): string {
  if (typeof value === "string") return value;
  if (typeof value === "bigint" || typeof value === "number") return String(value);
  if (typeof value === "boolean" || value === null) return String(value);
  return stringifyJson(value);
}
