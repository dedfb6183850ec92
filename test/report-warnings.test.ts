/**
 * A step's warnings (a paging cap under `onCap: warn`) reach every CI
 * report: a `<system-out>` on the step's JUnit case, a `::warning` at the
 * step's line for GitHub, and a warning in the HTML report's row.
 */
import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { test } from "node:test";
import { stepAnnotations } from "../src/report/github.ts";
import type { StepResult } from "../src/run/results.ts";
import { cli, scratchDir } from "./support/helpers.ts";

const CAPPED = `version: 1
name: capped
auth: { mode: enterprise }
steps:
  - name: lists
    request: { method: GET, path: /api/v1/elements }
  - name: first two pages
    request: { method: GET, path: /api/v1/elements }
    paginate: { size: 7, maxPages: 2 }
`;

const WARNING = "Paging stopped at paginate.maxPages (2) after 2 page(s) and 14 of 40 rows, "
  + "before the list ended; raise the cap, or check that the server honours current and size";

test("run -r github -r junit=FILE -r html=FILE carries a paging cap's warning to each",
  async (t) => {
    const dir = await scratchDir(t);
    await writeFile(join(dir, "capped.yaml"), CAPPED);
    const junit = join(dir, "report.xml");
    const html = join(dir, "report.html");

    const run = await cli(["run", "--sandbox", join(dir, "capped.yaml"), "-r", "github",
      "-r", `junit=${junit}`, "-r", `html=${html}`]);

    assert.equal(run.code, 0, run.stderr);
    const annotations = run.stdout.split("\n").filter((line) => line.startsWith("::"));
    assert.deepEqual(annotations.map((line) => line.replace(/file=[^,]*,/, "file=F,")), [
      `::warning file=F,line=7,title=capped%3A first two pages::${WARNING}`]);
    assert.match(annotations[0] ?? "", /^::warning file=[^,]*capped\.yaml,/);

    const xml = await readFile(junit, "utf8");
    const cases = [...xml.matchAll(/<testcase name="([^"]*)"[^>]*?(\/>|>([^]*?)<\/testcase>)/g)]
      .map((match) => [match[1], match[3]?.trim() ?? ""]);
    assert.deepEqual(cases, [["lists", ""],
      ["first two pages", `<system-out>warning: ${WARNING}\n</system-out>`]]);

    const page = await readFile(html, "utf8");
    assert.ok(page.includes(`<p class="warning"><b>Warning</b> ${WARNING}</p>`));
  });

test("stepAnnotations puts a failed step's error first, then its items' warnings", () => {
  const base = { method: "GET", path: "/p", durationMs: 1, attempts: [],
    tokenRefreshed: false };
  const loop: StepResult = { ...base, index: 0, name: "each", line: 9, status: "failed",
    failures: [{ kind: "check", message: "1 of 2 items failed: [0]" }],
    items: [
      { ...base, index: 0, item: 0, name: "each [0]", status: "failed",
        failures: [{ kind: "check", message: "status: expected 2xx, got 404" }] },
      { ...base, index: 0, item: 1, name: "each [1]", status: "passed", failures: [],
        warnings: ["capped"] },
    ] };

  const annotations = stepAnnotations({ file: "r.yaml", name: "R" }, loop);

  assert.deepEqual(annotations, [
    { level: "error", file: "r.yaml", line: 9, title: "R: each",
      message: "1 of 2 items failed: [0]" },
    { level: "warning", file: "r.yaml", line: 9, title: "R: each [1]", message: "capped" },
  ]);
});
