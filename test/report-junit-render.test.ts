/**
 * renderJunitReport on its own: characters XML 1.0 forbids are replaced,
 * messages are one line, and every value passes the redactor.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { renderJunitReport } from "../src/report/junit.ts";
import type { RunResult } from "../src/run/results.ts";
import { assertValidJunit, parseJunit as parse } from "./support/junit.ts";

test("renderJunitReport replaces lone surrogates and U+FFFE, keeps other text", async () => {
  const excerpt = `a\uD800b\uDC00c\uFFFEd \u{1F600} ]]> <![CDATA[ x`;
  const run: RunResult = {
    exitCode: 1, durationMs: 12,
    summary: { recipes: { total: 1, passed: 0, failed: 1 },
      steps: { total: 1, passed: 0, failed: 1, notRun: 0 } },
    recipes: [{ file: "r.yaml", name: "r", status: "failed", exitCode: 1, durationMs: 12,
      warnings: ["trimmed\u0007 IDMP_HOST"], steps: [{ index: 0, name: "s", method: "GET",
        path: "/x", status: "failed", durationMs: 12, attempts: [], tokenRefreshed: false,
        failures: [{ kind: "check", message: "bad\nvalue" }],
        response: { status: 500, headers: {}, excerpt } }] }],
  };

  const xml = renderJunitReport(run, { redact: (text) => text.replace("value", "***") });

  await assertValidJunit(xml);
  const testCase = parse(xml).suites[0]?.testcase[0];
  assert.equal(testCase?.failure?.message, "bad ***", "one line, redacted");
  assert.ok(testCase?.failure?.["#text"]?.includes(
    "body: a\uFFFDb\uFFFDc\uFFFDd \u{1F600} ]]> <![CDATA[ x"));
  assert.equal(testCase?.line, undefined, "no line when none is known");
  assert.match(xml, /<system-out>warning: trimmed\uFFFD IDMP_HOST/);
});
