import assert from "node:assert/strict";
import { test } from "node:test";
import { decodeJwt, decodeProtectedHeader } from "jose";
import { serveSandbox } from "../src/sandbox/serve.ts";
import {
  SANDBOX_API_KEY,
  SANDBOX_CLOUD_ACCESS_TOKEN,
  SANDBOX_CLOUD_BEARER,
  SANDBOX_USER,
} from "../src/sandbox/simulator.ts";
import { call, login, read, start } from "./sandbox-client.ts";

const LOGIN = "/api/v1/users/login";
const ELEMENTS = "/api/v1/elements";
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test("login answers an enveloped HS256 JWT for the sandbox user", async (t) => {
  const sim = await start(t);
  const token = await login(sim);

  const payload = decodeJwt(token);
  assert.equal(decodeProtectedHeader(token).alg, "HS256");
  assert.equal(payload.sub, SANDBOX_USER);
  assert.ok((payload.exp ?? 0) > Date.now() / 1000 + 6 * 86_400, "lives about 7 days");
  assert.deepEqual(sim.stats, { logins: 1, loginFailures: 0, requests: 1, maxInFlight: 1 });
});

test("login with a wrong password is 401 and counts as a failed attempt", async (t) => {
  const sim = await start(t);
  const answer = await call(sim, "POST", LOGIN, {
    json: { loginName: SANDBOX_USER, password: "sandbox-password\n" },
  });

  assert.equal(answer.status, 401);
  assert.equal(read(answer.json, "code"), 401);
  assert.equal(sim.stats.logins, 1);
  assert.equal(sim.stats.loginFailures, 1);
});

test("a call without, or with a forged, token is 401", async (t) => {
  const sim = await start(t);
  const missing = await call(sim, "GET", ELEMENTS);
  const forged = await call(sim, "GET", ELEMENTS, { token: "a.b.c" });

  assert.equal(missing.status, 401);
  assert.deepEqual(missing.json, { code: 401, message: "token missing" });
  assert.equal(forged.status, 401);
  assert.equal(read(forged.json, "message"), "token invalid");
});

test("a token is refused once its TTL in milliseconds has passed", async (t) => {
  const sim = await start(t, { tokenTtlMs: 300 });
  const token = await login(sim);
  assert.equal((await call(sim, "GET", ELEMENTS, { token })).status, 200);

  await sleep(500);
  const late = await call(sim, "GET", ELEMENTS, { token });
  assert.equal(late.status, 401);
  assert.deepEqual(late.json, { code: 401, message: "token expired" });
  assert.equal((await call(sim, "GET", ELEMENTS, { token: await login(sim) })).status, 200);
});

test("expireAllTokens() revokes issued tokens but not later logins", async (t) => {
  const sim = await start(t);
  const old = await login(sim);
  sim.expireAllTokens();

  assert.equal((await call(sim, "GET", ELEMENTS, { token: old })).status, 401);
  assert.equal((await call(sim, "GET", ELEMENTS, { token: await login(sim) })).status, 200);
});

test("the API key and the cloud pair are accepted without login", async (t) => {
  const sim = await start(t);
  const cloud = { "access-token": SANDBOX_CLOUD_ACCESS_TOKEN };
  const cases = [
    { token: SANDBOX_API_KEY, headers: {}, status: 200 },
    { token: "api_1001.wrong", headers: {}, status: 401 },
    { token: SANDBOX_CLOUD_BEARER, headers: cloud, status: 200 },
    { token: SANDBOX_CLOUD_BEARER, headers: {}, status: 401 },
    { token: `Bearer ${SANDBOX_API_KEY}`, headers: {}, status: 401 },
  ];

  for (const { token, headers, status } of cases) {
    const answer = await call(sim, "GET", ELEMENTS, { token, headers });
    assert.equal(answer.status, status, `${token} ${JSON.stringify(headers)}`);
  }
  assert.equal(sim.stats.logins, 0);
});

test("serveSandbox() prints the URL and the test credentials as env lines", async (t) => {
  const lines: string[] = [];
  const sim = await serveSandbox({ port: 0, log: (line) => lines.push(line) });
  t.after(() => sim.close());

  assert.ok(lines.includes(`IDMP_HOST=${sim.url}`));
  assert.ok(lines.includes("IDMP_USERNAME=sandbox"));
  assert.ok(lines.includes("IDMP_PASSWORD=sandbox-password"));
  assert.equal((await call(sim, "GET", ELEMENTS, { token: await login(sim) })).status, 200);
});
