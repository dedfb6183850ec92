/**
 * Validation speed: 1,000 realistic recipes written to a temporary
 * directory, validated in process through the loader `validate` uses, then
 * once through the CLI as a child process. Removes the directory after itself.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadRecipeFile } from "../src/recipe/load.ts";
import { corpusRecipe } from "./recipe-corpus.ts";
import { ROOT, timeCommand } from "./support.ts";

/** Milliseconds for both ways, and what was validated. */
export interface ValidationFigures {
  files: number;
  averageLines: number;
  inProcessMs: number;
  cliMs: number;
}

/** Writes, validates and removes `files` recipes; throws if any is invalid. */
export async function measureValidation(files = 1000): Promise<ValidationFigures> {
  const dir = await mkdtemp(join(tmpdir(), "idmp-bench-validate-"));
  try {
    const paths: string[] = [];
    let lines = 0;
    for (let index = 0; index < files; index++) {
      const file = join(dir, `recipe-${String(index).padStart(4, "0")}.yaml`);
      const text = corpusRecipe(index);
      lines += text.split("\n").length - 1;
      await writeFile(file, text);
      paths.push(file);
    }

    const started = performance.now();
    let problems = 0;
    for (const file of paths) problems += (await loadRecipeFile(file)).problems.length;
    const inProcessMs = performance.now() - started;
    if (problems > 0) throw new Error(`The corpus should be valid, but has ${problems} problem(s)`);

    const cli = await timeCommand(process.execPath, [
      `${ROOT}bin/idmp-recipe.mjs`, "validate", dir, "--reporter", "json",
    ]);
    const report = JSON.parse(cli.stdout) as { errors: number; files: unknown[] };
    if (cli.code !== 0 || report.errors > 0 || report.files.length !== files) {
      throw new Error(`The CLI exited ${cli.code} with ${report.errors} error(s)`);
    }
    return { files, averageLines: lines / files, inProcessMs, cliMs: cli.ms };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
