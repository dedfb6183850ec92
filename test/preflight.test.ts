import assert from "node:assert/strict";
import { test } from "node:test";
import { loadRecipeText } from "../src/recipe/load.ts";
import { runRecipes } from "../src/run/run.ts";
import { enterpriseEnv, recipe, simulator } from "./support/helpers.ts";

test("unset ${{ env.X }} anywhere stops the recipe before any request, listing each", async (t) => {
  const sim = await simulator(t);
  const steps = recipe(`
version: 1
name: env refs
auth: { mode: enterprise }
vars: { region: "\${{ env.REGION }}" }
steps:
  - request: { method: GET, path: /api/v1/elements }
  - request: { method: GET, path: "/api/v1/elements/\${{ env.ELEMENT_ID }}" }
`);

  const run = await runRecipes([steps], { env: enterpriseEnv(sim) });

  assert.equal(run.exitCode, 3);
  assert.equal(sim.stats.requests, 0);
  assert.equal(run.recipes[0]?.error?.message, "Missing environment variables: "
    + "REGION (read at vars.region); ELEMENT_ID (read at steps[1].request.path)");
});

test("vars are rendered once, in order, from env and earlier vars; --var wins", async (t) => {
  const sim = await simulator(t);
  const steps = recipe(`
version: 1
name: vars
auth: { mode: enterprise }
vars:
  size: "\${{ env.PAGE_SIZE }}"
  query: "Plant \${{ vars.size }}"
  page: 1
steps:
  - request:
      method: GET
      path: /api/v1/elements
      query: { size: "\${{ vars.size }}", keyword: "\${{ vars.query }}", current: "\${{ vars.page }}" }
`);

  const run = await runRecipes([steps], { env: { ...enterpriseEnv(sim), PAGE_SIZE: "2" },
    vars: { page: 3 } });

  assert.equal(run.exitCode, 0);
  assert.equal(sim.requests.at(-1)?.query.toString(), "size=2&keyword=Plant+2&current=3");
});

test("a value set inside a path is one encoded segment", async (t) => {
  const sim = await simulator(t);
  const steps = recipe(`
version: 1
name: segment
auth: { mode: enterprise }
vars: { odd: plain }
steps:
  - request: { method: GET, path: "/api/v1/elements/\${{ vars.odd }}" }
    expect: { status: [400, 404] }
    retry: { attempts: 1 }
`);

  const run = await runRecipes([steps], { env: enterpriseEnv(sim), vars: { odd: "ü/?#&x" } });

  assert.equal(run.exitCode, 0);
  assert.equal(sim.requests.at(-1)?.path, "/api/v1/elements/%C3%BC%2F%3F%23%26x");
});

test("a '..' that a variable brings into a path is refused too, exit 2", async (t) => {
  const sim = await simulator(t);
  const steps = recipe(`
version: 1
name: climb
auth: { mode: enterprise }
vars: { up: x }
steps:
  - request: { method: GET, path: "/api/v1/\${{ vars.up }}/etc" }
`);

  const run = await runRecipes([steps], { env: enterpriseEnv(sim), vars: { up: ".." } });

  assert.equal(run.exitCode, 2);
  assert.equal(sim.requests.filter((r) => r.path.includes("etc")).length, 0);
});

test("a literal '..' segment in a path is refused by validation, before any run", () => {
  const result = loadRecipeText(`
version: 1
name: climb
auth: { mode: enterprise }
steps:
  - request: { method: GET, path: "/api/v1/../../etc" }
`, "climb.yaml");

  assert.equal(result.recipe, undefined);
  assert.deepEqual(result.problems.map((p) => [p.rule, p.severity]), [["bad-path", "error"]]);
  assert.match(result.problems[0]?.message ?? "", /'\.\.' segment, which the runner refuses/);
});

test("a login that keeps answering 5xx is tried 3 times, then exit 4", async (t) => {
  const sim = await simulator(t);
  sim.failNext(3, { status: 502, paths: /users\/login/ });
  const steps = recipe(`
version: 1
name: login down
auth: { mode: enterprise }
steps:
  - request: { method: GET, path: /api/v1/elements }
`);

  const run = await runRecipes([steps], { env: enterpriseEnv(sim) });

  assert.equal(run.exitCode, 4);
  assert.equal(sim.requests.filter((r) => r.path.endsWith("/users/login")).length, 3);
  assert.match(run.recipes[0]?.error?.message ?? "", /failed: HTTP 502 after 3 attempts/);
});
