/**
 * Checks after the schema: step ids, references in time, one body, literal
 * secrets, and plain http to a remote host.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { loadRecipeText, type LoadOptions } from "../src/recipe/load.ts";
import { secretTable } from "./support/secret-table.ts";

/** A recipe with the given vars (YAML lines) and steps (YAML lines). */
function recipe(steps: string, vars = ""): string {
  return `version: 1
name: Semantics
auth: { mode: none }
${vars === "" ? "" : `vars:\n${vars}\n`}steps:
${steps}
`;
}

function rulesOf(text: string, options?: LoadOptions): string[] {
  return loadRecipeText(text, "case.yaml", options).problems.map((p) => p.rule);
}

const LIST = `  - id: list
    request: { method: GET, path: /api/v1/elements }
    capture:
      firstId: $.data.rows[0].id`;

function get(path: string): string {
  return `  - request: { method: GET, path: "${path}" }`;
}

describe("references", () => {
  const cases: [string, string, string[]][] = [
    ["a declared var", recipe(get("/e/${{ vars.id }}"), "  id: 7"), []],
    ["a var captured by an earlier step", recipe(`${LIST}\n${get("/e/${{ vars.firstId }}")}`), []],
    ["an env var", recipe(get("/e/${{ env.ELEMENT_ID }}")), []],
    ["an earlier step's status, headers and json",
      recipe(`${LIST}\n${get("/e/${{ steps.list.status }}${{ steps.list.json.data }}")}`), []],
    ["a capture read by the same step's checks", recipe(`${LIST}
    expect:
      json:
        $.data.rows[0].id: "\${{ vars.firstId }}"`), []],
    ["a var nobody defines", recipe(get("/e/${{ vars.nope }}")), ["undefined-reference"]],
    ["a var captured by a later step",
      recipe(`${get("/e/${{ vars.firstId }}")}\n${LIST}`), ["forward-reference"]],
    ["a step that runs later",
      recipe(`${get("/e/${{ steps.list.json.id }}")}\n${LIST}`), ["forward-reference"]],
    ["a step id nobody has", recipe(`${LIST}\n${get("/e/${{ steps.lsit.json.id }}")}`),
      ["undefined-reference"]],
    ["a part a step does not offer", recipe(`${LIST}\n${get("/e/${{ steps.list.body }}")}`),
      ["undefined-reference"]],
    ["a template that is never closed", recipe(get("/e/${{ vars.id")), ["template-syntax"]],
    ["code in a template", recipe(get("/e/${{ vars.a + 1 }}"), "  a: 1"), ["template-syntax"]],
  ];
  for (const [name, text, expected] of cases) {
    test(`${name}: ${expected.length === 0 ? "accepted" : expected.join(", ")}`, () => {
      assert.deepEqual(rulesOf(text), expected);
    });
  }

  test("names given by --var count as defined", () => {
    const text = recipe(get("/e/${{ vars.elementId }}"));
    assert.deepEqual(rulesOf(text, { extraVars: ["elementId"] }), []);
  });

  test("an undefined var suggests the nearest name and points at the template", () => {
    const result = loadRecipeText(recipe(get("/e/${{ vars.pageSiz }}"), "  pageSize: 5"), "r.yaml");
    assert.deepEqual(result.problems.map((p) => [p.line, p.column, p.path, p.message]), [[
      7, 39, "steps[0].request.path",
      "'${{ vars.pageSiz }}' reads 'pageSiz', which is not defined; did you mean 'pageSize'?",
    ]]);
  });
});

describe("step ids and bodies", () => {
  test("a duplicate step id points at the second and names the first's line", () => {
    const text = recipe(`${LIST}\n${LIST}`);
    const result = loadRecipeText(text, "r.yaml");
    assert.deepEqual(result.problems.map((p) => [p.rule, p.line, p.message]), [[
      "duplicate-step-id", 9,
      "Step id 'list' is already used by step 1 at line 5; give each step its own id",
    ]]);
  });

  test("json and body together are one problem at 'body'", () => {
    const text = recipe("  - request: { method: POST, path: /a, json: {}, body: x }");
    const result = loadRecipeText(text, "r.yaml");
    assert.deepEqual(result.problems.map((p) => [p.rule, p.path]), [
      ["json-and-body", "steps[0].request.body"],
    ]);
  });
});

const JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl";
const API_KEY = "api_42.Zm9vYmFyYmF6cXV4cXV1eA";

describe("literal secrets", () => {
  const request = (rest: string) =>
    recipe(`  - request: { method: POST, path: /api/v1/elements, ${rest} }`);
  const accept: [string, string][] = [
    ["Authorization from env", request('headers: { Authorization: "Bearer ${{ env.T }}" }')],
    ["Access-token from env", request('headers: { Access-token: "${{ env.CLOUD_TOKEN }}" }')],
    ["other headers", request("headers: { Accept-Language: en-US }")],
    ["a password from env", request('json: { password: "${{ env.PW }}" }')],
    ["an empty password", request('json: { password: "" }')],
    ["a tokenCount", request("json: { tokenCount: 3 }")],
  ];
  const reject: [string, string, string][] = [
    ["a literal Authorization",
      request("headers: { authorization: Basic dXNlcjpwdw== }"), "dXNlcjpwdw"],
    ["a literal Cookie", request("headers: { COOKIE: session=abc123 }"), "abc123"],
    ["a literal X-Api-Key", request("headers: { x-api-key: k-123456 }"), "k-123456"],
    ["a JWT in a path", recipe(get(`/e?t=${JWT}`)), JWT],
    ["an API key in a body", request(`body: "key=${API_KEY}"`), API_KEY],
    ["a nested JSON password", request("json: { user: { Password: pw-1 } }"), "pw-1"],
    ["a numeric apiKey", request("json: { api_key: 123456 }"), "123456"],
    ["a JWT in vars", recipe(get("/a"), `  t: ${JWT}`), JWT],
    ["a secret query key", request("query: { token: tok-123 }"), "tok-123"],
  ];
  secretTable(accept, reject);
});

describe("plain http", () => {
  const cases: [string, string[]][] = [
    ["http://idmp.example.test/api/v1/elements", ["insecure-url"]],
    ["https://idmp.example.test/api/v1/elements", []],
    ["http://127.0.0.1:6042/api/v1/elements", []],
    ["http://localhost/api", []],
    ["http://[::1]:80/api", []],
    ["http://${{ env.OTHER_HOST }}/api", []],
  ];
  for (const [path, expected] of cases) {
    test(`${path}: ${expected.length === 0 ? "no warning" : "a warning"}`, () => {
      const result = loadRecipeText(recipe(get(path)), "r.yaml");
      assert.deepEqual(result.problems.map((p) => p.rule), expected);
      assert.ok(result.problems.every((p) => p.severity === "warning"));
      assert.ok(result.recipe, "a warning does not block loading");
    });
  }
});

test("a forward reference names the later step by its id and line, not its number", () => {
  const text = recipe(`${get("/e/${{ vars.firstId }}")}\n${get("/e/${{ steps.list.status }}")}
${LIST}`);
  const messages = loadRecipeText(text, "case.yaml").problems.map((p) => p.message);

  assert.deepEqual(messages, [
    "'${{ vars.firstId }}' reads 'firstId', which step 'list' (line 7) captures later; " +
    "move that step before this one",
    "'${{ steps.list.status }}' reads step 'list' (line 7), which runs later; " +
    "a step can read only the steps before it",
  ]);
});

test("a bad JSONPath in paginate.rows or paginate.total fails at its character", () => {
  const text = recipe(`  - request: { method: GET, path: /api/v1/elements }
    paginate: { size: 5, rows: "$.data.rows[", total: "$.data..total]" }`);
  const problems = loadRecipeText(text, "case.yaml").problems;

  assert.deepEqual(problems.map((p) => [p.rule, p.path, p.line, p.column]), [
    ["bad-jsonpath", "steps[0].paginate.rows", 6, 44],
    ["bad-jsonpath", "steps[0].paginate.total", 6, 69],
  ]);
});

test("a forEach with text around its template asks for a list or one whole template", () => {
  const text = recipe(`  - forEach: "ids-\${{ vars.str }}"
    request: { method: GET, path: /a }`, "  str: a");
  const problems = loadRecipeText(text, "case.yaml").problems;

  assert.deepEqual(problems.map((p) => [p.rule, p.message]), [["bad-value",
    "'forEach' must be a list, or one whole ${{ }} template that gives a list, " +
    "got 'ids-${{ vars.str }}'"]]);
});
