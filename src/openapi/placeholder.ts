/**
 * What `init --from-openapi` writes for a value the description asks for:
 * its example, default, first enum value, or a typed blank (0, "", false),
 * and the comment that says its type and what it is.
 */
import { stringifyJson } from "../json.ts";
import { isObject, type JsonObject } from "./operations.ts";

/** A schema with `allOf` merged and the first `anyOf`/`oneOf` taken. */
export function flatten(schema: JsonObject): JsonObject {
  const parts = Array.isArray(schema["allOf"]) ? schema["allOf"].filter(isObject) : [];
  const pick = [schema["oneOf"], schema["anyOf"]].find(Array.isArray)?.find(isObject);
  if (parts.length === 0 && pick === undefined) return schema;
  const merged: JsonObject = { ...schema, properties: {}, required: [] };
  for (const part of [...parts.map(flatten), ...(pick ? [flatten(pick)] : []), schema]) {
    for (const [key, value] of Object.entries(part)) if (!(key in merged)) merged[key] = value;
    merged["properties"] = { ..._object(merged["properties"]), ..._object(part["properties"]) };
    merged["required"] = [..._list(merged["required"]), ..._list(part["required"])];
  }
  return merged;
}

/** The main type: `integer`, `string`, ...; `null` only when it is the only one. */
export function typeOf(schema: JsonObject): string {
  const type = schema["type"];
  const types = Array.isArray(type) ? type.filter((t) => typeof t === "string") : [type];
  const main = types.find((t) => t !== "null") ?? types[0];
  if (typeof main === "string") return main;
  if (isObject(schema["properties"])) return "object";
  return Array.isArray(schema["enum"]) ? "enum" : "any";
}

/**
 * A value to start from, written as YAML (JSON is YAML): the first of the
 * description's values that can be written as it is, else a typed blank.
 */
export function placeholder(schema: JsonObject): string {
  const examples = Array.isArray(schema["examples"]) ? schema["examples"].slice(0, 1) : [];
  const enums = Array.isArray(schema["enum"]) ? schema["enum"].slice(0, 1) : [];
  const given = [schema["example"], schema["default"], schema["const"], ...examples, ...enums];
  for (const value of given) {
    const text = value === undefined ? undefined : _written(value);
    if (text !== undefined) return text;
  }
  switch (typeOf(schema)) {
    case "integer":
    case "number":
      return _written(_lowest(schema)) ?? "0";
    case "boolean":
      return "false";
    case "array":
      return "[]";
    case "object":
      return "{}";
    case "null":
      return "null";
    default:
      return typeof schema["minLength"] === "number" && schema["minLength"] > 0 ? '"text"' : '""';
  }
}

/** `integer (int64), required: the element id`, cut to one short line. */
export function note(schema: JsonObject, required: boolean, description?: string): string {
  const format = typeof schema["format"] === "string" ? ` (${schema["format"]})` : "";
  const nullable = Array.isArray(schema["type"]) && schema["type"].includes("null")
    || schema["nullable"] === true ? " or null" : "";
  const what = description ?? (typeof schema["description"] === "string"
    ? schema["description"] : "");
  const line = what.split("\n")[0]?.trim() ?? "";
  const text = line === "" ? "" : `: ${line.length > 60 ? `${line.slice(0, 57)}...` : line}`;
  return `${typeOf(schema)}${format}${nullable}, ${required ? "required" : "optional"}${text}`;
}

// Integers beyond 2^53 are written quoted, or `validate --strict` refuses the
// recipe (yaml-big-integer); as text they render the same digits into a path.
// Limitation: in a JSON body such an id is then sent as a string; unquote it
// (and accept the warning) where the API wants a number.
// A value holding `${{` would be a live template in the recipe: it is dropped.
function _written(value: unknown): string | undefined {
  const text = stringifyJson(_bigintsAsText(value));
  return text.includes("${{") ? undefined : text;
}

function _bigintsAsText(value: unknown): unknown {
  if (typeof value === "bigint") return _isSafe(value) ? Number(value) : String(value);
  if (Array.isArray(value)) return value.map(_bigintsAsText);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, _bigintsAsText(v)]));
}

function _isSafe(big: bigint): boolean {
  return big >= BigInt(Number.MIN_SAFE_INTEGER) && big <= BigInt(Number.MAX_SAFE_INTEGER);
}

function _lowest(schema: JsonObject): number | bigint {
  const minimum = schema["minimum"];
  const exclusive = schema["exclusiveMinimum"];
  if (typeof exclusive === "number") return exclusive + 1;
  if (typeof minimum === "number" || typeof minimum === "bigint") {
    return exclusive === true ? Number(minimum) + 1 : minimum;
  }
  return 0;
}

function _object(value: unknown): JsonObject {
  return isObject(value) ? value : {};
}

function _list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
