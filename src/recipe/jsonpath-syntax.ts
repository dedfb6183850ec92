/**
 * JSONPath syntax, checked before a recipe runs. jsonpath-plus reads a
 * broken path such as `$[` or `$..[?(@.x` without complaint and selects
 * something or nothing, so brackets, parentheses and quotes are matched
 * here, and each filter is parsed by jsonpath-plus's own safe evaluator.
 */
import { JSONPath } from "jsonpath-plus";

/** What is wrong with a path, and at which character. */
export interface JsonPathError {
  /** 0-based offset of the character at fault. */
  offset: number;
  /** Completes "JSONPath '...' ...", e.g. `has a '[' that is never closed`. */
  reason: string;
}

interface _Script {
  text: string;
  offset: number;
}

// Limitation: a filter that parses but fails on every value (`?(foo())`,
// an unknown function) passes; only a run against real data shows it.

/** The first syntax error in a JSONPath, or undefined when it reads well. */
export function findJsonPathError(path: string): JsonPathError | undefined {
  const scanned = _scan(path);
  if (!Array.isArray(scanned)) return scanned;

  for (const script of scanned) {
    const why = _scriptError(script.text);
    if (why !== undefined) return { offset: script.offset, reason: `has a filter that ${why}` };
  }
  try {
    JSONPath({ path, json: {}, wrap: true, eval: "safe" });
  } catch (error) {
    return { offset: 0, reason: `cannot be read (${_plain(error)})` };
  }
  return undefined;
}

// Brackets outside filters, parentheses inside them, quotes and regex
// literals anywhere; returns the filters and scripts to parse.
function _scan(path: string): _Script[] | JsonPathError {
  const scripts: _Script[] = [];
  let open = -1;
  let parens = 0;
  let start = 0;
  if (!/^\$(?:[.[]|$)/.test(path)) {
    return { offset: 0, reason: "must start with '$' followed by '.' or '['" };
  }
  for (let at = 0; at < path.length; at++) {
    const char = path[at] ?? "";
    if (open >= 0 && (char === "'" || char === '"')) {
      const end = _closing(path, at, char);
      if (end < 0) return { offset: at, reason: "has a quote that is never closed" };
      at = end;
    } else if (open < 0) {
      if (char === "[") open = at;
      if (char === "]") return { offset: at, reason: "has a ']' without its '['" };
    } else if (parens > 0) {
      if (char === "/" && /[(,=!&|:?]\s*$/.test(path.slice(0, at))) {
        const end = _closing(path, at, "/");
        if (end < 0) return { offset: at, reason: "has a regular expression never closed" };
        at = end;
      } else if (char === "(") parens += 1;
      else if (char === ")" && --parens === 0) {
        scripts.push({ text: path.slice(start, at + 1), offset: start });
      }
    } else if (char === "(") {
      start = path[at - 1] === "?" ? at - 1 : at;
      parens = 1;
    } else if (char === ")") return { offset: at, reason: "has a ')' without its '('" };
    else if (char === "[") return { offset: at, reason: "opens a '[' inside another '['" };
    else if (char === "]") {
      const empty = path.slice(open + 1, at).trim() === "";
      if (empty) return { offset: open, reason: "has an empty '[]'" };
      open = -1;
    }
  }
  if (parens > 0) return { offset: start, reason: "has a '(' that is never closed" };
  if (open >= 0) return { offset: open, reason: "has a '[' that is never closed" };
  if (path.endsWith(".")) return { offset: path.length - 1, reason: "ends with '.'" };
  return scripts;
}

// The offset of the character that closes what opens at `at`: a quote, or
// the slash of a regex literal (a slash inside `[...]` does not close it).
function _closing(path: string, at: number, close: string): number {
  let inClass = false;
  for (let next = at + 1; next < path.length; next++) {
    const char = path[next];
    if (char === "\\") next += 1;
    else if (close === "/" && char === "[") inClass = true;
    else if (close === "/" && char === "]") inClass = false;
    else if (char === close && !inClass) return next;
  }
  return -1;
}

// jsonpath-plus parses a script when it first applies it, and throws a
// parse error even with ignoreEvalErrors, which silences only run errors.
function _scriptError(script: string): string | undefined {
  try {
    JSONPath({ path: `$[${script}]`, json: [0], wrap: true, eval: "safe", ignoreEvalErrors: true });
    return undefined;
  } catch (error) {
    return `cannot be parsed (${_plain(error)})`;
  }
}

function _plain(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/^jsonPath: /, "").replace(/ at character \d+$/, "").trim();
}
