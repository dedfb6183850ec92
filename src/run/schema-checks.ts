/**
 * `expect.schema`: the response body against a JSON Schema, each break a
 * failure named by its JSON pointer, e.g. `/data/rows/3/id: must be integer`.
 */
import type { ErrorObject } from "ajv";
import type { JsonValue } from "../json.ts";
import { bodySchema } from "../recipe/body-schema.ts";
import { bigintsAsNumbers } from "../recipe/integers.ts";
import type { Failure } from "./results.ts";

const MAX_BREAKS = 20;

/** Every place the body breaks the schema; empty when it holds. */
export function checkBodySchema(
  source: string | Record<string, JsonValue>,
  body: JsonValue | undefined,
): Failure[] {
  const compiled = bodySchema(source);
  if ("error" in compiled) {
    return [{ kind: "invalid", path: "schema", message: `Body schema: ${compiled.error}` }];
  }
  if (body === undefined) {
    return [{ kind: "check", path: "schema", message: "schema: response is not JSON" }];
  }
  // Types only: a bigint id is an integer either way.
  if (compiled.validate(bigintsAsNumbers(body))) return [];

  const errors = compiled.validate.errors ?? [];
  const failures: Failure[] = errors.slice(0, MAX_BREAKS).map((error) => ({
    kind: "check",
    path: error.instancePath || "/",
    message: `${error.instancePath || "/"}: ${_text(error)}`,
  }));
  if (errors.length > MAX_BREAKS) {
    failures.push({ kind: "check", path: "schema",
      message: `schema: ${errors.length - MAX_BREAKS} more break(s) not listed` });
  }
  return failures;
}

function _text(error: ErrorObject): string {
  const message = error.message ?? `breaks ${error.keyword}`;
  const params = error.params as Record<string, unknown>;
  const extra = params["additionalProperty"];
  return typeof extra === "string" ? `${message} ('${extra}')` : message;
}
