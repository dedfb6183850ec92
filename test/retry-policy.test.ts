/**
 * The retry policy as tables: what is retried, how long the backoff waits,
 * and how Retry-After is read. End to end behaviour is in retry.test.ts.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { loadRecipeText } from "../src/recipe/load.ts";
import { parseRetryAfter } from "../src/run/retry-after.ts";
import { backoffMs, decideRetry, resolveRetryPolicy, type RetryInput } from "../src/run/retry.ts";
import type { NetworkCode } from "../src/run/transport-error.ts";

const POLICY = resolveRetryPolicy();
const NOW = Date.parse("2026-03-01T12:00:00Z");

describe("decideRetry(): what is retried", () => {
  const cases: [string, string, number | NetworkCode, boolean][] = [
    ["429 for every method", "POST", 429, true],
    ["503 of a GET", "GET", 503, true],
    ["500 of a PUT", "PUT", 500, true],
    ["504 of an OPTIONS", "OPTIONS", 504, true],
    ["502 of a DELETE", "DELETE", 502, true],
    ["503 of a POST without opt-in", "POST", 503, false],
    ["500 of a PATCH without opt-in", "PATCH", 500, false],
    ["a reset GET", "GET", "ECONNRESET", true],
    ["a refused HEAD", "HEAD", "ECONNREFUSED", true],
    ["a timed-out PUT", "PUT", "ETIMEDOUT", true],
    ["a reset POST", "POST", "ECONNRESET", false],
    ["an unknown host", "GET", "ENOTFOUND", false],
    ["a TLS failure", "GET", "ETLS", false],
    ["a body that cannot be decoded", "GET", "EBODY", false],
    ["400", "GET", 400, false],
    ["401 (the session's business)", "GET", 401, false],
    ["404", "DELETE", 404, false],
    ["408", "GET", 408, false],
    ["200", "GET", 200, false],
    ["302", "GET", 302, false],
  ];
  for (const [name, method, outcome, retried] of cases) {
    test(`${name}: ${retried ? "retried" : "not retried"}`, () => {
      const input: RetryInput = typeof outcome === "number"
        ? { method, tries: 1, status: outcome }
        : { method, tries: 1, error: outcome };
      assert.equal(decideRetry(input, POLICY, () => 0, NOW).retry, retried);
    });
  }

  test("POST and PATCH 5xx and network errors are retried with nonIdempotent", () => {
    const policy = resolveRetryPolicy({ nonIdempotent: true });
    for (const input of [{ status: 503 }, { error: "ECONNRESET" as const }]) {
      assert.equal(decideRetry({ method: "PATCH", tries: 1, ...input }, policy).retry, true);
    }
  });

  test("a status the step expects is an answer, not a reason to retry", () => {
    const decision = decideRetry({ method: "GET", tries: 1, status: 503, expects: [503] }, POLICY);
    assert.deepEqual(decision, { retry: false });
  });

  test("attempts: 1 turns retries off; the last attempt gives up and says so", () => {
    const off = resolveRetryPolicy({ attempts: 1 });
    assert.deepEqual(decideRetry({ method: "GET", tries: 1, status: 503 }, off), { retry: false });

    const last = decideRetry({ method: "GET", tries: 3, status: 503 }, POLICY);
    assert.equal(last.retry, false);
    assert.equal(!last.retry && last.note, "Gave up after 3 attempts; the last got 503");
  });
});

describe("backoffMs(): exponential, capped, jittered down by up to half", () => {
  const policy = resolveRetryPolicy({ delay: 100, maxDelay: 300 });
  const cases: [number, number, number][] = [
    [1, 0, 50], [1, 0.5, 75], [1, 0.999, 100], [2, 0, 100], [2, 0.999, 200],
    [3, 0, 150], [3, 0.999, 300], [9, 0.5, 225],
  ];
  for (const [tries, random, wait] of cases) {
    test(`retry ${tries}, random ${random}: ${wait} ms`, () => {
      assert.equal(backoffMs(tries, policy, () => random), wait);
    });
  }
});

describe("parseRetryAfter()", () => {
  const date = (offsetMs: number) => new Date(NOW + offsetMs).toUTCString();
  const cases: [string, string | undefined, ReturnType<typeof parseRetryAfter>][] = [
    ["delta seconds", "2", { kind: "wait", ms: 2000 }],
    ["zero", "0", { kind: "wait", ms: 0 }],
    ["spaces around", " 5 ", { kind: "wait", ms: 5000 }],
    ["an IMF date 3 s ahead", date(3000), { kind: "wait", ms: 3000 }],
    ["an RFC 850 date", "Sunday, 01-Mar-26 12:00:07 GMT", { kind: "wait", ms: 7000 }],
    ["an asctime date", "Sun Mar  1 12:00:04 2026", { kind: "wait", ms: 4000 }],
    ["a date in the past", date(-60_000), { kind: "wait", ms: 0 }],
    ["a word", "soon", { kind: "unreadable", value: "soon" }],
    ["a negative number", "-1", { kind: "unreadable", value: "-1" }],
    ["a fraction", "1.5", { kind: "unreadable", value: "1.5" }],
    ["an ISO date", "2026-03-01T12:00:09Z", { kind: "unreadable", value: "2026-03-01T12:00:09Z" }],
    ["blank", "  ", undefined],
    ["absent", undefined, undefined],
  ];
  for (const [name, value, expected] of cases) {
    test(`${name}: ${JSON.stringify(value)}`, () => {
      assert.deepEqual(parseRetryAfter(value, NOW), expected);
    });
  }
});

describe("retry keys in a recipe", () => {
  test("a misspelt key names the nearest one; values are checked", () => {
    const text = `version: 1
name: typo
auth: { mode: none }
defaults: { retry: { attemps: 3 } }
steps:
  - request: { method: GET, path: /a }
    retry: { maxRetryAfter: "1m" }
`;
    const messages = loadRecipeText(text, "typo.yaml").problems.map((p) => p.message);
    assert.deepEqual(messages, [
      "Unknown key 'attemps'; did you mean 'attempts'?",
      "'maxRetryAfter' must be an integer, got a string",
    ]);
  });
});
