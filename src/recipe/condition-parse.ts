/**
 * The grammar of a step's `if`, parsed by hand; nothing is evaluated as
 * code. Lowest to highest precedence:
 *
 *   or      := and ("||" and)*
 *   and     := unary ("&&" unary)*
 *   unary   := "!" unary | "(" or ")" | call | operand (op operand)?
 *   call    := ("exists" | "empty") "(" reference ")"
 *   op      := "==" | "!=" | "<" | "<=" | ">" | ">="
 *   operand := reference | number | 'text' | "text" | true | false | null
 *
 * A reference is written as in templates, bare (`steps.open.json.total`)
 * or inside `${{ }}`. An operand alone must be a boolean when it runs.
 */
import type { JsonValue } from "../json.ts";
import { tokenize, type Token } from "./condition-tokens.ts";
import type { TemplateRef } from "./template-types.ts";

/** A comparison operator. */
export type CompareOp = "==" | "!=" | "<" | "<=" | ">" | ">=";

/** One side of a comparison. */
export type Operand = { ref: TemplateRef } | { literal: JsonValue };

/** A parsed condition. */
export type Condition =
  | { kind: "and" | "or"; left: Condition; right: Condition }
  | { kind: "not"; operand: Condition }
  | { kind: "compare"; op: CompareOp; left: Operand; right: Operand }
  | { kind: "exists" | "empty"; ref: TemplateRef }
  | { kind: "value"; operand: Operand };

export { ConditionSyntaxError } from "./condition-tokens.ts";
import { ConditionSyntaxError } from "./condition-tokens.ts";

const COMPARE = new Set(["==", "!=", "<", "<=", ">", ">="]);
const _cache = new Map<string, Condition>();

/** Parses a condition once per distinct text; throws ConditionSyntaxError. */
export function parseCondition(text: string): Condition {
  const cached = _cache.get(text);
  if (cached) return cached;
  const tokens = tokenize(text);
  const parser = { tokens, at: 0, text };
  const condition = _or(parser);
  const extra = tokens[parser.at];
  if (extra) _fail(extra, `unexpected '${extra.text}'; join conditions with && or ||`);
  _cache.set(text, condition);
  return condition;
}

/** Every reference a condition reads, for validation. */
export function conditionRefs(condition: Condition): TemplateRef[] {
  switch (condition.kind) {
    case "and":
    case "or":
      return [...conditionRefs(condition.left), ...conditionRefs(condition.right)];
    case "not":
      return conditionRefs(condition.operand);
    case "exists":
    case "empty":
      return [condition.ref];
    case "compare":
      return [condition.left, condition.right].flatMap((o) => ("ref" in o ? [o.ref] : []));
    case "value":
      return "ref" in condition.operand ? [condition.operand.ref] : [];
  }
}

interface Parser {
  tokens: Token[];
  at: number;
  text: string;
}

function _or(p: Parser): Condition {
  let left = _and(p);
  while (_take(p, "||")) left = { kind: "or", left, right: _and(p) };
  return left;
}

function _and(p: Parser): Condition {
  let left = _unary(p);
  while (_take(p, "&&")) left = { kind: "and", left, right: _unary(p) };
  return left;
}

function _unary(p: Parser): Condition {
  if (_take(p, "!")) return { kind: "not", operand: _unary(p) };
  if (_take(p, "(")) {
    const inner = _or(p);
    _expect(p, ")", "close the parenthesis");
    return inner;
  }
  const token = _next(p, "a reference, a literal, exists(...) or empty(...)");
  if (token.type === "call") {
    _expect(p, "(", `write ${token.text}(reference)`);
    const ref = _next(p, "a reference");
    if (ref.type !== "ref" || !ref.ref) _fail(ref, `${token.text}() takes one reference`);
    _expect(p, ")", `write ${token.text}(reference)`);
    return { kind: token.text as "exists" | "empty", ref: ref.ref };
  }
  const left = _operand(token);
  const op = p.tokens[p.at];
  if (op?.type !== "op" || !COMPARE.has(op.text)) return { kind: "value", operand: left };
  p.at += 1;
  const right = _operand(_next(p, "a value to compare with"));
  return { kind: "compare", op: op.text as CompareOp, left, right };
}

function _operand(token: Token): Operand {
  if (token.type === "ref" && token.ref) return { ref: token.ref };
  if (token.type === "literal") return { literal: token.value ?? null };
  return _fail(token, `expected a reference or a literal, got '${token.text}'`);
}

function _take(p: Parser, text: string): boolean {
  const token = p.tokens[p.at];
  if (token?.type !== "op" || token.text !== text) return false;
  p.at += 1;
  return true;
}

function _expect(p: Parser, text: string, fix: string): void {
  if (_take(p, text)) return;
  const token = p.tokens[p.at];
  if (token) _fail(token, `expected '${text}'; ${fix}`);
  throw new ConditionSyntaxError(`the condition ends early; expected '${text}'`, p.text.length);
}

function _next(p: Parser, wanted: string): Token {
  const token = p.tokens[p.at];
  if (!token) throw new ConditionSyntaxError(`the condition ends early; expected ${wanted}`,
    p.text.length);
  p.at += 1;
  return token;
}

function _fail(token: Token, message: string): never {
  throw new ConditionSyntaxError(message, token.offset);
}
