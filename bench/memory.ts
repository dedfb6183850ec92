/**
 * Memory of the long and the large: a 10,000-item forEach with concurrency
 * 16 (and a 1,000-item one, to show how memory grows with items), and a
 * 50 MB JSON response checked and captured. Each runs in a process of its
 * own (bench/child.ts) so that its peak RSS is its own.
 */
import { median, ROOT, timeCommand } from "./support.ts";

/** Peak RSS, heap still held after a GC, and time of one kind of run. */
export interface MemoryFigures {
  ms: number;
  rssMb: number;
  heldMb: number;
}

const BIG_ROWS = 1_300_000; // about 50 MB of `{"id":N,"name":"element N"}` rows

async function child(args: string[], runs: number): Promise<MemoryFigures> {
  const all: MemoryFigures[] = [];
  for (let i = 0; i < runs; i++) {
    const run = await timeCommand(process.execPath,
      ["--expose-gc", "--import", "tsx", `${ROOT}bench/child.ts`, ...args]);
    if (run.code !== 0) throw new Error(`bench/child.ts ${args[0]} failed`);
    all.push(JSON.parse(run.stdout) as MemoryFigures);
  }
  const pick = (key: keyof MemoryFigures) => median(all.map((each) => each[key]));
  return { ms: pick("ms"), rssMb: pick("rssMb"), heldMb: pick("heldMb") };
}

/** The loop at two sizes and the large response, medians of `runs`. */
export async function measureMemory(url: string, runs: number) {
  return {
    loop1k: await child(["loop", "1000", "16", url], runs),
    loop10k: await child(["loop", "10000", "16", url], runs),
    big: await child(["big", String(BIG_ROWS), url], runs),
    baseline: await child(["loop", "0", "1", url], runs),
  };
}
