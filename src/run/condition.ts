/**
 * Evaluates a parsed `if` against what the recipe holds so far. Nothing is
 * evaluated as code: only the comparisons, functions and connectives of
 * condition-parse.ts. Numbers compare exactly across number and bigint.
 */
import type { JsonValue } from "../json.ts";
import type { Condition, Operand } from "../recipe/condition-parse.ts";
import { resolveRef, TemplateError, type TemplateRef, type TemplateScope } from
  "../recipe/template.ts";
import { compareValues, deepEqual, showValue } from "./compare.ts";

/**
 * True when the condition holds. Throws TemplateError when a reference
 * outside exists() or empty() leads nowhere, or when values cannot be
 * ordered; `&&` and `||` stop early, so `exists(x) && x > 0` is safe.
 */
export function conditionHolds(condition: Condition, scope: TemplateScope): boolean {
  switch (condition.kind) {
    case "and":
      return conditionHolds(condition.left, scope) && conditionHolds(condition.right, scope);
    case "or":
      return conditionHolds(condition.left, scope) || conditionHolds(condition.right, scope);
    case "not":
      return !conditionHolds(condition.operand, scope);
    case "exists":
      return _lookup(condition.ref, scope) !== undefined;
    case "empty":
      return _isEmpty(_lookup(condition.ref, scope));
    case "value":
      return _boolean(condition.operand, scope);
    case "compare":
      return _compare(condition, scope);
  }
}

function _compare(condition: Extract<Condition, { kind: "compare" }>, scope: TemplateScope) {
  const left = _value(condition.left, scope);
  const right = _value(condition.right, scope);
  if (condition.op === "==") return deepEqual(left, right);
  if (condition.op === "!=") return !deepEqual(left, right);
  const order = _order(left, right);
  if (order === undefined) {
    throw new TemplateError(`Cannot order ${showValue(left)} ${condition.op} ` +
      `${showValue(right)}: compare two numbers or two strings`);
  }
  if (condition.op === "<") return order < 0;
  if (condition.op === "<=") return order <= 0;
  if (condition.op === ">") return order > 0;
  return order >= 0;
}

// Two numbers (number or bigint), or two strings; a string of digits
// against a number counts as that number, as in matchers.
function _order(left: JsonValue, right: JsonValue): number | undefined {
  const numeric = (v: JsonValue) => typeof v === "number" || typeof v === "bigint";
  if (typeof left === "string" && typeof right === "string") return compareValues(left, right);
  if (numeric(right) || typeof right === "string") {
    return compareValues(left, right as number | bigint | string);
  }
  return undefined;
}

function _boolean(operand: Operand, scope: TemplateScope): boolean {
  const value = _value(operand, scope);
  if (typeof value === "boolean") return value;
  const what = "ref" in operand ? operand.ref.source : showValue(value);
  throw new TemplateError(`Condition reads ${what} = ${showValue(value)}, not a boolean; ` +
    "compare it (== true, > 0) or use exists() or empty()");
}

function _value(operand: Operand, scope: TemplateScope): JsonValue {
  return "ref" in operand ? resolveRef(operand.ref, scope) : operand.literal;
}

function _lookup(ref: TemplateRef, scope: TemplateScope): JsonValue | undefined {
  // `missing` answers undefined here, so that absent and null stay apart.
  return resolveRef(ref, { ...scope, missing: () => undefined as unknown as JsonValue });
}

function _isEmpty(value: JsonValue | undefined): boolean {
  if (value === undefined || value === null || value === "") return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === "object" && Object.keys(value).length === 0;
}
