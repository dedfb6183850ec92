/**
 * YAML that reads one way here and another elsewhere: readingIn11 for each
 * YAML 1.1 form, and the warnings loadRecipeText gives for them.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { loadRecipeText } from "../src/recipe/load.ts";
import { readingIn11 } from "../src/recipe/yaml-scalars.ts";

const HEAD = `version: 1
name: Inline
auth: { mode: none }
steps:
  - request: { method: GET, path: /a }
`;

describe("readingIn11", () => {
  const cases: [string, string | undefined][] = [
    ["yes", "the boolean true"],
    ["Yes", "the boolean true"],
    ["ON", "the boolean true"],
    ["y", "the boolean true"],
    ["no", "the boolean false"],
    ["Off", "the boolean false"],
    ["N", "the boolean false"],
    ["0755", "the octal number 493 (YAML 1.2 reads 755)"],
    ["-012", "the octal number -10 (YAML 1.2 reads -12)"],
    ["08", "text (YAML 1.2 reads the number 8)"],
    ["1:30", "the number 90 (base 60)"],
    ["-1:00:01", "the number -3601 (base 60)"],
    ["1:30.5", "the number 90.5 (base 60)"],
    // Agreed on by both versions, or text in both.
    ["yEs", undefined],
    ["true", undefined],
    ["0", undefined],
    ["00", undefined],
    ["10", undefined],
    ["1:3x", undefined],
    ["12:75", undefined],
    ["boiler", undefined],
  ];
  for (const [source, reading] of cases) {
    test(`'${source}' reads as ${reading ?? "the same in both"}`, () => {
      assert.equal(readingIn11(source), reading);
    });
  }
});

describe("YAML warnings of a loaded recipe", () => {
  test("quoted scalars and block scalars are never ambiguous", () => {
    const result = loadRecipeText(`${HEAD}vars:
  a: "yes"
  b: '0755'
  c: |
    no
`, "quoted.yaml");
    assert.deepEqual(result.problems, []);
  });

  test("an ambiguous word in an anchor is reported once, where it is written", () => {
    const result = loadRecipeText(`${HEAD}x-base: &base { flag: off }
vars:
  one: *base
  two: *base
`, "anchor.yaml");
    assert.deepEqual(result.problems.map((p) => [p.rule, p.line, p.column]), [
      ["yaml-ambiguous", 6, 23],
    ]);
  });

  test("an integer at 2^53 - 1 is exact everywhere; beyond it, a warning", () => {
    const result = loadRecipeText(`${HEAD}vars:
  safe: 9007199254740991
  unsafe: 9007199254740993
  negative: -9007199254740993
  quoted: "9007199254740993"
`, "big.yaml");
    assert.deepEqual(result.problems.map((p) => [p.rule, p.line]), [
      ["yaml-big-integer", 8],
      ["yaml-big-integer", 9],
    ]);
    assert.equal(result.recipe?.recipe.vars?.["unsafe"], 9007199254740993n);
  });

  test("warnings never keep a recipe from loading", () => {
    const result = loadRecipeText(`\uFEFF${HEAD}vars: { mode: on }\n`, "bom.yaml");
    assert.deepEqual(result.problems.map((p) => p.rule), ["yaml-bom", "yaml-ambiguous"]);
    assert.equal(result.recipe?.recipe.vars?.["mode"], "on");
  });

  test("a YAML error stops before the scalar warnings, the BOM aside", () => {
    const result = loadRecipeText(`\uFEFF${HEAD}vars:\n\ta: yes\n`, "tab.yaml");
    assert.deepEqual(result.problems.map((p) => p.rule), ["yaml-bom", "yaml-tab"]);
  });
});
