/**
 * Loads a recipe file: reads it, parses the YAML, validates it against the
 * schema, then checks its meaning (what of it can be checked, when the
 * schema refused it). Returns problems as data; throws only for the tool's
 * own failures.
 */
import { readFile } from "node:fs/promises";
import type { CheckContext } from "./context.ts";
import { hasErrors, type NodePath, type Position, type Problem, sortProblems } from "./problem.ts";
import { checkRefusedRecipe } from "./salvage.ts";
import { checkSchema } from "./schema-problems.ts";
import { checkSemantics } from "./semantic.ts";
import { pathInFile, spliceIncludes, type StepSource } from "./include.ts";
import type { Recipe, RecipeFile } from "./types.ts";
import { readYaml } from "./yaml-read.ts";

/** A valid recipe with the means to point back into its file. */
export interface LoadedRecipe {
  file: string;
  recipe: Recipe;
  /**
   * 1-based line and column of a node by its path, e.g. `["steps", 1]`; for
   * a key that a `<<` merge brought in, the place it was written.
   */
  positionOf(path: (string | number)[]): Position | undefined;
  /** Where step `index` was written: an included step keeps its file and line. */
  stepOrigin(index: number): { file: string; line?: number };
  /** The recipe that wrote step `index`, and the step's index there. */
  stepSource(index: number): { loaded: LoadedRecipe; index: number };
}

/** What loading one file found; `recipe` only when no problem is an error. */
export interface LoadResult {
  file: string;
  recipe?: LoadedRecipe;
  problems: Problem[];
}

/** Options of loadRecipeFile and loadRecipeText. */
export interface LoadOptions {
  /** Names that --var will define, so references to them are not errors. */
  extraVars?: string[];
  /** Absolute paths of the files including this one, outermost first. */
  includeChain?: string[];
}

/** Reads and checks a recipe file; an unreadable file gives one `file` problem. */
export async function loadRecipeFile(file: string, options?: LoadOptions): Promise<LoadResult> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    const message = `Cannot read recipe file '${file}': ${_reason(error)}; check the path`;
    const problem: Problem = { file, line: 1, column: 1, rule: "file", message, severity: "error" };
    return { file, problems: [problem] };
  }
  return loadRecipeText(text, file, options);
}

/** Checks recipe text; `file` names it in problems. */
export function loadRecipeText(text: string, file: string, options: LoadOptions = {}): LoadResult {
  const { value, locator, problems: yamlProblems } = readYaml(text, file);
  if (!locator || hasErrors(yamlProblems)) return { file, problems: sortProblems(yamlProblems) };

  const context: CheckContext = { file, locator, problems: [...yamlProblems] };
  if (!checkSchema(context, value)) {
    checkRefusedRecipe(context, value);
    return { file, problems: sortProblems(context.problems) };
  }

  // The schema has just accepted this value, bigints and all.
  const { recipe, sources } = spliceIncludes(context, value as RecipeFile, options,
    loadRecipeText);
  const inFile = (path: NodePath) => pathInFile(sources, path);
  const mark = context.problems.length;
  checkSemantics({ ...context, locator: locator.withPaths(inFile) }, recipe,
    { extraVars: options.extraVars ?? [] });
  _dropIncluded(context.problems, mark, sources);
  const problems = sortProblems(context.problems);
  if (hasErrors(problems)) return { file, problems };
  const loaded: LoadedRecipe = {
    file,
    recipe,
    positionOf: (path: NodePath) => locator.value(inFile(path)),
    stepOrigin: (index) => {
      const source = sources[index];
      if (source && !("own" in source)) return source.from.stepOrigin(source.index);
      return { file, line: locator.value(inFile(["steps", index])).line };
    },
    stepSource: (index) => {
      const source = sources[index];
      if (source && !("own" in source)) return source.from.stepSource(source.index);
      return { loaded, index: source?.own ?? index };
    },
  };
  return { file, recipe: loaded, problems };
}

// An included file's steps were judged when it loaded alone; only an id
// used on both sides of the include is new here.
function _dropIncluded(problems: Problem[], from: number, sources: readonly StepSource[]) {
  for (let at = problems.length - 1; at >= from; at--) {
    const index = /^steps\[(\d+)\]/.exec(problems[at]?.path ?? "")?.[1];
    const source = index === undefined ? undefined : sources[Number(index)];
    if (source && !("own" in source) && problems[at]?.rule !== "duplicate-step-id") {
      problems.splice(at, 1);
    }
  }
}

function _reason(error: unknown): string {
  const code = error instanceof Error && "code" in error ? error.code : undefined;
  if (code === "ENOENT") return "no such file";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "EISDIR") return "it is a directory";
  return error instanceof Error ? error.message : String(error);
}
