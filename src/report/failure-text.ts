/**
 * A failed step in plain text for CI reports: each failure with its path,
 * expected and actual values and hint, then the exchange and a body excerpt.
 */
import { stringifyJson } from "../json.ts";
import type { Failure, StepResult } from "../run/results.ts";

/** The longest body excerpt a CI report quotes, in characters. */
export const EXCERPT_LIMIT = 500;

/** Every failure of a step (or of a recipe's setup), one block each. */
export function describeFailure(failures: Failure[], step?: StepResult): string {
  const lines: string[] = [];
  for (const failure of failures) {
    lines.push(failure.message);
    if (failure.path !== undefined) lines.push(`  path: ${failure.path}`);
    if (failure.expected !== undefined) lines.push(`  expected: ${_json(failure.expected)}`);
    if (failure.actual !== undefined) lines.push(`  actual: ${_json(failure.actual)}`);
    if (failure.hint !== undefined) lines.push(`  hint: ${failure.hint}`);
  }
  if (step?.url !== undefined) {
    const status = step.httpStatus === undefined ? "no answer" : String(step.httpStatus);
    lines.push(`${step.method} ${step.url} -> ${status}`);
  }
  if (step?.response !== undefined) lines.push(`body: ${_excerpt(step.response.excerpt)}`);
  return lines.join("\n");
}

function _json(value: unknown): string {
  return stringifyJson(value);
}

function _excerpt(text: string): string {
  if (text === "") return "(empty)";
  return text.length > EXCERPT_LIMIT ? `${text.slice(0, EXCERPT_LIMIT)}…` : text;
}
