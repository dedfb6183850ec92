import assert from "node:assert/strict";
import { test } from "node:test";
import { loadRecipeText } from "../src/recipe/load.ts";
import { runRecipes } from "../src/run/run.ts";
import { enterpriseEnv, recipe, ROOT, simulator } from "./support/helpers.ts";

const HEAD = "version: 1\nname: checks\nauth: { mode: enterprise }\nsteps:\n";
const LIST = "request: { method: GET, path: /api/v1/elements, query: { size: 5 } }";
const SCHEMA_FILE = `${ROOT}test/fixtures/schemas/element-page.json`;

async function runOne(t: Parameters<typeof simulator>[0], steps: string, file?: string) {
  const sim = await simulator(t);
  const run = await runRecipes([recipe(HEAD + steps, file)], { env: enterpriseEnv(sim) });
  return { sim, step: run.recipes[0]?.steps.at(-1), run };
}

test("expect.schema from a file passes a body that fits it", async (t) => {
  const { step } = await runOne(t, `  - ${LIST}
    expect: { schema: test/fixtures/schemas/element-page.json }
`, `${ROOT}inline.yaml`);
  assert.equal(step?.status, "passed", JSON.stringify(step?.failures));
});

test("expect.schema lists the JSON pointer of each break", async (t) => {
  const { step } = await runOne(t, `  - ${LIST}
    expect:
      schema:
        type: object
        properties:
          data:
            properties:
              rows: { type: array, items: { properties: { id: { type: string } } } }
`);
  assert.equal(step?.status, "failed");
  const messages = step?.failures.map((f) => f.message) ?? [];
  assert.ok(messages.length >= 5, messages.join("\n"));
  assert.equal(messages[0], "/data/rows/0/id: must be string");
  assert.equal(step?.failures[3]?.path, "/data/rows/3/id");
});

test("a schema file that is missing or broken is a validation problem at its line", () => {
  const text = `${HEAD}  - ${LIST}
    expect: { schema: no/such.json }
  - ${LIST}
    expect: { schema: { type: nonsense } }
`;
  const result = loadRecipeText(text, `${ROOT}inline.yaml`);
  assert.deepEqual(result.problems.map((p) => [p.rule, p.line, p.column]), [
    ["body-schema", 6, 23],
    ["body-schema", 8, 23],
  ]);
  assert.match(result.problems[0]?.message ?? "", /no such file/);
  assert.equal(result.recipe, undefined);
});

test("a schema file path becomes absolute, relative to the recipe", () => {
  const result = loadRecipeText(`${HEAD}  - ${LIST}
    expect: { schema: test/fixtures/schemas/element-page.json }
`, `${ROOT}inline.yaml`);
  assert.equal(result.recipe?.recipe.steps[0]?.expect?.schema, SCHEMA_FILE);
});

test("expect.headers: names in any case, literals as text, matchers", async (t) => {
  const { step } = await runOne(t, `  - ${LIST}
    expect:
      headers:
        Content-Type: { matches: "^application/json" }
        X-Request-Id: { exists: true, matches: "^req-" }
        content-length: { gt: 10 }
        x-absent: { exists: false }
`);
  assert.equal(step?.status, "passed", JSON.stringify(step?.failures));
});

test("expect.headers: each check that fails names the header", async (t) => {
  const { step } = await runOne(t, `  - ${LIST}
    expect:
      headers:
        content-type: text/plain
        x-absent: { exists: true }
        content-length: { lt: 2 }
`);
  assert.deepEqual(step?.failures.map((f) => f.path), [
    "header content-type", "header x-absent", "header content-length"]);
  assert.match(step?.failures[0]?.message ?? "", /^header content-type: /);
});

test("expect.maxDuration fails a step slower than the limit, and passes a fast one", async (t) => {
  const sim = await simulator(t);
  sim.failNext(1, { kind: "stall", ms: 150, paths: /elements/ });
  const loaded = recipe(`${HEAD}  - ${LIST}
    expect: { maxDuration: 100 }
    continueOnError: true
  - ${LIST}
    expect: { maxDuration: 5000 }
`);

  const run = await runRecipes([loaded], { env: enterpriseEnv(sim) });

  const [slow, fast] = run.recipes[0]?.steps ?? [];
  assert.equal(slow?.status, "failed");
  assert.equal(slow?.failures[0]?.path, "duration");
  const message = slow?.failures[0]?.message ?? "";
  assert.match(message, /^duration: expected at most 100 ms, took \d+ ms$/);
  assert.equal(fast?.status, "passed");
});

test("a capture reads a header by name, beside a JSONPath capture", async (t) => {
  const { step, sim } = await runOne(t, `  - ${LIST}
    capture:
      requestId: { header: X-Request-ID }
      firstId: $.data.rows[0].id
  - request:
      method: GET
      path: /api/v1/elements/\${{ vars.firstId }}
      headers: { x-correlation-id: "\${{ vars.requestId }}" }
`);
  assert.equal(step?.status, "passed", JSON.stringify(step?.failures));
  const read = sim.requests.find((r) => r.path === "/api/v1/elements/1234567890123456789");
  assert.match(read?.headers["x-correlation-id"] ?? "", /^req-\d+$/);
});

test("a header capture of an absent header fails the step", async (t) => {
  const { step } = await runOne(t, `  - ${LIST}
    capture: { traceId: { header: x-trace-id } }
`);
  assert.equal(step?.status, "failed");
  assert.equal(step?.failures[0]?.message, "Cannot capture 'traceId': no header x-trace-id");
});

test("a capture object without header is a schema problem at its line", () => {
  const result = loadRecipeText(`${HEAD}  - ${LIST}
    capture: { traceId: { name: x-trace-id } }
`, "inline.yaml");
  assert.ok(result.problems.length > 0);
  assert.ok(result.problems.every((p) => p.line === 6), JSON.stringify(result.problems));
});

test("a body schema that holds an integer beyond 2^53 is refused, never checked rounded", () => {
  const text = `version: 1
name: exact ids
auth: { mode: none }
steps:
  - request: { method: GET, path: /api/v1/elements/1234567890123456789 }
    expect:
      schema:
        properties: { data: { properties: { id: { const: 1234567890123456788 } } } }
`;

  const problems = loadRecipeText(text, "exact.yaml").problems
    .filter((problem) => problem.severity === "error");

  assert.deepEqual(problems.map((problem) => [problem.rule, problem.line]), [["body-schema", 8]]);
  assert.match(problems[0]?.message ?? "", /1234567890123456788 .* beyond 2\^53.*expect\.json/);
});
