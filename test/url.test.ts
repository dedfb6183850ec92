import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { UsageError } from "../src/errors.ts";
import { buildUrl, maskUrl, sameOrigin } from "../src/run/url.ts";
import { encodeQuery } from "../src/run/query.ts";

describe("buildUrl() joins a path under the host's base path", () => {
  const hosts = ["http://127.0.0.1:8080/idmp", "http://127.0.0.1:8080/idmp/"];
  const paths = ["/api/v1/elements", "api/v1/elements"];
  for (const host of hosts) {
    for (const path of paths) {
      it(`"${host}" + "${path}" gives /idmp/api/v1/elements`, () => {
        assert.equal(buildUrl(host, path), "http://127.0.0.1:8080/idmp/api/v1/elements");
      });
    }
  }

  const cases: [string, string, string][] = [
    ["https://h.test", "/api/v1/elements", "https://h.test/api/v1/elements"],
    ["https://h.test/", "api/v1/elements", "https://h.test/api/v1/elements"],
    ["https://h.test/a/b//", "//api", "https://h.test/a/b/api"],
    ["https://h.test/idmp", "", "https://h.test/idmp/"],
    ["https://h.test/idmp", "/api/v1/elements?current=1", "https://h.test/idmp/api/v1/elements?current=1"],
    ["https://h.test", "/api/v1/elements/1234567890123456789", "https://h.test/api/v1/elements/1234567890123456789"],
    ["https://h.test", "/api/v1/elements/a b", "https://h.test/api/v1/elements/a%20b"],
    ["https://h.test/idmp", "https://other.test/x?y=1", "https://other.test/x?y=1"],
    ["  https://h.test/idmp ", "/x", "https://h.test/idmp/x"],
  ];
  for (const [host, path, url] of cases) {
    it(`"${host}" + "${path}" gives ${url}`, () => {
      assert.equal(buildUrl(host, path), url);
    });
  }

  it("appends a query to one the path already has", () => {
    assert.equal(buildUrl("https://h.test", "/x?a=1", { b: 2 }), "https://h.test/x?a=1&b=2");
  });
});

describe("buildUrl() rejects hosts it cannot use, naming them", () => {
  const rejected: [string, RegExp][] = [
    ["idmp.example.com", /Cannot use host "idmp\.example\.com": expected an http/],
    ["ftp://idmp.example.com", /Cannot use host "ftp:\/\/idmp\.example\.com"/],
    ["http://", /Cannot use host "http:\/\/"/],
    ["", /Cannot use host ""/],
    ["https://h.test/idmp?x=1", /has a query or fragment/],
    ["https://user:pw-secret@h.test", /user name or password/],
  ];
  for (const [host, message] of rejected) {
    it(`"${host}"`, () => {
      assert.throws(() => buildUrl(host, "/x"), (error: unknown) => {
        assert.ok(error instanceof UsageError);
        assert.match(error.message, message);
        assert.doesNotMatch(error.message, /pw-secret/);
        return true;
      });
    });
  }
});

describe("encodeQuery() follows one pinned policy (K15)", () => {
  it("encodes the K15 query exactly", () => {
    const query = { tag: ["a", "b"], s: "hello world", q: "a+b", u: "ümlaut&x=1", empty: "" };
    assert.equal(
      encodeQuery(query),
      "tag=a&tag=b&s=hello%20world&q=a%2Bb&u=%C3%BCmlaut%26x%3D1&empty=",
    );
  });

  const cases: [string, Record<string, unknown>, string][] = [
    ["a list repeats its key", { tag: ["a", "b", "c"] }, "tag=a&tag=b&tag=c"],
    ["an empty list leaves the key out", { tag: [] }, ""],
    ["a space is %20", { s: "a b" }, "s=a%20b"],
    ["a plus is %2B", { q: "1+1" }, "q=1%2B1"],
    ["& = # are encoded", { q: "a&b=c#d" }, "q=a%26b%3Dc%23d"],
    ["a name is encoded too", { "a b": "1" }, "a%20b=1"],
    ["UTF-8 beyond the BMP", { e: "😀" }, "e=%F0%9F%98%80"],
    ["a lone surrogate becomes U+FFFD", { e: "\uD800" }, "e=%EF%BF%BD"],
    ["an empty string gives name=", { empty: "" }, "empty="],
    ["null is left out", { a: null, b: 1 }, "b=1"],
    ["undefined is left out", { a: undefined, b: 1 }, "b=1"],
    ["null inside a list is left out", { a: [1, null, 2] }, "a=1&a=2"],
    ["a bigint keeps its digits", { id: 1234567890123456789n }, "id=1234567890123456789"],
    ["a number is written plainly", { size: 50, ratio: 0.5 }, "size=50&ratio=0.5"],
    ["booleans are true/false", { a: true, b: false }, "a=true&b=false"],
  ];
  for (const [name, query, expected] of cases) {
    it(name, () => assert.equal(encodeQuery(query), expected));
  }

  it("refuses an object value, naming its key", () => {
    assert.throws(() => encodeQuery({ filter: { a: 1 } }), /"filter".*an object/);
  });

  it("is what buildUrl() appends", () => {
    const url = buildUrl("https://h.test/idmp", "/api/v1/elements", { s: "a b", tag: ["x", "y"] });
    assert.equal(url, "https://h.test/idmp/api/v1/elements?s=a%20b&tag=x&tag=y");
  });
});

describe("sameOrigin()", () => {
  const cases: [string, string, boolean][] = [
    ["https://h.test/a", "https://h.test/b?x=1", true],
    ["https://h.test:443/a", "https://h.test/idmp", true],
    ["https://h.test/a", "http://h.test/a", false],
    ["https://h.test/a", "https://h.test:8443/a", false],
    ["https://h.test/a", "https://evil.test/a", false],
    ["not a url", "https://h.test", false],
  ];
  for (const [a, b, same] of cases) {
    it(`${a} and ${b}: ${same}`, () => assert.equal(sameOrigin(a, b), same));
  }
});

describe("maskUrl() hides secret-looking query values", () => {
  const cases: [string, string][] = [
    ["https://h.test/x?apiKey=canary-123&size=5", "https://h.test/x?apiKey=***&size=5"],
    ["https://h.test/x?access_token=t&token=u", "https://h.test/x?access_token=***&token=***"],
    ["https://h.test/x?password=p&Secret=s", "https://h.test/x?password=***&Secret=***"],
    ["https://h.test/x?current=1&size=50", "https://h.test/x?current=1&size=50"],
    ["https://h.test/x?token=", "https://h.test/x?token="],
    ["https://u:pw@h.test/x", "https://u:***@h.test/x"],
  ];
  for (const [url, masked] of cases) {
    it(url, () => assert.equal(maskUrl(url), masked));
  }

  it("also hides the names it is given", () => {
    assert.equal(maskUrl("https://h.test/x?site=abc", ["site"]), "https://h.test/x?site=***");
  });
});
