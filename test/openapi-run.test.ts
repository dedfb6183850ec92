/**
 * `expect.schema: openapi`: the body against the response schema the
 * description declares for the step's operation and status, at run time
 * (`run --openapi`) and at `validate --openapi`.
 */
import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { test, type TestContext } from "node:test";
import { checkRecipeAgainstOpenApi } from "../src/openapi/check-recipe.ts";
import { loadOpenApi } from "../src/openapi/load.ts";
import { loadRecipeFile, loadRecipeText } from "../src/recipe/load.ts";
import { runRecipes } from "../src/run/run.ts";
import type { Simulator } from "../src/sandbox/simulator.ts";
import { cli, enterpriseEnv, recipe, scratchDir, simulator } from "./support/helpers.ts";

const HEAD = "version: 1\nname: Declared answers\nauth: { mode: enterprise }\nsteps:\n";
const LIST = [
  "  - request: { method: GET, path: /api/v1/elements, query: { size: 5 } }",
  "    expect: { schema: openapi }",
  "    capture: { firstId: '$.data.rows[0].id' }",
].join("\n");
const READ = [
  "  - request: { method: GET, path: '/api/v1/elements/${{ vars.firstId }}' }",
  "    expect: { schema: openapi }",
].join("\n");

const ELEMENT = { id: 7, name: "Pump", parentId: null, templateId: null, description: "",
  createTime: 1, updateTime: 1 };
// A page whose fourth row has its id as text: the one break.
const BROKEN_PAGE = { code: 0, message: "success", data: { current: 1, size: 5, total: 4,
  rows: [ELEMENT, ELEMENT, ELEMENT, { ...ELEMENT, id: "7" }] } };

// A simulator, and a run of `steps` against it with its description or none.
async function runWith(t: TestContext, withDescription = true) {
  const sim = await simulator(t);
  const openapi = withDescription ? await loadOpenApi(`${sim.url}/v3/api-docs`) : undefined;
  const options = { env: enterpriseEnv(sim), ...(openapi ? { openapi } : {}) };
  return { sim, run: (steps: string) => runRecipes([recipe(HEAD + steps)], options) };
}

test("a body that fits the schema its operation declares passes", async (t) => {
  const { run } = await runWith(t);

  const result = await run(`${LIST}\n${READ}`);

  assert.deepEqual(result.recipes[0]?.steps.map((s) => [s.status, s.failures]),
    [["passed", []], ["passed", []]]);
  assert.equal(result.exitCode, 0);
});

test("a break of the declared schema fails at its JSON path, naming the operation",
  async (t) => {
    const { sim, run } = await runWith(t);
    sim.failNext(1, { status: 200, body: BROKEN_PAGE, paths: /^\/api\/v1\/elements/ });

    const result = await run(LIST);

    const step = result.recipes[0]?.steps[0];
    assert.equal(step?.status, "failed");
    assert.deepEqual(step?.failures.map((f) => [f.kind, f.path, f.message]), [
      ["check", "/data/rows/3/id", "/data/rows/3/id: must be integer (GET /api/v1/elements, 200)"],
    ]);
    assert.equal(result.exitCode, 1);
  });

test("without a description at run time the step fails and says to pass --openapi",
  async (t) => {
    const { run } = await runWith(t, false);

    const result = await run(LIST);

    const failure = result.recipes[0]?.steps[0]?.failures[0];
    assert.equal(failure?.kind, "invalid");
    assert.match(failure?.message ?? "", /schema: openapi needs an OpenAPI description; pass --openapi/);
    assert.equal(result.exitCode, 2);
  });

test("a status the operation declares no JSON answer for is named as such", async (t) => {
  const { sim, run } = await runWith(t);
  sim.failNext(1, { status: 409, paths: /^\/api\/v1\/elements\// });

  const result = await run([
    "  - request: { method: GET, path: /api/v1/elements/7 }",
    "    expect: { status: 409, schema: openapi }",
  ].join("\n"));

  const failure = result.recipes[0]?.steps[0]?.failures[0];
  assert.equal(failure?.kind, "check");
  assert.equal(failure?.message, "schema: GET /api/v1/elements/{id} declares no JSON " +
    `answer for status 409 in ${sim.url}/v3/api-docs`);
  assert.equal(result.exitCode, 1);
});

test("a declared answer without content holds when the body is empty", async (t) => {
  const sim = await simulator(t, { envelope: false });
  const openapi = await loadOpenApi(`${sim.url}/v3/api-docs`);
  const loaded = recipe(HEAD + [
    "  - request: { method: POST, path: /api/v1/elements, json: { name: Spare } }",
    "    capture: { id: '$.id' }",
    "  - request: { method: DELETE, path: '/api/v1/elements/${{ vars.id }}' }",
    "    expect: { status: 204, schema: openapi }",
  ].join("\n"));

  const result = await runRecipes([loaded], { env: enterpriseEnv(sim), openapi });

  assert.deepEqual(result.recipes[0]?.steps.map((s) => s.failures), [[], []]);
});

test("validate without --openapi takes schema: openapi as a word, not a file", () => {
  const result = loadRecipeText(HEAD + LIST, "inline.yaml");

  assert.deepEqual(result.problems, []);
  assert.equal(result.recipe?.recipe.steps[0]?.expect?.schema, "openapi");
});

test("validate --openapi warns when the operation declares no 2xx response schema",
  async (t) => {
    const sim = await simulator(t, { envelope: false });
    const file = join(await scratchDir(t), "recipe.yaml");
    await writeFile(file, HEAD.replace("steps:", "vars: { id: 7 }\nsteps:") + [
      "  - request: { method: DELETE, path: '/api/v1/elements/${{ vars.id }}' }",
      "    expect: { schema: openapi }",
      LIST,
    ].join("\n"));
    const loaded = await loadRecipeFile(file);
    assert.ok(loaded.recipe, JSON.stringify(loaded.problems));

    const openapi = await loadOpenApi(`${sim.url}/v3/api-docs`);
    const problems = await checkRecipeAgainstOpenApi(openapi, loaded.recipe);

    assert.deepEqual(problems.map(({ line, column, rule, severity }) =>
      ({ line, column, rule, severity })), [
      { line: 7, column: 23, rule: "openapi-response", severity: "warning" },
    ]);
    assert.match(problems[0]?.message ?? "",
      /DELETE \/api\/v1\/elements\/\{id\} declares no JSON response schema for a 2xx status/);
  });

test("run --openapi URL fails a broken answer with its path, exit 1", async (t) => {
  const sim: Simulator = await simulator(t);
  const file = join(await scratchDir(t), "recipe.yaml");
  await writeFile(file, HEAD + LIST);
  sim.failNext(1, { status: 200, body: BROKEN_PAGE, paths: /^\/api\/v1\/elements/ });

  const out = await cli(["run", file, "--openapi", `${sim.url}/v3/api-docs`],
    enterpriseEnv(sim));

  assert.equal(out.code, 1, out.stderr);
  assert.match(out.stdout, /\/data\/rows\/3\/id: must be integer \(GET \/api\/v1\/elements, 200\)/);
});
