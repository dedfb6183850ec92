/**
 * Judges one `${{ }}` reference against what is defined where it stands:
 * vars above it, captures of earlier steps, earlier step ids.
 */
import { suggest } from "./suggest.ts";
import type { TemplateRef } from "./template.ts";

/** What a reference may read at one place in the recipe. */
export interface Scope {
  /** Index of the step the reference is in; -1 for `vars`. */
  step: number;
  vars: ReadonlySet<string>;
  /** In `vars`: the names in file order, and the one being defined. */
  order?: readonly string[];
  own?: string;
  /** In a step with `forEach` (not in `forEach` itself): `item` and `index` are set. */
  loop?: boolean;
}

/** What the recipe defines, and where: name or id to step index. */
export interface Definitions {
  captured: ReadonlyMap<string, number>;
  ids: ReadonlyMap<string, number>;
  /** A step as a message names it: `step 'list' (line 12)`. */
  label: (index: number) => string;
}

const STEP_PARTS = new Set(["status", "headers", "json"]);

/** The problem with a reference at `scope`, or undefined when it reads well. */
export function referenceProblem(
  ref: TemplateRef,
  scope: Scope,
  known: Definitions,
): RefProblem | undefined {
  const name = String(ref.path[0]);
  if (ref.root === "env" || ref.root === "time") return undefined;
  if (ref.root === "item" || ref.root === "index") return _loopProblem(ref.root, scope);
  if (scope.step < 0) {
    return _inVarsProblem(ref, scope, known);
  }
  if (ref.root === "vars") return _varProblem(name, scope, known);
  return _stepProblem(ref, scope, known);
}

/** Why a reference cannot be read where it stands. */
export interface RefProblem {
  rule: "undefined-reference" | "forward-reference";
  message: string;
}

function _loopProblem(root: string, scope: Scope): RefProblem | undefined {
  if (scope.loop === true) return undefined;
  const where = scope.step < 0 ? "in vars" : "here";
  const message = `reads '${root}', which is set only inside a step with forEach, `
    + `not ${where}; add forEach to the step, or read a var`;
  return { rule: "undefined-reference", message };
}

function _varProblem(name: string, scope: Scope, known: Definitions): RefProblem | undefined {
  if (scope.vars.has(name)) return undefined;
  const later = known.captured.get(name);
  if (later !== undefined && later >= scope.step) {
    const message = `reads '${name}', which ${known.label(later)} captures later; ` +
      "move that step before this one";
    return { rule: "forward-reference", message };
  }
  const near = suggest(name, scope.vars);
  const fix = near !== undefined
    ? `did you mean '${near}'?`
    : `add it under vars, capture it in an earlier step, or pass --var ${name}=...`;
  const message = `reads '${name}', which is not defined; ${fix}`;
  return { rule: "undefined-reference", message };
}

// A var's template reads env and the vars above it; not a step, itself, a
// var below it, a capture, or a name only --var gives (set after vars).
function _inVarsProblem(
  ref: TemplateRef,
  scope: Scope,
  known: Definitions,
): RefProblem | undefined {
  const rule = "forward-reference";
  const why = "vars are rendered once, in file order, before the first step";
  if (ref.root === "steps") {
    return { rule, message: `reads a step, but ${why}; read it in the step that needs it` };
  }
  const name = String(ref.path[0]);
  if (scope.vars.has(name)) return undefined;
  if (name === scope.own) {
    return { rule, message: `reads '${name}' itself; a var can read env and the vars above it` };
  }
  if (scope.order?.includes(name)) {
    return { rule, message: `reads '${name}', defined below; ${why}, so move '${name}' above` };
  }
  const step = known.captured.get(name);
  if (step !== undefined) {
    const message = `reads '${name}', which ${known.label(step)} captures, but ${why}; ` +
      "read it in a later step instead";
    return { rule, message };
  }
  const near = suggest(name, scope.vars);
  const fix = near !== undefined ? `did you mean '${near}'?` : "define it under vars, above this";
  return { rule: "undefined-reference", message: `reads '${name}', which is not defined; ${fix}` };
}

function _stepProblem(ref: TemplateRef, scope: Scope, known: Definitions): RefProblem | undefined {
  const { ids } = known;
  const [id, part] = ref.path.map(String);
  const index = ids.get(id ?? "");
  if (index !== undefined && index >= scope.step) {
    const which = index === scope.step
      ? "this step itself"
      : `${known.label(index)}, which runs later`;
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
