/**
 * The `github` reporter: GitHub Actions workflow commands (`::error` and
 * `::warning`) that annotate recipe files at the line of a failing step or
 * at a validation problem's line and column.
 */
import { isAbsolute, relative, resolve, sep } from "node:path";
import type { Problem } from "../recipe/problem.ts";
import type { Failure, RecipeResult, StepResult } from "../run/results.ts";

/** How annotations are written. */
export interface GithubOptions {
  /** Hides secrets; applied to every value before it is escaped. */
  redact: (text: string) => string;
  /** Paths are written relative to this folder when inside it (the workspace). */
  root: string;
}

/** One workflow command's parts, before escaping. */
export interface Annotation {
  level: "error" | "warning";
  file: string;
  line?: number;
  col?: number;
  title: string;
  message: string;
}

/**
 * A step's annotations at its line: an error when it failed, then a warning
 * for each of its warnings and of its items' (a paging cap, say).
 */
export function stepAnnotations(
  recipe: { file: string; name: string },
  step: StepResult,
): Annotation[] {
  const at = { file: step.file ?? recipe.file, line: step.line };
  const warnings = [step, ...step.items ?? []].flatMap((each) =>
    (each.warnings ?? []).map((warning): Annotation => ({ level: "warning", ...at,
      title: `${recipe.name}: ${each.name}`, message: warning })));
  if (step.status !== "failed") return warnings;
  const message = step.failures.map(_withHint).join("\n");
  return [{ level: "error", ...at, title: `${recipe.name}: ${step.name}`,
    message: message || "Step failed" }, ...warnings];
}

/** A recipe's own annotations: the error that stopped it, and its warnings. */
export function recipeAnnotations(recipe: RecipeResult): Annotation[] {
  const annotations: Annotation[] = recipe.warnings.map((warning) => ({
    level: "warning", file: recipe.file, title: recipe.name, message: warning }));
  if (recipe.error) {
    annotations.unshift({ level: "error", file: recipe.file, title: recipe.name,
      message: _withHint(recipe.error) });
  }
  return annotations;
}

// Limitation: a recipe's own error has no line (credentials are resolved
// from the environment, not from a line); the positions of `auth` in the
// loaded recipe, passed into the result, would lift it.
/** Annotations of a whole recipe: its steps, then its own error and warnings. */
export function runAnnotations(recipe: RecipeResult): Annotation[] {
  return [...recipe.steps.flatMap((step) => stepAnnotations(recipe, step)),
    ...recipeAnnotations(recipe)];
}

/** One annotation per validation problem, titled with its rule. */
export function problemAnnotations(problems: readonly Problem[]): Annotation[] {
  return problems.map((problem) => ({ level: problem.severity, file: problem.file,
    line: problem.line, col: problem.column, title: problem.rule, message: problem.message }));
}

// Limitation: GitHub shows at most 10 error and 10 warning annotations per
// step (50 per job); the rest stay in the log. The junit report and the job
// summary list every failure.
/** The workflow command lines, secrets hidden, escaped as the runner expects. */
export function renderAnnotations(annotations: Annotation[], options: GithubOptions): string {
  return annotations.map((annotation) => `${_command(annotation, options)}\n`).join("");
}

/** Escapes a command's message: `%`, CR and LF. */
export function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** Escapes a property value: as data, plus `:` and `,`. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

function _command(annotation: Annotation, options: GithubOptions): string {
  const { redact } = options;
  const properties: [string, string | number | undefined][] = [
    ["file", redact(_workspacePath(annotation.file, options.root))],
    ["line", annotation.line],
    ["col", annotation.col],
    ["title", redact(annotation.title)],
  ];
  const list = properties
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(",");
  return `::${annotation.level} ${list}::${escapeData(redact(annotation.message))}`;
}

function _withHint(failure: Failure): string {
  return failure.hint ? `${failure.message}\nhint: ${failure.hint}` : failure.message;
}

// GitHub resolves annotation paths against the workspace, so a path inside
// it is written relative to it, with forward slashes.
function _workspacePath(file: string, root: string): string {
  const inside = relative(root, resolve(file));
  if (inside === "" || inside.startsWith("..") || isAbsolute(inside)) return file;
  return inside.split(sep).join("/");
}
