import assert from "node:assert/strict";
import { test } from "node:test";
import { TokenStore } from "../src/auth/token-store.ts";
import { runRecipes } from "../src/run/run.ts";
import { enterpriseEnv, recipe, simulator } from "./support/helpers.ts";

const AUTH = "auth: { mode: enterprise }";

const LIST_AND_READ = recipe(`
version: 1
name: list and read
${AUTH}
steps:
  - id: list
    request: { method: GET, path: /api/v1/elements, query: { current: 1, size: 5 } }
    capture: { firstId: "$.data.rows[0].id" }
  - request: { method: GET, path: "/api/v1/elements/\${{ vars.firstId }}" }
    expect:
      json:
        $.data.id: 1234567890123456789
`);

test("runRecipes() logs in once and passes a list-then-read recipe", async (t) => {
  const sim = await simulator(t);

  const run = await runRecipes([LIST_AND_READ], { env: enterpriseEnv(sim) });

  assert.equal(run.exitCode, 0);
  assert.deepEqual(run.recipes[0]?.steps.map((s) => s.status), ["passed", "passed"]);
  assert.equal(sim.stats.logins, 1);
});

test("an ID beyond 2^53 keeps every digit from capture to URL and check", async (t) => {
  const sim = await simulator(t);

  const run = await runRecipes([LIST_AND_READ], { env: enterpriseEnv(sim) });

  const read = sim.requests.find((r) => r.path.startsWith("/api/v1/elements/"));
  assert.equal(read?.path, "/api/v1/elements/1234567890123456789");
  assert.equal(run.recipes[0]?.steps[1]?.url, `${sim.url}/api/v1/elements/1234567890123456789`);
  assert.equal(run.exitCode, 0);
});

test("a token expired between two steps is renewed once and the request replayed", async (t) => {
  const sim = await simulator(t);
  const create = recipe(`
version: 1
name: create after expiry
${AUTH}
steps:
  - request: { method: GET, path: /api/v1/elements }
  - request:
      method: POST
      path: /api/v1/elements
      json: { name: "pump 7", parentId: 1234567890123456789 }
`);

  const run = await runRecipes([create], {
    env: enterpriseEnv(sim),
    onStep: (step) => (step.index === 0 ? sim.expireAllTokens() : undefined),
  });

  const posts = sim.requests.filter((r) => r.method === "POST" && r.path === "/api/v1/elements");
  assert.equal(run.exitCode, 0);
  assert.equal(sim.stats.logins, 2);
  assert.equal(posts.length, 2);
  assert.equal(posts[0]?.body, '{"name":"pump 7","parentId":1234567890123456789}');
  assert.equal(posts[1]?.body, posts[0]?.body);
  assert.equal(run.recipes[0]?.steps[1]?.tokenRefreshed, true);
  assert.deepEqual(run.recipes[0]?.steps[1]?.attempts.map((a) => a.status), [401, 200]);
});

test("a token past its lifetime is renewed in a later recipe of the same run", async (t) => {
  const sim = await simulator(t, { tokenTtlMs: 300 });
  const tokens = new TokenStore();
  const read = recipe(`
version: 1
name: read
${AUTH}
steps:
  - request: { method: GET, path: /api/v1/permissions/menus }
`);

  const first = await runRecipes([read], { env: enterpriseEnv(sim), tokens });
  await new Promise((resolve) => setTimeout(resolve, 500));
  const second = await runRecipes([read], { env: enterpriseEnv(sim), tokens });

  assert.equal(first.exitCode, 0);
  assert.equal(second.exitCode, 0);
  assert.equal(second.recipes[0]?.steps[0]?.tokenRefreshed, true);
  assert.equal(sim.stats.logins, 2);
});

test("K01: a 401 that a new token cannot cure fails with exit 3 after one re-login", async (t) => {
  const sim = await simulator(t);
  const read = recipe(`
version: 1
name: refused
${AUTH}
steps:
  - request: { method: GET, path: /api/v1/elements }
  - request: { method: GET, path: /api/v1/events }
`);
  sim.failNext(1000, { status: 401 });

  const run = await runRecipes([read], { env: enterpriseEnv(sim) });

  const [first, second] = run.recipes[0]?.steps ?? [];
  assert.equal(run.exitCode, 3);
  assert.equal(sim.stats.logins, 2);
  assert.equal(first?.attempts.length, 2);
  assert.match(first?.failures[0]?.message ?? "", /refused fresh credentials/);
  assert.equal(second?.status, "skipped");
});

test("K03: a refused login is tried once and no API step is sent", async (t) => {
  const sim = await simulator(t);
  const run = await runRecipes([LIST_AND_READ], { env: enterpriseEnv(sim, "wrong-password") });

  const result = run.recipes[0];
  assert.equal(run.exitCode, 3);
  assert.equal(sim.stats.loginFailures, 1);
  assert.equal(sim.requests.filter((r) => !r.path.endsWith("/users/login")).length, 0);
  assert.deepEqual(result?.steps.map((s) => s.status), ["skipped", "skipped"]);
  assert.match(result?.error?.hint ?? "", /IDMP_USERNAME and IDMP_PASSWORD/);
  assert.doesNotMatch(JSON.stringify(run), /wrong-password/);
});

for (const [label, env] of [
  ["not set", (url: string) => ({ IDMP_HOST: url, IDMP_USERNAME: "sandbox" })],
  ["empty", (url: string) => ({ IDMP_HOST: url, IDMP_USERNAME: "sandbox", IDMP_PASSWORD: "" })],
  ["not set, nor the host", () => ({ IDMP_USERNAME: "sandbox" })],
] as const) {
  test(`K05: a password ${label} stops the recipe before any request, exit 3`, async (t) => {
    const sim = await simulator(t);

    const run = await runRecipes([LIST_AND_READ], { env: env(sim.url) });

    const message = run.recipes[0]?.error?.message ?? "";
    assert.equal(run.exitCode, 3);
    assert.equal(sim.stats.requests, 0);
    assert.match(message, /IDMP_PASSWORD \(auth\.env\.password\) is (not set|empty)/);
    if (label.includes("host")) assert.match(message, /IDMP_HOST \(auth\.env\.host\) is not set/);
  });
}

test("a failed step stops its recipe unless it says continueOnError", async (t) => {
  const sim = await simulator(t);
  const steps = recipe(`
version: 1
name: stop and go on
${AUTH}
steps:
  - request: { method: GET, path: /api/v1/elements/42 }
    expect: { status: 200 }
    continueOnError: true
  - request: { method: GET, path: /api/v1/elements/43 }
  - request: { method: GET, path: /api/v1/elements }
`);

  const run = await runRecipes([steps], { env: enterpriseEnv(sim) });

  assert.deepEqual(run.recipes[0]?.steps.map((s) => s.status), ["failed", "failed", "skipped"]);
  assert.equal(run.exitCode, 1);
});

test("a non-zero envelope code under HTTP 200 fails the step and shows the message", async (t) => {
  const sim = await simulator(t);
  sim.failNext(1, { status: 200, body: { code: 5001, message: "element locked" } });
  const one = recipe(`
version: 1
name: envelope
${AUTH}
steps:
  - request: { method: GET, path: /api/v1/elements }
`);

  const run = await runRecipes([one], { env: enterpriseEnv(sim) });

  const failure = run.recipes[0]?.steps[0]?.failures[0];
  assert.equal(run.exitCode, 1);
  assert.match(failure?.message ?? "", /element locked/);
});

test("a step that expects 401 gets it as an answer, with no renewal", async (t) => {
  const sim = await simulator(t);
  const probe = recipe(`
version: 1
name: a call the server refuses on purpose
${AUTH}
steps:
  - request: { method: GET, path: /api/v1/elements }
  - request: { method: GET, path: /api/v1/events }
    expect: { status: 401 }
`);
  sim.failNext(1, { status: 401, paths: /\/api\/v1\/events$/ });

  const run = await runRecipes([probe], { env: enterpriseEnv(sim) });

  assert.equal(run.exitCode, 0);
  assert.equal(sim.stats.logins, 1);
  assert.equal(run.recipes[0]?.steps[1]?.attempts.length, 1);
});
