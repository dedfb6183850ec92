/**
 * Shared test fixtures: a simulator torn down with the test, recipes from
 * inline YAML, and the CLI run as a real child process.
 */
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { TestContext } from "node:test";
import { loadRecipeText } from "../../src/recipe/load.ts";
import type { LoadedRecipe } from "../../src/recipe/load.ts";
import { startSimulator, type Simulator, type SimulatorOptions } from "../../src/sandbox/simulator.ts";

/** The repository root, for spawning the CLI. */
export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** Starts a simulator on 127.0.0.1 that closes when the test ends. */
export async function simulator(t: TestContext, options?: SimulatorOptions): Promise<Simulator> {
  const sim = await startSimulator(options);
  t.after(() => sim.close());
  return sim;
}

/** Loads a recipe from YAML text; fails the test on any validation error. */
export function recipe(yaml: string, file = "inline.yaml"): LoadedRecipe {
  const result = loadRecipeText(yaml, file);
  const errors = result.problems.filter((problem) => problem.severity === "error");
  if (!result.recipe || errors.length > 0) {
    throw new Error(`Test recipe is invalid: ${JSON.stringify(errors)}`);
  }
  return result.recipe;
}

/** What a finished CLI process left behind. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `idmp-recipe <args>` as a child process with exactly `env` (plus PATH). */
export function cli(args: string[], env: Record<string, string> = {}, cwd = ROOT): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", `${ROOT}src/cli/entry.ts`, ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? "", NO_COLOR: "1", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** Env vars that point an enterprise recipe at a simulator. */
export function enterpriseEnv(sim: Simulator, password = "sandbox-password"): Record<string, string> {
  return { IDMP_HOST: sim.url, IDMP_USERNAME: "sandbox", IDMP_PASSWORD: password };
}

/** A temporary directory removed when the test ends. */
export async function scratchDir(t: TestContext): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "idmp-recipe-test-"));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}
