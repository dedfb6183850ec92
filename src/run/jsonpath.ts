/**
 * JSONPath over response bodies, by jsonpath-plus with its safe evaluator
 * (no code runs). A path that selects one value yields that value; one that
 * selects several yields them as a list.
 */
import { JSONPath } from "jsonpath-plus";
import { RecipeError } from "../errors.ts";
import type { JsonValue } from "../json.ts";

/** What a path selected in a document. */
export interface JsonSelection {
  /** At least one value was selected. */
  found: boolean;
  /** The one value selected, or the list of several; undefined when none. */
  value: JsonValue | undefined;
  /** More than one value was selected, and `value` lists them. */
  many: boolean;
}

// Limitation: numbers inside filter expressions (`?(@.id == 123...)`) are
// doubles, so a filter cannot match an id beyond 2^53 by value; comparing
// strings or selecting by position works. A filter evaluator that reads
// literals as bigints would lift it.

/**
 * Selects `path` in `value`. Throws RecipeError when the path does not start
 * with `$` or cannot be evaluated. Parsed paths are cached by jsonpath-plus.
 */
export function queryJson(value: JsonValue, path: string): JsonSelection {
  if (!path.trim().startsWith("$")) {
    throw new RecipeError(`Cannot use JSONPath "${path}": it must start with "$"`, {
      hint: `Write "$.${path.trim().replace(/^\.+/, "")}"`,
    });
  }
  const selected = _select(value, path);
  if (selected.length === 0) return { found: false, value: undefined, many: false };
  if (selected.length === 1) return { found: true, value: selected[0], many: false };
  return { found: true, value: selected, many: true };
}

function _select(value: JsonValue, path: string): JsonValue[] {
  // jsonpath-plus treats a null document as "no document", and its types
  // leave out a bare bigint; neither has anything below the root.
  if (value === null || typeof value === "bigint") return path.trim() === "$" ? [value] : [];
  try {
    const result: unknown = JSONPath({
      path,
      json: value,
      wrap: true,
      eval: "safe",
      resultType: "value",
    });
    return Array.isArray(result) ? (result as JsonValue[]) : [];
  } catch (error) {
    const why = error instanceof Error ? `: ${error.message}` : "";
    throw new RecipeError(`Cannot evaluate JSONPath "${path}"${why}`, {
      hint: "Check the path's syntax, e.g. $.data.rows[0].id",
    });
  }
}
