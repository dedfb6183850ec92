/**
 * `--output FILE`: checked before anything runs, so that a report that
 * cannot be written never costs a run (whose writes have happened by then).
 */
import { constants } from "node:fs";
import { access, stat, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { UsageError } from "../errors.ts";

/** Throws UsageError unless `file` can be written. */
export async function checkOutputFile(file: string): Promise<void> {
  const info = await stat(file).catch(() => undefined);
  if (info?.isDirectory()) {
    throw new UsageError(`--output "${file}" is a directory`, { hint: "Name a file" });
  }
  const target = info ? file : dirname(file);
  await access(target, constants.W_OK).catch(() => {
    const what = info ? "file is not writable" : "directory does not exist or is not writable";
    throw new UsageError(`Cannot write --output "${file}": the ${what}`, {
      hint: "Choose a path in an existing, writable directory",
    });
  });
}

/** Writes the report; a failure now is still a usage error, not a crash. */
export async function writeOutputFile(file: string, text: string): Promise<void> {
  await writeFile(file, text).catch((error: unknown) => {
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    throw new UsageError(`Cannot write --output "${file}" (${code})`);
  });
}
