/**
 * `--reporter github`: workflow commands at the recipe line of each failing
 * step (and at each validation problem), escaped as the runner expects, and
 * a Markdown table appended to `$GITHUB_STEP_SUMMARY`.
 */
import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { test } from "node:test";
import { escapeData, escapeProperty } from "../src/report/github.ts";
import { cli, enterpriseEnv, scratchDir, simulator } from "./support/helpers.ts";

const scratch = scratchDir;

const lineOf = (text: string, needle: string) =>
  text.split("\n").findIndex((line) => line.includes(needle)) + 1;

const FAILING = `version: 1
name: "Elements: read, 100%"
auth: { mode: enterprise }
steps:
  - name: lists
    request: { method: GET, path: /api/v1/elements }
  - name: "missing one, by id"
    request: { method: GET, path: /api/v1/elements/42 }
    expect: { status: 200 }
    continueOnError: true
  - name: wrong total
    request: { method: GET, path: /api/v1/elements }
    expect:
      json:
        $.data.total: -1
  - name: never sent
    request: { method: GET, path: /api/v1/elements }
`;

test("escapeData and escapeProperty encode what would end a command", () => {
  const cases: [string, string, string][] = [
    ["50% done", "50%25 done", "50%25 done"],
    ["a\r\nb", "a%0D%0Ab", "a%0D%0Ab"],
    ["x: y, z", "x: y, z", "x%3A y%2C z"],
    ["%0A literal", "%250A literal", "%250A literal"],
  ];
  for (const [input, data, property] of cases) {
    assert.equal(escapeData(input), data, input);
    assert.equal(escapeProperty(input), property, input);
  }
});

test("run --reporter github annotates each failing step at its line", async (t) => {
  const sim = await simulator(t);
  const dir = await scratch(t);
  const file = join(dir, "elements.yaml");
  await writeFile(file, FAILING);
  const summary = join(dir, "summary.md");
  await writeFile(summary, "# Earlier step\n\nkept\n");

  const run = await cli(["run", file, "--reporter", "github"], {
    ...enterpriseEnv(sim), IDMP_PASSWORD: "sandbox-password \n", GITHUB_STEP_SUMMARY: summary });

  assert.equal(run.code, 1, run.stderr);
  const commands = run.stdout.split("\n").filter((line) => line.startsWith("::"));
  const title = "Elements%3A read%2C 100%25";
  assert.deepEqual(commands, [
    `::error file=${escapeProperty(file)},line=${lineOf(FAILING, "missing one")},`
      + `title=${title}%3A missing one%2C by id::status: expected 200, got 404%0A`
      + "$.code: the answer reports an error: code 404, message \"Element 42 not found\"%0A"
      + "hint: To expect this error, check $.code in expect.json or expect a non-2xx status",
    `::error file=${escapeProperty(file)},line=${lineOf(FAILING, "wrong total")},`
      + `title=${title}%3A wrong total::$.data.total: expected -1, got 40`,
    `::warning file=${escapeProperty(file)},title=${title}::`
      + commands.at(-1)?.split("::").at(-1),
  ]);
  assert.match(commands.at(-1) ?? "", /IDMP_PASSWORD/, "the trimming warning");
  assert.match(run.stdout, /✗ GET {4}\/api\/v1\/elements\/42 {2}404/, "text report too");

  const written = await readFile(summary, "utf8");
  assert.ok(written.startsWith("# Earlier step\n\nkept\n"), "appended, not truncated");
  assert.match(written, /### idmp-recipe: FAIL/);
  const rows = written.split("\n").filter((line) => line.startsWith("| Elements"));
  assert.deepEqual(rows.map((row) => row.split(" | ").slice(1, 4)), [
    ["lists", "✅ passed", "200"],
    ["missing one, by id", "❌ failed", "404"],
    ["wrong total", "❌ failed", "200"],
    ["never sent", "⏭️ not run", ""],
  ]);
  assert.match(written, /\| --- \| --- \| --- \| --- \| ---: \|/);
});

test("run --reporter github=FILE writes the commands there and text to stdout", async (t) => {
  const sim = await simulator(t);
  const dir = await scratch(t);
  const file = join(dir, "elements.yaml");
  await writeFile(file, FAILING);
  const out = join(dir, "annotations.txt");

  const run = await cli(["run", file, "-r", `github=${out}`], enterpriseEnv(sim));

  assert.equal(run.code, 1);
  assert.doesNotMatch(run.stdout, /^::/m);
  assert.match(run.stdout, /FAIL 1 recipe\(s\)/);
  const lines = (await readFile(out, "utf8")).trimEnd().split("\n");
  assert.deepEqual(lines.map((line) => line.match(/line=(\d+)/)?.[1]),
    [String(lineOf(FAILING, "missing one")), String(lineOf(FAILING, "wrong total"))]);
});

test("validate --reporter github puts each problem at its file, line and column", async (t) => {
  const dir = await scratch(t);
  const file = join(dir, "broken.yaml");
  await writeFile(file, `version: 1
name: broken
auth: { mode: none }
steps:
  - request: { method: FETCH, path: /x }
    expext: {}
`);

  const run = await cli(["validate", file, "--reporter", "github"]);

  assert.equal(run.code, 2);
  const commands = run.stdout.trimEnd().split("\n");
  assert.equal(commands.length, 2, run.stdout);
  assert.match(commands[0] ?? "", new RegExp(
    `^::error file=${escapeProperty(file)},line=5,col=\\d+,title=[a-z-]+::.*FETCH`));
  assert.equal(commands[1]?.replace(/::[^:]*$/, ""),
    `::error file=${escapeProperty(file)},line=6,col=5,title=unknown-key`);
  assert.match(commands[1] ?? "", /::Unknown key 'expext'; did you mean 'expect'\?$/);
  assert.match(run.stderr, /broken\.yaml:6:5 error Unknown key/, "text on the terminal");
});

test("validate --reporter github on a file inside the workspace writes a relative path",
  async () => {
    const run = await cli(["validate", "test/fixtures/invalid/bad-method.yaml", "-r", "github"]);

    const header = (await readFile("test/fixtures/invalid/bad-method.yaml", "utf8"))
      .match(/^# expect: (\S+) (\d+):(\d+)/);
    assert.ok(header);
    assert.ok(run.stdout.startsWith(`::error file=test/fixtures/invalid/bad-method.yaml,`
      + `line=${header[2]},col=${header[3]},title=${header[1]}::`), run.stdout);
  });
