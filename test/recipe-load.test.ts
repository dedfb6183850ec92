/**
 * loadRecipeFile and loadRecipeText: the YAML cases K08-K13, the
 * validation-message cases K23-K24.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { loadRecipeFile, loadRecipeText } from "../src/recipe/load.ts";

const FIXTURES = new URL("./fixtures/", import.meta.url);
const HEAD = `version: 1
name: Inline
auth:
  mode: none
`;

function pathOf(kind: string, name: string): string {
  return new URL(`${kind}/${name}`, FIXTURES).pathname;
}

describe("YAML defaults, corrected", () => {
  test("K08: NO, yes and on stay strings under YAML 1.2", async () => {
    const result = await loadRecipeFile(pathOf("warning", "k08-yaml12-booleans.yaml"));
    const json = result.recipe?.recipe.steps[0]?.request.json;
    assert.deepEqual(json, { country: "NO", confirm: "yes", mode: "on" });
  });

  test("K08: a %YAML 1.1 directive is rejected, not obeyed", async () => {
    const result = await loadRecipeFile(pathOf("invalid", "k08-yaml11-directive.yaml"));
    assert.deepEqual(result.problems.map((p) => p.rule), ["yaml-directive"]);
    assert.match(result.problems[0]?.message ?? "", /'%YAML 1\.1' is not supported/);
  });

  test("K09: an integer beyond 2^53 loads as an exact bigint", async () => {
    const result = await loadRecipeFile(pathOf("warning", "k09-big-id.yaml"));
    const step = result.recipe?.recipe.steps[0];
    assert.deepEqual(step?.request.json, { name: "boiler", parentId: 1234567890123456789n });
    assert.equal(step?.expect?.json?.["$.data.parentId"], 1234567890123456789n);
  });

  test("K09: integers a double holds exactly stay numbers", () => {
    const result = loadRecipeText(`${HEAD}steps:
  - request: { method: GET, path: /a, timeout: 9007199254740991 }
`, "inline.yaml");
    assert.equal(result.recipe?.recipe.version, 1);
    assert.equal(result.recipe?.recipe.steps[0]?.request.timeout, 9007199254740991);
  });

  test("K10: a duplicate key names its line and column and the first one's line", () => {
    const result = loadRecipeText(`${HEAD}steps:
  - request:
      method: GET
      path: /a
      method: POST
`, "dup.yaml");
    assert.deepEqual(result.problems.map((p) => [p.rule, p.line, p.column]), [
      ["yaml-duplicate-key", 9, 7],
    ]);
    assert.equal(
      result.problems[0]?.message,
      "Duplicate key 'method' at line 9, column 7, first defined at line 7; keep one of them",
    );
  });

  test("K11: a tab in the indentation says to use spaces", async () => {
    const result = await loadRecipeFile(pathOf("invalid", "k11-tab.yaml"));
    assert.equal(result.problems.length, 1);
    assert.match(result.problems[0]?.message ?? "", /line 8, column 1; indent with spaces/);
  });

  // The timeout only guards against a hang; bench/validate.ts measures speed.
  test("K12a: an alias bomb is rejected, bounded, with no stack", { timeout: 10_000 }, async () => {
    const result = await loadRecipeFile(pathOf("invalid", "k12a-alias-bomb.yaml"));
    assert.ok(readFileSync(pathOf("invalid", "k12a-alias-bomb.yaml")).length <= 1024);
    assert.deepEqual(result.problems.map((p) => p.rule), ["yaml-alias-limit"]);
    assert.doesNotMatch(result.problems[0]?.message ?? "", /ReferenceError|\n/);
  });

  test("K12b: a << merge key is applied and never passed on", async () => {
    const result = await loadRecipeFile(pathOf("valid", "k12b-merge-key.yaml"));
    const second = result.recipe?.recipe.steps[1]?.request;
    assert.deepEqual(second, {
      method: "GET",
      path: "/api/v1/elements",
      query: { current: 2, size: 10 },
    });
    assert.equal(result.recipe?.positionOf(["steps", 1, "request", "method"])?.line, 12);
  });

  test("K13: two documents in one file are one problem in the user's words", async () => {
    const result = await loadRecipeFile(pathOf("invalid", "k13-two-documents.yaml"));
    assert.deepEqual(result.problems.map((p) => p.message), [
      "File contains 2 YAML documents; put one recipe per file",
    ]);
  });

  test("K13: one document that starts with --- loads", async () => {
    const result = await loadRecipeFile(pathOf("valid", "leading-document-marker.yaml"));
    assert.equal(result.recipe?.recipe.name, "One document that starts with a marker");
  });

  test("a byte-order mark is a warning, and lines still count from 1", async () => {
    const result = await loadRecipeFile(pathOf("warning", "yaml-bom.yaml"));
    assert.deepEqual(result.problems.map((p) => [p.rule, p.severity, p.line, p.column]), [
      ["yaml-bom", "warning", 1, 1],
    ]);
    assert.deepEqual(result.recipe?.positionOf(["version"]), { line: 2, column: 10 });
  });
});

describe("validation messages", () => {
  test("K23: a typo of a required key is one line, and its value is checked too", async () => {
    const result = await loadRecipeFile(pathOf("invalid", "k23-key-typos.yaml"));
    assert.deepEqual(result.problems.map((p) => [p.path, p.message]), [
      ["step", "Unknown key 'step'; did you mean 'steps'?"],
      ["step[1].expext", "Unknown key 'expext'; did you mean 'expect'?"],
    ]);
  });

  test("K24: a typo inside the cloud branch yields exactly one problem", async () => {
    const result = await loadRecipeFile(pathOf("invalid", "k24-cloud-env-typo.yaml"));
    assert.deepEqual(result.problems.map((p) => p.message), [
      "Unknown key 'bearertoken' in auth.env for mode 'cloud'; did you mean 'bearerToken'?",
    ]);
  });

  test("a recipe with no steps reads \"Missing required key 'steps'\"", () => {
    const result = loadRecipeText(HEAD, "no-steps.yaml");
    assert.deepEqual(result.problems.map((p) => p.message), ["Missing required key 'steps'"]);
  });

  test("problems come sorted by line and column", () => {
    const result = loadRecipeText(`version: 2
name: Sorted
auth: { mode: none }
steps:
  - request: { method: GET, path: /a, timeout: x }
    expext: {}
`, "sorted.yaml");
    const places = result.problems.map((p) => [p.line, p.column]);
    assert.deepEqual(places, [[1, 10], [5, 48], [6, 5]]);
  });

  test("an unreadable file is one problem with rule 'file'", async () => {
    const result = await loadRecipeFile("/nonexistent/recipe.yaml");
    assert.deepEqual(result.problems.map((p) => [p.rule, p.line, p.column]), [["file", 1, 1]]);
    assert.match(result.problems[0]?.message ?? "", /no such file; check the path/);
  });
});
