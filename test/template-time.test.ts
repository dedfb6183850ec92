import assert from "node:assert/strict";
import { test } from "node:test";
import { loadRecipeText } from "../src/recipe/load.ts";
import { parseTemplate, renderString, type TemplateScope } from "../src/recipe/template.ts";
import { runRecipes } from "../src/run/run.ts";
import { enterpriseEnv, recipe, simulator } from "./support/helpers.ts";

const NOW = Date.UTC(2025, 4, 17, 13, 45, 30, 250);
const SCOPE: TemplateScope = { env: {}, vars: {}, steps: {}, now: NOW };
const HOUR = 3_600_000;

test("time helpers give Unix milliseconds relative to the run's clock", () => {
  const cases: [string, number][] = [
    ["time.now", NOW],
    ["time.ago.24h", NOW - 24 * HOUR],
    ["time.ago.7d", NOW - 7 * 24 * HOUR],
    ["time.ago.30m", NOW - 30 * 60_000],
    ["time.ago.90s", NOW - 90_000],
    ["time.ago.2w", NOW - 14 * 24 * HOUR],
    ["time.in.1h", NOW + HOUR],
    ["time.startOfHour", Date.UTC(2025, 4, 17, 13)],
    ["time.startOfDay", Date.UTC(2025, 4, 17)],
  ];
  for (const [source, expected] of cases) {
    assert.equal(renderString(`\${{ ${source} }}`, SCOPE), expected, source);
  }
  assert.equal(renderString("from=${{ time.ago.1h }}", SCOPE), `from=${NOW - HOUR}`);
});

test("an unknown time form is a template syntax error naming the forms", () => {
  for (const source of ["time.ago", "time.ago.24", "time.ago.1y", "time.yesterday", "time"]) {
    assert.throws(() => parseTemplate(`\${{ ${source} }}`), /time\.now, time\.ago\.24h/, source);
  }
  const result = loadRecipeText(`version: 1
name: bad time
auth: { mode: none }
steps:
  - request: { method: GET, path: "/x", query: { from: "\${{ time.ago.1y }}" } }
`, "bad-time.yaml");
  assert.deepEqual(result.problems.map((p) => [p.rule, p.line, p.column]), [
    ["template-syntax", 5, 56],
  ]);
});

test("every step of a run reads the same clock, within the run's time", async (t) => {
  const sim = await simulator(t);
  const loaded = recipe(`
version: 1
name: one clock
auth: { mode: enterprise }
vars:
  since: "\${{ time.ago.24h }}"
steps:
  - request:
      method: GET
      path: /api/v1/events
      query: { fromTime: "\${{ vars.since }}", toTime: "\${{ time.now }}" }
  - request:
      method: GET
      path: /api/v1/events
      query: { fromTime: "\${{ time.ago.24h }}", toTime: "\${{ time.now }}" }
`);

  const before = Date.now();
  const run = await runRecipes([loaded], { env: enterpriseEnv(sim) });
  const after = Date.now();

  assert.equal(run.exitCode, 0);
  const queries = sim.requests.filter((r) => r.path.startsWith("/api/v1/events"))
    .map((r) => r.query);
  const [first, second] = queries;
  assert.equal(first?.toString(), second?.toString());
  const now = Number(first?.get("toTime"));
  assert.ok(now >= before && now <= after, `${now} within [${before}, ${after}]`);
  assert.equal(Number(first?.get("fromTime")), now - 24 * HOUR);
});

test("runRecipes() takes the clock from its options", async (t) => {
  const sim = await simulator(t);
  const loaded = recipe(`
version: 1
name: fixed clock
auth: { mode: enterprise }
steps:
  - request: { method: GET, path: /api/v1/events, query: { toTime: "\${{ time.now }}" } }
`);

  await runRecipes([loaded], { env: enterpriseEnv(sim), now: NOW });

  const read = sim.requests.find((r) => r.path.startsWith("/api/v1/events"));
  assert.equal(read?.query.get("toTime"), String(NOW));
});
