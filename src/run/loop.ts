/**
 * `forEach`: a step run once per item of a list, `concurrency` items at a
 * time, results in item order. Each item reads `${{ item }}` and
 * `${{ index }}` and gets a result of its own under the step's `items`;
 * captures become lists in item order (null where an item captured nothing).
 */
import type { JsonValue } from "../json.ts";
import { renderValue, TemplateError } from "../recipe/template.ts";
import type { Step } from "../recipe/types.ts";
import { summariseItems } from "./loop-summary.ts";
import type { Failure, StepResult } from "./results.ts";
import { runStep, startResult, type StepState } from "./step.ts";

/** The most items a forEach step may have in flight at once. */
export const MAX_CONCURRENCY = 64;

// Which kind of failure decides the step's exit code, worst last.

/** Runs `step` for each item of its `forEach` list; one result with `items`. */
export async function runLoop(step: Step, index: number, state: StepState): Promise<StepResult> {
  const started = performance.now();
  const result: StepResult = { ...startResult(step, index, state, started), items: [] };

  const list = _list(step, state);
  if (!Array.isArray(list)) {
    result.failures.push(list);
  } else {
    const items = await _runItems(step, index, state, list);
    result.items = items.map((item) => item.result);
    _collect(step, state, items);
  }

  const failed = result.items?.filter((item) => item.status === "failed") ?? [];
  if (failed.length > 0) {
    result.failures.push(summariseItems(result.items ?? [], failed, step.continueOnError === true));
  }
  result.tokenRefreshed = result.items?.some((item) => item.tokenRefreshed) ?? false;
  result.durationMs = performance.now() - started;
  if (result.failures.length > 0) result.status = "failed";
  return result;
}

interface _Item {
  result: StepResult;
  /** What the item captured, and its `steps.<id>` part: all a loop keeps. */
  captured?: Record<string, JsonValue | undefined>;
  own?: JsonValue;
}

// Workers take the next item until none is left, or until an item failed
// without continueOnError: then no new item starts, and those in flight end.
async function _runItems(
  step: Step,
  index: number,
  state: StepState,
  list: JsonValue[],
): Promise<_Item[]> {
  const items: (_Item | undefined)[] = new Array(list.length);
  const { forEach: _, concurrency = 1, ...once } = step;
  let next = 0;
  let stopped = false;

  const worker = async (): Promise<void> => {
    while (!stopped && next < list.length) {
      const at = next++;
      const scope = { ...state.scope, vars: { ...state.scope.vars },
        steps: { ...state.scope.steps }, item: list[at] ?? null, index: at };
      for (const name of Object.keys(step.capture ?? {})) delete scope.vars[name];
      const result = await runStep(once, index, { ...state, scope });
      Object.assign(result, { item: at, name: `${result.name} [${at}]` });
      // A passed item keeps its outcome, not its exchange: loops can be
      // long, and reports show the exchanges of failures.
      if (result.status === "passed") delete result.request, delete result.response;
      const captured = Object.fromEntries(Object.keys(step.capture ?? {})
        .map((name) => [name, scope.vars[name]]));
      items[at] = { result, captured, own: step.id ? scope.steps[step.id] : undefined };
      if (result.status === "failed" && !_goesOn(step, result)) stopped = true;
    }
  };
  const width = Math.min(Math.max(1, concurrency), MAX_CONCURRENCY, list.length);
  await Promise.all(Array.from({ length: width }, worker));

  return Array.from(items, (item, at) => item ?? { result: _notRun(step, index, at) });
}

// Captures as lists in item order; `steps.<id>` as lists of each part.
function _collect(step: Step, state: StepState, items: _Item[]): void {
  for (const name of Object.keys(step.capture ?? {})) {
    state.scope.vars[name] = items.map((item) => item.captured?.[name] ?? null);
  }
  if (step.id === undefined) return;
  const parts = items.map((item) => item.own ?? null);
  const part = (key: string): JsonValue[] => parts.map((each) =>
    each !== null && typeof each === "object" && !Array.isArray(each) ? each[key] ?? null : null);
  state.scope.steps[step.id] = { status: part("status"), headers: part("headers"),
    json: part("json") };
}

function _list(step: Step, state: StepState): JsonValue[] | Failure {
  const source = step.forEach ?? [];
  if (typeof source !== "string") return source;
  try {
    const value = renderValue(source, state.scope);
    if (Array.isArray(value)) return value;
    const type = value === null ? "null" : typeof value;
    return { kind: "template", path: "forEach",
      message: `forEach: ${source.trim()} is ${type === "object" ? "an" : "a"} ${type}, not a list`,
      hint: "Point forEach at a list, e.g. the rows a paginated step captured" };
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    return { kind: "template", path: "forEach", message: `forEach: ${error.message}` };
  }
}

// A refusal of credentials stops the loop as it stops a recipe: every
// later call would be refused too.
function _goesOn(step: Step, result: StepResult): boolean {
  if (step.continueOnError !== true) return false;
  return !result.failures.some((failure) => failure.kind === "credentials");
}

function _notRun(step: Step, index: number, at: number): StepResult {
  const name = `${step.name ?? step.id ?? `step ${index + 1}`} [${at}]`;
  return { index, item: at, id: step.id, name, method: step.request.method,
    path: step.request.path, status: "skipped", durationMs: 0, attempts: [],
    tokenRefreshed: false, failures: [] };
}
