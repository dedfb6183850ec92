/**
 * For a recipe the schema refused: the checks that still make sense on
 * what is there (literal secrets, template syntax, duplicate step ids,
 * paths, JSONPaths...), so that one `validate` lists every problem. A
 * finding on a node the schema already refused is dropped: one message
 * per mistake.
 */
import type { CheckContext } from "./context.ts";
import type { Problem } from "./problem.ts";
import { checkSemantics } from "./semantic.ts";
import type { Auth, Expect, Recipe, Request, Step } from "./types.ts";

const MODES = new Set(["enterprise", "cloud", "apiKey", "none"]);
// Schema findings that leave the value at their path meaningful.
const KEY_RULES = new Set(["missing-key", "unknown-key"]);

// Limitation: under a misspelt key (`step:` for `steps:`) only the scan for
// JWTs and API keys runs; checking it under the key it stands for would need
// the schema check's renamed copy passed here.

/** Adds the problems of the checks that are safe on a schema-invalid value. */
export function checkRefusedRecipe(context: CheckContext, value: unknown): void {
  const refused = context.problems
    .filter((problem) => problem.path !== undefined && !KEY_RULES.has(problem.rule))
    .map((problem) => problem.path ?? "");
  const scratch: CheckContext = { ...context, problems: [...context.problems] };

  checkSemantics(scratch, salvageRecipe(value), { partial: true });

  const found = scratch.problems.slice(context.problems.length);
  context.problems.push(...found.filter((problem) => !_within(problem, refused)));
}

/**
 * What of a value has a recipe's shape, as a recipe: list indexes kept,
 * known keys of the wrong type left out, so each check reads only what it
 * understands. Unknown keys stay, for the scan for pasted tokens.
 */
export function salvageRecipe(value: unknown): Recipe {
  const root = _record(value);
  const mode = _record(root["auth"])["mode"];
  const steps = Array.isArray(root["steps"]) ? root["steps"] : [];
  return {
    ...root,
    version: 1,
    name: "",
    // Only the mode is read by the checks that run here.
    auth: { mode: typeof mode === "string" && MODES.has(mode) ? mode : "none" } as Auth,
    // Checks walk these as unknown values; no key is trusted.
    vars: _record(root["vars"]) as Recipe["vars"],
    steps: steps.map(_step),
  };
}

function _step(value: unknown): Step {
  const step = _record(value);
  const request = _record(step["request"]);
  const expect = _record(step["expect"]);
  const salvaged: Step = { ...step, request: _request(request) };
  for (const key of ["id", "name"] as const) delete salvaged[key];
  if (typeof step["id"] === "string") salvaged.id = step["id"];
  if (typeof step["name"] === "string") salvaged.name = step["name"];
  // Matchers are walked as unknown values; JSONPath keys are strings.
  salvaged.expect = { json: _record(expect["json"]) } as Expect;
  salvaged.capture = _strings(step["capture"]);
  return salvaged;
}

function _request(request: Record<string, unknown>): Request {
  const path = request["path"];
  const salvaged: Request = {
    ...request,
    method: "GET",
    path: typeof path === "string" ? path : "",
  };
  for (const key of ["query", "headers", "json", "body"] as const) delete salvaged[key];
  const query = request["query"];
  if (query !== null && typeof query === "object" && !Array.isArray(query)) {
    // Query values are walked as unknown values, for secrets and templates.
    salvaged.query = query as Request["query"];
  }
  salvaged.headers = _strings(request["headers"]);
  // A JSON body may hold anything YAML can say; checks walk it as unknown.
  if (request["json"] !== undefined) salvaged.json = request["json"] as Request["json"];
  if (typeof request["body"] === "string") salvaged.body = request["body"];
  return salvaged;
}

function _record(value: unknown): Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return {};
  return { ...value };
}

function _strings(value: unknown): Record<string, string> {
  const entries = Object.entries(_record(value));
  return Object.fromEntries(entries.filter((entry): entry is [string, string] =>
    typeof entry[1] === "string"
  ));
}

// At or below a node the schema refused, e.g. `steps[0].timeout` under
// `steps[0]`, but not `steps[10]`.
function _within(problem: Problem, refused: readonly string[]): boolean {
  const path = problem.path;
  if (path === undefined) return false;
  return refused.some((at) =>
    at === "" || path === at || path.startsWith(`${at}.`) || path.startsWith(`${at}[`)
  );
}
