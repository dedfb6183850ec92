/**
 * The environment a run sees: the process's, plus `--env-file` files (the
 * process's values win, as with Node's own --env-file), and `--var` values.
 */
import { readFile } from "node:fs/promises";
import { parse as parseDotenv } from "dotenv";
import type { Environment } from "../auth/credentials.ts";
import { UsageError } from "../errors.ts";
import { type JsonValue, parseJson } from "../json.ts";

/** Reads each env file in order and lays the process environment over them. */
export async function loadEnvironment(files: string[], base: Environment): Promise<Environment> {
  const merged: Record<string, string | undefined> = {};
  for (const file of files) {
    const text = await readFile(file, "utf8").catch(() => {
      throw new UsageError(`Cannot read env file "${file}"`, { hint: "Check --env-file's path" });
    });
    Object.assign(merged, parseDotenv(text));
  }
  return { ...merged, ...base };
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
