/**
 * Finds numbers that JSON cannot carry: `1e400` (read as infinity), `.inf`
 * and `.nan`. Sent as they are, they would become `null` without a word.
 */
import { type CheckContext, report } from "./context.ts";
import { nameOf, type NodePath } from "./problem.ts";
import type { Recipe } from "./types.ts";

/** Reports each non-finite number in `vars`, request bodies and checks. */
export function checkNumbers(context: CheckContext, recipe: Recipe): void {
  _walk(recipe.vars, ["vars"], context);
  recipe.steps.forEach((step, index) => {
    const path = ["steps", index];
    _walk(step.request.json, [...path, "request", "json"], context);
    _walk(step.expect?.json, [...path, "expect", "json"], context);
  });
}

function _walk(value: unknown, path: NodePath, context: CheckContext): void {
  if (typeof value === "number" && !Number.isFinite(value)) {
    _report(value, path, context);
    return;
  }
  if (value === null || typeof value !== "object") return;
  for (const [key, item] of Object.entries(value)) {
    _walk(item, [...path, Array.isArray(value) ? Number(key) : key], context);
  }
}

function _report(value: number, path: NodePath, context: CheckContext): void {
  const what = Number.isNaN(value) ? "not a number (NaN)" : "infinite (or beyond 1.8e308)";
  const message = `'${nameOf(path)}' is ${what}, which JSON cannot carry; ` +
    "write a finite number, or quote it to send it as a string";
  report(context, context.locator.value(path), "bad-number", message, { path });
}
