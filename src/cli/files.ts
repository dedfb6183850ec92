/**
 * Expands the command line's files, directories and globs into a sorted
 * list of recipe files.
 */
import { stat } from "node:fs/promises";
import { glob, isDynamicPattern } from "tinyglobby";
import { UsageError } from "../errors.ts";

const RECIPE_GLOB = "**/*.{yaml,yml}";

/** Every recipe file the arguments name, each once, in a stable order. */
export async function expandRecipeArgs(args: string[]): Promise<string[]> {
  if (args.length === 0) {
    throw new UsageError("No recipe given", {
      hint: "Name a file, a directory or a glob, e.g. idmp-recipe run recipes/",
    });
  }

  const files: string[] = [];
  for (const arg of args) files.push(...(await _expand(arg)));
  return [...new Set(files)];
}

async function _expand(arg: string): Promise<string[]> {
  if (isDynamicPattern(arg)) {
    const found = await glob(arg, { onlyFiles: true, expandDirectories: false });
    if (found.length === 0) throw new UsageError(`No file matches "${arg}"`);
    return found.sort();
  }

  const info = await stat(arg).catch(() => undefined);
  if (info === undefined) {
    throw new UsageError(`Cannot find "${arg}"`, { hint: "Check the path, or quote a glob" });
  }
  if (!info.isDirectory()) return [arg];

  const found = await glob(RECIPE_GLOB, { cwd: arg, onlyFiles: true });
  if (found.length === 0) throw new UsageError(`No .yaml or .yml file in "${arg}"`);
  return found.sort().map((file) => `${arg.replace(/\/+$/, "")}/${file}`);
}
