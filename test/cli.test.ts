import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { test } from "node:test";
import { parseJson } from "../src/json.ts";
import { cli, enterpriseEnv, scratchDir, simulator } from "./support/helpers.ts";
import { closedPort } from "./support/servers.ts";

const scratch = scratchDir;

const READ = `version: 1
name: read elements
auth: { mode: enterprise }
steps:
  - id: list
    request: { method: GET, path: /api/v1/elements }
    capture:
      firstId: $.data.rows[0].id
  - request: { method: GET, path: "/api/v1/elements/\${{ vars.firstId }}" }
`;

test("run --sandbox passes the quickstart with exit 0 and a line per step", async () => {
  const run = await cli(["run", "recipes/quickstart.yaml", "--sandbox"]);

  assert.equal(run.code, 0, run.stderr);
  assert.equal(run.stdout.match(/✓ GET/g)?.length, 3);
  assert.match(run.stdout, /\/api\/v1\/elements\/1234567890123456789 {2}200/);
  assert.match(run.stdout, /PASS 1 recipe\(s\): 1 passed/);
});

test("run against an invalid recipe exits 2 at the right line and sends nothing", async (t) => {
  const sim = await simulator(t);
  const dir = await scratch(t);
  const file = join(dir, "typo.yaml");
  await writeFile(file, READ.replace("  - request:", "  - expext: {}\n    request:"));

  const run = await cli(["run", file], enterpriseEnv(sim));

  assert.equal(run.code, 2);
  assert.match(run.stderr, /typo\.yaml:9:5 error Unknown key 'expext'; did you mean 'expect'\?/);
  assert.equal(sim.stats.requests, 0);
  assert.doesNotMatch(run.stderr, /\n\s+at /, "no stack trace");
});

test("run with a missing password exits 3 and names the variable", async (t) => {
  const sim = await simulator(t);
  const dir = await scratch(t);
  await writeFile(join(dir, "read.yaml"), READ);

  const run = await cli(["run", join(dir, "read.yaml")], { IDMP_HOST: sim.url,
    IDMP_USERNAME: "sandbox" });

  assert.equal(run.code, 3);
  assert.match(run.stdout, /IDMP_PASSWORD \(auth\.env\.password\) is not set/);
  assert.equal(sim.stats.requests, 0);
});

test("run against a server that is not listening exits 4", async (t) => {
  const dir = await scratch(t);
  await writeFile(join(dir, "read.yaml"), READ);

  const port = await closedPort();

  const run = await cli(["run", join(dir, "read.yaml")], {
    IDMP_HOST: `http://127.0.0.1:${port}`, IDMP_USERNAME: "u", IDMP_PASSWORD: "p-unreachable" });

  assert.equal(run.code, 4);
  assert.ok(run.stdout.includes(
    `POST http://127.0.0.1:${port}/api/v1/users/login failed: connection refused`));
});

test("--reporter json --output writes the run with 64-bit IDs exact", async (t) => {
  const sim = await simulator(t);
  const dir = await scratch(t);
  await writeFile(join(dir, "read.yaml"), READ);
  const out = join(dir, "report.json");

  const run = await cli(["run", join(dir, "read.yaml"), "--reporter", "json", "--output", out],
    enterpriseEnv(sim));

  const text = await readFile(out, "utf8");
  const report = parseJson(text) as { exitCode: number; recipes: { steps: { url: string }[] }[] };
  assert.equal(run.code, 0);
  assert.equal(report.exitCode, 0);
  assert.equal(report.recipes[0]?.steps[1]?.url, `${sim.url}/api/v1/elements/1234567890123456789`);
  assert.match(text, /"id": 1234567890123456789,/);
});

test("no password or token reaches stdout, stderr or a report, even verbose", async (t) => {
  const password = "canary-pw-5d1f0c";
  const sim = await simulator(t, { users: { ops: password } });
  const dir = await scratch(t);
  await writeFile(join(dir, "read.yaml"), READ);
  const out = join(dir, "report.json");
  sim.failNext(3, { status: 500, paths: /\/elements\/\d+$/ }); // every attempt fails

  const run = await cli(
    ["run", join(dir, "read.yaml"), "--verbose", "--reporter", "json", "--output", out],
    { IDMP_HOST: sim.url, IDMP_USERNAME: "ops", IDMP_PASSWORD: password },
  );

  const everything = run.stdout + run.stderr + (await readFile(out, "utf8"));
  assert.equal(run.code, 1);
  assert.equal(sim.stats.logins, 1);
  assert.doesNotMatch(everything, new RegExp(password));
  assert.doesNotMatch(everything, /eyJ/, "no JWT");
  assert.match(everything, /"authorization": "Bearer \*\*\*"/);
});

test("an unknown option exits 2 with a hint and no stack", async () => {
  const run = await cli(["run", "recipes/quickstart.yaml", "--colour"]);

  assert.equal(run.code, 2);
  assert.match(run.stderr, /^error: Unknown option '--colour'/);
  assert.match(run.stderr, /hint: Run idmp-recipe --help/);
});

test("validate accepts every recipe in recipes/ and sends nothing", async () => {
  const run = await cli(["validate", "recipes/"]);

  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stderr, /(\d+) of \1 recipe file\(s\) valid; 0 error\(s\)/);
});

test("validate reports a literal JWT in a header without echoing it, exit 2", async (t) => {
  const dir = await scratch(t);
  const jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjYW5hcnkifQ.c2lnbmF0dXJlLWNhbmFyeQ";
  await writeFile(join(dir, "jwt.yaml"), READ.replace("mode: enterprise", "mode: none").replace(
    "    request: { method: GET, path: /api/v1/elements }",
    `    request:\n      method: GET\n      path: /api/v1/elements\n      headers:\n        Authorization: Bearer ${jwt}`,
  ));

  const run = await cli(["validate", join(dir, "jwt.yaml")]);

  assert.equal(run.code, 2);
  assert.match(run.stderr, /jwt\.yaml:10:24 error .*\[literal-secret\]/);
  assert.doesNotMatch(run.stdout + run.stderr, /c2lnbmF0dXJlLWNhbmFyeQ/);
});

test("schema prints the recipe JSON Schema", async () => {
  const run = await cli(["schema"]);

  const schema = JSON.parse(run.stdout) as { title: string };
  assert.equal(run.code, 0);
  assert.match(schema.title, /recipe/);
});

test("every recipe in recipes/ passes against the simulator", async () => {
  const run = await cli(["run", "recipes/", "--sandbox"]);

  assert.equal(run.code, 0, run.stdout + run.stderr);
  assert.doesNotMatch(run.stdout, /✗/);
  assert.match(run.stdout, /PASS (\d+) recipe\(s\): \1 passed, 0 failed/);
});

test("validate passes warnings, and fails them with --strict", async () => {
  const lenient = await cli(["validate", "test/fixtures/warning/yaml-bom.yaml"]);
  const strict = await cli(["validate", "test/fixtures/warning/yaml-bom.yaml", "--strict"]);

  assert.equal(lenient.code, 0);
  assert.equal(strict.code, 2);
  assert.match(strict.stderr, /yaml-bom\.yaml:1:1 warning .*\[yaml-bom\]/);
});

test("the json report carries captures: the inventory recipe exports the tree", async (t) => {
  const dir = await scratch(t);
  const file = join(dir, "inventory.json");

  const run = await cli(["run", "recipes/element-inventory.yaml", "--sandbox",
    "-r", `json=${file}`]);

  const text = await readFile(file, "utf8");
  type Report = { recipes: { captures: { elements: unknown[]; total: number } }[] };
  const report = parseJson(text) as Report;
  assert.equal(run.code, 0, run.stdout + run.stderr);
  assert.equal(report.recipes[0]?.captures.elements.length, report.recipes[0]?.captures.total);
  assert.match(text, /"id": 1234567890123456789,/);
});

test("run refuses expect.schema: openapi without --openapi before sending anything", async (t) => {
  const sim = await simulator(t);
  const dir = await scratch(t);
  await writeFile(join(dir, "oa.yaml"), READ.replace(
    "    request: { method: GET, path: /api/v1/elements }",
    "    request: { method: GET, path: /api/v1/elements }\n    expect: { schema: openapi }"));

  const run = await cli(["run", join(dir, "oa.yaml")], enterpriseEnv(sim));

  assert.equal(run.code, 2);
  assert.equal(sim.stats.requests, 0);
  assert.match(run.stderr, /openapi needs an OpenAPI description, and nothing was sent: .*oa\.yaml:5/);
});

test("validate --strict counts a file with warnings as not valid", async () => {
  const run = await cli(["validate", "test/fixtures/warning/yaml-bom.yaml", "--strict"]);

  assert.equal(run.code, 2);
  assert.match(run.stderr, /0 of 1 recipe file\(s\) valid; 0 error\(s\), 1 warning\(s\)/);
});
