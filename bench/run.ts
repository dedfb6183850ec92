/**
 * `npm run bench`: the runner's own cost next to the network's, as ratios
 * (absolute times on these machines are noisy), and the memory of long
 * loops and large answers. Prints a table of medians.
 */
import { availableParallelism } from "node:os";
import { measureColdStart } from "./cold-start.ts";
import { measureMemory } from "./memory.ts";
import { measureSteps } from "./steps.ts";
import { startBenchServer } from "./support.ts";
import { measureValidation } from "./validation.ts";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const server = await startBenchServer();
try {
  const steps = await measureSteps(server.url, RUNS);
  const cold = await measureColdStart(server.url, RUNS);
  const memory = await measureMemory(server.url, Math.min(RUNS, 3));
  const validation = await measureValidation();
  const mb = (value: number) => `${value.toFixed(0)} MB`;
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  const perSecond = validation.files / (validation.inProcessMs / 1000);

  console.log(`idmp-recipe benchmarks: ${availableParallelism()} cores, `
    + `medians of ${RUNS} runs (memory: ${Math.min(RUNS, 3)})\n`);
  console.log(_table(["case", "idmp-recipe", "floor / detail", "figure (target)"], [
    ["2,000 steps, in-process", ms(steps.ours), `fetch loop ${ms(steps.floor)}`,
      `${steps.ratio.toFixed(2)}x (1.3x)`],
    ["cold start, 1 step", ms(cold.ours), `node one fetch ${ms(cold.floor)}`,
      `${cold.ratio.toFixed(2)}x (2x)`],
    ["forEach 10,000 items, x16", ms(memory.loop10k.ms),
      `1,000 items: ${mb(memory.loop1k.rssMb)} peak`, `${mb(memory.loop10k.rssMb)} peak (150 MB)`],
    ["  held after the loop", mb(memory.loop10k.heldMb),
      `1,000 items: ${mb(memory.loop1k.heldMb)}`, `empty run ${mb(memory.baseline.heldMb)}`],
    ["50 MB answer, checked + captured", ms(memory.big.ms),
      `empty run: ${mb(memory.baseline.rssMb)} peak`, `${mb(memory.big.rssMb)} peak`],
    ["validate 1,000 recipes", ms(validation.inProcessMs),
      `CLI ${ms(validation.cliMs)}`, `${perSecond.toFixed(0)} files/s`],
  ]));
} finally {
  server.stop();
}

function _table(head: string[], rows: string[][]): string {
  const all = [head, ...rows];
  const widths = head.map((_, i) => Math.max(...all.map((row) => (row[i] ?? "").length)));
  const line = (row: string[]) => row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join("  ");
  return [line(head), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}
