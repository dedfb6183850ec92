/**
 * Runs one step: prepare the request, exchange it, verify the answer,
 * capture values. Whatever happens ends as a StepResult.
 */
import type { AuthSession } from "../auth/session.ts";
import { ExitCode, IdmpError } from "../errors.ts";
import type { JsonValue } from "../json.ts";
import { renderText, TemplateError, type TemplateScope } from "../recipe/template.ts";
import type { Defaults, Step } from "../recipe/types.ts";
import type { RunContext } from "./context.ts";
import type { ExchangeOptions } from "./exchange.ts";
import { maskHeaders, responseRecord } from "./mask.ts";
import { renderExchange } from "./verbose.ts";
import type { Failure, FailureKind, StepResult } from "./results.ts";
import { resolveRetryPolicy } from "./retry.ts";
import { sendStep } from "./send-step.ts";
import { captureValues, verifyResponse } from "./verify.ts";

/** What a step reads and writes as its recipe runs. */
export interface StepState {
  host: string;
  session: AuthSession;
  /** `vars` and `steps` grow as steps run. */
  scope: TemplateScope & {
    vars: Record<string, JsonValue | undefined>;
    steps: Record<string, JsonValue | undefined>;
  };
  context: RunContext;
  /** Variables whose values must be hidden once captured. */
  secretVars: ReadonlySet<string>;
  /** The recipe's `defaults`; a step's own keys win over them. */
  defaults?: Defaults;
}

/** Runs `step` (the `index`th of its recipe) and returns its result. */
export async function runStep(step: Step, index: number, state: StepState): Promise<StepResult> {
  const started = performance.now();
  const result = startResult(step, index, state, started);

  try {
    const renewedAhead = await state.session.ensureFresh();
    const options = _exchangeOptions(step, state, result);
    const { request, sent } = await sendStep(step, state, result, options);
    Object.assign(result, {
      attempts: sent.attempts,
      tokenRefreshed: renewedAhead || sent.tokenRefreshed,
      httpStatus: sent.response.status,
      request: { ...request, url: result.url, headers: maskHeaders(sent.headers) },
      response: responseRecord(sent.response, (text) => state.context.redactor.redact(text)),
    });
    if (state.context.verbose && result.request) {
      for (const line of renderExchange(result.request, result)) state.context.log(line);
    }

    // Captured first, as validation promises: a step's checks may read them.
    const captured = captureValues(step, sent.response, state.scope.vars);
    if (sent.refused) result.failures.push(sent.refused);
    else if (sent.pageFailures?.length) result.failures.push(...sent.pageFailures);
    else {
      const judge = { scope: state.scope, openapi: state.context.openapi };
      result.failures.push(...verifyResponse(step, sent.response, judge));
    }
    if (sent.gaveUp && result.failures.length > 0) result.failures.push(sent.gaveUp);
    result.failures.push(...captured);
    for (const name of Object.keys(step.capture ?? {})) {
      if (state.secretVars.has(name)) state.context.redactor.addValue(state.scope.vars[name]);
    }
    if (step.id !== undefined) {
      state.scope.steps[step.id] = {
        status: sent.response.status,
        headers: sent.response.headers,
        json: sent.response.json ?? null,
      };
    }
  } catch (error) {
    result.failures.push(_failureOf(error));
  }

  result.durationMs = performance.now() - started;
  if (result.failures.length > 0) result.status = "failed";
  return result;
}

// Attempts land in the result as they happen, so a thrown NetworkError
// still leaves them in the report.
function _exchangeOptions(step: Step, state: StepState, result: StepResult): ExchangeOptions {
  const { context } = state;
  const expected = step.expect?.status;
  return {
    retry: resolveRetryPolicy(state.defaults?.retry, step.retry),
    expects: expected === undefined ? undefined : [expected].flat(),
    attempts: result.attempts,
    sleep: context.sleep,
    random: context.random,
    log: context.log,
    trace: context.verbose ? context.log : undefined,
  };
}

const KIND_OF_EXIT: Partial<Record<number, FailureKind>> = {
  [ExitCode.stepFailed]: "check",
  [ExitCode.invalid]: "invalid",
  [ExitCode.credentials]: "credentials",
  [ExitCode.unreachable]: "transport",
};

// The tool's own errors end the step as a failure of their kind; anything
// else is a bug and goes up to the CLI.
/** A step's result as it starts: passed until something fails. */
export function startResult(
  step: Step,
  index: number,
  state: StepState,
  started: number,
): StepResult {
  return {
    index,
    id: step.id,
    name: stepName(step, index, state.scope),
    method: step.request.method,
    path: step.request.path,
    status: "passed",
    startMs: started - state.context.startedAt,
    durationMs: 0,
    attempts: [],
    tokenRefreshed: false,
    failures: [],
  };
}

/**
 * A step's name as reports show it, its templates rendered where they can
 * be (`each ${{ item.name }}`); a reference not yet known stays as written.
 */
export function stepName(step: Step, index: number, scope: TemplateScope): string {
  const name = step.name ?? step.id ?? `step ${index + 1}`;
  if (!name.includes("${{")) return name;
  try {
    return renderText(name, { ...scope, missing: (ref) => `\${{ ${ref.source} }}` });
  } catch {
    return name; // a malformed template is validation's to report
  }
}

function _failureOf(error: unknown): Failure {
  if (error instanceof TemplateError) return { kind: "template", message: error.message };
  const kind = error instanceof IdmpError ? KIND_OF_EXIT[error.exitCode] : undefined;
  if (kind === undefined || !(error instanceof IdmpError)) throw error;
  return { kind, message: error.message, hint: error.hint };
}
