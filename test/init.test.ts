/** `idmp-recipe init`: per mode a recipe that validates, names the real schema
 * and runs green on the simulator; what was on disk is never lost. */
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { describe, test } from "node:test";
import { initCommand } from "../src/cli/init-command.ts";
import { loadRecipeFile } from "../src/recipe/load.ts";
import { runRecipes } from "../src/run/run.ts";
import type { Simulator } from "../src/sandbox/simulator.ts";
import { enterpriseEnv, ROOT, simulator } from "./support/helpers.ts";

const SCHEMA = resolve(ROOT, "schema/recipe.schema.json");
const SCHEMA_LINE = /^# yaml-language-server: \$schema=(\S+)\n/;

/**
 * Runs `body` in a fresh directory, inside the repository or not, and
 * removes it after (try/finally, since Deno's node:test skips `t.after`).
 */
async function inDirectory(body: (dir: string) => Promise<void>, inRepo = false) {
  const dir = mkdtempSync(join(inRepo ? join(ROOT, "test") : tmpdir(), ".init-"));
  try {
    await body(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A test that runs in a fresh directory of its own. */
function testInDirectory(name: string, body: (dir: string) => Promise<void>, inRepo = false) {
  test(name, () => inDirectory(body, inRepo));
}

/** The simulator's test credentials under each mode's default variables. */
const CREDENTIALS: Record<string, (sim: Simulator) => Record<string, string>> = {
  enterprise: (sim) => enterpriseEnv(sim),
  cloud: (sim) => ({ CLOUD_HOST: sim.url, BEARER_TOKEN: "sandbox-cloud-bearer",
    CLOUD_TOKEN: "sandbox-cloud-access-token" }),
  apiKey: (sim) => ({ IDMP_HOST: sim.url, IDMP_API_KEY: "api_1001.sandbox-secret" }),
};

describe("init writes a recipe for each mode", () => {
  for (const mode of ["enterprise", "cloud", "apiKey", "none"]) {
    testInDirectory(`${mode}: validates with zero problems and names the real schema`,
      async (dir) => {
        const file = join(dir, "new.yaml");

        const result = await initCommand(file, { mode, force: false });

        assert.equal(result.exitCode, 0);
        assert.match(result.message, new RegExp(`Wrote '.*new\\.yaml' for mode '${mode}'`));
        const text = readFileSync(file, "utf8");
        const schema = SCHEMA_LINE.exec(text)?.[1] ?? "";
        assert.equal(schema, "../../schema/recipe.schema.json");
        assert.equal(resolve(dirname(file), schema), SCHEMA);
        assert.match(text, new RegExp(`^  mode: ${mode} `, "m"));
        const loaded = await loadRecipeFile(file);
        assert.deepEqual(loaded.problems, []);
        assert.equal(loaded.recipe?.recipe.auth.mode, mode);
      }, true);
  }

  for (const mode of ["enterprise", "cloud", "apiKey"]) {
    test(`${mode}: runs green on the simulator with its test credentials`, async (t) => {
      const sim = await simulator(t);
      await inDirectory(async (dir) => {
        const file = join(dir, "new.yaml");
        await initCommand(file, { mode, force: false });
        const loaded = await loadRecipeFile(file);
        assert.ok(loaded.recipe);

        const run = await runRecipes([loaded.recipe], { env: CREDENTIALS[mode]?.(sim) });

        const steps = run.recipes[0]?.steps ?? [];
        assert.equal(run.exitCode, 0, JSON.stringify(steps.map((step) => step.failures)));
        assert.deepEqual(steps.map((step) => step.status), ["passed", "passed"]);
      });
    });
  }

  testInDirectory("spells out every role of the mode under its default variable", async (dir) => {
    const file = join(dir, "cloud.yaml");
    await initCommand(file, { mode: "cloud", force: false });
    const text = readFileSync(file, "utf8");
    const roles = ["host: CLOUD_HOST", "bearerToken: BEARER_TOKEN", "accessToken: CLOUD_TOKEN"];
    for (const line of roles) {
      assert.match(text, new RegExp(`^    ${line} +# \\S`, "m"), line);
    }
  });

  testInDirectory("defaults to enterprise", async (dir) => {
    const file = join(dir, "default.yaml");
    assert.equal((await initCommand(file, { mode: undefined, force: false })).exitCode, 0);
    assert.equal((await loadRecipeFile(file)).recipe?.recipe.auth.mode, "enterprise");
  });

  testInDirectory("outside the repository, names this installation's schema", async (dir) => {
    const file = join(dir, "outside.yaml");
    await initCommand(file, { mode: "apiKey", force: false });
    assert.equal(SCHEMA_LINE.exec(readFileSync(file, "utf8"))?.[1], SCHEMA);
  });
});

describe("init never loses what was there", () => {
  testInDirectory("refuses an existing file with exit 2 and leaves it unchanged", async (dir) => {
    const file = join(dir, "mine.yaml");
    writeFileSync(file, "my own work\n");

    const result = await initCommand(file, { mode: "cloud", force: false });

    assert.deepEqual(result, { exitCode: 2, message: `File '${file}' already exists; ` +
      "pass --force to overwrite it, or choose another name" });
    assert.equal(readFileSync(file, "utf8"), "my own work\n");
  });

  testInDirectory("--force replaces it, and leaves no temporary file behind", async (dir) => {
    const file = join(dir, "mine.yaml");
    writeFileSync(file, "my own work\n");

    const result = await initCommand(file, { mode: "cloud", force: true });

    assert.equal(result.exitCode, 0);
    assert.equal((await loadRecipeFile(file)).recipe?.recipe.auth.mode, "cloud");
    assert.deepEqual(readdirSync(dir).sort(), ["mine.yaml"]);
  });

  const refusals: [string, (dir: string) => [string, string], RegExp][] = [
    ["an unknown mode, listing the modes", (dir) => [join(dir, "a.yaml"), "oauth"],
      /^Unknown mode 'oauth'; use enterprise, cloud, apiKey, none$/],
    ["a mode in the wrong case, with the right one", (dir) => [join(dir, "a.yaml"), "apikey"],
      /^Unknown mode 'apikey'; did you mean 'apiKey'\? \(modes: enterprise, cloud/],
    ["a directory that does not exist", (dir) => [join(dir, "no", "a.yaml"), "none"],
      /directory '.*no' does not exist; create it first, or choose another path$/],
    ["a directory as the file", (dir) => [dir, "none"], /it is a directory; name a file/],
  ];
  for (const [name, args, message] of refusals) {
    testInDirectory(`refuses ${name} with exit 2, writing nothing`, async (dir) => {
      const [file, mode] = args(dir);

      const result = await initCommand(file, { mode, force: true });

      assert.equal(result.exitCode, 2);
      assert.match(result.message, message);
      assert.deepEqual(readdirSync(dir).sort(), []);
    });
  }
});
