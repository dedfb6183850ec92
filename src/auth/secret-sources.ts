/**
 * Where a credential's value may come from, besides the variable itself:
 * `NAME_FILE` names a file that holds it (as container secrets do), and
 * `NAME_COMMAND` a command whose standard output is the value (so that
 * `vault kv get -field=password ...` or a cloud secrets CLI can serve it).
 */
import { exec } from "node:child_process";
import { readFile } from "node:fs/promises";
import { CredentialsError } from "../errors.ts";
import type { Environment } from "./credentials.ts";

/** How long a secret command may run before it is stopped. */
export const SECRET_COMMAND_TIMEOUT_MS = 10_000;

// A secret is short; a command that prints more is not answering the question.
const MAX_OUTPUT_BYTES = 64 * 1024;

/** A value and where it was found, for messages that never show the value. */
export interface SourcedValue {
  value: string | undefined;
  /** e.g. `IDMP_PASSWORD`, `IDMP_PASSWORD_FILE`, `IDMP_PASSWORD_COMMAND`. */
  source: string;
  warnings: string[];
}

/**
 * Reads `name` from the environment, or from `NAME_FILE`, or from
 * `NAME_COMMAND`, in that order. The variable itself wins over the others,
 * with a warning when more than one is set.
 */
export async function readSecret(name: string, env: Environment): Promise<SourcedValue> {
  const file = env[`${name}_FILE`];
  const command = env[`${name}_COMMAND`];
  const set = [env[name], file, command].filter((value) => value !== undefined && value !== "");
  const warnings = set.length > 1
    ? [`more than one of ${name}, ${name}_FILE and ${name}_COMMAND is set; using the first`]
    : [];

  if (env[name] !== undefined && env[name] !== "") {
    return { value: env[name], source: name, warnings };
  }
  if (file !== undefined && file !== "") {
    return { value: await _fromFile(name, file), source: `${name}_FILE`, warnings };
  }
  if (command !== undefined && command !== "") {
    return { value: await _fromCommand(name, command), source: `${name}_COMMAND`, warnings };
  }
  return { value: env[name], source: name, warnings };
}

async function _fromFile(name: string, path: string): Promise<string> {
  try {
    // A file ends with a line break by habit; that break is not part of the secret.
    return (await readFile(path, "utf8")).replace(/\r?\n$/, "");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "unreadable";
    throw new CredentialsError(`Cannot read ${name}_FILE "${path}" (${code})`, {
      hint: `Point ${name}_FILE at a readable file that holds only the value`,
    });
  }
}

function _fromCommand(name: string, command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const options = { timeout: SECRET_COMMAND_TIMEOUT_MS, maxBuffer: MAX_OUTPUT_BYTES };
    // The command's stderr is dropped unread: tools print tokens there too.
    exec(command, options, (error, stdout) => {
      if (!error) return resolve(String(stdout).replace(/\r?\n$/, ""));
      const why = error.killed ? `did not finish within ${SECRET_COMMAND_TIMEOUT_MS / 1000} s`
        : `exited with code ${error.code ?? "unknown"}`;
      reject(new CredentialsError(`${name}_COMMAND ${why}; its output is not shown`, {
        hint: `Run the command in ${name}_COMMAND by hand to see what it needs`,
      }));
    });
  });
}
