/**
 * `expect.headers` and header captures. Header values are text: a number
 * written as an expected literal is compared as its text, while `gt`,
 * `gte`, `lt` and `lte` read a numeric header by value.
 */
import type { JsonValue } from "../json.ts";
import type { Matcher } from "../recipe/types.ts";
import { checkMatcher } from "./check.ts";
import type { JsonSelection } from "./jsonpath.ts";
import type { Failure } from "./results.ts";

const ORDER_KEYS = new Set(["gt", "gte", "lt", "lte"]);
const NUMBER = /^-?\d+(?:\.\d+)?$/;

/** Every header check that does not hold; `headers` has lowercased names. */
export function checkHeaders(
  expected: Readonly<Record<string, Matcher>>,
  headers: Readonly<Record<string, string>>,
): Failure[] {
  const failures: Failure[] = [];
  for (const [name, matcher] of Object.entries(expected)) {
    const value = headers[name.toLowerCase()];
    const path = `header ${name.toLowerCase()}`;
    const object = matcher !== null && typeof matcher === "object" && !Array.isArray(matcher);
    if (!object) {
      failures.push(...checkMatcher(path, _asText(matcher), _select(value, false)));
      continue;
    }
    for (const [key, want] of Object.entries(matcher)) {
      const wanted = key === "eq" || key === "ne" ? _asText(want as JsonValue) : want;
      const one = { [key]: wanted } as Matcher;
      failures.push(...checkMatcher(path, one, _select(value, ORDER_KEYS.has(key))));
    }
  }
  return failures;
}

/** A header's value by name, any case; undefined when absent. */
export function headerValue(
  headers: Readonly<Record<string, string>>,
  name: string,
): string | undefined {
  return headers[name.toLowerCase()];
}

function _select(value: string | undefined, numeric: boolean): JsonSelection {
  if (value === undefined) return { found: false, value: undefined, many: false };
  const number = numeric && NUMBER.test(value) ? _number(value) : value;
  return { found: true, value: number, many: false };
}

function _number(text: string): number | bigint {
  return text.includes(".") ? Number(text) : BigInt(text);
}

function _asText(value: JsonValue): JsonValue {
  return typeof value === "number" || typeof value === "bigint" || typeof value === "boolean"
    ? String(value)
    : value;
}
