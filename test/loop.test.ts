/**
 * `forEach`: a step per item with `${{ item }}` and `${{ index }}`, at most
 * `concurrency` requests in flight, results and captures in item order,
 * one login for a loop refused all at once, continueOnError per item.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { loadRecipeText } from "../src/recipe/load.ts";
import { renderJunitReport } from "../src/report/junit.ts";
import { renderStep } from "../src/report/text.ts";
import { runRecipes } from "../src/run/run.ts";
import { FIRST_ELEMENT_ID } from "../src/sandbox/seed.ts";
import { enterpriseEnv, recipe, simulator } from "./support/helpers.ts";

const EACH_ELEMENT = (concurrency: number) => recipe(`
version: 1
name: each element
auth: { mode: enterprise }
steps:
  - request: { method: GET, path: /api/v1/elements }
    paginate: { size: 100 }
    capture: { elements: $.rows }
  - id: read
    name: read
    forEach: "\${{ vars.elements }}"
    concurrency: ${concurrency}
    request:
      method: GET
      path: "/api/v1/elements/\${{ item.id }}"
      query: { n: "\${{ index }}" }
    expect: { json: { $.data.id: "\${{ item.id }}" } }
    capture: { ids: $.data.id }
  - request: { method: GET, path: "/api/v1/elements/\${{ vars.ids[199] }}" }
`);

const itemPaths = (sim: { requests: { path: string }[] }) =>
  sim.requests.filter((r) => /^\/api\/v1\/elements\/\d+$/.test(r.path));

test("200 items with concurrency 8 never have more than 8 requests in flight", async (t) => {
  const sim = await simulator(t, { elementCount: 200, latencyMs: 50 });

  const run = await runRecipes([EACH_ELEMENT(8)], { env: enterpriseEnv(sim) });

  const loop = run.recipes[0]?.steps[1];
  assert.equal(run.exitCode, 0, JSON.stringify(loop?.failures));
  // Never more than 8; and well above 1, or nothing ran side by side (a
  // loaded machine may not always fill all 8 slots in 50 ms).
  assert.ok(sim.stats.maxInFlight <= 8, `${sim.stats.maxInFlight} in flight`);
  assert.ok(sim.stats.maxInFlight >= 4, `only ${sim.stats.maxInFlight} in flight`);
  assert.equal(loop?.items?.length, 200);
  assert.deepEqual(loop?.items?.map((item) => item.item), [...Array(200).keys()]);
  assert.deepEqual(loop?.items?.map((item) => item.url),
    [...Array(200).keys()].map((i) => `${sim.url}/api/v1/elements/${FIRST_ELEMENT_ID + BigInt(i)}`
      + `?n=${i}`));
  assert.equal(sim.requests.at(-1)?.path, `/api/v1/elements/${FIRST_ELEMENT_ID + 199n}`);
  assert.match(renderStep(loop!, { color: false }), /read \(200 items\)\n$/);
});

test("concurrency 1 sends one item at a time, in order", async (t) => {
  const sim = await simulator(t, { elementCount: 200, latencyMs: 1 });

  const run = await runRecipes([EACH_ELEMENT(1)], { env: enterpriseEnv(sim) });

  assert.equal(run.exitCode, 0);
  assert.equal(sim.stats.maxInFlight, 1);
  const order = itemPaths(sim).slice(0, 200).map((r) => BigInt(r.path.split("/").at(-1) ?? 0));
  assert.deepEqual(order, [...Array(200).keys()].map((i) => FIRST_ELEMENT_ID + BigInt(i)));
});

test("K02: a token expired mid-loop costs exactly one more login; every item passes",
  async (t) => {
    const sim = await simulator(t, { elementCount: 200, latencyMs: 20 });
    let expired = false;
    const watch = setInterval(() => {
      if (!expired && itemPaths(sim).length >= 40) {
        sim.expireAllTokens();
        expired = true;
      }
    }, 1);
    t.after(() => clearInterval(watch));

    const run = await runRecipes([EACH_ELEMENT(8)], { env: enterpriseEnv(sim) });

    const loop = run.recipes[0]?.steps[1];
    assert.ok(expired);
    assert.equal(run.exitCode, 0, JSON.stringify(loop?.failures));
    assert.equal(sim.stats.logins, 2);
    const renewed = loop?.items?.filter((item) => item.tokenRefreshed) ?? [];
    assert.ok(renewed.length >= 1 && renewed.length <= 8, `${renewed.length} items replayed`);
    assert.ok(renewed.every((item) => item.attempts[0]?.status === 401));
    assert.equal(loop?.tokenRefreshed, true);
  });

const MIXED = (extra: string, ids: string) => recipe(`
version: 1
name: mixed
auth: { mode: enterprise }
steps:
  - name: read
    forEach: ${ids}
    ${extra}
    request: { method: GET, path: "/api/v1/elements/\${{ item }}" }
    capture: { names: $.data.name }
  - request: { method: GET, path: /api/v1/elements, query: { keyword: "\${{ vars.names[2] }}" } }
`);

test("continueOnError runs every item, reports the failed one, and the recipe goes on",
  async (t) => {
    const sim = await simulator(t);
    const ids = `[${FIRST_ELEMENT_ID}, 999, ${FIRST_ELEMENT_ID + 1n}]`;

    const run = await runRecipes([MIXED("continueOnError: true", ids)],
      { env: enterpriseEnv(sim) });

    const [loop, after] = run.recipes[0]?.steps ?? [];
    assert.equal(run.exitCode, 1);
    assert.deepEqual(loop?.items?.map((item) => item.status), ["passed", "failed", "passed"]);
    assert.equal(loop?.failures[0]?.message, "1 of 3 items failed: [1]");
    assert.equal(after?.status, "passed");
    assert.equal(sim.requests.at(-1)?.query.get("keyword"), "Plant 2");
    const text = renderStep(loop!, { color: false });
    assert.match(text, /\(3 items, 1 failed\)\n.*1 of 3 items failed: \[1\]\n/);
    assert.match(text, /\n {4} {2}✗ GET {4}\/api\/v1\/elements\/999 {2}404 .* read \[1\]\n/);
  });

test("without continueOnError a failed item stops new items, and the recipe stops",
  async (t) => {
    const sim = await simulator(t, { latencyMs: 20 });
    const ids = `[999, ${Array.from({ length: 9 }, (_, i) => FIRST_ELEMENT_ID + BigInt(i))}]`;

    const run = await runRecipes([MIXED("concurrency: 4", ids)], { env: enterpriseEnv(sim) });

    // Four start together; which of them ends first is the runtime's to say,
    // so a worker may take one more item before item 0's failure is known.
    const [loop, after] = run.recipes[0]?.steps ?? [];
    const sent = itemPaths(sim).length;
    const statuses = loop?.items?.map((item) => item.status) ?? [];
    assert.equal(run.exitCode, 1);
    assert.ok(sent >= 4 && sent <= 7, `${sent} items sent`);
    assert.deepEqual(statuses, ["failed", ...Array(sent - 1).fill("passed"),
      ...Array(10 - sent).fill("skipped")]);
    assert.equal(loop?.failures[0]?.message,
      `1 of 10 items failed: [0]; ${10 - sent} not run`);
    assert.equal(after?.status, "skipped");

    const xml = renderJunitReport(run, { redact: (text) => text });
    assert.equal(xml.match(/<testcase name="read \[\d\]"/g)?.length, 10);
    assert.match(xml, /<skipped message="not run: an earlier item failed"/);
  });

test("forEach over something other than a list fails the step with a hint", async (t) => {
  const sim = await simulator(t);
  const run = await runRecipes([recipe(`
version: 1
name: not a list
auth: { mode: enterprise }
vars: { one: 5 }
steps:
  - forEach: "\${{ vars.one }}"
    request: { method: GET, path: "/api/v1/elements/\${{ item }}" }
`)], { env: enterpriseEnv(sim) });

  const failure = run.recipes[0]?.steps[0]?.failures[0];
  assert.equal(failure?.message, "forEach: ${{ vars.one }} is a number, not a list");
  assert.equal(itemPaths(sim).length, 0);
});

test("item and index outside a forEach step are validation errors", () => {
  const { problems } = loadRecipeText(`
version: 1
name: stray item
auth: { mode: none }
vars: { count: "\${{ index }}" }
steps:
  - forEach: "\${{ item }}"
    request: { method: GET, path: "/x/\${{ item.id }}/\${{ index }}" }
  - request: { method: GET, path: "/y/\${{ item[0] }}" }
`, "stray.yaml");

  assert.deepEqual(problems.map((p) => `${p.line}:${p.column}:${p.rule}`), [
    "5:17:undefined-reference", "7:15:undefined-reference", "9:39:undefined-reference",
  ]);
  assert.equal(problems[2]?.message, "'${{ item[0] }}' reads 'item', which is set only inside "
    + "a step with forEach, not here; add forEach to the step, or read a var");
});
