/**
 * `npm run bench`: the runner's own cost next to the network's, as ratios
 * (absolute times on these machines are noisy). Prints a table of medians.
 */
import { availableParallelism } from "node:os";
import { measureColdStart } from "./cold-start.ts";
import { measureSteps } from "./steps.ts";
import { startBenchServer } from "./support.ts";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const server = await startBenchServer();
try {
  const steps = await measureSteps(server.url, RUNS);
  const cold = await measureColdStart(server.url, RUNS);
  const rows: [string, string, string, string][] = [
    ["2,000 steps in-process", `${steps.ours.toFixed(0)} ms`,
      `fetch loop ${steps.floor.toFixed(0)} ms`, `${steps.ratio.toFixed(2)}x (target 1.3x)`],
    ["cold start, 1 step", `${cold.ours.toFixed(0)} ms`,
      `node one fetch ${cold.floor.toFixed(0)} ms`, `${cold.ratio.toFixed(2)}x (target 2x)`],
  ];
  console.log(`idmp-recipe benchmarks: ${availableParallelism()} cores, medians of ${RUNS} runs\n`);
  console.log(_table(["case", "idmp-recipe", "floor", "ratio"], rows));
} finally {
  server.stop();
}

function _table(head: string[], rows: string[][]): string {
  const all = [head, ...rows];
  const widths = head.map((_, i) => Math.max(...all.map((row) => (row[i] ?? "").length)));
  const line = (row: string[]) => row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join("  ");
  return [line(head), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}
