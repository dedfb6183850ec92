/**
 * K20: a huge answer fails its step at the documented limit (64 MB unless
 * `request.maxResponseBytes` or `--max-response-mb` says otherwise) instead
 * of exhausting the heap; reports keep an excerpt only.
 */
import assert from "node:assert/strict";
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { test, type TestContext } from "node:test";
import { runRecipes } from "../src/run/run.ts";
import { recipe } from "./support/helpers.ts";

const MB = 1024 * 1024;
const CHUNK = Buffer.from("12345678,".repeat(7282)); // about 64 KB of array items

/** A server whose body is a JSON array of `bytes` bytes, made as it is sent. */
async function arrayServer(t: TestContext, bytes: number, announce = false): Promise<string> {
  const http = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "application/json",
      ...(announce ? { "content-length": String(bytes) } : {}) });
    void _stream(response, bytes);
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  t.after(() => new Promise<void>((resolve) => {
    http.closeAllConnections();
    http.close(() => resolve());
  }));
  return `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
}

async function _stream(response: ServerResponse, bytes: number): Promise<void> {
  let sent = 1;
  response.write("[");
  while (sent + CHUNK.length + 2 <= bytes && !response.destroyed) {
    if (!response.write(CHUNK)) {
      await new Promise<void>((resolve) => {
        const done = () => {
          response.off("drain", done).off("close", done);
          resolve();
        };
        response.on("drain", done).on("close", done);
      });
    }
    sent += CHUNK.length;
  }
  response.end(`${" ".repeat(Math.max(0, bytes - sent - 2))}0]`);
}

const COUNT = (limit = "") => recipe(`
version: 1
name: huge
auth: { mode: none }
steps:
  - request: { method: GET, path: /all ${limit} }
    expect:
      status: 200
      json: { $: { length: { gte: 1 } } }
`);

test("K20: a 100 MB array fails the step at 64 MB, naming the limit and how to raise it",
  async (t) => {
    const host = await arrayServer(t, 100 * MB);
    const before = process.memoryUsage().rss;

    const run = await runRecipes([COUNT()], { env: { IDMP_HOST: host } });

    const grown = (process.memoryUsage().rss - before) / MB;
    const step = run.recipes[0]?.steps[0];
    assert.equal(run.exitCode, 1);
    assert.equal(step?.failures.length, 1);
    assert.equal(step?.failures[0]?.kind, "check");
    assert.equal(step?.failures[0]?.message, `Response to GET ${host}/all is larger than 64 MB; `
      + "it was not read to its end");
    assert.match(step?.failures[0]?.hint ?? "", /request\.maxResponseBytes .* --max-response-mb/);
    assert.equal(step?.response, undefined);
    assert.ok(grown < 600, `rss grew by ${Math.round(grown)} MB`);
    t.diagnostic(`rss grew by ${Math.round(grown)} MB`);
  });

test("a Content-Length beyond the limit fails before the body is read", async (t) => {
  const host = await arrayServer(t, 100 * MB, true);

  const run = await runRecipes([COUNT()], { env: { IDMP_HOST: host },
    maxResponseBytes: 10 * MB });

  assert.match(run.recipes[0]?.steps[0]?.failures[0]?.message ?? "", /larger than 10 MB/);
});

test("under the limit the checks work, and the report keeps an excerpt only", async (t) => {
  const host = await arrayServer(t, 3 * MB);

  const run = await runRecipes([COUNT()], { env: { IDMP_HOST: host } });

  const step = run.recipes[0]?.steps[0];
  assert.equal(run.exitCode, 0, JSON.stringify(step?.failures));
  assert.ok((step?.response?.excerpt.length ?? Infinity) <= 501);
  assert.equal(step?.response?.json, undefined);
});

test("request.maxResponseBytes lowers the limit for its step", async (t) => {
  const host = await arrayServer(t, 3 * MB);

  const run = await runRecipes([COUNT(", maxResponseBytes: 2097152")],
    { env: { IDMP_HOST: host } });

  const message = run.recipes[0]?.steps[0]?.failures[0]?.message ?? "";
  assert.match(message, /is larger than 2 MB/);
});
