/**
 * Comparing JSON values as matchers need it: numbers by value whether they
 * arrived as doubles or as bigints, objects regardless of key order.
 */
import { type JsonValue, stringifyJson } from "../json.ts";
import type { JsonTypeName } from "../recipe/types.ts";

/** Deep equality; 5 equals 5n, 1234567890123456789n equals only its digits. */
export function deepEqual(a: JsonValue, b: JsonValue): boolean {
  if (_isNumeric(a) && _isNumeric(b)) return a == b; // exact across number and bigint
  if (typeof a !== typeof b || a === null || b === null) return a === b;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, index) => deepEqual(item, b[index] as JsonValue));
  }
  if (typeof a !== "object" || typeof b !== "object") return a === b;

  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => key in b && deepEqual(a[key] as JsonValue, b[key] as JsonValue));
}

/**
 * Orders `actual` against `expected`: negative, zero or positive, or
 * undefined when they cannot be compared. Numbers compare exactly by value
 * (a string of digits counts as a number here); two strings by code units.
 */
export function compareValues(
  actual: JsonValue,
  expected: number | bigint | string,
): number | undefined {
  if (typeof actual === "string" && typeof expected === "string") {
    return actual < expected ? -1 : actual > expected ? 1 : 0;
  }
  if (!_isNumeric(actual)) return undefined;
  const limit = typeof expected === "string" ? _number(expected) : expected;
  if (limit === undefined) return undefined;
  return actual < limit ? -1 : actual > limit ? 1 : 0;
}

/** True when `value` is of the named JSON type; a bigint is an integer. */
export function isJsonType(value: JsonValue, type: JsonTypeName): boolean {
  if (type === "integer") return typeof value === "bigint" || Number.isInteger(value);
  return jsonTypeOf(value) === type;
}

/** The JSON type of a value: a bigint is a number. */
export function jsonTypeOf(value: JsonValue): JsonTypeName {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "bigint") return "number";
  return typeof value as "string" | "number" | "boolean" | "object";
}

/** A value as messages show it: JSON, bigints exact, cut at 80 characters. */
export function showValue(value: JsonValue | undefined): string {
  if (value === undefined) return "nothing";
  const text = stringifyJson(value);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

function _isNumeric(value: unknown): value is number | bigint {
  return typeof value === "number" || typeof value === "bigint";
}

function _number(text: string): number | bigint | undefined {
  if (/^-?\d+$/.test(text)) return BigInt(text);
  if (/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(text)) return Number(text);
  return undefined;
}
