/**
 * The default report: a line per step with method, path, status and time;
 * under a failed step, expected against actual and an excerpt of the body.
 */
import { createColors } from "picocolors";
import type { Failure, RecipeResult, RunResult, StepResult } from "../run/results.ts";
import { describeItemCounts, itemsWorthShowing, plural } from "./loop-items.ts";

/** How text is drawn. */
export interface TextOptions {
  color: boolean;
}

type _Colors = ReturnType<typeof createColors>;

/** The header line of a recipe, printed before its steps. */
export function renderRecipeHeader(
  recipe: { file: string; name: string },
  options: TextOptions,
): string {
  const c = createColors(options.color);
  return `\n${c.bold(recipe.name)} ${c.dim(`(${recipe.file})`)}\n`;
}

/** One step's line, and its failures indented below it. */
export function renderStep(step: StepResult, options: TextOptions): string {
  const c = createColors(options.color);
  if (step.status === "skipped") {
    const why = step.skipReason ?? "not run";
    return `  ${c.dim(`- ${step.method.padEnd(6)} ${step.path}  ${why}  ${step.name}`)}\n`;
  }

  const mark = step.status === "passed" ? c.green("✓") : c.red("✗");
  const status = step.httpStatus === undefined ? "---" : String(step.httpStatus);
  const time = `${Math.round(step.durationMs)} ms`.padStart(7);
  const requests = step.pages ?? 1;
  const notes = [
    step.pages !== undefined ? plural(step.pages, "page") : "",
    step.attempts.length > requests ? `${step.attempts.length} attempts` : "",
    step.tokenRefreshed ? "token renewed" : "",
    step.items !== undefined ? describeItemCounts(step.items) : "",
  ].filter(Boolean);
  const extra = notes.length > 0 ? c.yellow(` (${notes.join(", ")})`) : "";
  const where = _pathOf(step.url) || step.path;
  const line = `  ${mark} ${step.method.padEnd(6)} ${where}  ${status} ${time}`
    + `  ${c.dim(step.name)}${extra}\n`;

  const details = step.failures.map((failure) => _failure(failure, c)).join("")
    + (step.warnings ?? []).map((warning) => `      ${c.yellow("warning:")} ${warning}\n`).join("")
    + itemsWorthShowing(step).map((item) => _indent(renderStep(item, options), "    ")).join("");
  const body = step.status === "failed" && step.response
    ? `      ${c.dim("body:")} ${_oneLine(step.response.excerpt) || "(empty)"}\n`
    : "";
  return line + details + body;
}

/** A recipe's end: the error that stopped it, and its warnings. */
export function renderRecipeEnd(recipe: RecipeResult, options: TextOptions): string {
  const c = createColors(options.color);
  const lines = recipe.warnings.map((warning) => `  ${c.yellow("warning:")} ${warning}\n`);
  if (recipe.error) lines.unshift(_failure(recipe.error, c, "  "));
  return lines.join("");
}

/** The closing summary of a run. */
export function renderSummary(run: RunResult, options: TextOptions): string {
  const c = createColors(options.color);
  const { recipes, steps } = run.summary;
  const verdict = run.exitCode === 0 ? c.green("PASS") : c.red("FAIL");
  return `\n${verdict} ${recipes.total} recipe(s): ${recipes.passed} passed, `
    + `${recipes.failed} failed; ${steps.total} step(s): ${steps.passed} passed, `
    + `${steps.failed} failed, ${steps.notRun} not run `
    + `(${(run.durationMs / 1000).toFixed(2)} s)\n`;
}

/** The whole text report of a finished run. */
export function renderTextReport(run: RunResult, options: TextOptions): string {
  const parts = run.recipes.map((recipe) => renderRecipeHeader(recipe, options)
    + recipe.steps.map((step) => renderStep(step, options)).join("")
    + renderRecipeEnd(recipe, options));
  return parts.join("") + renderSummary(run, options);
}

function _failure(failure: Failure, c: _Colors, indent = "      "): string {
  // Check messages already read "expected X, got Y"; the JSON report keeps
  // both values apart for tools.
  let text = `${indent}${c.red("✗")} ${failure.message}\n`;
  if (failure.hint) text += `${indent}  ${c.cyan("hint:")} ${failure.hint}\n`;
  return text;
}

// Only lines with text: `^` with the `m` flag also matches after the final
// line break, which would leave stray spaces before whatever comes next.
function _indent(text: string, by: string): string {
  return text.replace(/^(?!$)/gm, by);
}

function _oneLine(text: string): string {
  const flat = text.replace(/\s*\n\s*/g, " ");
  return flat.length > 200 ? `${flat.slice(0, 200)}…` : flat;
}

function _pathOf(url: string | undefined): string {
  if (url === undefined) return "";
  try {
    const parsed = new URL(url);
    return parsed.pathname + parsed.search;
  } catch {
    return url;
  }
}
