/**
 * JSON Schemas for response bodies (`expect.schema`): read from a file or
 * taken inline, compiled once each by ajv, kept for the run.
 */
import { readFileSync } from "node:fs";
import { Ajv, type ValidateFunction } from "ajv";
import { parseJson, stringifyJson } from "../json.ts";
import { safeIntegersAsNumbers } from "./integers.ts";

/** A compiled body schema, or why there is none. */
export type BodySchema = { validate: ValidateFunction } | { error: string };

// Unknown keywords are errors (a typo must not pass silently); the type
// rules of strict mode are off, since schemas written elsewhere rarely
// repeat `type: object` beside every `properties`.
// Limitation: `format` is not checked (ajv-formats is not a dependency);
// adding it to this instance would lift that.
const _ajv = new Ajv({ strictSchema: true, strictTypes: false, strictTuples: false,
  strictRequired: false, allErrors: true, allowUnionTypes: true, validateFormats: false });
const _cache = new Map<string, BodySchema>();

/**
 * The compiled schema for `source`: an absolute file path or an inline
 * schema. Compiled at most once per file or per distinct inline schema.
 */
export function bodySchema(source: string | object): BodySchema {
  const key = typeof source === "string" ? `file:${source}` : stringifyJson(source);
  let found = _cache.get(key);
  if (!found) {
    found = typeof source === "string"
      ? _fromFile(source)
      : _compile(safeIntegersAsNumbers(source));
    _cache.set(key, found);
  }
  return found;
}

function _fromFile(file: string): BodySchema {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const code = error instanceof Error && "code" in error ? String(error.code) : "";
    return { error: `cannot read '${file}'${code === "ENOENT" ? ": no such file" : ""}` };
  }
  let parsed: unknown;
  try {
    parsed = parseJson(text);
  } catch (error) {
    return { error: `'${file}' is not JSON: ${error instanceof Error ? error.message : ""}` };
  }
  if (parsed === null || typeof parsed !== "object") {
    return { error: `'${file}' does not hold a schema object` };
  }
  return _compile(parsed);
}

function _compile(schema: unknown): BodySchema {
  if (schema === null || typeof schema !== "object") return { error: "not a schema object" };
  const big = _bigint(schema, "");
  if (big !== undefined) {
    // ajv compares numbers as doubles: 1234567890123456789 would equal ...788.
    return { error: `the integer ${big.value} at '${big.at || "/"}' is beyond 2^53, which `
      + "JSON Schema checks as a rounded double; check that value with expect.json "
      + "(e.g. $.data.id: 1234567890123456789), where every digit counts" };
  }
  try {
    return { validate: _ajv.compile(schema) };
  } catch (error) {
    return { error: `not a valid JSON Schema: ${error instanceof Error ? error.message : error}` };
  }
}

function _bigint(value: unknown, at: string): { value: bigint; at: string } | undefined {
  if (typeof value === "bigint") return { value, at };
  if (value === null || typeof value !== "object") return undefined;
  for (const [key, item] of Object.entries(value)) {
    const found = _bigint(item, `${at}/${key}`);
    if (found) return found;
  }
  return undefined;
}
