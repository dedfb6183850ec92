import assert from "node:assert/strict";
import { test } from "node:test";
import { ConditionSyntaxError, parseCondition } from "../src/recipe/condition-parse.ts";
import { loadRecipeText } from "../src/recipe/load.ts";
import type { TemplateScope } from "../src/recipe/template.ts";
import { conditionHolds } from "../src/run/condition.ts";
import { runRecipes } from "../src/run/run.ts";
import { enterpriseEnv, recipe, simulator } from "./support/helpers.ts";

const SCOPE: TemplateScope = {
  env: { MODE: "live" },
  vars: { id: 1234567890123456789n, name: "pump", rows: [], zero: 0, flag: true, none: null },
  steps: { open: { status: 200, json: { data: { total: 3, rows: [{ id: 7 }] } } } },
  now: 1_000_000_000,
};

test("conditions hold or not, with exact numbers and short-circuit", () => {
  const cases: [string, boolean][] = [
    ["${{ steps.open.json.data.total }} > 0", true],
    ["steps.open.json.data.total >= 3 && steps.open.status == 200", true],
    ["steps.open.json.data.total < 3 || vars.name == 'pump'", true],
    ["!(vars.name == \"pump\")", false],
    ["vars.id == 1234567890123456789", true],
    ["vars.id == 1234567890123456788", false],
    ["vars.id > 1234567890123456788", true],
    ["vars.name != 'valve' && env.MODE == 'live'", true],
    ["exists(vars.name) && !exists(vars.missing)", true],
    ["exists(vars.none)", true],
    ["empty(vars.rows) && empty(vars.none) && empty(vars.missing) && !empty(vars.name)", true],
    ["exists(vars.missing) && vars.missing > 0", false],
    ["!exists(vars.constructor) && !exists(steps.open.json.toString)", true],
    ["vars.flag", true],
    ["false || vars.zero == 0", true],
    ["steps.open.json.data.rows[0].id == 7", true],
    ["time.now > time.ago.1h", true],
    ["vars.name < 'q'", true],
  ];
  for (const [text, expected] of cases) {
    assert.equal(conditionHolds(parseCondition(text), SCOPE), expected, text);
  }
});

test("a reference that leads nowhere, or values that cannot be ordered, throw", () => {
  const inherited = ["vars.constructor == 1", "vars.name.length == 4", "vars.rows.push == 1",
    "steps.open.json.constructor.name == 'Object'"];
  for (const text of ["vars.missing > 0", "vars.name > 3", "vars.name", "vars.rows < 1",
    ...inherited]) {
    const why = /not defined|Cannot order|not a boolean/;
    assert.throws(() => conditionHolds(parseCondition(text), SCOPE), why, text);
  }
});

test("code is never evaluated: anything else is a syntax error with its offset", () => {
  const cases: [string, number][] = [
    ["process.exit()", 0],
    ["constructor", 0],
    ["vars.x == 1; process.exit(1)", 11],
    ["vars.a.constructor.constructor('return 1')()", 30],
    ["this.x", 0],
    ["`${1}`", 0],
    ["vars.x = 1", 7],
    ["vars.x == ", 10],
    ["(vars.x == 1", 12],
    ["exists(1)", 7],
    ["vars.x == 1 vars.y", 12],
    ["", 0],
  ];
  for (const [text, offset] of cases) {
    assert.throws(() => parseCondition(text), (error: unknown) => {
      assert.ok(error instanceof ConditionSyntaxError, text);
      assert.equal(error.offset, offset, text);
      return true;
    });
  }
});

test("validate reports a broken condition at its line and column, and bad references", () => {
  const result = loadRecipeText(`version: 1
name: conditions
auth: { mode: none }
steps:
  - id: first
    if: "vars.count >> 1"
    request: { method: GET, path: /a }
  - if: exists(steps.later.json.id) && vars.nope == 1
    request: { method: GET, path: /b }
  - id: later
    if: process.exit()
    request: { method: GET, path: /c }
`, "conditions.yaml");
  assert.deepEqual(result.problems.map((p) => [p.rule, p.line, p.column]), [
    ["condition-syntax", 6, 22],
    ["forward-reference", 8, 16],
    ["undefined-reference", 8, 40],
    ["condition-syntax", 11, 9],
  ]);
  assert.match(result.problems[3]?.message ?? "", /no code is evaluated/);
});

test("a false condition skips the step with its reason; the recipe passes", async (t) => {
  const sim = await simulator(t);
  const loaded = recipe(`
version: 1
name: conditional
auth: { mode: enterprise }
steps:
  - id: list
    request: { method: GET, path: /api/v1/elements, query: { size: 5 } }
  - id: never
    if: "\${{ steps.list.json.data.total }} > 1000000"
    request: { method: DELETE, path: /api/v1/elements/1 }
    capture: { gone: $.data }
  - if: steps.list.json.data.total > 0 && !exists(steps.never)
    request: { method: GET, path: /api/v1/events }
  - if: exists(vars.gone)
    request: { method: GET, path: /api/v1/elements }
`);

  const run = await runRecipes([loaded], { env: enterpriseEnv(sim) });

  const steps = run.recipes[0]?.steps ?? [];
  assert.equal(run.exitCode, 0);
  assert.deepEqual(steps.map((s) => s.status), ["passed", "skipped", "passed", "skipped"]);
  assert.equal(steps[1]?.skipReason,
    "condition false: ${{ steps.list.json.data.total }} > 1000000");
  assert.equal(sim.requests.filter((r) => r.method === "DELETE").length, 0);
});

test("a later reference to a skipped step's result fails that step clearly", async (t) => {
  const sim = await simulator(t);
  const loaded = recipe(`
version: 1
name: reads a skipped step
auth: { mode: enterprise }
steps:
  - id: maybe
    if: "false"
    request: { method: GET, path: /api/v1/elements }
  - if: steps.maybe.status == 200
    request: { method: GET, path: /api/v1/events }
`);

  const run = await runRecipes([loaded], { env: enterpriseEnv(sim) });

  const step = run.recipes[0]?.steps[1];
  assert.equal(run.exitCode, 1);
  assert.equal(step?.status, "failed");
  assert.equal(step?.failures[0]?.kind, "template");
  assert.match(step?.failures[0]?.message ?? "", /steps\.maybe\.status.*not defined/);
});

test("a condition cannot read item or index: it is judged once, before the forEach loop", () => {
  const result = loadRecipeText(`version: 1
name: conditions in loops
auth: { mode: none }
steps:
  - if: "item.parentId == null"
    forEach: [1, 2]
    request: { method: GET, path: "/a/\${{ item }}" }
`, "loop-if.yaml");

  assert.deepEqual(result.problems.map((p) => [p.rule, p.line, p.column, p.message]), [[
    "undefined-reference", 5, 10,
    "Condition 'item.parentId' reads 'item', but 'if' is judged once for the whole step, " +
    "before its forEach loop, so it cannot read item or index; read a var or an earlier step",
  ]]);
});
