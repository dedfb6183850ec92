/**
 * Checks added after the first tester's round: numbers JSON cannot carry,
 * JSONPaths and `matches` patterns that cannot be read, and the order in
 * which vars may read each other.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { loadRecipeText } from "../src/recipe/load.ts";

/** A recipe with the given vars (YAML lines) and one step's extra lines. */
function recipe(step: string, vars = ""): string {
  return `version: 1
name: Checks
auth: { mode: none }
${vars === "" ? "" : `vars:\n${vars}\n`}steps:
  - id: list
    request: { method: POST, path: /api/v1/elements }
${step}
`;
}

function rulesOf(text: string, extraVars?: string[]): string[] {
  return loadRecipeText(text, "case.yaml", { extraVars }).problems.map((p) => p.rule);
}

const table = (cases: [string, string, string[]][]) => {
  for (const [name, text, expected] of cases) {
    test(`${name}: ${expected.length === 0 ? "accepted" : expected.join(", ")}`, () => {
      assert.deepEqual(rulesOf(text), expected);
    });
  }
};

describe("numbers JSON cannot carry", () => {
  const body = (json: string) => recipe("").replace("/api/v1/elements }",
    `/api/v1/elements, json: ${json} }`);
  table([
    ["1e400 in a body", body("{ limit: 1e400 }"), ["bad-number"]],
    ["-.inf deep in a body", body("{ a: [{ b: -.Inf }] }"), ["bad-number"]],
    [".nan in a body", body("[.nan]"), ["bad-number"]],
    [".inf in vars", recipe("", "  x: .inf"), ["bad-number"]],
    [".nan as an expected value", recipe("    expect: { json: { $.a: .nan } }"), ["bad-number"]],
    ["1e308 and 1e-400 (underflow to 0)", body("{ a: 1e308, b: 1e-400 }"), []],
    ["'.inf' quoted, a string", body("{ a: '.inf' }"), []],
  ]);

  test("names the key and says what to write, at the number", () => {
    const text = body("{ limit: 1e400 }");
    const column = (text.split("\n")[5] ?? "").indexOf("1e400") + 1;
    const result = loadRecipeText(text, "r.yaml");
    assert.deepEqual(result.problems.map((p) => [p.line, p.column, p.message]), [[
      6, column, "'limit' is infinite (or beyond 1.8e308), which JSON cannot carry; " +
        "write a finite number, or quote it to send it as a string",
    ]]);
  });
});

describe("JSONPaths and patterns", () => {
  const expect = (json: string) => recipe(`    expect: { json: { ${json} } }`);
  table([
    ["a broken expect.json key", expect('"$..[?(@.x": 1'), ["bad-jsonpath"]],
    ["a broken capture", recipe("    capture: { id: '$[' }"), ["bad-jsonpath"]],
    ["a capture filter that does not parse",
      recipe("    capture: { id: '$.rows[?(@.a ==)].id' }"), ["bad-jsonpath"]],
    ["a pattern that does not compile", expect('$.a: { matches: "([" }'), ["bad-regex"]],
    ["a broken pattern under length", expect('$.a: { length: { matches: "(" } }'),
      ["bad-regex"]],
    ["a templated pattern, judged at run time", expect('$.a: { matches: "${{ env.P }}(" }'), []],
    ["a pattern with escapes", expect('$.a: { matches: "^\\\\(\\\\d+\\\\)$" }'), []],
    ["a filter and a slice",
      expect('"$.rows[?(@.level >= 2)].id": { type: array }, "$.rows[-1:]": []'), []],
  ]);

  test("a capture's error points at the character at fault", () => {
    const text = recipe("    capture:\n      firstId: $.data.rows[0.id");
    const result = loadRecipeText(text, "r.yaml");
    const line = text.split("\n")[7] ?? "";
    assert.deepEqual(result.problems.map((p) => [p.rule, p.line, p.column, p.message]), [[
      "bad-jsonpath", 8, line.indexOf("[0.id") + 1,
      "JSONPath '$.data.rows[0.id' has a '[' that is never closed (character 12); " +
        "write e.g. $.data.rows[0].id or $.data.rows[?(@.status == 1)]",
    ]]);
  });
});

describe("vars read env and the vars above them", () => {
  table([
    ["env and a var above", recipe("", '  a: /api\n  b: "${{ vars.a }}/${{ env.X }}"'), []],
    ["a var below", recipe("", '  a: "${{ vars.b }}"\n  b: 1'), ["forward-reference"]],
    ["itself", recipe("", '  a: "x${{ vars.a }}"'), ["forward-reference"]],
    ["a step", recipe("", '  a: "${{ steps.list.status }}"'), ["forward-reference"]],
    ["a capture", recipe("    capture: { id: $.id }", '  a: "${{ vars.id }}"'),
      ["forward-reference"]],
    ["a name nobody defines", recipe("", '  a: "${{ vars.nope }}"'), ["undefined-reference"]],
    ["a misspelt var above", recipe("", '  pageSize: 5\n  b: "${{ vars.pageSiz }}"'),
      ["undefined-reference"]],
  ]);

  test("a name only --var gives is not there yet while vars are rendered", () => {
    assert.deepEqual(rulesOf(recipe("", '  a: "${{ vars.b }}"'), ["b"]), ["undefined-reference"]);
    assert.deepEqual(rulesOf(recipe("", '  a: "${{ vars.b }}"\n  b: 1'), ["b"]),
      ["forward-reference"]);
  });

  test("a var below is named, with the fix", () => {
    const text = recipe("", '  base: "${{ vars.version }}"\n  version: v1');
    const result = loadRecipeText(text, "r.yaml");
    assert.deepEqual(result.problems.map((p) => p.message), [
      "'${{ vars.version }}' reads 'version', defined below; vars are rendered once, " +
        "in file order, before the first step, so move 'version' above",
    ]);
  });
});
