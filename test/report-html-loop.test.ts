/**
 * `--reporter html` for forEach and paginated steps: a loop's failed items
 * open under it with their exchanges, the loop has a time and a bar; pages
 * are counted as pages, real retries as attempts, and warnings are shown.
 */
import assert from "node:assert/strict";
import type { TestContext } from "node:test";
import { test } from "node:test";
import { renderHtmlReport } from "../src/report/html.ts";
import { Redactor } from "../src/report/redact.ts";
import { runRecipes } from "../src/run/run.ts";
import { enterpriseEnv, recipe, simulator } from "./support/helpers.ts";
import { rowOf } from "./support/html-run.ts";

const LOOP_AND_PAGES = `version: 1
name: loops and pages
auth: { mode: enterprise }
steps:
  - name: reads each
    forEach: ["1234567890123456789", 998, "1234567890123456790", 999]
    request: { method: GET, path: "/api/v1/elements/\${{ item }}" }
    continueOnError: true
  - name: two pages of many
    request: { method: GET, path: /api/v1/elements }
    paginate: { size: 7, maxPages: 2 }
  - name: events after a 503
    request: { method: GET, path: /api/v1/events }
    paginate: { size: 15 }
`;

async function report(t: TestContext) {
  const sim = await simulator(t);
  sim.failNext(1, { status: 503, paths: /\/events/ });
  const redactor = new Redactor();
  const run = await runRecipes([recipe(LOOP_AND_PAGES, "loops.yaml")],
    { env: enterpriseEnv(sim), redactor, sleep: async () => {}, random: () => 0 });
  const redact = (text: string) => redactor.redact(text);
  return { run, html: renderHtmlReport(run, { redact, version: "0" }) };
}

test("a loop's failed items open under it with URL, status, expected, actual, answer",
  async (t) => {
    const { run, html } = await report(t);
    const loop = run.recipes[0]?.steps[0];

    const row = rowOf(html, "reads each");
    assert.match(row, /^class="step failed" data-step="0"><summary class="row">/);
    assert.match(row, /<span class="mark items">4 items, 2 failed<\/span>/);
    assert.match(row, /2 of 4 items failed: \[1\], \[3\]/);
    const opened = /<details class="step failed item" data-step="0" data-item="(\d)" open>/g;
    const items = [...html.matchAll(opened)].map((match) => Number(match[1]));
    assert.deepEqual(items, [1, 3], "failed items only, in order, open");
    const item = rowOf(html, "reads each [3]");
    assert.match(item, /<span class="url" [^>]*>http:\/\/[^<]*\/api\/v1\/elements\/999<\//);
    assert.match(item, /<span class="http">404<\/span>/);
    assert.ok(item.includes('<div class="expected"><h4>expected</h4><pre>&quot;2xx&quot;</pre>'));
    assert.ok(item.includes('<div class="actual"><h4>actual</h4><pre>404</pre>'));
    assert.match(item, /<h4>response<\/h4><pre>HTTP 404\n/);
    assert.ok(loop?.items?.[3]?.startMs !== undefined);
  });

test("a loop's row has its duration and a bar from its own start", async (t) => {
  const { run, html } = await report(t);
  const loop = run.recipes[0]?.steps[0];
  const first = loop?.startMs ?? -1;

  const row = rowOf(html, "reads each");

  const time = row.match(/<span class="time">([^<]*)<\/span>/)?.[1];
  assert.equal(time, `${Math.round(loop?.durationMs ?? -1)} ms`);
  const left = Number(row.match(/class="bar"[^>]*style="left:([\d.]+)%/)?.[1]);
  assert.ok(Math.abs(left - first / run.durationMs * 100) < 0.1, `bar at ${left}%`);
});

test("a paginated step counts pages, not attempts, and lists each page", async (t) => {
  const { html } = await report(t);

  const row = rowOf(html, "two pages of many");

  assert.match(row, /<span class="mark pages">2 pages<\/span>/);
  assert.doesNotMatch(row, /mark retry/);
  assert.match(row, /<table class="attempts pages"><thead><tr><th>page<\/th>/);
  const pages = [...row.matchAll(/<tr><td>page (\d)<\/td><td>#(\d)<\/td><td>200</g)]
    .map((match) => `${match[1]}:${match[2]}`);
  assert.deepEqual(pages, ["1:1", "2:2"]);
});

test("a paginated step retried keeps the retry badge beside its pages", async (t) => {
  const { run, html } = await report(t);
  const events = run.recipes[0]?.steps[2];

  const row = rowOf(html, "events after a 503");

  assert.equal(events?.pages, 2);
  assert.match(row, /<span class="mark pages">2 pages<\/span><span class="mark retry">3 attempts/);
  assert.match(row, /<tr><td>page 1<\/td><td>#1<\/td><td>503<\/td>/);
  assert.match(row, /<tr><td>page 1<\/td><td>#2<\/td><td>200<\/td>/);
});

test("a step's warnings show on its row and in its details", async (t) => {
  const { html } = await report(t);

  const row = rowOf(html, "two pages of many");

  assert.match(row, /<span class="mark warning">1 warning<\/span>/);
  assert.match(row, new RegExp('<p class="warning"><b>Warning</b> Paging stopped at '
    + "paginate\\.maxPages \\(2\\) after 2 page\\(s\\) and 14 of 40 rows"));
});
