/**
 * Matchers of `expect.json`: a literal means equality; an object of matcher
 * keys means every key must hold. Each key that does not hold is one
 * Failure whose message reads `$.data.total: expected >= 1, got 0`.
 */
import type { JsonValue } from "../json.ts";
import type { JsonTypeName, Matcher, MatcherObject } from "../recipe/types.ts";
import { compareValues, deepEqual, isJsonType, jsonTypeOf, showValue } from "./compare.ts";
import type { JsonSelection } from "./jsonpath.ts";
import type { Failure } from "./results.ts";

export { checkStatus, envelopeFailure } from "./status.ts";

type Key = keyof MatcherObject;

const ORDER: Partial<Record<Key, [string, (order: number) => boolean]>> = {
  gt: [">", (order) => order > 0],
  gte: [">=", (order) => order >= 0],
  lt: ["<", (order) => order < 0],
  lte: ["<=", (order) => order <= 0],
};

const KEYS = new Set<string>(["eq", "ne", "contains", "matches", "exists", "type", "length",
  ...Object.keys(ORDER)]);

const patterns = new Map<string, RegExp | undefined>();

/** Every way the selection fails `matcher`; empty when it holds. */
export function checkMatcher(
  path: string,
  matcher: Matcher,
  selection: JsonSelection,
): Failure[] {
  const object = _isMatcherObject(matcher);
  const entries: [string, unknown][] = object ? Object.entries(matcher) : [["eq", matcher]];
  const failures: Failure[] = [];
  for (const [key, expected] of entries) {
    const problem = _judge(key, expected, selection);
    if (problem === undefined) continue;
    failures.push({
      kind: "check",
      path,
      expected: object ? { [key]: expected as JsonValue } : (matcher as JsonValue),
      ...(selection.found ? { actual: selection.value } : {}),
      message: `${path}: ${problem}`,
    });
  }
  return failures;
}

// What is wrong, after "expected", or undefined when the key holds.
function _judge(key: string, expected: unknown, selection: JsonSelection): string | undefined {
  if (!KEYS.has(key)) return `unknown matcher "${key}"`;
  if (key === "exists") {
    if (expected === selection.found) return undefined;
    return expected ? "expected to exist, selects nothing"
      : `expected to select nothing, got ${showValue(selection.value)}`;
  }
  const wanted = _describe(key, expected);
  if (!selection.found || selection.value === undefined) {
    return `expected ${wanted}, selects nothing`;
  }
  const actual = selection.value;
  if (key === "length") return _judgeLength(expected, actual);
  if (_holds(key, expected, actual)) return undefined;

  const typed = key === "type" || key === "matches" || ORDER[key as Key] !== undefined;
  const got = typed ? `${showValue(actual)} (${jsonTypeOf(actual)})` : showValue(actual);
  if (key === "matches" && _pattern(expected) === undefined) {
    return `expected ${wanted}, but it is not a valid regular expression`;
  }
  return `expected ${wanted}, got ${got}`;
}

function _holds(key: string, expected: unknown, actual: JsonValue): boolean {
  const order = ORDER[key as Key];
  if (order) {
    const compared = compareValues(actual, expected as number | bigint | string);
    return compared !== undefined && order[1](compared);
  }
  switch (key) {
    case "eq": return deepEqual(actual, expected as JsonValue);
    case "ne": return !deepEqual(actual, expected as JsonValue);
    case "type": return isJsonType(actual, expected as JsonTypeName);
    case "matches": return typeof actual === "string" && !!_pattern(expected)?.test(actual);
    case "contains": return _contains(actual, expected);
    default: return false;
  }
}

// A substring of a string, or an item (by deep equality) of a list.
function _contains(actual: JsonValue, expected: unknown): boolean {
  if (Array.isArray(actual)) return actual.some((item) => deepEqual(item, expected as JsonValue));
  return typeof actual === "string" && typeof expected === "string" && actual.includes(expected);
}

// `length` counts characters (code points) of a string or items of a list.
function _judgeLength(expected: unknown, actual: JsonValue): string | undefined {
  const wanted = _describe("length", expected);
  if (typeof actual !== "string" && !Array.isArray(actual)) {
    return `expected ${wanted}, got ${showValue(actual)} (a ${jsonTypeOf(actual)} has no length)`;
  }
  const length = typeof actual === "string" ? [...actual].length : actual.length;
  const inner: Matcher = _isMatcherObject(expected) ? expected : { eq: expected as JsonValue };
  const held = checkMatcher("length", inner, { found: true, value: length, many: false });
  return held.length === 0 ? undefined : `expected ${wanted}, got length ${length}`;
}

function _describe(key: string, expected: unknown): string {
  const order = ORDER[key as Key];
  if (order) return `${order[0]} ${showValue(expected as JsonValue)}`;
  switch (key) {
    case "ne": return `not ${showValue(expected as JsonValue)}`;
    case "contains": return `to contain ${showValue(expected as JsonValue)}`;
    case "matches": return `to match /${String(expected)}/`;
    case "type": return `type ${String(expected)}`;
    case "length":
      if (!_isMatcherObject(expected)) return `length ${showValue(expected as JsonValue)}`;
      return Object.entries(expected)
        .map(([inner, value]) => `length ${_describe(inner, value)}`)
        .join(" and ");
    default: return showValue(expected as JsonValue);
  }
}

function _pattern(source: unknown): RegExp | undefined {
  if (typeof source !== "string") return undefined;
  if (!patterns.has(source)) {
    let compiled: RegExp | undefined;
    try {
      compiled = new RegExp(source);
    } catch {
      compiled = undefined;
    }
    patterns.set(source, compiled);
  }
  return patterns.get(source);
}

function _isMatcherObject(value: unknown): value is MatcherObject {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
