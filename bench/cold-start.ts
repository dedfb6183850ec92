/**
 * Cold start: a one-step recipe as a whole process, against `node -e`
 * doing one fetch. Prints both medians and their ratio.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { medianOf, ROOT, timeCommand } from "./support.ts";

const ONE_STEP = `version: 1
name: one step
auth: { mode: none }
steps:
  - request: { method: GET, path: /api/v1/elements/42 }
    expect: { status: 200, json: { $.data.id: 42 } }
`;

/** Medians of both, in milliseconds. */
export async function measureColdStart(url: string, runs: number) {
  const dir = await mkdtemp(join(tmpdir(), "idmp-bench-"));
  try {
    const file = join(dir, "one.yaml");
    await writeFile(file, ONE_STEP);
    const env = { IDMP_HOST: url };
    const script = `const r = await fetch(${JSON.stringify(`${url}/api/v1/elements/42`)});`
      + "const b = await r.json(); if (b.data.id !== 42) process.exit(1);";

    const floor = await medianOf(runs, async () =>
      (await timeCommand(process.execPath, ["--input-type=module", "-e", script])).ms);
    const ours = await medianOf(runs, async () => {
      const run = await timeCommand(process.execPath, [`${ROOT}bin/idmp-recipe.mjs`, "run", file],
        env);
      if (run.code !== 0) throw new Error(`cold start run failed: ${run.stdout}`);
      return run.ms;
    });
    return { floor, ours, ratio: ours / floor };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
