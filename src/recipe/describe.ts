/**
 * Words for values and types in messages. Strings are quoted and cut
 * short; other values are named by kind, so a message stays one line.
 */
import { type NodePath, quote } from "./problem.ts";

const PHRASES: Record<string, string> = {
  integer: "an integer",
  number: "a number",
  string: "a string",
  boolean: "true or false",
  object: "a mapping",
  array: "a list",
  null: "null",
};

/** JSON Schema type names as a phrase: `a string or a list`. */
export function describeTypes(types: readonly string[]): string {
  const phrases = types.map((type) => PHRASES[type] ?? type);
  const last = phrases.pop() ?? "something else";
  return phrases.length === 0 ? last : `${phrases.join(", ")} or ${last}`;
}

/** What a value is, without quoting it: `a string`, `a list`, `42`. */
export function describeKind(value: unknown): string {
  if (value === null || value === undefined) return "nothing";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string") return "a string";
  return String(value);
}

/** A value for a message: strings quoted, others by kind. */
export function describeValue(value: unknown): string {
  return typeof value === "string" ? quote(value) : describeKind(value);
}

/** The value at a path in parsed data, or undefined. */
export function valueAt(data: unknown, path: NodePath): unknown {
  let current = data;
  for (const segment of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}
