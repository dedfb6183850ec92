/**
 * Checks each step's `if` before a run: its syntax (with the line and
 * column of the mistake), and that each reference names what is defined by
 * then, as for templates: vars, captures of earlier steps, earlier steps.
 */
import { conditionRefs, ConditionSyntaxError, parseCondition } from "./condition-parse.ts";
import { type CheckContext, report } from "./context.ts";
import { referenceProblem, type RefProblem } from "./reference-problems.ts";
import { definitionsOf } from "./references.ts";
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
  const known = definitionsOf(context, recipe);
  const vars = new Set([...Object.keys(recipe.vars ?? {}), ...extraVars]);

  recipe.steps.forEach((step, index) => {
    if (typeof step.if !== "string") return;
    const path = ["steps", index, "if"];
    try {
      const refs = conditionRefs(parseCondition(step.if));
      if (syntaxOnly) return;
      const before = new Set(vars);
      for (const [name, from] of known.captured) if (from < index) before.add(name);
      for (const ref of refs) {
        const problem = ref.root === "item" || ref.root === "index"
          ? _loopProblem(ref.root)
          : referenceProblem(ref, { step: index, vars: before }, known);
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

// A condition is judged once for the whole step, before any forEach loop
// starts, so no item is set yet, with or without forEach.
function _loopProblem(root: string): RefProblem {
  const message = `reads '${root}', but 'if' is judged once for the whole step, before ` +
    "its forEach loop, so it cannot read item or index; read a var or an earlier step";
  return { rule: "undefined-reference", message };
}
