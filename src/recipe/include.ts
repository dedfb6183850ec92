/**
 * `- include: other.yaml` in `steps`: the other recipe's steps spliced in at
 * load time. The included file is a full recipe that validates on its own
 * (so it can also run alone); its auth must match, its vars go under the
 * including recipe's (which win), its secrets are added. Problems inside it
 * point at its own lines; a cycle or a missing file, at the include line.
 * The path is relative to the including file, unless it is absolute.
 */
import { readFileSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { stringifyJson } from "../json.ts";
import { type CheckContext, report } from "./context.ts";
import type { LoadedRecipe, LoadOptions, LoadResult } from "./load.ts";
import type { NodePath } from "./problem.ts";
import type { IncludeEntry, Recipe, RecipeFile, Step } from "./types.ts";

/** Where a spliced step came from: this file's step, or an included recipe's. */
export type StepSource =
  | { own: number }
  | { entry: number; from: LoadedRecipe; index: number };

/** A recipe with its includes spliced in, and the source of each step. */
export interface Spliced {
  recipe: Recipe;
  sources: StepSource[];
}

/** Loads recipe text; passed in to keep load.ts and this file apart. */
export type LoadText = (text: string, file: string, options: LoadOptions) => LoadResult;

// Limitation: an included file is loaded once per include, and its problems
// are listed again when it is also validated on its own (as in a directory);
// a cache of loads by absolute path would lift both.
// Limitation: a recipe the schema refused is not followed into its includes.

/** Splices every include of `file`, reporting what cannot be included. */
export function spliceIncludes(
  context: CheckContext,
  file: RecipeFile,
  options: LoadOptions,
  load: LoadText,
): Spliced {
  const chain = options.includeChain ?? [resolve(context.file)];
  const steps: Step[] = [];
  const sources: StepSource[] = [];
  let vars = {};
  const secrets = { env: [...file.secrets?.env ?? []], vars: [...file.secrets?.vars ?? []] };

  file.steps.forEach((entry, index) => {
    if (!_isInclude(entry)) {
      steps.push(entry);
      sources.push({ own: index });
      return;
    }
    const from = _include(context, file, entry, index, chain, options, load);
    if (!from) return;
    for (const [k, step] of from.recipe.steps.entries()) {
      steps.push(step);
      sources.push({ entry: index, from, index: k });
    }
    vars = { ...vars, ...from.recipe.vars };
    secrets.env.push(...from.recipe.secrets?.env ?? []);
    secrets.vars.push(...from.recipe.secrets?.vars ?? []);
  });

  const recipe: Recipe = { ...file, steps, vars: { ...vars, ...file.vars } };
  if (secrets.env.length + secrets.vars.length > 0) recipe.secrets = secrets;
  return { recipe, sources };
}

/** The path in this file of a node of the spliced recipe. */
export function pathInFile(sources: readonly StepSource[], path: NodePath): NodePath {
  if (path[0] !== "steps" || typeof path[1] !== "number") return path;
  const source = sources[path[1]];
  if (!source) return path;
  if ("own" in source) return ["steps", source.own, ...path.slice(2)];
  return ["steps", source.entry, "include"];
}

function _include(
  context: CheckContext,
  file: RecipeFile,
  entry: IncludeEntry,
  index: number,
  chain: readonly string[],
  options: LoadOptions,
  load: LoadText,
): LoadedRecipe | undefined {
  const path = ["steps", index, "include"];
  const at = context.locator.value(path);
  const shown = isAbsolute(entry.include)
    ? entry.include
    : join(dirname(context.file), entry.include);
  const absolute = resolve(shown);
  if (chain.includes(absolute)) {
    const names = [...chain, absolute].map((name) => _short(name, chain[0] ?? name));
    const message = `Include cycle: ${names.join(" -> ")}; an included file cannot ` +
      "include a file that includes it";
    report(context, at, "include-cycle", message, { path });
    return undefined;
  }
  let text: string;
  try {
    text = readFileSync(absolute, "utf8");
  } catch {
    const message = `Cannot include '${entry.include}': no readable file at '${shown}'; ` +
      (isAbsolute(entry.include) ? "check the path" : "the path is relative to this recipe");
    report(context, at, "include-missing", message, { path });
    return undefined;
  }
  const result = load(text, shown, { ...options, includeChain: [...chain, absolute] });
  context.problems.push(...result.problems);
  if (!result.recipe) return undefined;
  const theirs = result.recipe.recipe.auth;
  if (theirs.mode !== file.auth.mode || stringifyJson(theirs.env ?? {}) !==
    stringifyJson(file.auth.env ?? {})) {
    const message = `Included '${entry.include}' authenticates with ${stringifyJson(theirs)}, ` +
      `this recipe with ${stringifyJson(file.auth)}; give both the same auth`;
    report(context, at, "include-auth", message, { path });
    return undefined;
  }
  return result.recipe;
}

function _isInclude(entry: Step | IncludeEntry): entry is IncludeEntry {
  return "include" in entry;
}

function _short(absolute: string, first: string): string {
  const base = dirname(first);
  return absolute.startsWith(`${base}/`) ? absolute.slice(base.length + 1) : absolute;
}
