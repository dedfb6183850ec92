/**
 * `npm run bench:validate`: writes 1,000 realistic recipes to a temporary
 * directory, validates them in process through the loader `validate` uses,
 * then once through the CLI as a child process, and prints the time and
 * files per second of each. Removes the directory after itself.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadRecipeFile } from "../src/recipe/load.ts";
import { corpusRecipe } from "./recipe-corpus.ts";
import { ROOT, timeCommand } from "./support.ts";

const FILES = 1000;

const dir = await mkdtemp(join(tmpdir(), "idmp-bench-validate-"));
try {
  const files: string[] = [];
  let lines = 0;
  for (let index = 0; index < FILES; index++) {
    const file = join(dir, `recipe-${String(index).padStart(4, "0")}.yaml`);
    const text = corpusRecipe(index);
    lines += text.split("\n").length - 1;
    await writeFile(file, text);
    files.push(file);
  }
  console.log(`${FILES} recipes, ${(lines / FILES).toFixed(0)} lines on average, in ${dir}`);

  const started = performance.now();
  let problems = 0;
  for (const file of files) problems += (await loadRecipeFile(file)).problems.length;
  _print("in process (loadRecipeFile)", performance.now() - started);
  if (problems > 0) throw new Error(`The corpus should be valid, but has ${problems} problem(s)`);

  const cli = await timeCommand(process.execPath, [
    `${ROOT}bin/idmp-recipe.mjs`, "validate", dir, "--reporter", "json",
  ]);
  _print("CLI (idmp-recipe validate <dir>, one process)", cli.ms);
  const report = JSON.parse(cli.stdout) as { errors: number; files: unknown[] };
  if (cli.code !== 0 || report.errors > 0 || report.files.length !== FILES) {
    throw new Error(`The CLI exited ${cli.code} with ${report.errors} error(s)`);
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}

function _print(label: string, ms: number): void {
  const rate = (FILES / (ms / 1000)).toFixed(0);
  console.log(`${label.padEnd(48)} ${(ms / 1000).toFixed(2)} s  ${rate} files/s`);
}
