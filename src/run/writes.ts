/**
 * Which steps write: every method but GET, HEAD and OPTIONS. `--read-only`
 * refuses a run that holds one, before anything is sent.
 */
import { RecipeError } from "../errors.ts";
import type { LoadedRecipe } from "../recipe/load.ts";

const READS = new Set(["GET", "HEAD", "OPTIONS"]);

/** True when a step with this method may change data on the server. */
export function isWrite(method: string): boolean {
  return !READS.has(method.toUpperCase());
}

/** Throws RecipeError (exit 2) naming every step that writes, with its place. */
export function refuseWrites(recipes: readonly LoadedRecipe[]): void {
  const writes = recipes.flatMap((loaded) => loaded.recipe.steps.flatMap((step, index) => {
    if (!isWrite(step.request.method)) return [];
    // An included step is named at its own file and line, not at the include.
    const { file, line } = loaded.stepOrigin(index);
    const name = step.name ?? step.id ?? `step ${index + 1}`;
    return [`${file}:${line ?? 0} '${name}' (${step.request.method})`];
  }));
  if (writes.length === 0) return;

  const count = writes.length === 1 ? "1 step writes" : `${writes.length} steps write`;
  throw new RecipeError(`--read-only: ${count}, so nothing was sent: ${writes.join("; ")}`, {
    hint: "Run without --read-only to allow writes, or remove those steps",
  });
}
