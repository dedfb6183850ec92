/**
 * The recipe JSON Schema, `schema/recipe.schema.json`, and its validator.
 * The file is the source of truth; ajv enforces it in strict mode.
 */
import { readFileSync } from "node:fs";
import { Ajv, type ValidateFunction } from "ajv";

const SCHEMA_URL = new URL("../../schema/recipe.schema.json", import.meta.url);

/** The recipe JSON Schema as parsed from the file. */
export const recipeSchema: Readonly<Record<string, unknown>> = _readSchema();

let _validator: ValidateFunction | undefined;

/**
 * The compiled validator, built on first use. Errors are verbose (they carry
 * the schema that failed) so that messages can name the keys a place allows.
 */
export function recipeValidator(): ValidateFunction {
  _validator ??= new Ajv({
    strict: true,
    allErrors: true,
    discriminator: true,
    allowUnionTypes: true,
    verbose: true,
  }).compile(recipeSchema);
  return _validator;
}

function _readSchema(): Record<string, unknown> {
  const parsed: unknown = JSON.parse(readFileSync(SCHEMA_URL, "utf8"));
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new Error(`${SCHEMA_URL.pathname} does not hold a JSON object`);
  }
  return { ...parsed };
}
