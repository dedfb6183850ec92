/**
 * `paginate`: every page of an IDMP list, merged into `{ rows, total, pages,
 * complete }` for checks and captures; caps end with a warning, never a hang.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { runRecipes } from "../src/run/run.ts";
import { renderStep } from "../src/report/text.ts";
import { FIRST_ELEMENT_ID } from "../src/sandbox/seed.ts";
import { loadRecipeFile } from "../src/recipe/load.ts";
import { enterpriseEnv, recipe, ROOT, simulator } from "./support/helpers.ts";
import { json, server } from "./support/servers.ts";

const ALL_ELEMENTS = recipe(`
version: 1
name: every element
auth: { mode: enterprise }
steps:
  - id: all
    request: { method: GET, path: /api/v1/elements }
    paginate: { size: 100 }
    expect:
      json:
        $.rows: { length: 1234 }
        $.complete: true
    capture: { elements: $.rows, total: $.total }
  - request: { method: GET, path: "/api/v1/elements/\${{ vars.elements[1233].id }}" }
`);

test("1,234 elements paged by 100 arrive whole and in order in 13 requests", async (t) => {
  const sim = await simulator(t, { elementCount: 1234 });

  const run = await runRecipes([ALL_ELEMENTS], { env: enterpriseEnv(sim) });

  const step = run.recipes[0]?.steps[0];
  assert.equal(run.exitCode, 0, JSON.stringify(step?.failures));
  const pages = sim.requests.filter((r) => r.path === "/api/v1/elements");
  assert.equal(pages.length, 13);
  assert.deepEqual(pages.map((r) => r.query.get("current")),
    Array.from({ length: 13 }, (_, i) => String(i + 1)));
  assert.ok(pages.every((r) => r.query.get("size") === "100"));
  assert.equal(sim.stats.logins, 1);
  assert.equal(step?.pages, 13);
  assert.equal(step?.attempts.length, 13);
  assert.equal(step?.attempts[12]?.page, 13);
  assert.match(renderStep(step!, { color: false }), /\(13 pages\)/);
  const read = sim.requests.at(-1);
  assert.equal(read?.path, `/api/v1/elements/${FIRST_ELEMENT_ID + 1233n}`);
});

test("the merged rows keep the server's order and every 64-bit id", async (t) => {
  const sim = await simulator(t, { elementCount: 250 });
  const captured: unknown[] = [];

  const run = await runRecipes([recipe(`
version: 1
name: ids
auth: { mode: enterprise }
steps:
  - id: all
    request: { method: GET, path: /api/v1/elements }
    paginate: { size: 100 }
    capture: { ids: "$.rows[*].id" }
  - request: { method: GET, path: "/api/v1/elements/\${{ vars.ids[249] }}" }
`)], { env: enterpriseEnv(sim), onStep: (step) => captured.push(step.response?.excerpt) });

  assert.equal(run.exitCode, 0);
  assert.equal(run.recipes[0]?.steps[0]?.pages, 3);
  assert.equal(sim.requests.at(-1)?.path, `/api/v1/elements/${FIRST_ELEMENT_ID + 249n}`);
  assert.match(String(captured[0]), /^\{"rows":\[\{"id":1234567890123456789,/);
});

test("maxPages stops a longer list at the cap with a warning, and the step passes", async (t) => {
  const sim = await simulator(t, { elementCount: 1234 });
  const capped = recipe(`
version: 1
name: capped
auth: { mode: enterprise }
steps:
  - request: { method: GET, path: /api/v1/elements }
    paginate: { size: 100, maxPages: 3 }
    expect: { json: { $.rows: { length: 300 }, $.complete: false, $.total: 1234 } }
`);

  const run = await runRecipes([capped], { env: enterpriseEnv(sim) });

  const step = run.recipes[0]?.steps[0];
  assert.equal(run.exitCode, 0, JSON.stringify(step?.failures));
  assert.equal(sim.requests.filter((r) => r.path === "/api/v1/elements").length, 3);
  assert.deepEqual(step?.warnings, ["Paging stopped at paginate.maxPages (3) after 3 page(s) "
    + "and 300 of 1234 rows, before the list ended; raise the cap, or check that the server "
    + "honours current and size"]);
  assert.match(renderStep(step!, { color: false }), /warning: Paging stopped/);
});

test("onCap: fail turns the cap into a failed check", async (t) => {
  const sim = await simulator(t, { elementCount: 500 });
  const run = await runRecipes([recipe(`
version: 1
name: strict cap
auth: { mode: enterprise }
steps:
  - request: { method: GET, path: /api/v1/elements }
    paginate: { size: 50, maxRows: 120, onCap: fail }
`)], { env: enterpriseEnv(sim) });

  const step = run.recipes[0]?.steps[0];
  assert.equal(run.exitCode, 1);
  assert.equal(step?.pages, 3);
  assert.match(step?.failures[0]?.message ?? "",
    /^Paging stopped at paginate.maxRows \(120\) after 3/);
});

test("a server that ignores current stops at maxPages, without hanging", async (t) => {
  const page = { rows: Array.from({ length: 10 }, (_, id) => ({ id })), total: 1_000_000 };
  const srv = await server(t, (_seen, response) => json(response, 200, page));
  const run = await runRecipes([recipe(`
version: 1
name: stubborn
auth: { mode: none }
steps:
  - request: { method: GET, path: /list }
    paginate: { size: 10, maxPages: 7 }
    expect: { json: { $.rows: { length: 70 } } }
`)], { env: { IDMP_HOST: srv.url } });

  const step = run.recipes[0]?.steps[0];
  assert.equal(run.exitCode, 0, JSON.stringify(step?.failures));
  assert.equal(srv.seen.length, 7);
  assert.equal(step?.pages, 7);
  assert.match(step?.warnings?.[0] ?? "", /maxPages \(7\) after 7 page\(s\) and 70 of 1000000/);
});

test("a page that fails its status or envelope stops the paging and fails the step", async (t) => {
  const srv = await server(t, (seen, response) => {
    const current = Number(new URL(seen.url, "http://x").searchParams.get("current"));
    if (current === 2) json(response, 200, { code: 1002, message: "busy" });
    else json(response, 200, { code: 0, data: { rows: [1, 2], total: 10 } });
  });
  const run = await runRecipes([recipe(`
version: 1
name: broken page
auth: { mode: none }
steps:
  - request: { method: GET, path: /list }
    paginate: { size: 2 }
`)], { env: { IDMP_HOST: srv.url } });

  const step = run.recipes[0]?.steps[0];
  assert.equal(srv.seen.length, 2);
  assert.equal(step?.status, "failed");
  assert.match(step?.failures[0]?.message ?? "", /^page 2: \$\.code: the answer reports/);
});

test("rows not found where paginate.rows points fail with a hint", async (t) => {
  const srv = await server(t, (_seen, response) => json(response, 200, { items: [1] }));
  const run = await runRecipes([recipe(`
version: 1
name: elsewhere
auth: { mode: none }
steps:
  - request: { method: GET, path: /list }
    paginate: {}
`)], { env: { IDMP_HOST: srv.url } });

  const failure = run.recipes[0]?.steps[0]?.failures[0];
  assert.equal(failure?.message, "page 1: $.data.rows selects no list of rows");
  assert.match(failure?.hint ?? "", /paginate\.rows/);
});

test("recipes/element-inventory.yaml pages 1,234 elements and checks the count", async (t) => {
  const sim = await simulator(t, { elementCount: 1234 });
  const loaded = await loadRecipeFile(`${ROOT}recipes/element-inventory.yaml`);

  const run = await runRecipes([loaded.recipe!], { env: enterpriseEnv(sim) });

  assert.equal(run.exitCode, 0, JSON.stringify(run.recipes[0]?.steps[0]?.failures));
  assert.equal(run.recipes[0]?.steps[0]?.pages, 13);
  assert.equal(sim.requests.at(-1)?.path, `/api/v1/elements/${FIRST_ELEMENT_ID + 1233n}`);
});
