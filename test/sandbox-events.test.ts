import assert from "node:assert/strict";
import { test } from "node:test";
import type { JsonValue } from "../src/json.ts";
import { call, login, read, rows, start } from "./sandbox-client.ts";

const EVENTS = "/api/v1/events";
const HOUR = 3_600_000;
const startTimes = (list: JsonValue[]) => list.map((row) => Number(read(row, "startTime")));

test("events of the last 48 hours are seeded, newest first", async (t) => {
  const sim = await start(t, { eventCount: 30 });
  const token = await login(sim);
  const all = rows(await call(sim, "GET", `${EVENTS}?size=100`, { token }));

  const times = startTimes(all);
  assert.equal(all.length, 30);
  assert.deepEqual(times, [...times].sort((a, b) => b - a));
  assert.ok(times.every((time) => time >= Date.now() - 48 * HOUR && time < Date.now()));
  assert.ok(all.some((row) => read(row, "status") === "open"));
  assert.ok(all.some((row) => read(row, "status") === "confirmed"));
});

test("fromTime and toTime keep the events that start in the range", async (t) => {
  const sim = await start(t, { eventCount: 30 });
  const token = await login(sim);
  const fromTime = Date.now() - 24 * HOUR;
  const toTime = Date.now() - 13 * HOUR;

  const answer = await call(sim, "GET", `${EVENTS}?fromTime=${fromTime}&toTime=${toTime}`, {
    token,
  });
  const times = startTimes(rows(answer));
  assert.equal(read(answer.json, "data", "total"), 7, "30 events over 48 h, one per 96 min");
  assert.ok(times.every((time) => time >= fromTime && time <= toTime));
  assert.equal((await call(sim, "GET", `${EVENTS}?fromTime=soon`, { token })).status, 400);
});

test("confirm sets an open event's status and the status filter follows", async (t) => {
  const sim = await start(t, { eventCount: 6 });
  const token = await login(sim);
  const open = rows(await call(sim, "GET", `${EVENTS}?status=open`, { token }));
  const id = read(open, 0, "id");

  const confirmed = await call(sim, "PATCH", `${EVENTS}/${id}/confirm`, { token });
  assert.equal(read(confirmed.json, "data", "status"), "confirmed");
  assert.equal(typeof read(confirmed.json, "data", "confirmTime"), "number");

  const stillOpen = rows(await call(sim, "GET", `${EVENTS}?status=open`, { token }));
  assert.equal(stillOpen.length, open.length - 1);
  assert.ok(!stillOpen.some((row) => read(row, "id") === id));
  assert.equal((await call(sim, "GET", `${EVENTS}?status=closed`, { token })).status, 400);
});

test("an event is read by id, filtered by element and deleted", async (t) => {
  const sim = await start(t);
  const token = await login(sim);
  const first = read(rows(await call(sim, "GET", EVENTS, { token })), 0);
  const id = read(first, "id");
  const elementId = read(first, "elementId");

  const one = await call(sim, "GET", `${EVENTS}/${id}`, { token });
  assert.deepEqual(read(one.json, "data"), first);
  assert.match(one.text, new RegExp(`"id":${id}`));

  const mine = rows(await call(sim, "GET", `${EVENTS}?elementId=${elementId}`, { token }));
  assert.ok(mine.length >= 1 && mine.every((row) => read(row, "elementId") === elementId));

  assert.equal((await call(sim, "DELETE", `${EVENTS}/${id}`, { token })).status, 200);
  assert.equal((await call(sim, "GET", `${EVENTS}/${id}`, { token })).status, 404);
});

test("metrics, menus and unit classes answer small lists", async (t) => {
  const sim = await start(t);
  const token = await login(sim);
  const chosen = "metricCodes=cpu.usage,api.requests";
  const metrics = await call(sim, "GET", `/api/v1/observability/metrics?${chosen}`, { token });
  const menus = await call(sim, "GET", "/api/v1/permissions/menus", { token });
  const units = await call(sim, "GET", "/api/v1/uomclasses", { token });

  const codes = (read(metrics.json, "data") as JsonValue[]).map((m) => read(m, "code"));
  assert.deepEqual(codes, ["cpu.usage", "api.requests"]);
  assert.equal(read(metrics.json, "data", 1, "value"), 2, "login and this call");
  assert.equal(read(menus.json, "data", 0, "name"), "Elements");
  assert.equal(read(units.json, "data", "total"), 5);

  const unknown = "/api/v1/observability/metrics?metricCodes=nope";
  assert.equal((await call(sim, "GET", unknown, { token })).status, 400);
});

test("with the envelope off, answers are bare", async (t) => {
  const sim = await start(t, { envelope: false, elementCount: 3 });
  const token = await login(sim);
  const list = await call(sim, "GET", "/api/v1/elements", { token });
  const deleted = await call(sim, "DELETE", `${EVENTS}/2234567890123456789`, { token });
  const missing = await call(sim, "GET", `${EVENTS}/2234567890123456789`, { token });

  assert.equal(sim.stats.logins, 1, "login answered a bare {token}");
  assert.deepEqual(Object.keys(list.json ?? {}), ["current", "size", "total", "rows"]);
  assert.equal(read(list.json, "total"), 3);
  assert.equal(deleted.status, 204);
  assert.equal(deleted.text, "");
  assert.equal(missing.status, 404);
  assert.equal(read(missing.json, "code"), 404);
});
