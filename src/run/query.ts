/**
 * The query string policy, one for every request and both runtimes: a list
 * repeats its key (`tag=a&tag=b`), names and values are UTF-8
 * percent-encoded with everything but `A-Z a-z 0-9 - _ . ! ~ * ' ( )` escaped
 * (so a space is `%20` and `+` is `%2B`), an empty string gives `name=`,
 * null and undefined leave the key out, a bigint is written as its digits.
 */
import { RecipeError } from "../errors.ts";

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Encodes `query` by the policy above, keys in their given order. */
export function encodeQuery(query: Record<string, unknown>): string {
  const pairs: string[] = [];
  for (const [name, value] of Object.entries(query)) {
    const items = Array.isArray(value) ? value : [value];
    for (const item of items) {
      if (item === null || item === undefined) continue;
      pairs.push(`${_encode(name)}=${_encode(_text(name, item))}`);
    }
  }
  return pairs.join("&");
}

function _text(name: string, value: unknown): string {
  switch (typeof value) {
    case "string":
      return value;
    case "number":
    case "bigint":
    case "boolean":
      return String(value);
    default:
      throw new RecipeError(
        `Cannot put query parameter "${name}" in a URL: its value is ${_kind(value)}`,
        { hint: "Give a string, number or boolean, or a list of them" },
      );
  }
}

function _kind(value: unknown): string {
  if (Array.isArray(value)) return "a nested list";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

function _encode(text: string): string {
  // A lone surrogate cannot be UTF-8 encoded; write U+FFFD in its place.
  return encodeURIComponent(text.replace(LONE_SURROGATE, "\uFFFD"));
}
