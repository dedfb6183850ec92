/**
 * The simulator's scripted faults: dropped connections, stalls, error pages
 * and redirects elsewhere, before or after the real handler has run.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { runRecipes } from "../src/run/run.ts";
import { SANDBOX_API_KEY, type Simulator } from "../src/sandbox/simulator.ts";
import { call, read, start } from "./sandbox-client.ts";
import { enterpriseEnv, recipe } from "./support/helpers.ts";

const ELEMENTS = "/api/v1/elements";

// The reset tests send the dropped call first, on a new connection: Deno's
// fetch quietly sends a call again when a reused connection drops it.
const token = SANDBOX_API_KEY;

/** How many elements carry `name`, as the server's own list says. */
async function created(sim: Simulator, name: string): Promise<number> {
  const list = await call(sim, "GET", `${ELEMENTS}?keyword=${encodeURIComponent(name)}`, { token });
  return Number(read(list.json, "data", "total"));
}

test("a reset fault drops the connection without an answer, once", async (t) => {
  const sim = await start(t);
  sim.failNext(1, { kind: "reset" });

  await assert.rejects(call(sim, "GET", ELEMENTS, { token }), TypeError);
  assert.equal((await call(sim, "GET", ELEMENTS, { token })).status, 200);
});

test("a reset after handling creates the element, then drops the connection", async (t) => {
  const sim = await start(t);
  sim.failNext(1, { kind: "reset", afterHandling: true, paths: /\/elements$/ });

  const post = call(sim, "POST", ELEMENTS, { token, json: { name: "reset-once" } });
  await assert.rejects(post, TypeError);

  assert.equal(await created(sim, "reset-once"), 1);
});

test("a status fault after handling answers 503 for a write that took effect", async (t) => {
  const sim = await start(t);
  sim.failNext(1, { status: 503, afterHandling: true, paths: /\/elements$/ });

  const post = await call(sim, "POST", ELEMENTS, { token, json: { name: "done-anyway" } });

  assert.equal(post.status, 503);
  assert.equal(await created(sim, "done-anyway"), 1);
});

test("a status fault before handling leaves the data alone", async (t) => {
  const sim = await start(t);
  sim.failNext(1, { status: 503, paths: /\/elements$/ });

  await call(sim, "POST", ELEMENTS, { token, json: { name: "never-made" } });

  assert.equal(await created(sim, "never-made"), 0);
});

test("a stall with ms holds the real answer back that long", async (t) => {
  const sim = await start(t);
  sim.failNext(1, { kind: "stall", ms: 300 });

  const started = performance.now();
  const answer = await call(sim, "GET", ELEMENTS, { token });

  assert.equal(answer.status, 200);
  assert.ok(performance.now() - started >= 290, "answered after the stall");
});

test("a stall without ms never answers; the client's timeout ends it", async (t) => {
  const sim = await start(t);
  sim.failNext(1, { kind: "stall" });

  const signal = AbortSignal.timeout(200);
  const stalled = fetch(`${sim.url}${ELEMENTS}`, { headers: { authorization: `Bearer ${token}` },
    signal });
  await assert.rejects(stalled, (error: Error) => error.name === "TimeoutError");

  assert.equal((await call(sim, "GET", ELEMENTS, { token })).status, 200);
});

test("a status fault can be a proxy's HTML 502 page", async (t) => {
  const sim = await start(t);
  const page = "<html><body><h1>502 Bad Gateway</h1></body></html>";
  sim.failNext(1, { status: 502, body: page, headers: { "Content-Type": "text/html" } });

  const answer = await call(sim, "GET", ELEMENTS);

  assert.equal(answer.status, 502);
  assert.equal(answer.headers.get("content-type"), "text/html");
  assert.equal(answer.text, page);
});

test("a status fault can redirect to another origin, which the runner does not follow",
  async (t) => {
    const sim = await start(t);
    const elsewhere = await start(t);
    const location = `${elsewhere.url}${ELEMENTS}`;
    sim.failNext(1, { status: 302, headers: { location }, paths: /\/elements$/ });
    const read = recipe(`
version: 1
name: redirected
auth: { mode: enterprise }
steps:
  - request: { method: GET, path: ${ELEMENTS} }
`);

    const run = await runRecipes([read], { env: enterpriseEnv(sim) });

    const step = run.recipes[0]?.steps[0];
    assert.equal(step?.httpStatus, 302);
    assert.equal(step?.attempts.length, 1);
    assert.equal(run.exitCode, 1);
    assert.equal(elsewhere.stats.requests, 0);
  });
