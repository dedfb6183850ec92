/**
 * The environment a run sees: the process's, plus `--env-file` files (the
 * process's values win, as with Node's own --env-file), and `--var` values.
 */
import { readFile } from "node:fs/promises";
import { parse as parseDotenv } from "dotenv";
import type { Environment } from "../auth/credentials.ts";
import { UsageError } from "../errors.ts";
import { type JsonValue, parseJson } from "../json.ts";

/**
 * Reads each env file in order and lays the process environment over them.
 * Lines that are not `NAME=value` are named in `warn` (by number, never by
 * content, which may be a secret) and ignored.
 */
export async function loadEnvironment(
  files: string[],
  base: Environment,
  warn: (line: string) => void = () => {},
): Promise<Environment> {
  const merged: Record<string, string | undefined> = {};
  for (const file of files) {
    const text = await readFile(file, "utf8").catch(() => {
      throw new UsageError(`Cannot read env file "${file}"`, { hint: "Check --env-file's path" });
    });
    _strayLines(text).forEach((n) => warn(`warning: ${file}:${n} is not NAME=value; ignored`));
    Object.assign(merged, parseDotenv(text));
  }
  return { ...merged, ...base };
}

// Lines dotenv skips without a word. Continuation lines of a quoted
// multi-line value are not strays.
function _strayLines(text: string): number[] {
  const strays: number[] = [];
  let quote: string | undefined;
  text.split(/\r?\n/).forEach((line, index) => {
    if (quote !== undefined) {
      if (line.includes(quote)) quote = undefined;
      return;
    }
    if (/^\s*(#.*)?$/.test(line)) return;
    const match = /^\s*(?:export\s+)?[A-Za-z_][\w.-]*\s*=\s*(["'`])?/.exec(line);
    if (!match) return void strays.push(index + 1);
    const open = match[1];
    if (open !== undefined && line.lastIndexOf(open) < match[0].length) quote = open;
  });
  return strays;
}

/** Parses `--var name=value` pairs; a value that is JSON keeps its type. */
export function parseVars(pairs: string[]): Record<string, JsonValue> {
  const vars: Record<string, JsonValue> = {};
  for (const pair of pairs) {
    const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(pair);
    if (!match) {
      throw new UsageError(`--var "${pair}" is not name=value`, {
        hint: "Write --var pageSize=50 (a name of letters, digits and _)",
      });
    }
    const [, name = "", text = ""] = match;
    vars[name] = _valueOf(text);
  }
  return vars;
}

function _valueOf(text: string): JsonValue {
  if (!/^\s*(?:[-\d[{"]|true\b|false\b|null\b)/.test(text)) return text;
  try {
    return parseJson(text);
  } catch {
    return text;
  }
}
