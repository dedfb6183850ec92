/**
 * The Markdown job summary of the `github` reporter: a verdict line and a
 * table of every step, appended to the file `$GITHUB_STEP_SUMMARY` names.
 */
import type { RunResult, StepResult } from "../run/results.ts";

/** Renders the run as a Markdown section; `redact` hides secrets in every cell. */
export function renderGithubSummary(run: RunResult, redact: (text: string) => string): string {
  const cell = (text: string) => _escapeCell(redact(text));
  const { recipes, steps } = run.summary;
  const verdict = run.exitCode === 0 ? "PASS" : "FAIL";
  const lines = [
    `### idmp-recipe: ${verdict}`,
    "",
    `${recipes.total} recipe(s): ${recipes.passed} passed, ${recipes.failed} failed; `
    + `${steps.total} step(s): ${steps.passed} passed, ${steps.failed} failed, `
    + `${steps.notRun} not run (${(run.durationMs / 1000).toFixed(2)} s)`,
    "",
    "| recipe | step | status | HTTP status | time |",
    "| --- | --- | --- | --- | ---: |",
  ];
  for (const recipe of run.recipes) {
    for (const step of recipe.steps) {
      lines.push(`| ${cell(recipe.name)} | ${cell(step.name)} | ${_status(step)} `
        + `| ${step.httpStatus ?? ""} | ${_time(step)} |`);
    }
  }
  const errors = run.recipes.filter((recipe) => recipe.error !== undefined);
  if (errors.length > 0) lines.push("");
  for (const recipe of errors) {
    lines.push(`- **${cell(recipe.name)}** (${cell(recipe.file)}): `
      + cell(recipe.error?.message ?? ""));
  }
  return `${lines.join("\n")}\n\n`;
}

function _status(step: StepResult): string {
  if (step.status === "passed") return "✅ passed";
  if (step.status === "failed") return "❌ failed";
  return step.skipReason ? "⏭️ skipped (condition false)" : "⏭️ not run";
}

function _time(step: StepResult): string {
  return step.status === "skipped" ? "" : `${Math.round(step.durationMs)} ms`;
}

// A cell is one line; `|` would end it, and `<`, `>` and `&` could start
// HTML that GitHub renders.
function _escapeCell(text: string): string {
  return text
    .replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
    .replace(/\|/g, "\\|").replace(/\s*[\r\n]+\s*/g, " ");
}
