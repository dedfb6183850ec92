/**
 * `--reporter html`: one self-contained page whose counts, rows and failure
 * details say what happened, that loads nothing, and that masks every secret.
 */
import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { test } from "node:test";
import { parseReporters } from "../src/cli/reporters.ts";
import { escapeHtml } from "../src/report/html-escape.ts";
import { renderHtmlReport } from "../src/report/html.ts";
import { runRecipes } from "../src/run/run.ts";
import { cli, recipe, scratchDir } from "./support/helpers.ts";
import { countOf, MIXED_NAME, mixedHtmlReport, rowOf } from "./support/html-run.ts";
import { echoServer } from "./support/servers.ts";

test("escapeHtml escapes the five characters HTML gives meaning to, and only them", () => {
  const cases: [string, string][] = [
    ["plain text, ünïcode ✓", "plain text, ünïcode ✓"],
    ["<script>", "&lt;script&gt;"],
    [`a & b "c" 'd'`, "a &amp; b &quot;c&quot; &#39;d&#39;"],
    ["&amp;", "&amp;amp;"],
  ];
  for (const [input, expected] of cases) assert.equal(escapeHtml(input), expected, input);
});

test("the html report counts steps and marks each row with its outcome", async (t) => {
  const { run, html } = await mixedHtmlReport(t);

  assert.equal(run.exitCode, 1);
  const counts = ["recipes-passed", "recipes-failed", "steps-passed", "steps-failed",
    "steps-not-run", "exit-code"].map((key) => countOf(html, key));
  assert.deepEqual(counts, ["0", "1", "3", "1", "1", "1"]);
  assert.match(html, /<title>idmp-recipe: failed<\/title>/);
  const rows = [...html.matchAll(/<(div|details) class="step (\w+)" data-step="(\d)"/g)]
    .map((match) => `${match[3]} ${match[2]} ${match[1]}`);
  assert.deepEqual(rows, ["0 passed div", "1 passed details", "2 passed details",
    "3 failed details", "4 skipped div"]);

  assert.match(rowOf(html, "reads events after a 503"), /<span class="mark retry">2 attempts/);
  assert.match(rowOf(html, "reads menus after a 401"), /<span class="mark token">token renewed/);
  assert.match(rowOf(html, "never sent"), /<span class="status">not run<\/span>/);
  const listed = rowOf(html, "lists elements");
  assert.match(listed, /<span class="method">GET<\/span><span class="url" [^>]*>http:\/\//);
  assert.match(listed, /\/api\/v1\/elements\?current=1&amp;size=2<\/span><span class="http">200</);
});

test("a failing step opens to expected against actual and the exchange", async (t) => {
  const { run, html } = await mixedHtmlReport(t);
  const failure = run.recipes[0]?.steps[3]?.failures[0];
  assert.ok(failure?.actual !== undefined);

  const row = rowOf(html, "expects <the wrong> total");
  assert.match(row, /^class="step failed" data-step="3"><summary class="row">/);
  assert.ok(row.includes('<div class="expected"><h4>expected</h4><pre>999</pre></div>'), row);
  assert.ok(row.includes(`<div class="actual"><h4>actual</h4><pre>${String(failure.actual)}`
    + "</pre></div>"), row);
  assert.ok(row.includes(`<code>$.data.total</code>`));
  assert.match(row, /<h4>request<\/h4><pre>GET http:\/\/127\.0\.0\.1:\d+\/api\/v1\/elements/);
  assert.match(row, /authorization: Bearer \*\*\*/);
  assert.match(row, /<h4>response<\/h4><pre>HTTP 200\n[^]*&quot;total&quot;: \d+/);
});

test("a recipe stopped before its first step opens to its error and hint", async () => {
  const keyless = recipe(`version: 1
name: keyless
auth: { mode: apiKey, env: { apiKey: HTML_MISSING_KEY } }
steps:
  - request: { method: GET, path: /api/v1/elements }
`);
  const run = await runRecipes([keyless], { env: { IDMP_HOST: "https://idmp.invalid" } });

  const html = renderHtmlReport(run, { redact: (text) => text, version: "0" });

  const setup = rowOf(html, "setup: credentials and variables");
  assert.match(setup, /^class="step failed setup"><summary class="row">/);
  assert.match(setup, /<span class="kind">credentials<\/span> [^<]*HTML_MISSING_KEY/);
  assert.match(setup, /<p class="hint"><b>Hint<\/b> \S/);
  assert.match(rowOf(html, "step 1"), /<span class="status">not run<\/span>/);
});

test("the html report escapes names and loads nothing from the network", async (t) => {
  const { html, url } = await mixedHtmlReport(t);

  assert.ok(html.includes(escapeHtml(MIXED_NAME)));
  assert.ok(!html.includes("<b>bold</b>") && !html.includes("<the wrong>"));
  assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
  assert.doesNotMatch(html, /<(script|img|iframe|link)\b[^>]*\b(src|href)=/i);
  assert.doesNotMatch(html, /@import|url\(|@font-face/i);
  const addresses = [...html.matchAll(/https?:\/\/[^\s"'<&]*/g)].map((match) => match[0]);
  assert.ok(addresses.length > 0);
  assert.deepEqual(addresses.filter((address) => !address.startsWith(url)), [],
    "only the recipe URLs, as text");
});

test("every step's bar starts at its offset on the run's axis", async (t) => {
  const { run, html } = await mixedHtmlReport(t);
  const lefts = [...html.matchAll(/class="bar"[^>]*style="left:([\d.]+)%/g)]
    .map((match) => Number(match[1]));
  const ran = run.recipes[0]?.steps.filter((step) => step.startMs !== undefined) ?? [];

  assert.equal(lefts.length, 4);
  assert.deepEqual(lefts, [...lefts].sort((a, b) => a - b), "bars move right as steps run");
  for (const [index, step] of ran.entries()) {
    assert.ok(Math.abs((lefts[index] ?? -1) - (step.startMs ?? 0) / run.durationMs * 100) < 0.1);
  }
});

test("run -r html=FILE writes the report with no password or token in it", async (t) => {
  const canary = { password: 'pw-canary-"<html>&\\x', token: "tok-canary-html-0123456789abcdef" };
  const site = await echoServer(t, canary.token);
  const dir = await scratchDir(t);
  await writeFile(join(dir, "r.yaml"), `version: 1
name: canary
auth: { mode: enterprise }
steps:
  - request: { method: GET, path: /api/v1/ok }
  - request: { method: POST, path: /api/v1/bad, json: { note: "\${{ env.IDMP_PASSWORD }}" } }
`);
  const out = join(dir, "report.html");

  const run = await cli(["run", join(dir, "r.yaml"), "-r", "text", "-r", `html=${out}`],
    { IDMP_HOST: site.url, IDMP_USERNAME: "user1", IDMP_PASSWORD: canary.password });

  assert.equal(run.code, 1, run.stderr);
  const html = await readFile(out, "utf8");
  assert.match(html, /authorization: Bearer \*\*\*/, "the echoed error is in the report");
  assert.match(html, /&quot;note&quot;:&quot;\*\*\*&quot;/, "the sent body too, masked");
  for (const [name, secret] of Object.entries(canary)) {
    const json = JSON.stringify(secret).slice(1, -1);
    for (const form of [secret, json, escapeHtml(secret), escapeHtml(json), secret.slice(0, 12)]) {
      assert.ok(!html.includes(form), `${name} leaked as ${form}`);
    }
  }
});

test("html lists the files that did not validate, and is refused by validate", async (t) => {
  const dir = await scratchDir(t);
  await writeFile(join(dir, "broken.yaml"), "version: 1\nname: broken\nstepz: []\n");
  const out = join(dir, "report.html");

  const run = await cli(["run", join(dir, "broken.yaml"), "-r", `html=${out}`]);

  assert.equal(run.code, 2, run.stderr);
  const html = await readFile(out, "utf8");
  assert.match(html, /<h2>Did not validate<\/h2><h3>[^<]*broken\.yaml<\/h3>/);
  assert.equal(countOf(html, "exit-code"), "2");
  assert.throws(() => parseReporters({ reporters: ["html"], output: undefined }, "validate"),
    /Unknown reporter "html" for validate/);
});
