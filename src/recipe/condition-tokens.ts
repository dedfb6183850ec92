/**
 * The tokens of a step's `if`: operators, parentheses, literals, the two
 * functions and references. Anything else is a syntax error with its offset.
 */
import type { JsonValue } from "../json.ts";
import { parseTemplate } from "./template-parse.ts";
import { TemplateError, type TemplateRef } from "./template-types.ts";

/** One token and where it starts in the condition. */
export interface Token {
  type: "op" | "literal" | "ref" | "call";
  text: string;
  offset: number;
  value?: JsonValue;
  ref?: TemplateRef;
}

/** A condition that cannot be parsed; `offset` is where, 0-based. */
export class ConditionSyntaxError extends Error {
  override name = "ConditionSyntaxError";
  constructor(message: string, readonly offset: number) {
    super(message);
  }
}

const OPS = ["&&", "||", "==", "!=", "<=", ">=", "<", ">", "!", "(", ")"];
const NUMBER = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/;
// Limitation: strings have no escapes; a quote of the other kind works inside.
const STRING = /^(?:'([^']*)'|"([^"]*)")/;
// A root and its parts; a part may start with a digit, as in time.ago.24h.
const WORD = /^[A-Za-z_]\w*(?:\.[\w-]+|\[\d+\]|\[(?:"[^"]*"|'[^']*')\])*/;
const LITERALS: Record<string, JsonValue> = { true: true, false: false, null: null };

/** Splits a condition into tokens; throws ConditionSyntaxError. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < text.length) {
    const rest = text.slice(at);
    const space = /^\s+/.exec(rest);
    if (space) {
      at += space[0].length;
      continue;
    }
    const token = _token(rest, at);
    tokens.push(token);
    at += token.text.length;
  }
  if (tokens.length === 0) throw new ConditionSyntaxError("the condition is empty", 0);
  return tokens;
}

function _token(rest: string, offset: number): Token {
  if (rest.startsWith("${{")) {
    const end = rest.indexOf("}}");
    if (end < 0) throw new ConditionSyntaxError("'${{' has no closing '}}'", offset);
    const text = rest.slice(0, end + 2);
    return { type: "ref", text, offset, ref: _ref(text, offset) };
  }
  const op = OPS.find((candidate) => rest.startsWith(candidate));
  if (op) return { type: "op", text: op, offset };
  const number = NUMBER.exec(rest)?.[0];
  if (number) return { type: "literal", text: number, offset, value: _number(number) };
  const string = STRING.exec(rest);
  if (string) {
    return { type: "literal", text: string[0], offset, value: string[1] ?? string[2] ?? "" };
  }
  const word = WORD.exec(rest)?.[0];
  if (!word) {
    throw new ConditionSyntaxError(`unexpected '${rest[0]}'; no code is evaluated`, offset);
  }
  if (Object.hasOwn(LITERALS, word)) {
    return { type: "literal", text: word, offset, value: LITERALS[word] ?? null };
  }
  if (word === "exists" || word === "empty") return { type: "call", text: word, offset };
  return { type: "ref", text: word, offset, ref: _ref(`\${{ ${word} }}`, offset) };
}

function _ref(template: string, offset: number): TemplateRef {
  try {
    const [part] = parseTemplate(template);
    if (part === undefined || typeof part === "string") throw new TemplateError("not a reference");
    return { ...part, offset };
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    const why = error.message.replace(/^\$\{\{ (.*?) \}\} /, "'$1' ");
    throw new ConditionSyntaxError(`${why}; no code is evaluated`, offset);
  }
}

function _number(text: string): number | bigint {
  if (!/^-?\d+$/.test(text)) return Number(text);
  const big = BigInt(text);
  const safe = big >= BigInt(Number.MIN_SAFE_INTEGER) && big <= BigInt(Number.MAX_SAFE_INTEGER);
  return safe ? Number(big) : big;
}
