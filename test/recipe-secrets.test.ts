/**
 * Literal secrets under more names (Proxy-Authorization, pwd, passphrase,
 * access tokens, client secrets), and credential headers that the auth
 * mode would overwrite.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { loadRecipeText } from "../src/recipe/load.ts";
import { secretTable } from "./support/secret-table.ts";

/** A recipe in `mode` with one POST step whose request adds `rest`. */
function request(rest: string, mode = "none", path = "/api/v1/elements"): string {
  return `version: 1
name: Secrets
auth: { mode: ${mode} }
steps:
  - request: { method: POST, path: "${path}", ${rest} }
`;
}

function rulesOf(text: string): string[] {
  return loadRecipeText(text, "case.yaml").problems.map((p) => p.rule);
}

describe("literal secrets under more names", () => {
  const accept: [string, string][] = [
    ["Proxy-Authorization from env",
      request('headers: { Proxy-Authorization: "Basic ${{ env.P }}" }')],
    ["a pwd from env", request('json: { pwd: "${{ env.PW }}" }')],
    ["a pwdLength", request("json: { pwdLength: 12 }")],
    ["an accessTokenTtl", request("json: { accessTokenTtl: 3600 }")],
    ["a clientSecretName", request("json: { clientSecretName: prod }")],
    ["a passphraseHint", request("json: { passphraseHint: the usual }")],
    ["a tokenType query", request("query: { tokenType: bearer }")],
  ];
  const reject: [string, string, string][] = [
    ["a literal Proxy-Authorization",
      request("headers: { proxy-authorization: Basic cHg6cHc= }"), "cHg6cHc"],
    ["a pwd", request("json: { pwd: pw-0451 }"), "pw-0451"],
    ["a passwd", request("json: { user: { PASSWD: pw-0452 } }"), "pw-0452"],
    ["a passphrase", request("json: { passphrase: open sesame }"), "open sesame"],
    ["an accessToken", request("json: { accessToken: at-0453 }"), "at-0453"],
    ["an access_token query", request("query: { access_token: at-0454 }"), "at-0454"],
    ["a clientSecret", request("json: { client-secret: cs-0455 }"), "cs-0455"],
  ];
  secretTable(accept, reject);
});

describe("credential headers the runner would overwrite", () => {
  const fromEnv = 'headers: { Authorization: "Bearer ${{ env.T }}" }';
  const cases: [string, string, string[]][] = [
    ["Authorization in enterprise mode", request(fromEnv, "enterprise"), ["credential-header"]],
    ["authorization in apiKey mode", request(
      'headers: { authorization: "${{ env.K }}" }', "apiKey"), ["credential-header"]],
    ["Authorization and Access-token in cloud mode", request(
      'headers: { AUTHORIZATION: "${{ env.B }}", access-token: "${{ env.C }}" }', "cloud"),
      ["credential-header", "credential-header"]],
    ["Access-token in enterprise mode (not the mode's header)",
      request('headers: { Access-token: "${{ env.C }}" }', "enterprise"), []],
    ["Authorization from env in mode none", request(fromEnv, "none"), []],
    ["Authorization on an absolute URL, which may be another origin",
      request(fromEnv, "enterprise", "https://partner.example.test/x"), []],
    ["Authorization on a templated URL",
      request(fromEnv, "cloud", "${{ env.PARTNER_URL }}/x"), []],
  ];
  for (const [name, text, expected] of cases) {
    test(`${name}: ${expected.length === 0 ? "accepted" : expected.join(", ")}`, () => {
      assert.deepEqual(rulesOf(text), expected);
    });
  }

  test("names the header, the mode and the way out, at the header's key", () => {
    const text = request(fromEnv, "cloud");
    const column = (text.split("\n")[4] ?? "").indexOf("Authorization") + 1;
    const result = loadRecipeText(text, "r.yaml");
    assert.deepEqual(result.problems.map((p) => [p.line, p.column, p.path, p.message]), [[
      5, column, "steps[0].request.headers.Authorization",
      "The runner sets 'Authorization' from auth.env in mode 'cloud'; remove this header " +
        "(or use auth.mode none and pass it yourself with ${{ env.NAME }})",
    ]]);
  });

  test("a literal credential header is one problem, never echoed", () => {
    const text = request("headers: { Authorization: Bearer lit-0456 }", "enterprise");
    const result = loadRecipeText(text, "r.yaml");
    assert.deepEqual(result.problems.map((p) => p.rule), ["credential-header"]);
    assert.ok(!JSON.stringify(result.problems).includes("lit-0456"));
  });
});
