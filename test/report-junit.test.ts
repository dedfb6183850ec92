/**
 * `--reporter junit`: XML that parses, that a JUnit schema accepts, and whose
 * counts and attributes say what happened to each recipe and step.
 */
import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { test } from "node:test";
import { cli, scratchDir } from "./support/helpers.ts";
import { assertValidJunit, parseJunit as parse } from "./support/junit.ts";
import { closedPort, json, server } from "./support/servers.ts";

// Control characters XML 1.0 forbids, between markup characters.
const NASTY = "<oops> & \"double\" 'single' \u0000\u0001\u0008\u000b\u000c\u000e\u001f\uffff end";

const scratch = scratchDir;

const lineOf = (text: string, needle: string) =>
  text.split("\n").findIndex((line) => line.includes(needle)) + 1;

test("junit of a failing run is valid JUnit with counts, outcomes and lines", async (t) => {
  const site = await server(t, (seen, response) => {
    if (seen.url.endsWith("/users/login")) return json(response, 200, { token: "tok-junit" });
    if (seen.url.includes("/ok")) return json(response, 200, { code: 0, data: [] });
    response.writeHead(400, { "content-type": "text/plain" });
    response.end(NASTY);
  });
  const port = await closedPort();
  const dir = await scratch(t);
  const mixed = `version: 1
name: Mixed & "quoted"
auth: { mode: enterprise }
steps:
  - name: lists
    request: { method: GET, path: /api/v1/ok }
  - name: rejects <bad> input
    request: { method: GET, path: /api/v1/bad }
    expect: { status: 200 }
    continueOnError: true
  - name: unreachable
    request: { method: GET, path: "http://127.0.0.1:${port}/x" }
    retry: { attempts: 1 }
  - name: never sent
    request: { method: GET, path: /api/v1/ok }
`;
  await writeFile(join(dir, "mixed.yaml"), mixed);
  await writeFile(join(dir, "keyless.yaml"), `version: 1
name: keyless
auth: { mode: apiKey, env: { apiKey: JUNIT_MISSING_KEY } }
steps:
  - name: one
    request: { method: GET, path: /api/v1/ok }
`);
  const out = join(dir, "report.xml");

  const run = await cli(["run", join(dir, "mixed.yaml"), join(dir, "keyless.yaml"),
    "--reporter", `junit=${out}`], { IDMP_HOST: site.url, IDMP_USERNAME: "u",
    IDMP_PASSWORD: "pw-junit" });

  assert.equal(run.code, 4, run.stderr);
  const xml = await readFile(out, "utf8");
  await assertValidJunit(xml);
  const { root, suites } = parse(xml);
  assert.deepEqual([root.tests, root.failures, root.errors, root.skipped], ["6", "1", "2", "2"]);

  const [mixedSuite, keyless] = suites;
  assert.ok(mixedSuite && keyless);
  assert.equal(mixedSuite.name, 'Mixed & "quoted"');
  assert.equal(mixedSuite.file, join(dir, "mixed.yaml"));
  assert.deepEqual([mixedSuite.tests, mixedSuite.failures, mixedSuite.errors,
    mixedSuite.skipped], ["4", "1", "1", "1"]);
  const [passed, failed, unreachable, notRun] = mixedSuite.testcase;
  assert.deepEqual(mixedSuite.testcase.map((c) => [c.name, c.classname, c.line]), [
    ["lists", 'Mixed & "quoted"', String(lineOf(mixed, "- name: lists"))],
    ["rejects <bad> input", 'Mixed & "quoted"', String(lineOf(mixed, "- name: rejects"))],
    ["unreachable", 'Mixed & "quoted"', String(lineOf(mixed, "- name: unreachable"))],
    ["never sent", 'Mixed & "quoted"', String(lineOf(mixed, "- name: never sent"))],
  ]);
  assert.equal(passed?.failure ?? passed?.error ?? passed?.skipped, undefined);
  assert.match(String(passed?.time), /^\d+\.\d{3}$/);

  assert.equal(failed?.failure?.type, "check");
  assert.equal(failed?.failure?.message, "status: expected 200, got 400");
  const text = failed?.failure?.["#text"] ?? "";
  assert.ok(text.includes("  expected: 200\n  actual: 400"), text);
  const cleaned = NASTY.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\uffff]/g, "\uFFFD");
  assert.ok(text.includes(`body: ${cleaned}`), text);

  assert.equal(unreachable?.error?.type, "transport");
  assert.match(unreachable?.error?.message ?? "", /connection refused/);
  assert.equal(notRun?.skipped?.message, "not run: an earlier step failed");

  assert.deepEqual([keyless.tests, keyless.failures, keyless.errors, keyless.skipped],
    ["2", "0", "1", "1"]);
  const [setup, skipped] = keyless.testcase;
  assert.equal(setup?.name, "setup: credentials and variables");
  assert.equal(setup?.error?.type, "credentials");
  assert.match(setup?.error?.message ?? "", /JUNIT_MISSING_KEY/);
  assert.equal(skipped?.skipped?.message, "not run: the recipe stopped before its first step");
});

test("an invalid recipe in a run becomes a suite with a validation error", async (t) => {
  const dir = await scratch(t);
  await writeFile(join(dir, "typo.yaml"), `version: 1
name: typo
auth: { mode: none }
steps:
  - request: { method: GET, path: /x }
    expext: {}
`);

  const run = await cli(["run", join(dir, "typo.yaml"), "-r", "junit"], {
    IDMP_HOST: "http://127.0.0.1:9" });

  assert.equal(run.code, 2);
  await assertValidJunit(run.stdout);
  const [suite] = parse(run.stdout).suites;
  assert.equal(suite?.errors, "1");
  assert.equal(suite?.testcase[0]?.error?.type, "invalid");
  assert.equal(suite?.testcase[0]?.line, "6");
  assert.match(suite?.testcase[0]?.error?.["#text"] ?? "", /typo\.yaml:6:5 Unknown key 'expext'/);
});
