import assert from "node:assert/strict";
import { test } from "node:test";
import { resolveCredentials } from "../src/auth/credentials.ts";
import { createSession } from "../src/auth/session.ts";
import { TokenStore } from "../src/auth/token-store.ts";
import { exchange } from "../src/run/exchange.ts";
import { runRecipes } from "../src/run/run.ts";
import { enterpriseEnv, recipe, simulator } from "./support/helpers.ts";
import { server } from "./support/servers.ts";

const MENUS = `
version: 1
name: menus
auth: { mode: enterprise }
steps:
  - request: { method: GET, path: /api/v1/permissions/menus }
`;

async function sessionFor(env: Record<string, string>, tokens = new TokenStore()) {
  const credentials = await resolveCredentials({ mode: "enterprise" }, env);
  const session = createSession(credentials, {
    tokens, timeoutMs: 5000, onSecret: () => {}, refreshMarginMs: 60_000, log: () => {} });
  return { credentials, session };
}

test("K02: 20 calls refused at once share one login and all replay", async (t) => {
  // Slow answers keep all 20 calls in flight together, even on a busy machine.
  const sim = await simulator(t, { latencyMs: 250 });
  const { credentials, session } = await sessionFor(enterpriseEnv(sim));
  await session.start();
  sim.failNext(20, { status: 401 });

  const request = { method: "GET", url: `${sim.url}/api/v1/elements`, headers: {},
    timeoutMs: 5000 };
  const sent = await Promise.all(Array.from({ length: 20 },
    () => exchange(request, credentials.host, session)));

  assert.equal(sim.stats.logins, 2, "the first login and exactly one renewal");
  assert.ok(sim.stats.maxInFlight >= 20, `only ${sim.stats.maxInFlight} were in flight`);
  assert.deepEqual(new Set(sent.map((s) => s.response.status)), new Set([200]));
  assert.ok(sent.every((s) => s.tokenRefreshed));
});

test("K04: a token that expires mid-run is renewed once, ahead of the next call", async (t) => {
  const sim = await simulator(t, { tokenTtlMs: 2000 });
  const slow = await server(t, (_seen, response) => {
    setTimeout(() => response.end("{}"), 3000);
  });
  const steps = recipe(`
version: 1
name: slow middle
auth: { mode: enterprise }
steps:
  - request: { method: GET, path: /api/v1/permissions/menus }
  - request: { method: GET, path: "${slow.url}/slow" }
  - request: { method: GET, path: /api/v1/permissions/menus }
`);

  const run = await runRecipes([steps], { env: enterpriseEnv(sim) });

  const [, middle, last] = run.recipes[0]?.steps ?? [];
  assert.equal(run.exitCode, 0);
  assert.equal(sim.stats.logins, 2);
  assert.equal(last?.tokenRefreshed, true);
  assert.equal(last?.attempts.length, 1, "renewed before sending, so no 401 was met");
  assert.equal(slow.seen[0]?.headers.authorization, undefined, "another origin: no token");
  assert.ok((middle?.durationMs ?? 0) >= 2900);
  assert.doesNotMatch(JSON.stringify(run), /eyJ/);
});

test("several recipes against one host and user log in once", async (t) => {
  const sim = await simulator(t);

  const run = await runRecipes([recipe(MENUS), recipe(MENUS), recipe(MENUS)],
    { env: enterpriseEnv(sim) });

  assert.equal(run.exitCode, 0);
  assert.equal(sim.stats.logins, 1);
});

test("a token stored in BEARER_TOKEN is used before logging in", async (t) => {
  const sim = await simulator(t);
  const login = await fetch(`${sim.url}/api/v1/users/login`, { method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ loginName: "sandbox", password: "sandbox-password" }) });
  const { data } = await login.json() as { data: { token: string } };

  const run = await runRecipes([recipe(MENUS)], { env: {
    ...enterpriseEnv(sim), BEARER_TOKEN: `Bearer ${data.token}\n` } });

  assert.equal(run.exitCode, 0);
  assert.equal(sim.stats.logins, 1, "only the test's own login");
  assert.equal(sim.requests.at(-1)?.headers.authorization, `Bearer ${data.token}`);
});

test("a stored token the server refuses falls back to one login", async (t) => {
  const sim = await simulator(t);

  const run = await runRecipes([recipe(MENUS)], { env: {
    ...enterpriseEnv(sim), BEARER_TOKEN: "stale-stored-token" } });

  const step = run.recipes[0]?.steps[0];
  assert.equal(run.exitCode, 0);
  assert.equal(sim.stats.logins, 1);
  assert.equal(step?.tokenRefreshed, true);
  assert.deepEqual(step?.attempts.map((a) => a.status), [401, 200]);
});

test("refreshMargin 0 leaves an expired token to the 401 and one replay", async (t) => {
  const sim = await simulator(t, { tokenTtlMs: 1000 });
  const tokens = new TokenStore();
  const noMargin = recipe(MENUS.replace("{ mode: enterprise }",
    "{ mode: enterprise, refreshMargin: 0 }"));

  await runRecipes([noMargin], { env: enterpriseEnv(sim), tokens });
  await new Promise((resolve) => setTimeout(resolve, 1200));
  const run = await runRecipes([noMargin], { env: enterpriseEnv(sim), tokens });

  assert.deepEqual(run.recipes[0]?.steps[0]?.attempts.map((a) => a.status), [401, 200]);
  assert.equal(sim.stats.logins, 2);
});
