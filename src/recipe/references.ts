/**
 * Checks every `${{ }}` in a recipe before it runs: the syntax, and that
 * each `vars.x` and `steps.id` names something defined by then.
 */
import { parseTemplate, type TemplateRef, TemplateError } from "./template.ts";
import { type CheckContext, report } from "./context.ts";
import type { NodePath } from "./problem.ts";
import { suggest } from "./suggest.ts";
import type { Recipe } from "./types.ts";
import { forEachString } from "./walk.ts";

/** What a reference may read at one place in the recipe. */
interface Scope {
  /** Index of the step the reference is in; -1 for `vars`. */
  step: number;
  vars: ReadonlySet<string>;
}

const STEP_PARTS = new Set(["status", "headers", "json"]);

/** Reports template syntax errors and references to what is not yet defined. */
export function checkReferences(
  context: CheckContext,
  recipe: Recipe,
  extraVars: readonly string[],
): void {
  const captured = new Map<string, number>();
  const ids = new Map<string, number>();
  recipe.steps.forEach((step, index) => {
    if (step.id !== undefined && !ids.has(step.id)) ids.set(step.id, index);
    for (const name of Object.keys(step.capture ?? {})) {
      if (!captured.has(name)) captured.set(name, index);
    }
  });

  const check = (value: unknown, path: NodePath, scope: Scope) =>
    forEachString(value, path, (text, at) => {
      for (const ref of _refs(context, text, at)) _checkRef(ref, at, scope);
    });

  const _checkRef = (ref: TemplateRef, at: NodePath, scope: Scope): void => {
    const [name] = ref.path;
    const problem = ref.root === "vars"
      ? _varProblem(String(name), scope, captured)
      : ref.root === "steps"
      ? _stepProblem(ref, scope, ids)
      : undefined;
    if (!problem) return;
    const message = `'\${{ ${ref.source} }}' ${problem.message}`;
    report(context, context.locator.inString(at, ref.offset), problem.rule, message, {
      path: at,
    });
  };

  const vars = new Set([...Object.keys(recipe.vars ?? {}), ...extraVars]);
  check(recipe.vars, ["vars"], { step: -1, vars });
  recipe.steps.forEach((step, index) => {
    const before = new Set(vars);
    for (const [name, from] of captured) if (from < index) before.add(name);
    const path = ["steps", index];
    check(step.name, [...path, "name"], { step: index, vars: before });
    check(step.request, [...path, "request"], { step: index, vars: before });
    // Captures are taken when the answer arrives, so checks may read them.
    const after = new Set([...before, ...Object.keys(step.capture ?? {})]);
    check(step.expect, [...path, "expect"], { step: index, vars: after });
  });
}

interface RefProblem {
  rule: "undefined-reference" | "forward-reference";
  message: string;
}

function _varProblem(
  name: string,
  scope: Scope,
  captured: Map<string, number>,
): RefProblem | undefined {
  if (scope.vars.has(name)) return undefined;
  const later = captured.get(name);
  if (later !== undefined && later >= scope.step) {
    const message = `reads '${name}', which step ${later + 1} captures later; ` +
      "move that step before this one";
    return { rule: "forward-reference", message };
  }
  const near = suggest(name, scope.vars);
  const fix = near !== undefined
    ? `did you mean '${near}'?`
    : `add it under vars, capture it in an earlier step, or pass --var ${name}=...`;
  return { rule: "undefined-reference", message: `reads '${name}', which is not defined; ${fix}` }
   ;
}

function _stepProblem(
  ref: TemplateRef,
  scope: Scope,
  ids: Map<string, number>,
): RefProblem | undefined {
  const [id, part] = ref.path.map(String);
  const index = ids.get(id ?? "");
  if (index !== undefined && index >= scope.step) {
    const which = index === scope.step
      ? "this step itself"
      : `step ${index + 1}, which runs later`;
    const message = `reads ${which}; a step can read only the steps before it`;
    return { rule: "forward-reference", message };
  }
  if (index === undefined) {
    const earlier = [...ids].filter(([, at]) => at < scope.step).map(([name]) => name);
    const near = suggest(id ?? "", earlier);
    const fix = near !== undefined ? `did you mean '${near}'?` : "give an earlier step that id";
    const message = `reads step '${id ?? ""}', but no earlier step has that id; ${fix}`;
    return { rule: "undefined-reference", message };
  }
  if (part !== undefined && !STEP_PARTS.has(part)) {
    const message = `reads '${part}' of step '${id ?? ""}'; use status, headers or json`;
    return { rule: "undefined-reference", message };
  }
  return undefined;
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
