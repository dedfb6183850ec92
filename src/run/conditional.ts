/**
 * A step's `if`: judged just before the step would run. A false condition
 * skips the step (status `skipped`, with the reason) and the recipe goes
 * on; a condition that cannot be judged fails the step as a template error.
 */
import { ConditionSyntaxError, parseCondition } from "../recipe/condition-parse.ts";
import { TemplateError, type TemplateScope } from "../recipe/template.ts";
import type { Step } from "../recipe/types.ts";
import { conditionHolds } from "./condition.ts";
import type { StepResult } from "./results.ts";

/** Runs `run` when the step has no `if` or its `if` holds; otherwise a skipped result. */
export async function runIfHolds(
  step: Step,
  index: number,
  scope: TemplateScope,
  run: () => Promise<StepResult>,
): Promise<StepResult> {
  if (step.if === undefined) return run();
  let holds: boolean;
  try {
    holds = conditionHolds(parseCondition(step.if), scope);
  } catch (error) {
    if (!(error instanceof TemplateError || error instanceof ConditionSyntaxError)) throw error;
    const message = `Condition '${step.if}': ${error.message}`;
    return { ..._base(step, index), status: "failed",
      failures: [{ kind: "template", path: "if", message }] };
  }
  if (holds) return run();
  return { ..._base(step, index), status: "skipped", skipReason: `condition false: ${step.if}` };
}

function _base(step: Step, index: number): StepResult {
  return {
    index,
    id: step.id,
    name: step.name ?? step.id ?? `step ${index + 1}`,
    method: step.request.method,
    path: step.request.path,
    status: "passed",
    durationMs: 0,
    attempts: [],
    tokenRefreshed: false,
    failures: [],
  };
}
