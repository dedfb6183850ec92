/**
 * `expect.schema: openapi`: the body against the response schema that the
 * `--openapi` description declares for the step's operation and the status
 * that came back, each break named by its JSON pointer and the operation.
 */
import { operationLabel } from "../openapi/labels.ts";
import type { OpenApi, Operation } from "../openapi/operations.ts";
import { checkablePath, matchPath, type PathMatch } from "../openapi/path-match.ts";
import { declaredResponse, responseSchema } from "../openapi/responses.ts";
import { type SchemaBreak, schemaBreaks } from "../openapi/validator.ts";
import { quote } from "../recipe/problem.ts";
import { RecipeError } from "../errors.ts";
import type { LoadedRecipe } from "../recipe/load.ts";
import { OPENAPI_SCHEMA, type Step } from "../recipe/types.ts";
import type { HttpResponse } from "./http.ts";
import type { Failure } from "./results.ts";

const MAX_BREAKS = 20;

/**
 * Every place the body breaks its declared schema; a failure of kind
 * `invalid` when the step cannot be judged (no description, no operation).
 */
export function checkOpenApiBody(
  step: Step,
  response: HttpResponse,
  openapi: OpenApi | undefined,
): Failure[] {
  if (openapi === undefined) {
    return [_invalid("schema: openapi needs an OpenAPI description; pass --openapi FILE|URL " +
      "to run", "e.g. idmp-recipe run recipe.yaml --openapi https://host/v3/api-docs")];
  }
  // Limitation: a paginated step's body is the merged rows, which no
  // operation answers; checking each page as it arrives would lift it.
  if (step.paginate !== undefined) {
    return [_invalid("schema: openapi cannot judge a paginated step: its body is the " +
      "merged pages, not one answer", "Check the rows with an inline schema instead")];
  }
  const found = _operation(openapi, step);
  if ("failure" in found) return [found.failure];

  const { operation } = found;
  const { status, json } = response;
  const label = `${operationLabel(operation)}, ${status}`;
  const schema = responseSchema(operation, status);
  if (schema === undefined) {
    // A declared answer without content (204 No Content) holds when empty.
    if (json === null && declaredResponse(operation, status) !== undefined) return [];
    return [{ kind: "check", path: "schema",
      message: `schema: ${operationLabel(operation)} declares no JSON answer for status ` +
        `${status} in ${openapi.source}`,
      hint: "Expect a status the description declares, or check it with an inline schema" }];
  }
  if (json === null || json === undefined) {
    const what = json === null ? "has no body" : "is not JSON";
    return [{ kind: "check", path: "schema", message: `schema: response ${what} (${label})` }];
  }

  const breaks = schemaBreaks(schema, json, { version: openapi.version, direction: "response" });
  const failures: Failure[] = breaks.slice(0, MAX_BREAKS).map((found) => ({
    kind: "check",
    path: _pointer(found.path),
    message: `${_pointer(found.path)}: ${_text(found)} (${label})`,
  }));
  if (breaks.length > MAX_BREAKS) {
    failures.push({ kind: "check", path: "schema",
      message: `schema: ${breaks.length - MAX_BREAKS} more break(s) not listed (${label})` });
  }
  return failures;
}

// Each method and path is matched once per description, not once per call.
const _matches = new WeakMap<OpenApi, Map<string, PathMatch>>();

// Limitation: an absolute URL or a path that is one whole template is not
// matched; the rendered URL less the host's path would lift it.
function _operation(openapi: OpenApi, step: Step): { operation: Operation } | { failure: Failure } {
  const { method, path: written } = step.request;
  const path = checkablePath(written);
  if (path === undefined) {
    return { failure: _invalid(`schema: openapi cannot tell which operation ` +
      `${quote(written, 60)} calls`, "Write the path from the host, e.g. /api/v1/elements") };
  }
  const cache = _matches.get(openapi) ?? new Map<string, PathMatch>();
  _matches.set(openapi, cache);
  const match = cache.get(`${method} ${path}`) ?? matchPath(openapi.operations, method, path);
  cache.set(`${method} ${path}`, match);
  if ("operation" in match) return match;

  const fix = "unknownMethod" in match
    ? `${quote(match.path, 60)} has ${match.methods.join(", ")}`
    : match.suggestion === undefined ? "check it against the description"
    : `did you mean ${quote(match.suggestion, 60)}?`;
  return { failure: _invalid(`schema: no operation of ${openapi.source} matches ` +
    `${method} ${quote(path, 60)}; ${fix}`, "validate --openapi checks every step's path") };
}

function _invalid(message: string, hint: string): Failure {
  return { kind: "invalid", path: "schema", message, hint };
}

// A JSON pointer, as the inline schema checks write one: `/data/rows/3/id`.
function _pointer(path: readonly (string | number)[]): string {
  if (path.length === 0) return "/";
  return path.map((part) => `/${String(part).replace(/~/g, "~0").replace(/\//g, "~1")}`)
    .join("");
}

function _text(found: SchemaBreak): string {
  const extra = found.keyword === "additionalProperties" && found.property !== undefined;
  return extra ? `${found.message} ('${found.property}')` : found.message;
}

/**
 * Before a run without `--openapi`: a step that checks its answer against
 * the description could only fail, so the run is refused (exit 2) first.
 */
export function refuseOpenApiChecks(recipes: readonly LoadedRecipe[]): void {
  const steps = recipes.flatMap((loaded) => loaded.recipe.steps.flatMap((step, index) => {
    if (step.expect?.schema !== OPENAPI_SCHEMA) return [];
    const origin = loaded.stepOrigin(index);
    return [`${origin.file}:${origin.line ?? 0} '${step.name ?? step.id ?? `step ${index + 1}`}'`];
  }));
  if (steps.length === 0) return;
  throw new RecipeError(`expect.schema: openapi needs an OpenAPI description, and nothing `
    + `was sent: ${steps.join("; ")}`, {
    hint: "Pass --openapi FILE|URL, e.g. --openapi https://idmp.example.com/v3/api-docs",
  });
}
