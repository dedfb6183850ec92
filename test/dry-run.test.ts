import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { test } from "node:test";
import { cli, enterpriseEnv, scratchDir, simulator } from "./support/helpers.ts";

const PASSWORD = "dry-canary-pw-31337";

test("--dry-run sends nothing, shows every request, and masks the credentials", async (t) => {
  const sim = await simulator(t, { users: { ops: PASSWORD } });

  const run = await cli(["run", "recipes/element-round-trip.yaml", "--dry-run"], {
    IDMP_HOST: sim.url, IDMP_USERNAME: "ops", IDMP_PASSWORD: PASSWORD });

  assert.equal(run.code, 0, run.stderr);
  assert.equal(sim.stats.requests, 0);
  assert.match(run.stdout, /^Dry run: 7 request\(s\) planned, none sent/);
  assert.ok(run.stdout.includes(`1. POST ${sim.url}/api/v1/users/login`));
  assert.match(run.stdout, /\{"loginName":"ops","password":"\*\*\*"\}/);
  assert.match(run.stdout, /authorization: Bearer \*\*\*/);
  assert.match(run.stdout, /DELETE .*\/api\/v1\/elements\/\$\{\{ vars\.newId \}\} \[writes\]/);
  assert.ok(!(run.stdout + run.stderr).includes(PASSWORD));
});

test("--dry-run needs no credentials and lists the variables it would read", async () => {
  const run = await cli(["run", "recipes/read-elements-cloud.yaml", "--dry-run"], {});

  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /reads: CLOUD_HOST \(auth\.env\.host, not set\), BEARER_TOKEN/);
  assert.match(run.stdout, /GET \$CLOUD_HOST\/api\/v1\/elements\?current=1&size=10/);
  assert.match(run.stdout, /access-token: \*\*\*/);
});

test("--read-only refuses a run with a DELETE before any request, exit 2", async (t) => {
  const sim = await simulator(t);

  const run = await cli(["run", "recipes/quickstart.yaml", "recipes/element-round-trip.yaml",
    "--read-only"], enterpriseEnv(sim));

  assert.equal(run.code, 2);
  assert.equal(sim.stats.requests, 0);
  assert.match(run.stderr, /--read-only: 3 steps write, so nothing was sent: /);
  assert.match(run.stderr, /recipes\/element-round-trip\.yaml:58 'Delete it' \(DELETE\)/);
});

test("--read-only lets a run of reads through", async (t) => {
  const sim = await simulator(t);

  const run = await cli(["run", "recipes/quickstart.yaml", "--read-only"], enterpriseEnv(sim));

  assert.equal(run.code, 0, run.stdout + run.stderr);
});

test("--dry-run says how a step pages, loops or depends on a condition", async () => {
  const run = await cli(["run", "recipes/events-last-24h.yaml", "recipes/element-inventory.yaml",
    "--dry-run"], {});

  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /only if: \$\{\{ steps\.open\.json\.data\.total \}\} > 0/);
  assert.match(run.stdout, /once for each of \$\{\{ vars\.openEvents \}\}, 4 at a time/);
  assert.match(run.stdout, /page after page \(current 1, 2, \.\.\.\) up to \d+ pages/);
});

test("--dry-run writes a json plan to a file, and refuses reporters that show no plan", async (t) => {
  const dir = await scratchDir(t);
  const file = join(dir, "plan.json");

  const json = await cli(["run", "recipes/quickstart.yaml", "--dry-run", "-r", `json=${file}`]);
  const html = await cli(["run", "recipes/quickstart.yaml", "--dry-run", "-r", "html=x.html"]);

  const plan = JSON.parse(await readFile(file, "utf8")) as { dryRun: boolean; recipes: unknown[] };
  assert.equal(json.code, 0);
  assert.deepEqual([plan.dryRun, plan.recipes.length], [true, 1]);
  assert.equal(html.code, 2);
  assert.match(html.stderr, /--dry-run prints a plan, which the html reporter does not show/);
});
