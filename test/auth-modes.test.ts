import assert from "node:assert/strict";
import { test } from "node:test";
import { runRecipes } from "../src/run/run.ts";
import { recipe, simulator } from "./support/helpers.ts";
import { json, server } from "./support/servers.ts";

const read = (auth: string) => recipe(`
version: 1
name: read menus
auth: ${auth}
steps:
  - request: { method: GET, path: /api/v1/permissions/menus }
  - request: { method: GET, path: /api/v1/uomclasses }
`);

test("cloud mode sends both tokens on every call, without logging in", async (t) => {
  const sim = await simulator(t);

  const run = await runRecipes([read("{ mode: cloud }")], { env: {
    CLOUD_HOST: sim.url,
    BEARER_TOKEN: "bearer sandbox-cloud-bearer\n",
    CLOUD_TOKEN: "  sandbox-cloud-access-token ",
  } });

  const calls = sim.requests;
  assert.equal(run.exitCode, 0);
  assert.equal(sim.stats.logins, 0);
  assert.equal(calls.length, 2);
  for (const call of calls) {
    assert.equal(call.headers.authorization, "Bearer sandbox-cloud-bearer");
    assert.equal(call.headers["access-token"], "sandbox-cloud-access-token");
  }
});

test("cloud mode reads renamed variables and CLOUD_HOST", async (t) => {
  const sim = await simulator(t);
  const renamed = read(`{ mode: cloud, env: { host: H, bearerToken: B, accessToken: A } }`);

  const run = await runRecipes([renamed], { env: {
    H: sim.url, B: "sandbox-cloud-bearer", A: "sandbox-cloud-access-token" } });

  assert.equal(run.exitCode, 0);
});

test("a cloud 401 stops the recipe with exit 3 and says how to get fresh tokens", async (t) => {
  const sim = await simulator(t);

  const run = await runRecipes([read("{ mode: cloud }")], { env: {
    CLOUD_HOST: sim.url, BEARER_TOKEN: "expired-bearer", CLOUD_TOKEN: "expired-access" } });

  const [first, second] = run.recipes[0]?.steps ?? [];
  assert.equal(run.exitCode, 3);
  assert.equal(sim.requests.length, 1, "no retry, no login");
  assert.match(first?.failures[0]?.message ?? "", /cloud service refused the tokens/);
  assert.match(first?.failures[0]?.hint ?? "", /developer tools.*BEARER_TOKEN and CLOUD_TOKEN/);
  assert.equal(second?.status, "skipped");
});

test("apiKey mode sends the key as a bearer token", async (t) => {
  const sim = await simulator(t);

  const run = await runRecipes([read("{ mode: apiKey }")], { env: {
    IDMP_HOST: sim.url, IDMP_API_KEY: "Bearer api_1001.sandbox-secret" } });

  assert.equal(run.exitCode, 0);
  assert.equal(sim.requests[0]?.headers.authorization, "Bearer api_1001.sandbox-secret");
  assert.deepEqual(run.recipes[0]?.warnings, []);
});

test("an API key of the wrong shape warns without printing it, and a 401 exits 3", async (t) => {
  const sim = await simulator(t);

  const run = await runRecipes([read("{ mode: apiKey }")], { env: {
    IDMP_HOST: sim.url, IDMP_API_KEY: "canary-key-7a1b" } });

  const result = run.recipes[0];
  assert.equal(run.exitCode, 3);
  assert.deepEqual(result?.warnings, [
    "IDMP_API_KEY does not look like an IDMP API key (api_<key id>.<secret>)"]);
  assert.match(result?.steps[0]?.failures[0]?.hint ?? "", /expiry.*Personal Settings/);
  assert.doesNotMatch(JSON.stringify(run), /canary-key-7a1b/);
});

test("mode none sends no credentials", async (t) => {
  const site = await server(t, (_seen, response) => json(response, 200, { code: 0 }));

  const run = await runRecipes([read("{ mode: none }")], { env: {
    IDMP_HOST: site.url, IDMP_PASSWORD: "unused", BEARER_TOKEN: "unused" } });

  assert.equal(run.exitCode, 0);
  assert.equal(site.seen[0]?.headers.authorization, undefined);
});

test("K07: 'Bearer ' pasted twice never reaches the wire as 'Bearer Bearer'", async (t) => {
  const site = await server(t, (seen, response) => {
    if (seen.url.endsWith("/users/login")) json(response, 200, { token: "Bearer jwt-1" });
    else json(response, 200, { code: 0, data: [] });
  });

  const enterprise = await runRecipes([read("{ mode: enterprise }")], { env: {
    IDMP_HOST: site.url, IDMP_USERNAME: "user1", IDMP_PASSWORD: "pw-1" } });
  const cloud = await runRecipes([read("{ mode: cloud }")], { env: {
    CLOUD_HOST: site.url, BEARER_TOKEN: "Bearer tok-1", CLOUD_TOKEN: "BEARER acc-1" } });

  const wire = site.seen.filter((seen) => !seen.url.endsWith("/login"));
  assert.equal(enterprise.exitCode + cloud.exitCode, 0);
  assert.deepEqual(wire.map((seen) => seen.headers.authorization),
    ["Bearer jwt-1", "Bearer jwt-1", "Bearer tok-1", "Bearer tok-1"]);
  assert.equal(wire[2]?.headers["access-token"], "acc-1");
});
