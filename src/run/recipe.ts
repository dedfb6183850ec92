/**
 * Runs one validated recipe: resolve credentials, start the session, run
 * the steps in order, and stop at the first failure unless a step allows it.
 */
import { resolveCredentials } from "../auth/credentials.ts";
import { createSession, type SessionContext } from "../auth/session.ts";
import { ExitCode, IdmpError } from "../errors.ts";
import type { JsonValue } from "../json.ts";
import type { LoadedRecipe } from "../recipe/load.ts";
import type { RunContext } from "./context.ts";
import type { Failure, FailureKind, RecipeResult, StepResult } from "./results.ts";
import { TemplateError } from "../recipe/template.ts";
import type { Recipe } from "../recipe/types.ts";
import { checkEnvReferences, renderVars } from "./preflight.ts";
import { secretEnvValues, secretVarNames } from "./secrets.ts";
import { runLoop } from "./loop.ts";
import { runStep, type StepState } from "./step.ts";
import { runIfHolds } from "./conditional.ts";

const EXIT_OF: Record<FailureKind, number> = {
  check: ExitCode.stepFailed,
  template: ExitCode.stepFailed,
  credentials: ExitCode.credentials,
  transport: ExitCode.unreachable,
  invalid: ExitCode.invalid,
};

/** Runs a loaded recipe to its end and returns its result; never throws for API faults. */
export async function runRecipe(loaded: LoadedRecipe, context: RunContext): Promise<RecipeResult> {
  const { recipe } = loaded;
  const started = performance.now();
  const result: RecipeResult = {
    file: loaded.file,
    name: recipe.name,
    status: "passed",
    exitCode: ExitCode.ok,
    durationMs: 0,
    steps: [],
    warnings: [],
  };

  context.onRecipeStart({ file: loaded.file, name: recipe.name });
  const state = await _start(loaded, context, result);
  let stopped = state === undefined;
  for (const [index, step] of recipe.steps.entries()) {
    const stepResult = stopped || state === undefined
      ? _skipped(loaded, index)
      : await runIfHolds(step, index, state.scope, () => step.forEach === undefined
        ? runStep(step, index, state)
        : runLoop(step, index, state));
    const origin = loaded.stepOrigin(index);
    stepResult.line = origin.line;
    if (origin.file !== loaded.file) stepResult.file = origin.file;
    result.steps.push(stepResult);
    context.onStep(stepResult);
    stopped ||= _stops(stepResult, step.continueOnError === true);
  }

  if (state) result.captures = _captures(recipe, state);
  const kinds = result.steps.flatMap((step) => step.failures.map((failure) => failure.kind));
  if (result.error) kinds.push(result.error.kind);
  result.exitCode = Math.max(ExitCode.ok, ...kinds.map((kind) => EXIT_OF[kind]));
  result.status = result.exitCode === ExitCode.ok ? "passed" : "failed";
  result.durationMs = performance.now() - started;
  context.onRecipe(result);
  return result;
}

async function _start(
  loaded: LoadedRecipe,
  context: RunContext,
  result: RecipeResult,
): Promise<StepState | undefined> {
  const { recipe } = loaded;
  try {
    const env = context.envFor(recipe);
    checkEnvReferences(recipe, env);
    const credentials = await resolveCredentials(recipe.auth, env, {
      allowHttp: context.allowHttp });
    context.redactor.add(...credentials.secrets, ...secretEnvValues(recipe, env));
    result.warnings.push(...credentials.warnings);

    const vars = renderVars(recipe, env, context.vars, { now: context.now });
    const secretVars = secretVarNames(recipe);
    for (const name of secretVars) context.redactor.addValue(vars[name]);

    const session = createSession(credentials, _sessionContext(recipe, context));
    await session.start();
    const scope = { env, vars, steps: {}, now: context.now };
    return { host: credentials.host, session, scope, context, secretVars,
      defaults: recipe.defaults };
  } catch (error) {
    if (error instanceof TemplateError) result.error = { kind: "template", message: error.message };
    else if (error instanceof IdmpError) result.error = _failureOf(error);
    else throw error;
    return undefined;
  }
}

function _sessionContext(recipe: Recipe, context: RunContext): SessionContext {
  const { auth } = recipe;
  return {
    tokens: context.tokens,
    timeoutMs: context.timeoutMs,
    onSecret: (value) => context.redactor.add(value),
    refreshMarginMs: (auth.mode === "enterprise" ? auth.refreshMargin ?? 60 : 0) * 1000,
    log: (line) => (context.verbose ? context.log(line) : undefined),
  };
}

// A failed step stops the recipe unless it says continueOnError; a refusal
// of credentials stops it always, since every later call would be refused too.
function _stops(step: StepResult, continueOnError: boolean): boolean {
  if (step.status !== "failed") return false;
  return !continueOnError || step.failures.some((failure) => failure.kind === "credentials");
}

function _captures(recipe: Recipe, state: StepState): Record<string, JsonValue> {
  const names = recipe.steps.flatMap((step) => Object.keys(step.capture ?? {}));
  const captured: Record<string, JsonValue> = {};
  for (const name of names) {
    const value = state.scope.vars[name];
    if (value !== undefined && !state.secretVars.has(name)) captured[name] = value;
  }
  return captured;
}

function _skipped(loaded: LoadedRecipe, index: number): StepResult {
  const step = loaded.recipe.steps[index];
  return {
    index,
    id: step?.id,
    name: step?.name ?? step?.id ?? `step ${index + 1}`,
    method: step?.request.method ?? "",
    path: step?.request.path ?? "",
    status: "skipped",
    durationMs: 0,
    attempts: [],
    tokenRefreshed: false,
    failures: [],
  };
}

function _failureOf(error: IdmpError): Failure {
  const kind: FailureKind = error.exitCode === ExitCode.unreachable ? "transport" : "credentials";
  return { kind, message: error.message, hint: error.hint };
}
