/**
 * validate --openapi: steps against a description, problems at the recipe
 * line with the nearest path, parameter or property suggested.
 */
import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { test, type TestContext } from "node:test";
import { checkRecipeAgainstOpenApi } from "../src/openapi/check-recipe.ts";
import { loadOpenApi } from "../src/openapi/load.ts";
import { loadRecipeFile } from "../src/recipe/load.ts";
import { type Problem, sortProblems } from "../src/recipe/problem.ts";
import { cli, ROOT, scratchDir } from "./support/helpers.ts";

const FIXTURES = join(ROOT, "test", "fixtures", "openapi");
const PLANT_30 = join(FIXTURES, "plant-30.yaml");

const HEAD = "version: 1\nname: Check\nauth: { mode: enterprise }\nvars: { id: 7 }\nsteps:\n";

async function problemsOf(t: TestContext, steps: string, description = PLANT_30) {
  const file = join(await scratchDir(t), "recipe.yaml");
  await writeFile(file, HEAD + steps);
  const loaded = await loadRecipeFile(file);
  assert.ok(loaded.recipe, JSON.stringify(loaded.problems));
  const openapi = await loadOpenApi(description);
  return sortProblems(await checkRecipeAgainstOpenApi(openapi, loaded.recipe));
}

function brief(problems: Problem[]) {
  return problems.map(({ line, column, rule, severity }) => ({ line, column, rule, severity }));
}

test("a path one letter off is reported at its line with the nearest path", async (t) => {
  const problems = await problemsOf(t, [
    "  - request:",
    "      method: GET",
    "      path: /api/v1/element",
    "      query: { tag: a }",
  ].join("\n"));
  assert.deepEqual(brief(problems), [
    { line: 8, column: 13, rule: "openapi-path", severity: "error" },
  ]);
  assert.match(problems[0]?.message ?? "", /GET '\/api\/v1\/element'; did you mean '\/api\/v1\/elements'\?/);
  assert.equal(problems[0]?.path, "steps[0].request.path");
});

test("a template in a path stands for a path parameter; a wrong method is named", async (t) => {
  const problems = await problemsOf(t, [
    "  - request: { method: GET, path: '/api/v1/elements/${{ vars.id }}' }",
    "  - request: { method: GET, path: /api/v1/elements/12 }",
    "  - request: { method: DELETE, path: '/api/v1/elements/${{ vars.id }}' }",
  ].join("\n"));
  assert.deepEqual(brief(problems), [
    { line: 8, column: 24, rule: "openapi-method", severity: "error" },
  ]);
  assert.match(problems[0]?.message ?? "", /DELETE is not an operation of '\/api\/v1\/elements\/\{elementId\}'.*it has GET/);
});

test("unknown, missing and mistyped query parameters are reported at their keys", async (t) => {
  const problems = await problemsOf(t, [
    "  - request:",
    "      method: GET",
    "      path: /api/v1/elements",
    "      query:",
    "        curent: 1",
    "        size: many",
    "        keyword: '${{ vars.id }}'",
  ].join("\n"));
  assert.deepEqual(brief(problems), [
    { line: 9, column: 7, rule: "openapi-query", severity: "error" },
    { line: 10, column: 9, rule: "openapi-query", severity: "error" },
    { line: 11, column: 15, rule: "openapi-query", severity: "error" },
    { line: 12, column: 9, rule: "openapi-query", severity: "error" },
  ]);
  const [missing, unknown, mistyped, other] = problems.map((problem) => problem.message);
  assert.match(missing ?? "", /requires query parameter 'tag'/);
  assert.match(unknown ?? "", /'curent' is not a parameter of GET \/api\/v1\/elements; did you mean 'current'\?/);
  assert.match(mistyped ?? "", /'size' of GET \/api\/v1\/elements must be integer/);
  assert.match(other ?? "", /'keyword'.*it takes current, size, tag/);
});

test("a body missing a required field or with an unknown one is reported where it is", async (t) => {
  const problems = await problemsOf(t, [
    "  - request:",
    "      method: POST",
    "      path: /api/v1/elements",
    "      json:",
    "        nme: Pump",
    "        weight: 0",
    "        parentId: null",
    "        tags: [a, 3]",
  ].join("\n"));
  assert.deepEqual(brief(problems), [
    { line: 10, column: 9, rule: "openapi-body", severity: "error" },
    { line: 10, column: 9, rule: "openapi-body", severity: "error" },
    { line: 11, column: 17, rule: "openapi-body", severity: "error" },
    { line: 13, column: 19, rule: "openapi-body", severity: "error" },
  ]);
  const messages = problems.map((problem) => problem.message).sort();
  assert.match(messages[0] ?? "", /'nme' that the description does not declare; did you mean 'name'\?/);
  assert.match(messages[1] ?? "", /lacks 'name', which the description requires/);
  assert.match(messages[2] ?? "", /json\.tags\[1\] must be string/);
  assert.match(messages[3] ?? "", /json\.weight must be > 0/);
  assert.ok(!messages.some((message) => message.includes("'id'")), "readOnly id not required");
});

test("template values in a body are left for the run; a required body must be there", async (t) => {
  const problems = await problemsOf(t, [
    "  - request:",
    "      method: POST",
    "      path: /api/v1/elements",
    "      json: { name: '${{ vars.id }}', weight: '${{ vars.id }}' }",
    "  - request: { method: POST, path: /api/v1/elements }",
    "  - request: { method: GET, path: 'https://elsewhere.example.com/nothing' }",
  ].join("\n"));
  assert.deepEqual(brief(problems), [
    { line: 10, column: 5, rule: "openapi-body", severity: "error" },
  ]);
  assert.match(problems[0]?.message ?? "", /POST \/api\/v1\/elements requires a request body/);
});

test("OpenAPI 3.1: type lists, $ref cycles and a body for PATCH", async (t) => {
  const problems = await problemsOf(t, [
    "  - request:",
    "      method: PATCH",
    "      path: '/api/v1/events/${{ vars.id }}/confirm'",
    "      json: { note: null, level: critical, parent: { note: 5 } }",
  ].join("\n"), join(FIXTURES, "plant-31.json"));
  const messages = problems.map((problem) => problem.message);
  assert.equal(problems.length, 2, messages.join("\n"));
  assert.match(messages[0] ?? "", /json\.level must be equal to one of the allowed values/);
  assert.match(messages[1] ?? "", /json\.parent\.note must be string,null/);
});

test("validate --openapi exits 2 and lists the problems in the json report", async (t) => {
  const dir = await scratchDir(t);
  const file = join(dir, "recipe.yaml");
  await writeFile(file, `${HEAD}  - request: { method: GET, path: /api/v1/element, query: { tag: a } }\n`);

  const run = await cli(["validate", file, "--openapi", PLANT_30, "-r", "json"]);
  assert.equal(run.code, 2, run.stderr);
  const report = JSON.parse(run.stdout) as { files: { problems: Problem[] }[] };
  assert.deepEqual(report.files[0]?.problems.map((problem) => problem.rule), ["openapi-path"]);

  const missing = await cli(["validate", file, "--openapi", join(dir, "none.yaml")]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /Cannot read OpenAPI description .*none\.yaml': no such file/);
});

test("a Swagger 2.0 document is refused with a way forward", async (t) => {
  const file = join(await scratchDir(t), "swagger.json");
  await writeFile(file, JSON.stringify({ swagger: "2.0", paths: {} }));
  await assert.rejects(loadOpenApi(file), /version '2\.0'; only OpenAPI 3\.0 and 3\.1 are read/);
});

test("a problem in an included step is placed in the included file", async (t) => {
  const dir = await scratchDir(t);
  await writeFile(join(dir, "shared.yaml"), `${HEAD}  - request: { method: GET, path: /x }\n` +
    "  - request: { method: GET, path: /api/v1/elementz }\n");
  await writeFile(join(dir, "main.yaml"), `${HEAD}  - request: { method: GET, path: /y }\n` +
    "  - include: shared.yaml\n");
  const loaded = await loadRecipeFile(join(dir, "main.yaml"));
  assert.ok(loaded.recipe, JSON.stringify(loaded.problems));

  const problems = await checkRecipeAgainstOpenApi(await loadOpenApi(PLANT_30), loaded.recipe);

  assert.deepEqual(problems.map((p) => [p.file, p.line, p.column, p.rule, p.path]), [
    [join(dir, "main.yaml"), 6, 35, "openapi-path", "steps[0].request.path"],
    [join(dir, "shared.yaml"), 6, 35, "openapi-path", "steps[0].request.path"],
    [join(dir, "shared.yaml"), 7, 35, "openapi-path", "steps[1].request.path"],
  ]);
});
