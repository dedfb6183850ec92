/**
 * The `html` reporter: one self-contained page (inline style and script,
 * nothing fetched) with the run's summary, a row per recipe and step on a
 * shared time axis, and every failure expandable to its details.
 */
import type { Problem } from "../recipe/problem.ts";
import type { RecipeResult, RunResult } from "../run/results.ts";
import { type HtmlText, htmlText } from "./html-escape.ts";
import { renderSetupRow, renderStepRow } from "./html-step.ts";
import { HTML_SCRIPT, HTML_STYLE } from "./html-style.ts";
import { formatMs, renderAxis, type TimeAxis, timeAxisOf } from "./html-time.ts";

/** What the HTML report needs besides the run. */
export interface HtmlOptions {
  /** Hides secrets; applied to every value before it is escaped. */
  redact: (text: string) => string;
  /** The tool's version, shown in the footer. */
  version: string;
  /** Files that failed validation and so never ran. */
  invalid?: { file: string; problems: Problem[] }[];
}

const EXIT_MEANING: Record<number, string> = {
  0: "all passed", 1: "a step failed", 2: "a recipe is invalid",
  3: "credentials missing or refused", 4: "server unreachable",
};

// Nothing may be fetched: the policy makes a stray URL inert, not just absent.
const CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'";

/** Renders the run as one HTML document. */
export function renderHtmlReport(run: RunResult, options: HtmlOptions): string {
  const text = htmlText(options.redact);
  const invalid = options.invalid ?? [];
  const exitCode = Math.max(run.exitCode, invalid.length > 0 ? 2 : 0);
  const verdict = exitCode === 0 ? "passed" : "failed";
  const axis = timeAxisOf(run);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>idmp-recipe: ${verdict}</title>
<style>${HTML_STYLE}</style>
</head>
<body>
<header class="summary ${verdict}">
<h1>idmp-recipe <span class="verdict">${verdict}</span></h1>
${_counts(run, exitCode)}
</header>
<main>
${_toolbar()}
${_invalidFiles(invalid, text)}
<div class="grid">
${_columns(axis)}
${run.recipes.map((recipe) => _recipe(recipe, axis, text)).join("\n")}
</div>
</main>
<footer>idmp-recipe ${text(options.version)}</footer>
<script>${HTML_SCRIPT}</script>
</body>
</html>
`;
}

function _counts(run: RunResult, exitCode: number): string {
  const { recipes, steps } = run.summary;
  const cells: [string, string, string | number][] = [
    ["recipes-passed", "recipes passed", recipes.passed],
    ["recipes-failed", "recipes failed", recipes.failed],
    ["steps-passed", "steps passed", steps.passed],
    ["steps-failed", "steps failed", steps.failed],
    ["steps-not-run", "steps not run", steps.notRun],
    ["total-time", "total time", formatMs(run.durationMs)],
    ["exit-code", `exit code: ${EXIT_MEANING[exitCode] ?? "error"}`, exitCode],
  ];
  const items = cells.map(([key, label, value]) =>
    `<div class="count ${key}" data-count="${key}"><dt>${label}</dt><dd>${value}</dd></div>`);
  return `<dl class="counts">${items.join("")}</dl>`;
}

function _toolbar(): string {
  return `<nav class="toolbar">`
    + `<button type="button" data-action="expand">Expand failures</button>`
    + `<button type="button" data-action="collapse">Collapse all</button>`
    + `<label><input type="checkbox" data-action="only-failures"> Failures only</label>`
    + `</nav>`;
}

function _columns(axis: TimeAxis): string {
  const names = ["status", "step", "method", "URL", "HTTP", "time"];
  const cells = names.map((name) => `<span>${name}</span>`).join("");
  return `<div class="row columns">${cells}${renderAxis(axis)}</div>`;
}

function _recipe(recipe: RecipeResult, axis: TimeAxis, text: HtmlText): string {
  const warnings = recipe.warnings.map((warning) =>
    `<li>${text(warning)}</li>`).join("");
  const rows = [
    ...(recipe.error ? [renderSetupRow(recipe.error, text)] : []),
    ...recipe.steps.map((step) => renderStepRow(step, axis, text)),
  ];
  return `<section class="recipe ${recipe.status}">
<h2><span class="status">${recipe.status}</span> ${text(recipe.name)}`
    + ` <small>${text(recipe.file)} · ${formatMs(recipe.durationMs)}</small></h2>
${warnings === "" ? "" : `<ul class="warnings">${warnings}</ul>`}
${rows.join("\n")}
</section>`;
}

function _invalidFiles(invalid: { file: string; problems: Problem[] }[],
  text: HtmlText): string {
  if (invalid.length === 0) return "";
  const files = invalid.map(({ file, problems }) => {
    const items = problems.map((problem) => `<li><code>${problem.line}:${problem.column}</code> `
      + `<b>${text(problem.severity)}</b> ${text(problem.message)} `
      + `<small>${text(problem.rule)}</small></li>`).join("");
    return `<h3>${text(file)}</h3><ul>${items}</ul>`;
  });
  return `<section class="invalid"><h2>Did not validate</h2>${files.join("")}</section>`;
}
