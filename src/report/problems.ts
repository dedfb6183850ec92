/**
 * Validation problems as text (grouped by file, a caret under the column)
 * or as a JSON document.
 */
import { createColors } from "picocolors";
import type { Problem } from "../recipe/problem.ts";
import { looksLikeSecret } from "../recipe/secrets.ts";

/** Text for the problems of one file; `source` adds the line and a caret. */
export function renderProblems(
  problems: Problem[],
  options: { color: boolean; source?: string },
): string {
  const c = createColors(options.color);
  const lines = options.source?.split(/\r?\n/) ?? [];
  // A line that holds a literal secret is never quoted, whatever rule points at it.
  const secretLines = new Set(problems
    .filter((problem) => problem.rule === "literal-secret")
    .map((problem) => problem.line));
  return problems.map((problem) => {
    const where = c.bold(`${problem.file}:${problem.line}:${problem.column}`);
    const level = problem.severity === "error" ? c.red("error") : c.yellow("warning");
    let text = `${where} ${level} ${problem.message} ${c.dim(`[${problem.rule}]`)}\n`;
    const line = secretLines.has(problem.line) ? undefined : lines[problem.line - 1];
    if (line !== undefined && line.length <= 200 && !looksLikeSecret(line)) {
      text += `  ${line}\n  ${" ".repeat(Math.max(0, problem.column - 1))}${c.red("^")}\n`;
    }
    return text;
  }).join("");
}

/** The `json` reporter of `validate`: every file and its problems. */
export function renderProblemsJson(results: { file: string; problems: Problem[] }[]): string {
  const errors = results.flatMap((r) => r.problems).filter((p) => p.severity === "error").length;
  const warnings = results.flatMap((r) => r.problems).length - errors;
  const files = results.map(({ file, problems }) => ({ file, valid: !problems.some(
    (problem) => problem.severity === "error",
  ), problems }));
  return `${JSON.stringify({ tool: "idmp-recipe", files, errors, warnings }, null, 2)}\n`;
}
