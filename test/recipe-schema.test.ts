/**
 * The recipe schema under ajv strict mode, and schema errors turned into
 * one message per mistake.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { loadRecipeText } from "../src/recipe/load.ts";
import { recipeSchema, recipeValidator } from "../src/recipe/schema.ts";
import { suggest } from "../src/recipe/suggest.ts";

/** A recipe whose auth and first step are replaced by the given YAML. */
function recipeWith(auth: string, request: string, extra = ""): string {
  return `version: 1
name: Messages
auth: ${auth}
steps:
  - request: ${request}
${extra}`;
}

const GET = "{ method: GET, path: /a }";

function messagesOf(text: string): string[] {
  return loadRecipeText(text, "case.yaml").problems.map((p) => `${p.rule}: ${p.message}`);
}

describe("the recipe schema", () => {
  test("compiles once under ajv strict mode", () => {
    assert.equal(recipeValidator(), recipeValidator());
    assert.equal(recipeSchema["title"], "idmp-recipe recipe, version 1");
  });
});

describe("schema errors, one message per mistake", () => {
  const cases: [string, string, string[]][] = [
    ["wrong type", recipeWith("{ mode: none }", "{ method: GET, path: /a, timeout: '5' }"), [
      "wrong-type: 'timeout' must be an integer, got a string",
    ]],
    ["enum with a suggestion", recipeWith("{ mode: none }", "{ method: get, path: /a }"), [
      "bad-value: 'method' must be one of GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS, " +
      "got 'get'; did you mean 'GET'?",
    ]],
    ["mode misspelt", recipeWith("{ mode: clod }", GET), [
      "bad-value: 'mode' must be one of enterprise, cloud, apiKey, none, got 'clod'; " +
      "did you mean 'cloud'?",
    ]],
    ["mode missing", recipeWith("{ env: { host: H } }", GET), [
      "missing-key: Missing required key 'mode'; set it to one of enterprise, cloud, apiKey, none",
    ]],
    ["an env key of another mode", recipeWith("{ mode: none, env: { username: U } }", GET), [
      "unknown-key: Unknown key 'username' in auth.env for mode 'none'; use one of host",
    ]],
    ["status neither integer nor list",
      recipeWith("{ mode: none }", GET, "    expect: { status: ok }"), [
      "wrong-type: 'status' must be an integer or a list, got a string",
    ]],
    ["status list with a bad item",
      recipeWith("{ mode: none }", GET, "    expect: { status: [200, 99] }"), [
      "bad-value: 'status[1]' must be at least 100, got 99",
    ]],
    ["a matcher that is not a number", recipeWith("{ mode: none }", GET,
      "    expect: { json: { $.total: { gte: many } } }"), [
      "bad-value: 'gte' must be a number or a ${{ }} template",
    ]],
    ["an unknown matcher", recipeWith("{ mode: none }", GET,
      "    expect: { json: { $.total: { gtee: 1 } } }"), [
      "unknown-key: Unknown key 'gtee'; did you mean 'gte'?",
    ]],
    ["a check key that is no JSONPath", recipeWith("{ mode: none }", GET,
      "    expect: { json: { total: 1 } }"), [
      "bad-value: Key 'total' in 'json' must be a JSONPath starting with '$'",
    ]],
    ["a query value that is a mapping",
      recipeWith("{ mode: none }", "{ method: GET, path: /a, query: { q: { a: 1 } } }"), [
      "wrong-type: 'q' must be a string, a number, true or false, null or a list, got a mapping",
    ]],
    ["an empty name", recipeWith("{ mode: none }", GET).replace("name: Messages", "name: ''"), [
      "bad-value: 'name' must not be empty",
    ]],
    ["a step that is text",
      recipeWith("{ mode: none }", GET).replace(`  - request: ${GET}`, "  - GET /a"), [
      "wrong-type: 'steps[0]' must be a mapping, got a string",
    ]],
  ];

  for (const [name, text, expected] of cases) {
    test(`${name}: ${expected[0] ?? ""}`, () => {
      assert.deepEqual(messagesOf(text), expected);
    });
  }
});

describe("auth.env holds names, never values", () => {
  const accept = ["IDMP_PASSWORD", "my_password_var", "_X1"];
  const reject = ["hunter 2", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln", "pw-1", "1PASSWORD"];

  for (const name of accept) {
    test(`accepts the variable name '${name}'`, () => {
      const auth = `{ mode: enterprise, env: { password: ${name} } }`;
      assert.deepEqual(messagesOf(recipeWith(auth, GET)), []);
    });
  }
  for (const value of reject) {
    test(`rejects '${value.slice(0, 12)}' as literal-secret without echoing it`, () => {
      const text = recipeWith(`{ mode: enterprise, env: { password: "${value}" } }`, GET);
      const messages = messagesOf(text);
      assert.deepEqual(messages, [
        "literal-secret: 'auth.env.password' must name an environment variable, " +
        "not hold its value; write a name such as IDMP_PASSWORD",
      ]);
      assert.ok(!messages.join("\n").includes(value));
    });
  }

  test("a URL in auth.env.host is a bad value, not a secret", () => {
    const messages = messagesOf(recipeWith("{ mode: none, env: { host: 'https://h' } }", GET));
    assert.equal(messages.length, 1);
    assert.match(messages[0] ?? "", /^bad-value: 'auth\.env\.host' must name an environment/);
  });
});

describe("suggest()", () => {
  const cases: [string, string[], string | undefined][] = [
    ["expext", ["id", "expect", "request"], "expect"],
    ["step", ["version", "steps"], "steps"],
    ["bearertoken", ["host", "bearerToken", "accessToken"], "bearerToken"],
    ["retries", ["id", "name", "request", "expect"], undefined],
    ["qury", ["query", "headers"], "query"],
  ];
  for (const [word, candidates, expected] of cases) {
    test(`suggest('${word}') is ${expected === undefined ? "nothing" : `'${expected}'`}`, () => {
      assert.equal(suggest(word, candidates), expected);
    });
  }
});
