/**
 * An OpenAPI schema as a JSON Schema (2020-12) that ajv can compile: 3.0's
 * `nullable` and boolean `exclusiveMinimum`/`exclusiveMaximum` rewritten,
 * `readOnly` properties not required of requests (`writeOnly` of answers),
 * documentation-only keywords dropped, cycles cut.
 */
import { isObject, type JsonObject, type OpenApiVersion } from "./operations.ts";

/** Which way the data travels: requests skip `readOnly`, responses `writeOnly`. */
export type Direction = "request" | "response";

const ONE = ["items", "additionalProperties", "not", "contains", "propertyNames", "if",
  "then", "else", "unevaluatedItems", "unevaluatedProperties"];
const LIST = ["allOf", "anyOf", "oneOf", "prefixItems"];
const MAP = ["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"];
// Words that describe and do not constrain, or that ajv could not resolve
// once the document's $refs are gone.
const DROPPED = new Set(["example", "examples", "xml", "externalDocs", "discriminator",
  "$schema", "$id", "$anchor", "$dynamicAnchor", "$dynamicRef", "$ref", "nullable",
  "deprecated", "readOnly", "writeOnly"]);

/** Converts a dereferenced schema for ajv; `{}` (anything) stands for a cycle. */
export function toJsonSchema(
  schema: unknown,
  version: OpenApiVersion,
  direction: Direction,
): JsonObject | boolean {
  return _convert(schema, { version, direction, seen: new Map() });
}

interface Walk {
  version: OpenApiVersion;
  direction: Direction;
  /** How often each schema object is open on the way down. */
  seen: Map<object, number>;
}

// Limitation: a recursive schema is unrolled twice (a menu, its children);
// deeper levels accept anything. Keeping the $refs for ajv would lift it.
const UNROLLED = 2;

function _convert(schema: unknown, walk: Walk): JsonObject | boolean {
  if (typeof schema === "boolean") return schema;
  const open = isObject(schema) ? walk.seen.get(schema) ?? 0 : UNROLLED;
  if (!isObject(schema) || open >= UNROLLED) return {};
  walk.seen.set(schema, open + 1);
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(schema)) {
    if (DROPPED.has(key) || key.startsWith("x-")) continue;
    if (ONE.includes(key)) out[key] = _convert(value, walk);
    else if (LIST.includes(key) && Array.isArray(value)) {
      out[key] = value.map((item: unknown) => _convert(item, walk));
    } else if (MAP.includes(key) && isObject(value)) {
      out[key] = Object.fromEntries(
        Object.entries(value).map(([name, item]) => [name, _convert(item, walk)]),
      );
    } else out[key] = _plain(value);
  }
  walk.seen.set(schema, open);

  if (walk.version === "3.0") _from30(schema, out);
  _dropHidden(schema, out, walk.direction);
  return out;
}

function _from30(schema: JsonObject, out: JsonObject): void {
  for (const [bound, limit] of [["exclusiveMinimum", "minimum"], ["exclusiveMaximum", "maximum"]]) {
    if (bound === undefined || limit === undefined || typeof schema[bound] !== "boolean") continue;
    if (schema[bound] === true && typeof out[limit] === "number") {
      out[bound] = out[limit];
      delete out[limit];
    } else delete out[bound];
  }
  if (schema["nullable"] !== true) return;
  if (typeof out["type"] === "string") out["type"] = [out["type"], "null"];
  if (Array.isArray(out["enum"])) out["enum"] = [...out["enum"], null];
  if (out["type"] === undefined && out["enum"] === undefined) {
    const rest = { ...out };
    for (const key of Object.keys(out)) delete out[key];
    out["anyOf"] = [rest, { type: "null" }];
  }
}

// A readOnly property is the server's to fill: a request need not send it.
function _dropHidden(schema: JsonObject, out: JsonObject, direction: Direction): void {
  const properties = schema["properties"];
  if (!Array.isArray(out["required"]) || !isObject(properties)) return;
  const hidden = direction === "request" ? "readOnly" : "writeOnly";
  out["required"] = out["required"].filter((name: unknown) => {
    const property = typeof name === "string" ? properties[name] : undefined;
    return !(isObject(property) && property[hidden] === true);
  });
}

// Values of keywords: bigints (from 64-bit examples or bounds) as numbers.
function _plain(value: unknown): unknown {
  if (typeof value === "bigint") return Number(value);
  if (Array.isArray(value)) return value.map(_plain);
  if (!isObject(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, _plain(v)]));
}
