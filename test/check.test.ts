import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { RecipeError } from "../src/errors.ts";
import type { JsonValue } from "../src/json.ts";
import type { Expect, Matcher } from "../src/recipe/types.ts";
import { checkMatcher, checkStatus, envelopeFailure } from "../src/run/check.ts";
import { queryJson } from "../src/run/jsonpath.ts";

const BIG = 1234567890123456789n;

const body: JsonValue = {
  code: 0,
  data: {
    total: 2,
    name: "Pump ü-7",
    rows: [{ id: BIG, name: "a", tags: ["x", "y"] }, { id: 2, name: "b", tags: [] }],
    empty: null,
  },
};

describe("queryJson() selects values by JSONPath", () => {
  const cases: [string, boolean, JsonValue | undefined, boolean][] = [
    ["$.data.total", true, 2, false],
    ["$.data.rows[0].id", true, BIG, false],
    ["$.data.rows[*].id", true, [BIG, 2], true],
    ["$..id", true, [BIG, 2], true],
    ["$.data.rows[?(@.name == 'b')].id", true, 2, false],
    ["$.data.rows[*].tags[*]", true, ["x", "y"], true],
    ["$.data.empty", true, null, false],
    ["$.data.missing", false, undefined, false],
    ["$.data.rows[5]", false, undefined, false],
    ["$.data.rows.length", true, 2, false], // jsonpath-plus reads an array's own length
  ];
  for (const [path, found, value, many] of cases) {
    it(`${path}: found ${found}, ${many ? "a list" : "one value"}`, () => {
      assert.deepEqual(queryJson(body, path), { found, value, many });
    });
  }

  it("reads a null document: $ is null, any deeper path nothing", () => {
    assert.deepEqual(queryJson(null, "$"), { found: true, value: null, many: false });
    assert.deepEqual(queryJson(null, "$.a"), { found: false, value: undefined, many: false });
  });

  it("refuses a path that does not start with $", () => {
    assert.throws(() => queryJson(body, "data.total"), (error: unknown) => {
      assert.ok(error instanceof RecipeError);
      assert.match(error.message, /Cannot use JSONPath "data\.total": it must start with "\$"/);
      assert.equal(error.hint, 'Write "$.data.total"');
      return true;
    });
  });
});

// Runs a matcher against what `path` selects in `body`; returns the messages.
function messages(path: string, matcher: Matcher): string[] {
  return checkMatcher(path, matcher, queryJson(body, path)).map((f) => f.message);
}

describe("checkMatcher() passes when every key holds", () => {
  const passing: [string, Matcher][] = [
    ["$.data.total", 2],
    ["$.data.total", 2n],
    ["$.data.rows[0].id", BIG],
    ["$.data.rows[0].id", { eq: BIG, gt: 1234567890123456788n, lte: "1234567890123456789" }],
    ["$.data.rows[0].id", { gt: 1e18, type: "integer" }],
    ["$.data.rows[0].id", { type: "number" }],
    ["$.data.rows[*].id", [BIG, 2]],
    ["$.data.rows[1]", { eq: { tags: [], name: "b", id: 2 } }],
    ["$.data.name", "Pump ü-7"],
    ["$.data.name", { ne: "Pump", contains: "ü-7", matches: "^Pump\\s\\S+$", length: 8 }],
    ["$.data.total", { gte: 1, lt: 3, ne: 3 }],
    ["$.data.rows", { type: "array", length: { gte: 1, lte: 2 } }],
    ["$.data.rows", { contains: { id: 2, name: "b", tags: [] } }],
    ["$.data.rows[*].id", { contains: BIG, length: 2 }],
    ["$.data.rows[0].tags", ["x", "y"]],
    ["$.data.empty", null],
    ["$.data.empty", { exists: true, type: "null" }],
    ["$.data.missing", { exists: false }],
    ["$.data", { type: "object" }],
    ["$.code", { type: "integer", eq: 0 }],
    ["$.data.name", { gt: "Pump", lt: "Pumq" }],
  ];
  for (const [path, matcher] of passing) {
    it(`${path} ${JSON.stringify(matcher, (_k, v) => typeof v === "bigint" ? `${v}n` : v)}`, () => {
      assert.deepEqual(messages(path, matcher), []);
    });
  }
});

describe("checkMatcher() fails each key that does not hold, with an exact message", () => {
  const failing: [string, Matcher, string[]][] = [
    ["$.data.total", 3, ["$.data.total: expected 3, got 2"]],
    ["$.data.total", "2", ['$.data.total: expected "2", got 2']],
    ["$.data.rows[0].id", "1234567890123456789",
      ['$.data.rows[0].id: expected "1234567890123456789", got 1234567890123456789']],
    ["$.data.rows[0].id", 1234567890123456788n,
      ["$.data.rows[0].id: expected 1234567890123456788, got 1234567890123456789"]],
    ["$.data.total", { eq: 1 }, ["$.data.total: expected 1, got 2"]],
    ["$.data.total", { ne: 2 }, ["$.data.total: expected not 2, got 2"]],
    ["$.data.total", { gt: 2 }, ["$.data.total: expected > 2, got 2 (number)"]],
    ["$.data.total", { gte: 3 }, ["$.data.total: expected >= 3, got 2 (number)"]],
    ["$.data.total", { lt: 2 }, ["$.data.total: expected < 2, got 2 (number)"]],
    ["$.data.total", { lte: 1 }, ["$.data.total: expected <= 1, got 2 (number)"]],
    ["$.data.rows[0].id", { lt: BIG }, [
      "$.data.rows[0].id: expected < 1234567890123456789, got 1234567890123456789 (number)"]],
    ["$.data.name", { gte: 1 }, ['$.data.name: expected >= 1, got "Pump ü-7" (string)']],
    ["$.data.name", { contains: "pump" }, ['$.data.name: expected to contain "pump", got "Pump ü-7"']],
    ["$.data.rows[0].tags", { contains: "z" }, ['$.data.rows[0].tags: expected to contain "z", got ["x","y"]']],
    ["$.data.total", { contains: 2 }, ["$.data.total: expected to contain 2, got 2"]],
    ["$.data.name", { matches: "^pump" }, ['$.data.name: expected to match /^pump/, got "Pump ü-7" (string)']],
    ["$.data.total", { matches: "2" }, ["$.data.total: expected to match /2/, got 2 (number)"]],
    ["$.data.name", { matches: "(" }, ["$.data.name: expected to match /(/, but it is not a valid regular expression"]],
    ["$.data.total", { type: "string" }, ["$.data.total: expected type string, got 2 (number)"]],
    ["$.data.rows", { type: "object" }, [
      "$.data.rows: expected type object, got "
        + '[{"id":1234567890123456789,"name":"a","tags":["x","y"]},{"id":2,"name":"b","tag… (array)']],
    ["$.data.empty", { type: "object" }, ["$.data.empty: expected type object, got null (null)"]],
    ["$.data.rows", { length: 3 }, ["$.data.rows: expected length 3, got length 2"]],
    ["$.data.rows", { length: { gte: 3 } }, ["$.data.rows: expected length >= 3, got length 2"]],
    ["$.data.name", { length: 3 }, ["$.data.name: expected length 3, got length 8"]],
    ["$.data.total", { length: 1 }, ["$.data.total: expected length 1, got 2 (a number has no length)"]],
    ["$.data.total", { exists: false }, ["$.data.total: expected to select nothing, got 2"]],
    ["$.data.total", { gte: 3, lt: 2, type: "integer" }, [
      "$.data.total: expected >= 3, got 2 (number)",
      "$.data.total: expected < 2, got 2 (number)",
    ]],
    ["$.data.total", { between: 1 } as Matcher, ['$.data.total: unknown matcher "between"']],
  ];
  for (const [path, matcher, expected] of failing) {
    it(expected.join(" | "), () => assert.deepEqual(messages(path, matcher), expected));
  }
});

describe("checkMatcher() on a path that selects nothing", () => {
  const cases: [Matcher, string[]][] = [
    [1, ["$.data.missing: expected 1, selects nothing"]],
    [null, ["$.data.missing: expected null, selects nothing"]],
    [{ exists: true }, ["$.data.missing: expected to exist, selects nothing"]],
    [{ gte: 1, type: "number" }, [
      "$.data.missing: expected >= 1, selects nothing",
      "$.data.missing: expected type number, selects nothing",
    ]],
    [{ length: { gt: 0 } }, ["$.data.missing: expected length > 0, selects nothing"]],
    [{ exists: false }, []],
  ];
  for (const [matcher, expected] of cases) {
    it(`${JSON.stringify(matcher)}: ${expected.length} failures`, () => {
      assert.deepEqual(messages("$.data.missing", matcher), expected);
    });
  }
});

describe("checkMatcher() failures carry path, expected and actual as data", () => {
  it("for a matcher object, the failing key and the value found", () => {
    const selection = queryJson(body, "$.data.total");
    const [failure] = checkMatcher("$.data.total", { gte: 3, lt: 9 }, selection);
    assert.deepEqual(failure, {
      kind: "check",
      path: "$.data.total",
      expected: { gte: 3 },
      actual: 2,
      message: "$.data.total: expected >= 3, got 2 (number)",
    });
  });

  it("for a literal, the literal; with no actual when nothing was selected", () => {
    const [failure] = checkMatcher("$.nope", BIG, queryJson(body, "$.nope"));
    assert.deepEqual(failure, {
      kind: "check",
      path: "$.nope",
      expected: BIG,
      message: "$.nope: expected 1234567890123456789, selects nothing",
    });
  });
});

describe("checkStatus()", () => {
  const cases: [number | number[] | undefined, number, string | undefined][] = [
    [undefined, 200, undefined],
    [undefined, 204, undefined],
    [undefined, 299, undefined],
    [undefined, 302, "status: expected 2xx, got 302"],
    [undefined, 500, "status: expected 2xx, got 500"],
    [201, 201, undefined],
    [201, 200, "status: expected 201, got 200"],
    [404, 404, undefined],
    [[200, 404], 404, undefined],
    [[200, 201], 404, "status: expected one of 200, 201, got 404"],
    [[204], 200, "status: expected 204, got 200"],
  ];
  for (const [expected, actual, message] of cases) {
    it(`${JSON.stringify(expected) ?? "any 2xx"} against ${actual}: ${message ?? "passes"}`, () => {
      const failures = checkStatus(expected, actual);
      assert.deepEqual(failures.map((f) => f.message), message === undefined ? [] : [message]);
      for (const failure of failures) {
        assert.deepEqual([failure.kind, failure.path, failure.actual], ["check", "status", actual]);
      }
    });
  }
});

describe("envelopeFailure() applies IDMP's code rule", () => {
  const error: JsonValue = { code: 1001, message: "element not found", data: null };
  const cases: [string, JsonValue | undefined, Expect | undefined, string | undefined][] = [
    ["code 0 passes", { code: 0, message: "success" }, undefined, undefined],
    ["no code passes", { rows: [] }, undefined, undefined],
    ["a string code is not the envelope", { code: "E1" }, undefined, undefined],
    ["an array body passes", [{ code: 1 }], undefined, undefined],
    ["an empty body passes", null, undefined, undefined],
    ["a body that is not JSON passes", undefined, undefined, undefined],
    ["a non-zero code fails", error, undefined,
      '$.code: the answer reports an error: code 1001, message "element not found"'],
    ["a non-zero code without message fails", { code: 500 }, { status: 200 },
      "$.code: the answer reports an error: code 500"],
    ["a bigint code fails", { code: BIG }, undefined,
      "$.code: the answer reports an error: code 1234567890123456789"],
    ["unless a non-2xx status is expected", error, { status: 404 }, undefined],
    ["unless one of the statuses is non-2xx", error, { status: [200, 400] }, undefined],
    ["unless $.code is checked", error, { json: { "$.code": 1001 } }, undefined],
    ["unless $['code'] is checked", error, { json: { "$['code']": { ne: 0 } } }, undefined],
    ["even when other paths are checked", error, { json: { "$.data": null } },
      '$.code: the answer reports an error: code 1001, message "element not found"'],
  ];
  for (const [name, json, expect, message] of cases) {
    it(name, () => {
      const failure = envelopeFailure(json, expect);
      assert.equal(failure?.message, message);
      if (failure) {
        assert.equal(failure.path, "$.code");
        assert.equal(failure.expected, 0);
        assert.match(failure.hint ?? "", /check \$\.code in expect\.json/);
      }
    });
  }
});
