/**
 * `validate --openapi`: a step that says `expect.schema: openapi` needs an
 * operation that declares a JSON schema for the answers it expects (a 2xx,
 * or its `expect.status`); otherwise the run has nothing to check its body
 * against, which is a warning at the `schema` line.
 */
import { report } from "../recipe/context.ts";
import { OPENAPI_SCHEMA } from "../recipe/types.ts";
import type { StepCheck } from "./check-recipe.ts";
import { operationLabel } from "./labels.ts";
import { responseSchema } from "./responses.ts";

/** Warns when no status the step expects has a declared JSON response schema. */
export function checkResponse(check: StepCheck): void {
  const { context, step, at, operation } = check;
  if (step.expect?.schema !== OPENAPI_SCHEMA) return;
  const expected = step.expect.status;
  const statuses = expected === undefined ? _successes() : [expected].flat();
  if (statuses.some((status) => responseSchema(operation, status) !== undefined)) return;

  const what = expected === undefined ? "a 2xx status" : `status ${statuses.join(" or ")}`;
  const where = [...at, "expect", "schema"];
  report(context, context.locator.value(where), "openapi-response",
    `${operationLabel(operation)} declares no JSON response schema for ${what}, so ` +
    "schema: openapi has nothing to check the body against", { path: where, severity: "warning" });
}

// Every 2xx code: the exact ones a description declares, `2XX` or `default`.
function _successes(): number[] {
  return Array.from({ length: 100 }, (_, index) => 200 + index);
}
