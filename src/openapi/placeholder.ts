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

/** A value to start from, written as YAML (JSON is YAML). */
export function placeholder(schema: JsonObject): string {
  for (const key of ["example", "default", "const"]) {
    if (schema[key] !== undefined) return stringifyJson(schema[key]);
  }
  const examples = schema["examples"];
  if (Array.isArray(examples) && examples.length > 0) return stringifyJson(examples[0]);
  if (Array.isArray(schema["enum"]) && schema["enum"].length > 0) {
    return stringifyJson(schema["enum"][0]);
  }
  switch (typeOf(schema)) {
    case "integer":
    case "number":
      return String(_lowest(schema));
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
