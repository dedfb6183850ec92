/**
 * `validate --openapi`: each step's method and path must name an operation
 * of the description, its query and JSON body must fit that operation, and
 * `expect.schema: openapi` must find a response schema.
 * Problems point at the recipe line: the path, the query key, the body node.
 */
import { readFile } from "node:fs/promises";
import { type CheckContext, report } from "../recipe/context.ts";
import type { LoadedRecipe } from "../recipe/load.ts";
import { type Problem, quote } from "../recipe/problem.ts";
import { readYaml } from "../recipe/yaml-read.ts";
import type { Step } from "../recipe/types.ts";
import { checkBody } from "./check-body.ts";
import { checkQuery } from "./check-query.ts";
import { checkResponse } from "./check-response.ts";
import type { OpenApi, Operation } from "./operations.ts";
import { checkablePath, matchPath } from "./path-match.ts";

/** What the step checks share: where to report, the description, the step. */
export interface StepCheck {
  context: CheckContext;
  openapi: OpenApi;
  step: Step;
  /** The step's path in the recipe, e.g. `["steps", 2]`. */
  at: (string | number)[];
  operation: Operation;
}

/** Problems of a valid recipe against a description; reads its files again for positions. */
export async function checkRecipeAgainstOpenApi(
  openapi: OpenApi,
  loaded: LoadedRecipe,
): Promise<Problem[]> {
  // An included step is checked, and its problems placed, in its own file.
  const contexts = new Map<string, CheckContext | undefined>();
  for (const [index, step] of loaded.recipe.steps.entries()) {
    const source = loaded.stepSource(index);
    const file = source.loaded.file;
    if (!contexts.has(file)) contexts.set(file, await _contextOf(file));
    const context = contexts.get(file);
    if (context === undefined) continue;
    const at = ["steps", source.index];
    const operation = _operation(context, openapi, step, at);
    if (operation === undefined) continue;
    const check: StepCheck = { context, openapi, step, at, operation };
    checkQuery(check);
    checkBody(check);
    checkResponse(check);
  }
  return [...contexts.values()].flatMap((context) => context?.problems ?? []);
}

async function _contextOf(file: string): Promise<CheckContext | undefined> {
  const { locator } = readYaml(await readFile(file, "utf8"), file);
  return locator === undefined ? undefined : { file, locator, problems: [] };
}

// Limitation: absolute URLs and paths that are one whole template are not
// checked: which server they reach is known only when the recipe runs.
function _operation(
  context: CheckContext,
  openapi: OpenApi,
  step: Step,
  at: (string | number)[],
): Operation | undefined {
  const { method, path: written } = step.request;
  const path = checkablePath(written);
  if (path === undefined) return undefined;

  const match = matchPath(openapi.operations, method, path);
  if ("operation" in match) return match.operation;
  const where = [...at, "request", "path"];
  const position = context.locator.value(where);
  if ("unknownMethod" in match) {
    const message = `${method} is not an operation of ${quote(match.path, 60)} in the ` +
      `description; it has ${match.methods.join(", ")}. Change the method, or the path`;
    report(context, context.locator.value([...at, "request", "method"]), "openapi-method",
      message, { path: [...at, "request", "method"] });
    return undefined;
  }
  const fix = match.suggestion === undefined
    ? "check it against the description"
    : `did you mean ${quote(match.suggestion, 60)}?`;
  const message = `No operation of the description matches ${method} ${quote(path, 60)}; ${fix}`;
  report(context, position, "openapi-path", message, { path: where });
  return undefined;
}
