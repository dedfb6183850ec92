/**
 * One `validate` lists every problem: the checks that are safe on a recipe
 * the schema refused still run (checkRefusedRecipe), without repeating
 * what the schema said; and the verdict under --strict.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { loadRecipeText } from "../src/recipe/load.ts";
import type { Problem } from "../src/recipe/problem.ts";
import { salvageRecipe } from "../src/recipe/salvage.ts";
import { failsValidation, validateExitCode } from "../src/recipe/verdict.ts";

const JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyMSJ9.c2lnbmF0dXJl";

function rulesOf(text: string): string[] {
  return loadRecipeText(text, "case.yaml").problems.map((p) => `${p.rule} ${p.path ?? ""}`);
}

describe("problems beside a schema error", () => {
  test("a literal JWT in a var is reported with a missing name", () => {
    assert.deepEqual(rulesOf(`version: 1
auth: { mode: none }
vars: { session: "${JWT}" }
steps: [{ request: { method: GET, path: /a } }]
`), ["missing-key ", "literal-secret vars.session"]);
  });

  test("a credential header in enterprise mode stays one problem", () => {
    assert.deepEqual(rulesOf(`version: 1
name: x
auth: { mode: enterprise }
steps:
  - request:
      method: GET
      path: /a
      headers: { Authorization: "Bearer ${JWT}" }
      timeout: -1
`), ["credential-header steps[0].request.headers.Authorization",
      "bad-value steps[0].request.timeout"]);
  });

  test("a token pasted under a misspelt key is found on the first run", () => {
    assert.deepEqual(rulesOf(`version: 1
name: x
auth: { mode: none }
steps:
  - request:
      method: GET
      path: /a
      header: { X-Session: "${JWT}" }
`), ["unknown-key steps[0].request.header",
      "literal-secret steps[0].request.header[\"X-Session\"]"]);
  });

  test("a value the schema refused is not judged again", () => {
    assert.deepEqual(rulesOf(`version: 1
name: x
auth: { mode: none }
steps:
  - request: { method: GET, path: /a }
    capture: { id: data.id }
`), ["bad-value steps[0].capture.id"]);
  });

  test("references are not judged: what they read may be what broke", () => {
    assert.deepEqual(rulesOf(`version: 1
name: x
auth: { mode: none }
vars: [1, 2]
steps:
  - request: { method: GET, path: "/a/\${{ vars.id }}" }
`), ["wrong-type vars"]);
  });

  test("a document that is not a mapping gives one problem", () => {
    assert.deepEqual(rulesOf(`- version: 1\n- name: "${JWT}"\n`), ["wrong-type "]);
  });
});

describe("salvageRecipe", () => {
  test("keeps list indexes and drops what has the wrong type", () => {
    const recipe = salvageRecipe({
      auth: { mode: "clod" },
      steps: [7, { id: 3, request: { path: "/b", headers: { A: "1", B: 2 } } }],
    });
    assert.equal(recipe.auth.mode, "none");
    assert.equal(recipe.steps.length, 2);
    assert.equal(recipe.steps[0]?.request.path, "");
    assert.equal(recipe.steps[1]?.id, undefined);
    assert.deepEqual(recipe.steps[1]?.request.headers, { A: "1" });
  });
});

describe("the verdict", () => {
  const warning: Problem = {
    file: "a.yaml", line: 1, column: 1, rule: "yaml-bom", message: "M", severity: "warning",
  };
  const error: Problem = { ...warning, rule: "bad-path", severity: "error" };

  test("warnings pass, unless --strict", () => {
    assert.equal(failsValidation([warning]), false);
    assert.equal(failsValidation([warning], { strict: true }), true);
    assert.equal(failsValidation([], { strict: true }), false);
  });

  test("errors always fail: exit 2", () => {
    assert.equal(validateExitCode([{ problems: [] }, { problems: [error] }]), 2);
    assert.equal(validateExitCode([{ problems: [warning] }]), 0);
    assert.equal(validateExitCode([{ problems: [warning] }], { strict: true }), 2);
  });
});
