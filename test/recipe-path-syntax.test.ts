/**
 * findPathProblems: what a step's `path` may hold, as a table of paths and
 * the one finding each gives (or none).
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { findPathProblems } from "../src/recipe/path-syntax.ts";

describe("findPathProblems", () => {
  // path, has a `query`, [severity, offset, words of the message] or none
  const cases: [string, boolean, [string, number, RegExp][]][] = [
    ["/api/v1/elements", false, []],
    ["api/v1/elements", false, []],
    ["/api/v1/elements/${{ vars.id }}", false, []],
    ["/api/v1/elements/${{ steps.list.json.data.rows[0].id }}", true, []],
    ["https://idmp.example.test/api/v1/elements", false, []],
    ["HTTP://idmp.example.test/x", false, []],
    ["https://${{ env.OTHER_HOST }}/api/v1/x", false, []],
    ["/api/v1/elements?current=1", false, []],
    ["/api/v1/things:search", false, []],
    ["/api/v1/a.b/..c", false, []],
    ["ftp://files.example.test/x", false, [["error", 0, /scheme 'ftp:'/]]],
    ["file:///etc/passwd", false, [["error", 0, /scheme 'file:'/]]],
    ["localhost:6042/api", false, [["error", 0, /host and port without a scheme/]]],
    ["https://h:port/x", false, [["error", 0, /not a URL that parses/]]],
    ["http://[::1/x", false, [["error", 0, /not a URL that parses/]]],
    ["/api/v1/../users", false, [["error", 8, /'\.\.' segment/]]],
    ["/api/./v1", false, [["error", 5, /'\.' segment/]]],
    ["/api/%2E%2E/v1", false, [["error", 5, /'%2E%2E' segment/]]],
    ["https://h/a/../b", false, [["error", 12, /'\.\.' segment/]]],
    ["/a/b c", false, [["warning", 4, /space/]]],
    [" /a", false, [["warning", 0, /space/]]],
    ["/a#top", false, [["warning", 2, /fragment/]]],
    ["/a?x=1", true, [["warning", 2, /also has 'query'/]]],
    ["/a b?x=1", true, [["warning", 2, /space/], ["warning", 4, /also has 'query'/]]],
    // An unclosed template is template-syntax's problem alone.
    ["/a b/${{ vars.id", false, []],
  ];
  for (const [path, hasQuery, expected] of cases) {
    const what = expected.length === 0 ? "nothing" : expected.map(([s]) => s).join(", ");
    test(`'${path}'${hasQuery ? " with query" : ""} gives ${what}`, () => {
      const found = findPathProblems(path, hasQuery);
      assert.equal(found.length, expected.length, JSON.stringify(found));
      expected.forEach(([severity, offset, words], index) => {
        assert.equal(found[index]?.severity, severity);
        assert.equal(found[index]?.offset, offset);
        assert.match(found[index]?.message ?? "", words);
      });
    });
  }
});
