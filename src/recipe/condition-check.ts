/**
 * Checks each step's `if` before a run: its syntax (with the line and
 * column of the mistake), and that each reference names what is defined by
 * then, as for templates: vars, captures of earlier steps, earlier steps.
 */
import { conditionRefs, ConditionSyntaxError, parseCondition } from "./condition-parse.ts";
import { type CheckContext, report } from "./context.ts";
import { referenceProblem } from "./reference-problems.ts";
import type { Recipe } from "./types.ts";

const GRAMMAR = "write e.g. steps.list.json.data.total > 0, exists(vars.id) && " +
  "vars.mode != 'dry', or empty(steps.open.json.data.rows)";

/** Reports conditions that do not parse, and references they cannot read. */
export function checkConditions(
  context: CheckContext,
  recipe: Recipe,
  extraVars: readonly string[],
  syntaxOnly = false,
): void {
  const captured = new Map<string, number>();
  const ids = new Map<string, number>();
  recipe.steps.forEach((step, index) => {
    if (step.id !== undefined && !ids.has(step.id)) ids.set(step.id, index);
    for (const name of Object.keys(step.capture ?? {})) {
      if (!captured.has(name)) captured.set(name, index);
    }
  });
  const vars = new Set([...Object.keys(recipe.vars ?? {}), ...extraVars]);

  recipe.steps.forEach((step, index) => {
    if (typeof step.if !== "string") return;
    const path = ["steps", index, "if"];
    try {
      const refs = conditionRefs(parseCondition(step.if));
      if (syntaxOnly) return;
      const before = new Set(vars);
      for (const [name, from] of captured) if (from < index) before.add(name);
      for (const ref of refs) {
        const problem = referenceProblem(ref, { step: index, vars: before }, { captured, ids });
        if (!problem) continue;
        const message = `Condition '${ref.source}' ${problem.message}`;
        report(context, context.locator.inString(path, ref.offset), problem.rule, message,
          { path });
      }
    } catch (error) {
      if (!(error instanceof ConditionSyntaxError)) throw error;
      const message = `Condition ${JSON.stringify(step.if)}: ${error.message}; ${GRAMMAR}`;
      report(context, context.locator.inString(path, error.offset), "condition-syntax", message,
        { path });
    }
  });
}
