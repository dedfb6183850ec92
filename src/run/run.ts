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
  const count = <T extends { status: string }>(items: T[], status: string) =>
    items.filter((item) => item.status === status).length;
  return {
    recipes,
    exitCode: Math.max(0, ...recipes.map((recipe) => recipe.exitCode)),
    durationMs,
    summary: {
      recipes: {
        total: recipes.length,
        passed: count(recipes, "passed"),
        failed: count(recipes, "failed"),
      },
      steps: {
        total: steps.length,
        passed: count(steps, "passed"),
        failed: count(steps, "failed"),
        notRun: count(steps, "skipped"),
      },
    },
  };
}
