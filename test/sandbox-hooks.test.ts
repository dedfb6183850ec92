import assert from "node:assert/strict";
import { test } from "node:test";
import { call, login, start } from "./sandbox-client.ts";

const LOGIN = "/api/v1/users/login";
const ELEMENTS = "/api/v1/elements";

test("failNext() scripts the next calls, leaving login alone", async (t) => {
  const sim = await start(t);
  sim.failNext(2, { status: 503, headers: { "Retry-After": "2" } });

  const token = await login(sim);
  const first = await call(sim, "GET", ELEMENTS, { token });
  const second = await call(sim, "GET", `${ELEMENTS}/1`, { token });
  const third = await call(sim, "GET", ELEMENTS, { token });

  assert.equal(first.status, 503);
  assert.equal(first.headers.get("retry-after"), "2");
  assert.deepEqual(first.json, { code: 503, message: "Scripted failure 503" });
  assert.equal(second.status, 503);
  assert.equal(third.status, 200);
});

test("failNext() with paths hits only matching calls, login included", async (t) => {
  const sim = await start(t);
  const expired = { code: 401, message: "token expired" };
  sim.failNext(1, { status: 401, paths: /\/events/, body: expired });
  sim.failNext(1, { status: 502, paths: /\/login$/, body: "<html>Bad gateway</html>" });

  const refused = await call(sim, "POST", LOGIN, { json: {} });
  assert.equal(refused.status, 502);
  assert.equal(refused.text, "<html>Bad gateway</html>");

  const token = await login(sim);
  assert.equal((await call(sim, "GET", ELEMENTS, { token })).status, 200);
  assert.equal((await call(sim, "GET", "/api/v1/events", { token })).status, 401);
  assert.equal((await call(sim, "GET", "/api/v1/events", { token })).status, 200);
});

test("requests are logged with lowercased headers and body text", async (t) => {
  const sim = await start(t);
  const headers = { "X-Trace": "t1" };
  await call(sim, "PUT", `${ELEMENTS}/7?x=1`, { json: { name: "n" }, headers });

  const [logged] = sim.requests;
  assert.equal(logged?.method, "PUT");
  assert.equal(logged?.path, `${ELEMENTS}/7`);
  assert.equal(logged?.query.get("x"), "1");
  assert.equal(logged?.headers["x-trace"], "t1");
  assert.equal(logged?.body, '{"name":"n"}');

  sim.reset();
  assert.deepEqual(sim.stats, { logins: 0, loginFailures: 0, requests: 0, maxInFlight: 0 });
  assert.equal(sim.requests.length, 0);
});

test("stats.maxInFlight counts overlapping calls", async (t) => {
  const sim = await start(t, { latencyMs: 150 });
  const token = await login(sim);
  await Promise.all(Array.from({ length: 5 }, () => call(sim, "GET", ELEMENTS, { token })));

  assert.equal(sim.stats.maxInFlight, 5);
  assert.equal(sim.stats.requests, 6);
});

test("close() ends keep-alive connections promptly", async (t) => {
  const sim = await start(t);
  await call(sim, "GET", ELEMENTS);

  const started = Date.now();
  await sim.close();
  assert.ok(Date.now() - started < 1000);
  await assert.rejects(fetch(sim.url + ELEMENTS));
});
