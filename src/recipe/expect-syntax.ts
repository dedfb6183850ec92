/**
 * Checks what a step's checks and captures will be read with: each JSONPath
 * (`expect.json` keys, `capture` values, `paginate.rows` and `.total`) and
 * each `matches` regular expression, so that a typo fails `validate`, not a
 * run halfway through.
 */
import { type CheckContext, report } from "./context.ts";
import { findJsonPathError, type JsonPathError } from "./jsonpath-syntax.ts";
import { type NodePath, quote } from "./problem.ts";
import type { Recipe } from "./types.ts";

const PATH_FIX = "write e.g. $.data.rows[0].id or $.data.rows[?(@.status == 1)]";

/** Reports each JSONPath and each `matches` pattern that cannot be read. */
export function checkExpectSyntax(context: CheckContext, recipe: Recipe): void {
  recipe.steps.forEach((step, index) => {
    const at = ["steps", index];
    for (const [key, matcher] of Object.entries(step.expect?.json ?? {})) {
      const path = [...at, "expect", "json", key];
      const error = findJsonPathError(key);
      if (error) _badPath(context, key, error, path, context.locator.key(path));
      _checkPatterns(context, matcher, path);
    }
    for (const [name, matcher] of Object.entries(step.expect?.headers ?? {})) {
      _checkPatterns(context, matcher, [...at, "expect", "headers", name]);
    }
    for (const [name, jsonPath] of Object.entries(step.capture ?? {})) {
      _checkValuePath(context, jsonPath, [...at, "capture", name]);
    }
    _checkValuePath(context, step.paginate?.rows, [...at, "paginate", "rows"]);
    _checkValuePath(context, step.paginate?.total, [...at, "paginate", "total"]);
  });
}

// A JSONPath written as a value: the caret goes to the character at fault.
function _checkValuePath(context: CheckContext, jsonPath: unknown, path: NodePath): void {
  if (typeof jsonPath !== "string") return;
  const error = findJsonPathError(jsonPath);
  if (!error) return;
  _badPath(context, jsonPath, error, path, context.locator.inString(path, error.offset));
}

function _badPath(
  context: CheckContext,
  jsonPath: string,
  error: JsonPathError,
  path: NodePath,
  position: { line: number; column: number },
): void {
  const where = `(character ${error.offset + 1})`;
  const message = `JSONPath ${quote(jsonPath)} ${error.reason} ${where}; ${PATH_FIX}`;
  report(context, position, "bad-jsonpath", message, { path });
}

// `matches` may sit in a matcher or in its `length`; a template is judged
// only when the run has rendered it.
function _checkPatterns(context: CheckContext, matcher: unknown, path: NodePath): void {
  if (matcher === null || typeof matcher !== "object" || Array.isArray(matcher)) return;
  const { matches, length } = matcher as { matches?: unknown; length?: unknown };
  if (typeof matches === "string" && !matches.includes("${{")) {
    const why = _regexError(matches);
    if (why !== undefined) {
      const at = [...path, "matches"];
      const message = `'matches' is not a valid regular expression (${why}); ` +
        "escape characters meant literally with a backslash, e.g. \\( or \\[";
      report(context, context.locator.value(at), "bad-regex", message, { path: at });
    }
  }
  _checkPatterns(context, length, [...path, "length"]);
}

// The runner compiles `matches` the same way: `new RegExp(source)`, no flags.
function _regexError(source: string): string | undefined {
  try {
    new RegExp(source);
    return undefined;
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    return text.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, "");
  }
}
