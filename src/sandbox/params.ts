/**
 * Reading the parameters of a call: query values, path ids and JSON bodies.
 * Anything malformed becomes a 400 that names the parameter.
 */
import { parseJson, type JsonValue } from "../json.ts";
import { ApiFailure, badParameter } from "./failure.ts";

/** Bounds and default of an integer query parameter. */
export interface IntegerRule {
  min: number;
  max: number;
  fallback?: number;
}

/** Reads an integer query parameter; absent gives `rule.fallback`. */
export function readInteger(
  query: URLSearchParams,
  name: string,
  rule: IntegerRule,
): number | undefined {
  const text = query.get(name);
  if (text === null || text === "") return rule.fallback;

  const value = /^-?\d{1,16}$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(value) || value < rule.min || value > rule.max) {
    throw badParameter(name, text, `an integer from ${rule.min} to ${rule.max}`);
  }
  return value;
}

/** Reads a 64-bit id from its digits, exactly (never through a double). */
export function readId(text: string, name: string): bigint {
  if (!/^\d{1,20}$/.test(text)) throw badParameter(name, text, "a 64-bit integer id");
  return BigInt(text);
}

/** Reads an optional id query parameter. */
export function readOptionalId(query: URLSearchParams, name: string): bigint | undefined {
  const text = query.get(name);
  return text === null || text === "" ? undefined : readId(text, name);
}

/** Parses a request body that must be a JSON object. */
export function readJsonObject(body: string): Record<string, JsonValue> {
  let value: JsonValue;
  try {
    value = parseJson(body);
  } catch {
    throw new ApiFailure(400, "Request body is not valid JSON");
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new ApiFailure(400, "Request body must be a JSON object");
  }
  return value;
}

/** Reads an id from a JSON body field: a number, a bigint or digits. */
export function readBodyId(value: JsonValue | undefined, name: string): bigint | null {
  if (value === undefined || value === null) return null;
  if (typeof value === "bigint") return value;
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) {
    return BigInt(value);
  }
  if (typeof value === "string") return readId(value, name);
  throw badParameter(name, String(value), "a 64-bit integer id or null");
}

/** Reads an optional string field from a JSON body. */
export function readBodyString(
  value: JsonValue | undefined,
  name: string,
): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string") throw badParameter(name, String(value), "a string");
  return value;
}
