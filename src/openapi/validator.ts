/**
 * Checks values against a description's schemas with ajv (draft 2020-12,
 * which OpenAPI 3.1 uses and 3.0 schemas are converted to). Compiled once
 * per schema object.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import { bigintsAsNumbers } from "../recipe/integers.ts";
import type { OpenApiVersion } from "./operations.ts";
import { type Direction, toJsonSchema } from "./schema-convert.ts";

/** One place where a value breaks its schema. */
export interface SchemaBreak {
  /** Keys and indexes from the checked value down to the breaking node. */
  path: (string | number)[];
  keyword: string;
  /** ajv's words, e.g. `must be integer`. */
  message: string;
  /** A property the schema does not allow, or one it requires. */
  property?: string;
  /** The properties the breaking node's schema names, for "did you mean". */
  known: string[];
}

// Strict mode stays on for the recipe schema. These are someone else's
// schemas: vendor descriptions carry keywords such as `example`, `xml` or
// `discriminator` and `x-` extensions that strict ajv refuses, so unknown
// keywords are ignored here. Formats (int64, date-time) are not checked.
const ajv = new Ajv2020({
  strict: false,
  allErrors: true,
  verbose: true,
  validateFormats: false,
  logger: false,
});
// Query values arrive as text: "12" is an integer, a scalar a one-item list.
const coercing = new Ajv2020({
  strict: false,
  coerceTypes: "array",
  validateFormats: false,
  logger: false,
});

const cache = new WeakMap<object, Map<string, ValidateFunction>>();

/** Where `value` breaks `schema`; empty when it fits. Bigints count as integers. */
export function schemaBreaks(
  schema: object,
  value: unknown,
  how: { version: OpenApiVersion; direction: Direction; coerce?: boolean },
): SchemaBreak[] {
  const validate = _compiled(schema, how.version, how.direction, how.coerce === true);
  // A copy: ajv knows no bigints, and coercion writes into what it checks.
  if (validate(bigintsAsNumbers(value))) return [];
  return _withoutBranchNoise(validate.errors ?? []).map(_break);
}

function _compiled(schema: object, version: OpenApiVersion, direction: Direction, coerce: boolean) {
  const key = `${version} ${direction} ${coerce}`;
  const bySchema = cache.get(schema) ?? new Map<string, ValidateFunction>();
  cache.set(schema, bySchema);
  let validate = bySchema.get(key);
  if (validate === undefined) {
    validate = (coerce ? coercing : ajv).compile(toJsonSchema(schema, version, direction));
    bySchema.set(key, validate);
  }
  return validate;
}

// Under a failed anyOf/oneOf, the errors of each branch say little; the
// failed alternative itself is the one worth a line.
function _withoutBranchNoise(errors: ErrorObject[]): ErrorObject[] {
  const branches = errors
    .filter((e) => e.keyword === "anyOf" || e.keyword === "oneOf")
    .map((e) => `${e.schemaPath}/`);
  return errors.filter((e) => !branches.some((prefix) => e.schemaPath.startsWith(prefix)));
}

function _break(error: ErrorObject): SchemaBreak {
  const path = error.instancePath.split("/").slice(1)
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  const params: Record<string, unknown> = error.params;
  const property = params["additionalProperty"] ?? params["missingProperty"];
  const parent: unknown = error.parentSchema;
  const properties = typeof parent === "object" && parent !== null && "properties" in parent
    ? parent.properties : undefined;
  return {
    path,
    keyword: error.keyword,
    message: error.message ?? `fails ${error.keyword}`,
    ...(typeof property === "string" ? { property } : {}),
    known: typeof properties === "object" && properties !== null ? Object.keys(properties) : [],
  };
}
