/**
 * `validate --openapi FILE|URL`: loads the description once, before any
 * recipe, and gives loadAll the check to run on each recipe that loaded.
 */
import type { LoadedRecipe } from "../recipe/load.ts";
import type { Problem } from "../recipe/problem.ts";
import { checkRecipeAgainstOpenApi } from "./check-recipe.ts";
import { loadOpenApi } from "./load.ts";

/** The check for `--openapi`, or undefined without the option. */
export async function openApiCheck(
  args: { openapi: string | undefined; timeout: string | undefined },
): Promise<((recipe: LoadedRecipe) => Promise<Problem[]>) | undefined> {
  if (args.openapi === undefined) return undefined;
  const timeout = Number(args.timeout);
  const openapi = await loadOpenApi(args.openapi, {
    ...(Number.isFinite(timeout) && timeout > 0 ? { timeoutMs: timeout } : {}),
  });
  return (recipe) => checkRecipeAgainstOpenApi(openapi, recipe);
}
