/**
 * One measured run in a process of its own, so that its peak memory is its
 * own: `loop ITEMS CONCURRENCY URL` runs a forEach over ITEMS numbers;
 * `big ROWS URL` fetches a large JSON list, checks its length and captures it.
 * Prints one JSON line: milliseconds and peak RSS in MB.
 */
import type { JsonValue } from "../src/json.ts";
import { loadRecipeText } from "../src/recipe/load.ts";
import { runRecipes } from "../src/run/run.ts";

const [kind = "", first = "0", second = "", third = ""] = process.argv.slice(2);
const yaml = kind === "loop"
  ? `version: 1\nname: loop\nauth: { mode: none }\nsteps:\n`
    + `  - forEach: "\${{ vars.items }}"\n    concurrency: ${Number(second)}\n`
    + `    request: { method: GET, path: "/api/v1/elements/\${{ item }}" }\n`
    + `    expect: { status: 200, json: { $.data.id: 42 } }\n`
  : `version: 1\nname: big\nauth: { mode: none }\nsteps:\n`
    + `  - request: { method: GET, path: /big, query: { rows: ${Number(first)} } }\n`
    + `    expect: { status: 200, json: { $.data.rows: { length: ${Number(first)} } } }\n`
    + `    capture: { rows: $.data.rows }\n`;
const url = kind === "loop" ? third : second;

const loaded = loadRecipeText(yaml, `${kind}.yaml`, { extraVars: ["items"] }).recipe;
if (!loaded) throw new Error(`The ${kind} recipe does not validate`);
const vars: Record<string, JsonValue> = kind === "loop"
  ? { items: Array.from({ length: Number(first) }, (_, i) => i) }
  : {};

const started = performance.now();
const run = await runRecipes([loaded], { env: { IDMP_HOST: url }, vars });
const ms = performance.now() - started;
if (run.exitCode !== 0) throw new Error(`The ${kind} run failed with exit ${run.exitCode}`);
// What the results still hold once the run is over, when the process allows a GC.
const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const heldMb = gc ? process.memoryUsage().heapUsed / 1024 / 1024 : undefined;
console.log(JSON.stringify({ ms, rssMb: process.resourceUsage().maxRSS / 1024, heldMb }));
