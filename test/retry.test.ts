/**
 * Retries end to end through runRecipes against real servers: K21
 * (Retry-After honoured, capped, unreadable; attempts running out) and K22
 * (a POST is not repeated by accident). The policy's tables are in
 * retry-policy.test.ts.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { renderJsonReport } from "../src/report/json.ts";
import { renderStep } from "../src/report/text.ts";
import { runRecipes } from "../src/run/run.ts";
import { SANDBOX_API_KEY, type Simulator } from "../src/sandbox/simulator.ts";
import { call, read } from "./sandbox-client.ts";
import { enterpriseEnv, recipe, simulator } from "./support/helpers.ts";
import { answer, scripted } from "./support/scripted.ts";

const GET_ONE = (retry = "") => recipe(`
version: 1
name: k21
auth: { mode: none }
defaults: { retry: { delay: 40${retry} } }
steps:
  - request: { method: GET, path: /api/v1/elements }
`);

describe("K21 Retry-After, end to end", () => {
  test("(a) 429 with Retry-After: 2 is tried again 2 s or more later", async (t) => {
    const server = await scripted(t, [answer(429, { "retry-after": "2" }), answer(200)]);

    const run = await runRecipes([GET_ONE()], { env: { IDMP_HOST: server.url } });

    const [first = 0, second = 0] = server.arrivals;
    t.diagnostic(`K21a waited ${Math.round(second - first)} ms`);
    assert.equal(run.exitCode, 0);
    assert.ok(second - first >= 2000, `waited ${second - first} ms`);
    const step = run.recipes[0]?.steps[0];
    const seen = step?.attempts.map((a) => [a.status, a.waitMs]);
    assert.deepEqual(seen, [[429, 2000], [200, undefined]]);
    assert.match(renderStep(step!, { color: false }), /\(2 attempts\)/);
  });

  test("(b) 503 with an HTTP date 3 s ahead waits about 3 s", async (t) => {
    const inThree = () => new Date(Math.round((Date.now() + 3000) / 1000) * 1000).toUTCString();
    const server = await scripted(t, [
      (response) => answer(503, { "retry-after": inThree() })(response),
      answer(200),
    ]);

    const run = await runRecipes([GET_ONE()], { env: { IDMP_HOST: server.url } });

    const waited = (server.arrivals[1] ?? 0) - (server.arrivals[0] ?? 0);
    t.diagnostic(`K21b waited ${Math.round(waited)} ms`);
    assert.equal(run.exitCode, 0);
    assert.ok(waited >= 2400 && waited <= 3700, `waited ${waited} ms`);
  });

  test("(c) 429 with Retry-After: 3600 fails at once, naming the cap", async (t) => {
    const server = await scripted(t, [answer(429, { "retry-after": "3600" }), answer(200)]);

    const run = await runRecipes([GET_ONE()], { env: { IDMP_HOST: server.url } });

    const step = run.recipes[0]?.steps[0];
    const said = step?.failures.at(-1);
    assert.equal(run.exitCode, 1);
    assert.equal(server.arrivals.length, 1);
    assert.ok((step?.durationMs ?? Infinity) < 1000);
    assert.match(said?.message ?? "", /asked to wait 3600 s .*retry\.maxRetryAfter \(60000 ms\)/);
    assert.match(said?.hint ?? "", /Set retry\.maxRetryAfter to 3600000 or more/);
  });

  test("(d) an unreadable Retry-After falls back to backoff with a warning", async (t) => {
    const server = await scripted(t, [answer(429, { "retry-after": "soon" }), answer(200)]);
    const logged: string[] = [];

    const run = await runRecipes([GET_ONE()], {
      env: { IDMP_HOST: server.url }, random: () => 0, log: (line) => logged.push(line),
    });

    const first = run.recipes[0]?.steps[0]?.attempts[0];
    assert.equal(run.exitCode, 0);
    assert.equal(first?.waitMs, 20);
    assert.match(first?.reason ?? "", /^429: Retry-After "soon" is neither seconds nor/);
    assert.equal(logged.filter((line) => /^warning: GET .*"soon"/.test(line)).length, 1);
  });

  test("5xx until attempts run out: a check failure that counts the attempts", async (t) => {
    const server = await scripted(t, [answer(503)]);

    const run = await runRecipes([GET_ONE(", attempts: 3")], {
      env: { IDMP_HOST: server.url }, random: () => 0,
    });

    const step = run.recipes[0]?.steps[0];
    assert.equal(run.exitCode, 1);
    assert.equal(server.arrivals.length, 3);
    assert.deepEqual(step?.attempts.map((a) => a.waitMs), [20, 40, undefined]);
    assert.equal(step?.failures.at(-1)?.message, "Gave up after 3 attempts; the last got 503");
    assert.match(renderStep(step!, { color: false }), /\(3 attempts\)/);
    const report = renderJsonReport(run, "0.0.0");
    assert.match(report, /"reason": "503: backing off 20 ms",\s+"waitMs": 20/);
  });

  test("network errors until attempts run out: a transport failure, exit 4", async (t) => {
    const sim = await simulator(t);
    sim.failNext(10, { kind: "reset", paths: /elements/ });

    const run = await runRecipes([GET_ONE(", attempts: 2")], { env: { IDMP_HOST: sim.url } });

    const step = run.recipes[0]?.steps[0];
    assert.equal(run.exitCode, 4);
    assert.deepEqual(step?.attempts.map((a) => a.error), ["ECONNRESET", "ECONNRESET"]);
    assert.match(step?.failures[0]?.message ?? "", /reset .*; gave up after 2 attempts/);
  });
});

const CREATE = (name: string, retry = "") => recipe(`
version: 1
name: k22
auth: { mode: enterprise }
steps:
  - request: { method: POST, path: /api/v1/elements, json: { name: ${name} } }
    ${retry}
`);

/** Elements named `name`, by the simulator's own list. */
async function creations(sim: Simulator, name: string): Promise<number> {
  const path = `/api/v1/elements?keyword=${name}`;
  const list = await call(sim, "GET", path, { token: SANDBOX_API_KEY });
  return Number(read(list.json, "data", "total"));
}

describe("K22 a POST is not repeated by accident", () => {
  test("a POST answered 503 after the write is sent once and fails", async (t) => {
    const sim = await simulator(t);
    sim.failNext(1, { status: 503, afterHandling: true, paths: /\/elements$/ });

    const run = await runRecipes([CREATE("k22-503")], { env: enterpriseEnv(sim) });

    const step = run.recipes[0]?.steps[0];
    assert.equal(run.exitCode, 1);
    assert.equal(await creations(sim, "k22-503"), 1);
    assert.deepEqual(step?.attempts.map((a) => a.status), [503]);
    assert.match(step?.failures.at(-1)?.message ?? "", /^Not retried: POST got 503/);
    assert.match(step?.failures.at(-1)?.hint ?? "", /retry\.nonIdempotent: true/);
  });

  test("a POST whose connection drops after the write: transport, exit 4, sent once",
    async (t) => {
      const sim = await simulator(t);
      sim.failNext(1, { kind: "reset", afterHandling: true, paths: /\/elements$/ });

      const run = await runRecipes([CREATE("k22-reset")], { env: enterpriseEnv(sim) });

      const posts = sim.requests.filter((request) => request.method === "POST"
        && request.path === "/api/v1/elements");
      assert.equal(run.exitCode, 4);
      assert.equal(posts.length, 1);
      assert.equal(await creations(sim, "k22-reset"), 1);
      assert.match(run.recipes[0]?.steps[0]?.failures[0]?.message ?? "",
        /connection reset .*; not retried: POST got ECONNRESET/);
    });

  test("with retry.nonIdempotent the POST is sent again, and writes twice", async (t) => {
    const sim = await simulator(t);
    sim.failNext(1, { status: 503, afterHandling: true, paths: /\/elements$/ });
    const optIn = CREATE("k22-opt-in", "retry: { nonIdempotent: true, delay: 20 }");

    const run = await runRecipes([optIn], { env: enterpriseEnv(sim) });

    assert.equal(run.exitCode, 0);
    assert.deepEqual(run.recipes[0]?.steps[0]?.attempts.map((a) => a.status), [503, 200]);
    assert.equal(await creations(sim, "k22-opt-in"), 2);
  });

  test("a POST answered 429 is retried without opting in", async (t) => {
    const sim = await simulator(t);
    sim.failNext(1, { status: 429, headers: { "retry-after": "0" }, paths: /\/elements$/ });

    const run = await runRecipes([CREATE("k22-429")], { env: enterpriseEnv(sim) });

    assert.equal(run.exitCode, 0);
    assert.deepEqual(run.recipes[0]?.steps[0]?.attempts.map((a) => a.status), [429, 200]);
    assert.equal(await creations(sim, "k22-429"), 1);
  });
});
