/**
 * The text report: a loop's failed items indented under it, and nothing
 * after them shifted; counts in words that agree with their number.
 */
import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { test } from "node:test";
import { renderStep } from "../src/report/text.ts";
import type { StepResult } from "../src/run/results.ts";
import { cli, scratchDir } from "./support/helpers.ts";

const plain = { color: false };

function step(fields: Partial<StepResult>): StepResult {
  return { index: 0, name: "read", method: "GET", path: "/api/v1/elements/${{ item }}",
    status: "passed", durationMs: 5, attempts: [], tokenRefreshed: false, failures: [],
    ...fields };
}

function item(at: number, status: StepResult["status"]): StepResult {
  const failed = status === "failed";
  return step({ item: at, name: `read [${at}]`, status, httpStatus: failed ? 404 : 200,
    url: `http://127.0.0.1:1/api/v1/elements/${at}`,
    failures: failed ? [{ kind: "check", message: "status: expected 2xx, got 404" }] : [],
    response: failed ? { status: 404, headers: {}, excerpt: '{"code":404}' } : undefined });
}

test("renderStep indents every failed item alike and ends on a bare line break", () => {
  const loop = step({ status: "failed", durationMs: 18,
    items: [item(0, "passed"), item(1, "failed"), item(2, "passed"), item(3, "failed")],
    failures: [{ kind: "check", message: "2 of 4 items failed: [1], [3]" }] });

  const text = renderStep(loop, plain);

  assert.equal(text, [
    "  ✗ GET    /api/v1/elements/${{ item }}  ---   18 ms  read (4 items, 2 failed)",
    "      ✗ 2 of 4 items failed: [1], [3]",
    "      ✗ GET    /api/v1/elements/1  404    5 ms  read [1]",
    "          ✗ status: expected 2xx, got 404",
    '          body: {"code":404}',
    "      ✗ GET    /api/v1/elements/3  404    5 ms  read [3]",
    "          ✗ status: expected 2xx, got 404",
    '          body: {"code":404}',
    "",
  ].join("\n"));
});

test("renderStep counts one item and one page in the singular", () => {
  const loop = step({ items: [item(0, "passed")] });
  const paged = step({ path: "/api/v1/elements", pages: 1, attempts: [
    { number: 1, status: 200, durationMs: 5, page: 1 }] });

  assert.match(renderStep(loop, plain), / read \(1 item\)\n$/);
  assert.match(renderStep(paged, plain), / read \(1 page\)\n$/);
});

test("run -r github puts each ::error at the start of its line after a loop", async (t) => {
  const dir = await scratchDir(t);
  await writeFile(join(dir, "loop.yaml"), `version: 1
name: loop
auth: { mode: enterprise }
steps:
  - name: each
    forEach: [1, 2]
    request: { method: GET, path: "/api/v1/elements/\${{ item }}" }
    continueOnError: true
  - name: after
    request: { method: GET, path: /api/v1/elements/3 }
`);

  const run = await cli(["run", "--sandbox", join(dir, "loop.yaml"), "-r", "github"]);

  assert.equal(run.code, 1, run.stderr);
  const lines = run.stdout.split("\n");
  const errors = lines.filter((line) => line.includes("::error "));
  assert.equal(errors.length, 2, run.stdout);
  for (const line of errors) assert.match(line, /^::error file=/);
  assert.deepEqual(lines.filter((line) => / $/.test(line)), [], "no line ends in spaces");
  const after = lines.find((line) => line.includes(" after"));
  assert.match(after ?? "", /^ {2}✗ GET {4}\/api\/v1\/elements\/3 {2}404 /);
});
