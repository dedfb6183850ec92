/**
 * JSON that keeps 64-bit integers. IDMP IDs exceed 2^53, so an integer that a
 * double cannot hold exactly becomes a bigint on the way in and goes out as
 * the same digits.
 */
import { isInteger, isSafeNumber, parse, stringify } from "lossless-json";

/** A JSON value as the runner holds it: numbers beyond 2^53 are bigints. */
export type JsonValue =
  | null
  | boolean
  | number
  | bigint
  | string
  | JsonValue[]
  | { [key: string]: JsonValue };

// Sixteen digits in a row is the shortest run that can exceed 2^53; without
// one, the built-in parser is exact and several times faster.
const LONG_DIGITS = /\d{16}/;

/** Parses JSON text, turning integers beyond 2^53 into bigints. */
export function parseJson(text: string): JsonValue {
  if (!LONG_DIGITS.test(text)) return JSON.parse(text) as JsonValue;
  return parse(text, null, _parseNumber) as JsonValue;
}

/** Serialises a value, writing bigints as their exact digits. */
export function stringifyJson(value: unknown, indent?: number): string {
  if (!_hasBigint(value)) return JSON.stringify(value, null, indent);
  return stringify(value, null, indent) ?? "null";
}

function _parseNumber(digits: string): number | bigint {
  if (isInteger(digits) && !isSafeNumber(digits)) return BigInt(digits);
  return Number(digits);
}

function _hasBigint(value: unknown): boolean {
  if (typeof value === "bigint") return true;
  if (value === null || typeof value !== "object") return false;
  for (const item of Object.values(value)) if (_hasBigint(item)) return true;
  return false;
}
