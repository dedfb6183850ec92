/**
 * JSONPath syntax before a run: what jsonpath-plus would read without
 * complaint yet select nonsense with is an error, with the character at
 * fault; what it reads well passes.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { findJsonPathError } from "../src/recipe/jsonpath-syntax.ts";

describe("findJsonPathError", () => {
  const accept = [
    "$", "$.data.total", "$.data.rows[0].id", "$..id", "$..*", "$.store.*",
    "$['a b']", "$.a['b','c']", "$.a[0,1]", "$[0:2]", "$.a[-1:]", "$.a[*]",
    "$..[?(@.x == 1)]", "$[?(@.a)]", "$.a[?(@.b > 1 && @.c)]", "$.a[?(@ > 1)]",
    '$.a[?(@.b == "x")]', "$.rows[?(@.name.startsWith('a'))]",
    "$.rows[?(@.name.match(/^a[(]/))]", "$.a[(@.length-1)]", "$.rows[?(@.tags[0] == 1)]",
  ];
  for (const path of accept) {
    test(`accepts ${path}`, () => assert.equal(findJsonPathError(path), undefined));
  }

  const reject: [string, number, RegExp][] = [
    ["$..[?(@.x", 4, /'\(' that is never closed/],
    ["$[", 1, /'\[' that is never closed/],
    ["$.a[b", 3, /'\[' that is never closed/],
    ["$.a]", 3, /'\]' without its '\['/],
    ["$['a", 2, /quote that is never closed/],
    ["$[]", 1, /empty '\[\]'/],
    ["$.a[[0]]", 4, /inside another/],
    ["$.", 1, /ends with '\.'/],
    ["$..", 2, /ends with '\.'/],
    ["data.total", 0, /must start with '\$'/],
    ["$a", 0, /must start with '\$'/],
    ["$[?(@.x ==)]", 2, /filter that cannot be parsed \(Expected expression after ==\)/],
    ["$.a[?(@.x=)]", 4, /filter that cannot be parsed/],
    ["$.rows[?(@.name.match(/(/))]", 7, /Invalid regular expression/],
    ["$.a[?(@.b))]", 10, /'\)' without its '\('/],
    // jsonpath-plus's own reading ends a filter at the first `)]`.
    ["$.rows[?(@.name.match(/^a[)]/))]", 7, /Unclosed Regex/],
    ["$.@", 0, /cannot be read/],
  ];
  for (const [path, offset, reason] of reject) {
    test(`rejects ${path} at character ${offset + 1}`, () => {
      const error = findJsonPathError(path);
      assert.equal(error?.offset, offset);
      assert.match(error?.reason ?? "", reason);
    });
  }
});
