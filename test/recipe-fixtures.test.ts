/**
 * The fixture corpus: every broken recipe under fixtures/invalid yields
 * exactly the problems its `# expect: rule line:col [warning]` lines name;
 * every recipe under fixtures/warning loads with exactly the warnings its
 * header names; every recipe under fixtures/valid loads with none. Plus the
 * secret canary.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { loadRecipeFile } from "../src/recipe/load.ts";
import type { Problem } from "../src/recipe/problem.ts";

const FIXTURES = new URL("./fixtures/", import.meta.url);

type Kind = "valid" | "warning" | "invalid";

function fixtures(kind: Kind): string[] {
  return readdirSync(new URL(`${kind}/`, FIXTURES)).filter((name) => name.endsWith(".yaml"));
}

function pathOf(kind: string, name: string): string {
  return new URL(`${kind}/${name}`, FIXTURES).pathname;
}

/** `# expect: rule line:col` lines at the top of a fixture, `warning` kept. */
function expectationsOf(text: string): string[] {
  return [...text.matchAll(/^\uFEFF?# expect: (\S+ \d+:\d+(?: warning)?)$/gm)]
    .map((match) => match[1] ?? "");
}

/** A problem as a header line writes it: severity named only for a warning. */
function asExpectation(problem: Problem): string {
  const where = `${problem.rule} ${problem.line}:${problem.column}`;
  return problem.severity === "warning" ? `${where} warning` : where;
}

function assertWellWorded(problems: readonly Problem[], file: string): void {
  for (const problem of problems) {
    assert.equal(problem.file, file);
    assert.match(problem.message, /^[A-Z'$]/, "a message starts in sentence case");
    assert.doesNotMatch(problem.message, /\.$/, "a message has no trailing period");
  }
}

describe("the invalid fixture corpus", () => {
  const names = fixtures("invalid");

  test("holds at least 40 broken recipes", () => {
    assert.ok(names.length >= 40, `only ${names.length} fixtures`);
  });

  for (const name of names) {
    test(`${name} yields exactly the problems its header expects`, async () => {
      const file = pathOf("invalid", name);
      const expected = expectationsOf(readFileSync(file, "utf8"));
      assert.ok(expected.some((line) => !line.endsWith(" warning")), "no error is expected");

      const result = await loadRecipeFile(file);

      assert.deepEqual(result.problems.map(asExpectation), expected);
      assert.equal(result.recipe, undefined);
      assertWellWorded(result.problems, file);
    });
  }
});

describe("the warning fixture corpus", () => {
  for (const name of fixtures("warning")) {
    test(`${name} loads with exactly the warnings its header expects`, async () => {
      const file = pathOf("warning", name);
      const expected = expectationsOf(readFileSync(file, "utf8"));
      assert.ok(expected.length > 0, "the fixture declares no expectation");

      const result = await loadRecipeFile(file);

      const actual = result.problems.map((p) => `${p.rule} ${p.line}:${p.column}`);
      assert.deepEqual(actual, expected);
      assert.ok(result.problems.every((p) => p.severity === "warning"));
      assert.ok(result.recipe, "a recipe with warnings only still loads");
      assertWellWorded(result.problems, file);
    });
  }
});

describe("the valid fixture corpus", () => {
  for (const name of fixtures("valid")) {
    test(`${name} loads with zero problems`, async () => {
      const result = await loadRecipeFile(pathOf("valid", name));
      assert.deepEqual(result.problems, []);
      assert.ok(result.recipe);
    });
  }
});

describe("secret canary", () => {
  test("a literal JWT in an Authorization header is reported and never echoed", async () => {
    const file = pathOf("invalid", "secret-authorization-jwt.yaml");
    const jwt = /eyJ[\w-]+\.[\w-]+\.[\w-]+/.exec(readFileSync(file, "utf8"))?.[0] ?? "";
    assert.ok(jwt.length > 20);

    const result = await loadRecipeFile(file);

    assert.deepEqual(result.problems.map((p) => p.rule), ["literal-secret"]);
    for (const part of [jwt, ...jwt.split(".")]) {
      assert.ok(!JSON.stringify(result.problems).includes(part));
    }
  });

  test("a literal JWT beside a schema error is reported on the first run", async () => {
    const file = pathOf("invalid", "one-pass-secret-and-schema.yaml");

    const result = await loadRecipeFile(file);

    assert.deepEqual(result.problems.map((p) => p.rule).sort(), [
      "literal-secret", "unknown-key", "wrong-type",
    ]);
    assert.ok(!JSON.stringify(result.problems).includes("c2lnbmF0dXJl"));
  });
});
