/**
 * Runs several loaded recipes one after another with one shared context,
 * so that recipes against the same server and user log in once.
 */
import type { LoadedRecipe } from "../recipe/load.ts";
import { resolveRunOptions, type RunOptions } from "./context.ts";
import { runRecipe } from "./recipe.ts";
import type { RecipeResult, RunResult } from "./results.ts";

/** Runs every recipe in order and sums up. */
export async function runRecipes(
  recipes: LoadedRecipe[],
  options: RunOptions = {},
): Promise<RunResult> {
  const context = resolveRunOptions(options);
  const started = performance.now();

  const results: RecipeResult[] = [];
  for (const loaded of recipes) results.push(await runRecipe(loaded, context));

  return summarise(results, performance.now() - started);
}

/** Builds the run's result from its recipes' results. */
export function summarise(recipes: RecipeResult[], durationMs: number): RunResult {
  const steps = recipes.flatMap((recipe) => recipe.steps);
  const passed = recipes.filter((recipe) => recipe.status === "passed").length;
  return {
    recipes,
    exitCode: Math.max(0, ...recipes.map((recipe) => recipe.exitCode)),
    durationMs,
    summary: {
      recipes: recipes.length,
      passed,
      failed: recipes.length - passed,
      steps: steps.length,
      skipped: steps.filter((step) => step.status === "skipped").length,
    },
  };
}
