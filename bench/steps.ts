/**
 * Per-step cost: a 2,000-step recipe run in-process by idmp-recipe against
 * a loop of plain fetch calls doing the same requests and checks (the
 * floor). Prints both medians and their ratio.
 */
import { loadRecipeText } from "../src/recipe/load.ts";
import { runRecipes } from "../src/run/run.ts";
import { medianOf } from "./support.ts";

const STEPS = 2000;

/** The recipe: GET with a status check and a JSON check, STEPS times. */
export function manyStepsRecipe(steps = STEPS): string {
  const step = `  - request: { method: GET, path: /api/v1/elements/42 }
    expect:
      status: 200
      json: { $.data.id: 42 }
`;
  return `version: 1\nname: many steps\nauth: { mode: none }\nsteps:\n${step.repeat(steps)}`;
}

async function recipeRun(url: string): Promise<number> {
  const loaded = loadRecipeText(manyStepsRecipe(), "bench.yaml").recipe;
  if (!loaded) throw new Error("The benchmark recipe does not validate");
  const started = performance.now();
  const run = await runRecipes([loaded], { env: { IDMP_HOST: url } });
  if (run.exitCode !== 0) throw new Error(`The benchmark run failed: ${run.exitCode}`);
  return performance.now() - started;
}

async function fetchLoop(url: string): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < STEPS; i++) {
    const response = await fetch(`${url}/api/v1/elements/42`, {
      headers: { accept: "application/json" } });
    const body = await response.json() as { data?: { id?: number } };
    if (response.status !== 200 || body.data?.id !== 42) throw new Error("fetch loop check");
  }
  return performance.now() - started;
}

/** Medians of both, in milliseconds, over `runs` runs each. */
export async function measureSteps(url: string, runs: number) {
  const floor = await medianOf(runs, () => fetchLoop(url));
  const ours = await medianOf(runs, () => recipeRun(url));
  return { floor, ours, ratio: ours / floor, steps: STEPS };
}
