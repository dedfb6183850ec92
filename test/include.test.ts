import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { test } from "node:test";
import { loadRecipeFile } from "../src/recipe/load.ts";
import { runRecipes } from "../src/run/run.ts";
import { refuseWrites } from "../src/run/writes.ts";
import { cli, enterpriseEnv, scratchDir, simulator } from "./support/helpers.ts";

const DIR = "test/fixtures/include";

function brief(problems: { file: string; rule: string; line: number; column: number }[]) {
  return problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.rule}`);
}

test("an include splices the other recipe's steps and vars in its place", async () => {
  const result = await loadRecipeFile(`${DIR}/main.yaml`);

  assert.deepEqual(result.problems, []);
  const loaded = result.recipe;
  assert.deepEqual(loaded?.recipe.steps.map((s) => s.id ?? s.name),
    ["setupList", "read the element setup found"]);
  assert.deepEqual(loaded?.recipe.vars, { pageSize: 3 });
  assert.deepEqual(loaded?.stepOrigin(0), { file: `${DIR}/shared/setup.yaml`, line: 7 });
  assert.deepEqual(loaded?.stepOrigin(1), { file: `${DIR}/main.yaml`, line: 8 });
});

test("included steps run, and their results keep their own file and line", async (t) => {
  const sim = await simulator(t);
  const loaded = (await loadRecipeFile(`${DIR}/main.yaml`)).recipe;
  assert.ok(loaded);

  const run = await runRecipes([loaded], { env: enterpriseEnv(sim) });

  assert.equal(run.exitCode, 0, JSON.stringify(run.recipes[0]?.steps.map((s) => s.failures)));
  const [first, second] = run.recipes[0]?.steps ?? [];
  assert.deepEqual([first?.file, first?.line], [`${DIR}/shared/setup.yaml`, 7]);
  assert.deepEqual([second?.file, second?.line], [undefined, 8]);
  const list = sim.requests.find((r) => r.path === "/api/v1/elements");
  assert.equal(list?.query.get("size"), "3");
});

test("an include cycle is reported at the include line with the chain", async () => {
  const result = await loadRecipeFile(`${DIR}/cycle-a.yaml`);

  assert.deepEqual(brief(result.problems), [`${DIR}/cycle-b.yaml:5:14 include-cycle`]);
  assert.match(result.problems[0]?.message ?? "",
    /Include cycle: cycle-a\.yaml -> cycle-b\.yaml -> cycle-a\.yaml/);
  assert.equal(result.recipe, undefined);
});

test("a missing included file is a problem at the include line", async () => {
  const result = await loadRecipeFile(`${DIR}/missing.yaml`);

  assert.deepEqual(brief(result.problems), [`${DIR}/missing.yaml:6:14 include-missing`]);
  assert.match(result.problems[0]?.message ?? "", /shared\/nowhere\.yaml/);
});

test("a problem inside an included file points at that file's own line and column", async () => {
  const result = await loadRecipeFile(`${DIR}/broken-inside.yaml`);

  assert.deepEqual(brief(result.problems),
    [`${DIR}/shared/broken.yaml:6:39 undefined-reference`]);
});

test("an included recipe must authenticate the same way", async () => {
  const result = await loadRecipeFile(`${DIR}/other-auth.yaml`);

  assert.deepEqual(brief(result.problems), [`${DIR}/other-auth.yaml:5:14 include-auth`]);
});

test("a step id used on both sides of an include is reported at the include", async () => {
  const result = await loadRecipeFile(`${DIR}/duplicate-id.yaml`);

  assert.deepEqual(brief(result.problems), [`${DIR}/duplicate-id.yaml:7:14 duplicate-step-id`]);
});

test("validate quotes the line of the included file a problem is in, not the includer's",
  async () => {
    const run = await cli(["validate", `${DIR}/bad-condition.yaml`,],
      { NO_COLOR: "1" });

    assert.equal(run.code, 2, run.stderr);
    const [where, line, caret] = run.stderr.split("\n");
    assert.match(where ?? "", /^test\/fixtures\/include\/shared\/bad-condition\.yaml:6:19 error/);
    assert.equal(line, '      if: "vars.a =="');
    assert.equal(caret, `  ${" ".repeat(18)}^`);
  });

test("validate quotes an include cycle at the line of the file that closes it", async () => {
  const run = await cli(["validate", `${DIR}/cycle-a.yaml`], { NO_COLOR: "1" });

  assert.deepEqual(run.stderr.split("\n").slice(1, 3), ["    - include: cycle-a.yaml",
    `  ${" ".repeat(13)}^`]);
});

test("an include may name its file by an absolute path", async (t) => {
  const dir = await scratchDir(t);
  const shared = join(dir, "shared.yaml");
  await writeFile(shared, "version: 1\nname: shared\nauth: { mode: none }\nsteps:\n" +
    "  - id: shared\n    request: { method: GET, path: /a }\n");
  await writeFile(join(dir, "main.yaml"), "version: 1\nname: main\nauth: { mode: none }\n" +
    `steps:\n  - include: ${JSON.stringify(resolve(shared))}\n`);

  const result = await loadRecipeFile(join(dir, "main.yaml"));

  assert.deepEqual(result.problems, []);
  assert.deepEqual(result.recipe?.stepOrigin(0), { file: resolve(shared), line: 5 });
});

test("--read-only names an included write at its own file and line", async () => {
  const loaded = (await loadRecipeFile(`${DIR}/writes.yaml`)).recipe;
  assert.ok(loaded);

  assert.throws(() => refuseWrites([loaded]), {
    message: "--read-only: 1 step writes, so nothing was sent: " +
      `${DIR}/shared/delete.yaml:5 'delete one' (DELETE)`,
  });
});
