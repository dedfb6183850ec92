/**
 * Loads every recipe the arguments name and prints the problems of the ones
 * that do not validate, so `run` and `validate` report them alike.
 */
import { readFile } from "node:fs/promises";
import { hasErrors, type Problem, sortProblems } from "../recipe/problem.ts";
import { type LoadedRecipe, loadRecipeFile, type LoadOptions } from "../recipe/load.ts";
import { renderProblems } from "../report/problems.ts";
import { colorWanted, stderr } from "../runtime/io.ts";

/** Loaded recipes, and every file's problems. */
export interface LoadedAll {
  recipes: LoadedRecipe[];
  results: { file: string; problems: Problem[] }[];
  errors: number;
  warnings: number;
}

/** Options of loadAll: what loading takes, printing, and checks beyond the schema. */
export interface LoadAllOptions extends LoadOptions {
  print: boolean;
  /** More checks of a recipe that loaded, e.g. against an OpenAPI description. */
  check?: (recipe: LoadedRecipe) => Promise<Problem[]>;
}

/** Loads each file; prints problems to stderr when `print` is set. */
export async function loadAll(files: string[], options: LoadAllOptions): Promise<LoadedAll> {
  const loaded: LoadedAll = { recipes: [], results: [], errors: 0, warnings: 0 };
  for (const file of files) {
    const result = await loadRecipeFile(file, options);
    if (result.recipe && options.check) {
      result.problems = sortProblems([...result.problems, ...await options.check(result.recipe)]);
    }
    loaded.results.push({ file, problems: result.problems });
    if (result.recipe && !hasErrors(result.problems)) loaded.recipes.push(result.recipe);

    const errors = result.problems.filter((problem) => problem.severity === "error").length;
    loaded.errors += errors;
    loaded.warnings += result.problems.length - errors;
    if (options.print && result.problems.length > 0) stderr.write(await _render(result.problems));
  }
  return loaded;
}

// A problem inside an included file quotes that file's line: each run of
// problems of one file is rendered with that file's source.
async function _render(problems: readonly Problem[]): Promise<string> {
  const sources = new Map<string, string | undefined>();
  const runs: Problem[][] = [];
  for (const problem of problems) {
    const last = runs.at(-1);
    if (last?.[0]?.file === problem.file) last.push(problem);
    else runs.push([problem]);
    if (!sources.has(problem.file)) {
      sources.set(problem.file, await readFile(problem.file, "utf8").catch(() => undefined));
    }
  }
  const color = colorWanted(stderr);
  return runs.map((run) =>
    renderProblems(run, { color, source: sources.get(run[0]?.file ?? "") })
  ).join("");
}
