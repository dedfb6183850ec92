import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { test } from "node:test";
import { renderError } from "../src/cli/main.ts";
import { Redactor } from "../src/report/redact.ts";
import { cli, scratchDir } from "./support/helpers.ts";
import { closedPort, echoServer } from "./support/servers.ts";

const CANARY = {
  password: 'pw-canary-"K16\\x',
  token: "tok-canary-K16-0123456789abcdef0123456789abcdef",
  apiKey: "api_42.key-canary-K16-secret",
  access: "acc-canary-K16-9876543210",
  bearer: "bear-canary-K16-5555555555",
  partner: "partner-canary-K16",
};

const scratch = scratchDir;

const recipeFor = (mode: string) => `version: 1
name: canary ${mode}
auth: { mode: ${mode} }
steps:
  - id: ok
    request: { method: GET, path: /api/v1/ok }
    capture: { id: $.data.id }
  - request:
      method: POST
      path: "/api/v1/fail/\${{ env.PARTNER_KEY }}"
      query: { apiKey: "\${{ env.PARTNER_KEY }}", id: "\${{ vars.id }}" }
      headers: { X-Partner-Key: "\${{ env.PARTNER_KEY }}" }
      json: { password: "\${{ env.PARTNER_KEY }}", note: "\${{ env.PARTNER_KEY }}" }
`;

for (const mode of ["enterprise", "cloud", "apiKey"]) {
  test(`K16: no ${mode} canary in stdout, stderr or any report, verbose`, async (t) => {
    const site = await echoServer(t, CANARY.token);
    const dir = await scratch(t);
    await writeFile(join(dir, "r.yaml"), recipeFor(mode));
    const env = {
      IDMP_HOST: site.url, CLOUD_HOST: site.url, IDMP_USERNAME: "user1",
      IDMP_PASSWORD: CANARY.password, IDMP_API_KEY: CANARY.apiKey,
      BEARER_TOKEN: CANARY.bearer, CLOUD_TOKEN: CANARY.access, PARTNER_KEY: CANARY.partner,
    };

    const runs = await Promise.all(["text", "json"].map((reporter) => cli(["run",
      join(dir, "r.yaml"), "--verbose", "-r", reporter, "-o", join(dir, `out.${reporter}`)], env)));

    const outputs = await Promise.all(["text", "json"].map((r) => readFile(join(dir, `out.${r}`),
      "utf8")));
    const everything = runs.map((run) => run.stdout + run.stderr).join("") + outputs.join("");
    assert.deepEqual(runs.map((run) => run.code), [1, 1]);
    for (const [name, canary] of Object.entries(CANARY)) {
      for (const form of [canary, JSON.stringify(canary).slice(1, -1), canary.slice(0, 12)]) {
        assert.ok(!everything.includes(form), `${name} leaked as ${form}`);
      }
    }
    assert.match(everything, /authorization: Bearer \*\*\*/);
    assert.match(everything, /x-partner-key: \*\*\*/);
    if (mode === "enterprise") assert.match(everything, /"password":"\*\*\*"/);
    assert.match(everything, /\/api\/v1\/fail\/\*\*\*\?apiKey=\*\*\*&id=7/, "other values stay");
  });
}

test("K17: a token the server echoes is masked, a captured id is not", async (t) => {
  const site = await echoServer(t, CANARY.token);
  const dir = await scratch(t);
  await writeFile(join(dir, "r.yaml"), `version: 1
name: echo
auth: { mode: enterprise }
steps:
  - id: ok
    request: { method: GET, path: /api/v1/ok }
    capture: { elementId: $.data.id }
  - request: { method: GET, path: "/api/v1/bad/\${{ vars.elementId }}" }
`);

  const run = await cli(["run", join(dir, "r.yaml")], {
    IDMP_HOST: site.url, IDMP_USERNAME: "user1", IDMP_PASSWORD: "pw-K17-canary" });

  assert.equal(run.code, 1);
  assert.ok(!run.stdout.includes(CANARY.token.slice(0, 12)));
  assert.match(run.stdout, /Bearer \*\*\*/);
  assert.match(run.stdout, /GET {4}\/api\/v1\/bad\/7 {2}400/);
});

test("K18: a refused connection names method and URL, with secret query values masked", async (t) => {
  const dir = await scratch(t);
  await writeFile(join(dir, "r.yaml"), `version: 1
name: refused
auth: { mode: apiKey }
steps:
  - request: { method: GET, path: /api/v1/x, query: { apiKey: "\${{ env.IDMP_API_KEY }}" } }
    retry: { attempts: 1 }
`);

  const port = await closedPort();

  const run = await cli(["run", join(dir, "r.yaml"), "--verbose"], {
    IDMP_HOST: `http://127.0.0.1:${port}`, IDMP_API_KEY: CANARY.apiKey });

  assert.equal(run.code, 4);
  assert.ok(run.stdout.includes(
    `GET http://127.0.0.1:${port}/api/v1/x?apiKey=*** failed: connection refused`));
  assert.ok(!(run.stdout + run.stderr).includes("key-canary"));
});

test("K18: a crash in verbose mode prints a stack with every known secret masked", () => {
  const redactor = new Redactor();
  redactor.add(CANARY.token);
  const crash = new Error(`unexpected answer carrying ${CANARY.token}`);

  const text = redactor.redact(renderError(crash, true, false));

  assert.match(text, /^internal error: Error: unexpected answer carrying \*\*\*\n\s+at /);
  assert.ok(!text.includes("tok-canary"));
});
