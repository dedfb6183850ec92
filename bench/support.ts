/**
 * Helpers for the benchmarks: the benchmark server as a child process,
 * timing of whole commands, and medians.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

/** The repository root. */
export const ROOT = fileURLToPath(new URL("../", import.meta.url));

/** Starts bench/server.mjs and resolves with its URL and a stop function. */
export async function startBenchServer(): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, [`${ROOT}bench/server.mjs`], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.once("data", (chunk: Buffer) => resolve(chunk.toString().trim()));
    child.once("error", reject);
  });
  return { url, stop: () => void child.kill() };
}

/** Runs a command to its end; resolves with wall time and its stdout. */
export function timeCommand(
  command: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ ms: number; stdout: string; code: number | null }> {
  const started = performance.now();
  const child: ChildProcess = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: "1", ...env },
    stdio: ["ignore", "pipe", "ignore"],
  });
  let stdout = "";
  child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code) => resolve({ ms: performance.now() - started, stdout, code }));
  });
}

/** The median of some numbers. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Runs `measure` `runs` times (after one warm-up) and returns the median. */
export async function medianOf(runs: number, measure: () => Promise<number>): Promise<number> {
  await measure();
  const values: number[] = [];
  for (let i = 0; i < runs; i++) values.push(await measure());
  return median(values);
}
