/**
 * Several reporters in one run: `--reporter NAME[=FILE]` repeated, at most
 * one on stdout, `--output` for the single-reporter case.
 */
import assert from "node:assert/strict";
import { readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { test } from "node:test";
import { XMLValidator } from "fast-xml-parser";
import { parseReporters } from "../src/cli/reporters.ts";
import { UsageError } from "../src/errors.ts";
import { cli, enterpriseEnv, scratchDir, simulator } from "./support/helpers.ts";

const scratch = scratchDir;

test("parseReporters reads NAME[=FILE] and folds --output into a single reporter", () => {
  const accepted: [string[], string | undefined, unknown][] = [
    [[], undefined, [{ name: "text", file: undefined }]],
    [[], "out.txt", [{ name: "text", file: "out.txt" }]],
    [["json"], "r.json", [{ name: "json", file: "r.json" }]],
    [["text", "junit=r.xml"], undefined, [{ name: "text", file: undefined },
      { name: "junit", file: "r.xml" }]],
    [["github", "junit=a=b.xml"], undefined, [{ name: "github", file: undefined },
      { name: "junit", file: "a=b.xml" }]],
    [["json=r.json", "junit=r.xml"], undefined, [{ name: "json", file: "r.json" },
      { name: "junit", file: "r.xml" }]],
  ];
  for (const [reporters, output, expected] of accepted) {
    const specs = parseReporters({ reporters, output }, "run")
      .map(({ name, file }) => ({ name, file }));
    assert.deepEqual(specs, expected, reporters.join(" "));
  }
});

test("parseReporters refuses what cannot be written unambiguously", () => {
  const refused: [string[], string | undefined, "run" | "validate", RegExp][] = [
    [["xml"], undefined, "run", /Unknown reporter "xml" for run/],
    [["junit"], undefined, "validate", /Unknown reporter "junit" for validate/],
    [["junit="], undefined, "run", /names no file/],
    [["text", "json"], undefined, "run", /Only one reporter can write to stdout; text and json/],
    [["text", "junit=r.xml"], "out.txt", "run", /--output goes with one reporter/],
    [["junit=r.xml"], "out.xml", "run", /both name a file/],
    [["json=r", "junit=r"], undefined, "run", /Two reporters would write "r"/],
  ];
  for (const [reporters, output, command, message] of refused) {
    assert.throws(() => parseReporters({ reporters, output }, command),
      (error: unknown) => error instanceof UsageError && message.test(error.message),
      reporters.join(" "));
  }
});

test("--reporter text --reporter junit=FILE: text on stdout, JUnit in the file", async (t) => {
  const sim = await simulator(t);
  const dir = await scratch(t);
  const out = join(dir, "report.xml");

  const run = await cli(["run", "recipes/quickstart.yaml", "--reporter", "text",
    "--reporter", `junit=${out}`], enterpriseEnv(sim));

  assert.equal(run.code, 0, run.stderr);
  assert.equal(run.stdout.match(/✓ GET/g)?.length, 3);
  assert.match(run.stdout, /PASS 1 recipe\(s\)/);
  assert.doesNotMatch(run.stdout, /<\?xml|testsuite/);
  const xml = await readFile(out, "utf8");
  assert.equal(XMLValidator.validate(xml), true);
  assert.match(xml, new RegExp('<testsuite name="Quickstart[^"]*" file="recipes/quickstart.yaml" '
    + 'tests="3" failures="0" errors="0" skipped="0"'));
});

test("--reporter junit alone puts only XML on stdout", async (t) => {
  const sim = await simulator(t);

  const run = await cli(["run", "recipes/quickstart.yaml", "-r", "junit"], enterpriseEnv(sim));

  assert.equal(run.code, 0, run.stderr);
  assert.ok(run.stdout.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites'));
  assert.equal(XMLValidator.validate(run.stdout), true);
});

test("json and junit to files: text still goes to stdout, both files written", async (t) => {
  const sim = await simulator(t);
  const dir = await scratch(t);

  const run = await cli(["run", "recipes/quickstart.yaml", "-r", `json=${join(dir, "r.json")}`,
    "-r", `junit=${join(dir, "r.xml")}`], enterpriseEnv(sim));

  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /PASS 1 recipe\(s\)/);
  assert.equal(JSON.parse(await readFile(join(dir, "r.json"), "utf8")).summary.steps.passed, 3);
  assert.match(await readFile(join(dir, "r.xml"), "utf8"), /tests="3"/);
});

test("an unwritable report file is refused before anything is sent", async (t) => {
  const sim = await simulator(t);
  const dir = await scratch(t);
  await writeFile(join(dir, "file"), "");

  const run = await cli(["run", "recipes/quickstart.yaml", "-r", "text",
    "-r", `junit=${join(dir, "file", "r.xml")}`], enterpriseEnv(sim));

  assert.equal(run.code, 2);
  assert.match(run.stderr, /Cannot write --reporter junit ".*r\.xml": ".*file" is not a directory/);
  assert.equal(sim.stats.requests, 0);
  await assert.rejects(stat(join(dir, "file", "r.xml")));
});
