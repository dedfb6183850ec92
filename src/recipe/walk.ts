/** Visits every string inside a parsed value, with its path. */
import type { NodePath } from "./problem.ts";

/** Calls `visit` for each string in `value`, depth first, in file order. */
export function forEachString(
  value: unknown,
  path: NodePath,
  visit: (text: string, path: NodePath) => void,
): void {
  if (typeof value === "string") return visit(value, path);
  if (Array.isArray(value)) {
    value.forEach((item: unknown, index) => forEachString(item, [...path, index], visit));
    return;
  }
  if (value === null || typeof value !== "object") return;
  for (const [key, item] of Object.entries(value)) forEachString(item, [...path, key], visit);
}
