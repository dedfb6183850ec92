/**
 * Checks every `${{ }}` in a recipe before it runs: the syntax, and that
 * each `vars.x` and `steps.id` names something defined by then.
 */
import { parseTemplate, type TemplateRef, TemplateError } from "./template.ts";
import { type CheckContext, report } from "./context.ts";
import { type NodePath, quote } from "./problem.ts";
import { type Definitions, referenceProblem, type Scope } from "./reference-problems.ts";
import type { Recipe } from "./types.ts";
import { forEachString } from "./walk.ts";

/** Reports template syntax errors and references to what is not yet defined. */
export function checkReferences(
  context: CheckContext,
  recipe: Recipe,
  extraVars: readonly string[],
): void {
  const known = definitionsOf(context, recipe);
  const { captured } = known;

  const check = (value: unknown, path: NodePath, scope: Scope) =>
    forEachString(value, path, (text, at) => {
      for (const ref of _refs(context, text, at)) _checkRef(ref, at, scope);
    });

  const _checkRef = (ref: TemplateRef, at: NodePath, scope: Scope): void => {
    const problem = referenceProblem(ref, scope, known);
    if (!problem) return;
    const message = `'\${{ ${ref.source} }}' ${problem.message}`;
    report(context, context.locator.inString(at, ref.offset), problem.rule, message, {
      path: at,
    });
  };

  // Vars are rendered once, in file order, before the first step, each
  // from env and the vars above it; a --var replaces a var, unrendered.
  const order = Object.keys(recipe.vars ?? {});
  order.forEach((own, index) => {
    const above = new Set(order.slice(0, index));
    check(recipe.vars?.[own], ["vars", own], { step: -1, vars: above, order, own });
  });
  const vars = new Set([...order, ...extraVars]);
  recipe.steps.forEach((step, index) => {
    const before = new Set(vars);
    for (const [name, from] of captured) if (from < index) before.add(name);
    const path = ["steps", index];
    const loop = step.forEach !== undefined;
    check(step.forEach, [...path, "forEach"], { step: index, vars: before });
    check(step.name, [...path, "name"], { step: index, vars: before, loop });
    check(step.request, [...path, "request"], { step: index, vars: before, loop });
    // Captures are taken when the answer arrives, so checks may read them.
    const after = new Set([...before, ...Object.keys(step.capture ?? {})]);
    check(step.expect, [...path, "expect"], { step: index, vars: after, loop });
  });
}

/** What the recipe's steps define: the first step of each capture and id. */
export function definitionsOf(context: CheckContext, recipe: Recipe): Definitions {
  const captured = new Map<string, number>();
  const ids = new Map<string, number>();
  recipe.steps.forEach((step, index) => {
    if (step.id !== undefined && !ids.has(step.id)) ids.set(step.id, index);
    for (const name of Object.keys(step.capture ?? {})) {
      if (!captured.has(name)) captured.set(name, index);
    }
  });
  const label = (index: number): string => {
    const step = recipe.steps[index];
    const line = context.locator.value(["steps", index]).line;
    const name = step?.id ?? step?.name;
    return `${name === undefined ? `step ${index + 1}` : `step ${quote(name)}`} (line ${line})`;
  };
  return { captured, ids, label };
}

/**
 * Reports template syntax errors only, in the places templates are read:
 * for a recipe whose shape is wrong, where a reference may not be judged.
 */
export function checkTemplateSyntax(context: CheckContext, recipe: Recipe): void {
  const parse = (value: unknown, path: NodePath): void =>
    forEachString(value, path, (text, at) => void _refs(context, text, at));
  parse(recipe.vars, ["vars"]);
  recipe.steps.forEach((step, index) => {
    parse(step.forEach, ["steps", index, "forEach"]);
    parse(step.name, ["steps", index, "name"]);
    parse(step.request, ["steps", index, "request"]);
    parse(step.expect, ["steps", index, "expect"]);
  });
}

function _refs(context: CheckContext, text: string, at: NodePath): TemplateRef[] {
  if (!text.includes("${{")) return [];
  try {
    return parseTemplate(text).filter((part): part is TemplateRef => typeof part !== "string");
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    const message = `${error.message}; write \${{ env.NAME }}, \${{ vars.name }} ` +
      "or ${{ steps.id.json.path }}";
    report(context, context.locator.value(at), "template-syntax", message, { path: at });
    return [];
  }
}
