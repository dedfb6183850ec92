/**
 * init --from-openapi: one step for one operation, typed placeholders and
 * comments from the description, valid as written, and runnable against the
 * simulator when the description is the simulator's.
 */
import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { test } from "node:test";
import { stringifyJson } from "../src/json.ts";
import type { JsonObject } from "../src/openapi/operations.ts";
import { placeholder } from "../src/openapi/placeholder.ts";
import { sandboxOpenApi } from "../src/sandbox/openapi.ts";
import { cli, ROOT, scratchDir } from "./support/helpers.ts";

const PLANT_30 = join(ROOT, "test", "fixtures", "openapi", "plant-30.yaml");

async function sandboxDescription(dir: string): Promise<string> {
  const file = join(dir, "sandbox-openapi.json");
  await writeFile(file, stringifyJson(sandboxOpenApi({ envelope: true }), 2));
  return file;
}

test("a path parameter becomes a var with a typed, commented placeholder", async (t) => {
  const dir = await scratchDir(t);
  const description = await sandboxDescription(dir);
  const file = join(dir, "read.yaml");

  const init = await cli(["init", file, "--from-openapi", description,
    "--operation", "getElement"]);
  assert.equal(init.code, 0, init.stderr);
  const text = await readFile(file, "utf8");
  assert.match(text,
    /\n {2}id: "1234567890123456789" +# integer \(int64\), required: the element id\n/);
  assert.match(text, /\n {6}path: \/api\/v1\/elements\/\$\{\{ vars\.id \}\}\n/);
  assert.match(text, /\n {4}expect:\n {6}status: 200\n/);

  const validate = await cli(["validate", file, "--strict", "--openapi", description]);
  assert.equal(validate.code, 0, validate.stderr);
  const run = await cli(["run", file, "--sandbox"]);
  assert.equal(run.code, 0, run.stdout + run.stderr);
  assert.match(run.stdout, /\/api\/v1\/elements\/1234567890123456789 {2}200/);
});

test("placeholders: big integers quoted, values holding ${{ }} dropped for the next", () => {
  const cases: [JsonObject, string][] = [
    [{ type: "integer", example: 1234567890123456789n }, '"1234567890123456789"'],
    [{ type: "integer", example: 42 }, "42"],
    [{ type: "array", example: [1234567890123456789n, 7] }, '["1234567890123456789",7]'],
    [{ type: "integer", minimum: 9007199254740993n }, '"9007199254740993"'],
    [{ type: "string", example: "${{ env.HOME }}" }, '""'],
    [{ type: "string", example: "a ${{ vars.x }}", default: "plain" }, '"plain"'],
    [{ type: "object", example: { deep: "${{ env.TOKEN }}" } }, "{}"],
    [{ type: "string", enum: ["${{ env.X }}", "b"] }, '""'],
  ];
  for (const [schema, expected] of cases) {
    assert.equal(placeholder(schema), expected, stringifyJson(schema));
  }
});

test("a recipe from a description with hostile examples validates with --strict", async (t) => {
  const dir = await scratchDir(t);
  const description = join(dir, "hostile.json");
  await writeFile(description, stringifyJson({
    openapi: "3.0.3",
    info: { title: "t", version: "1" },
    paths: { "/things/{id}": { post: {
      operationId: "make",
      parameters: [{ name: "id", in: "path", required: true,
        schema: { type: "integer", format: "int64", example: 1234567890123456789n } }],
      requestBody: { content: { "application/json": { schema: { type: "object",
        required: ["note"], properties: { note: { type: "string", example: "${{ env.HOME }}" } },
      } } } },
      responses: { "201": { description: "made" } },
    } } },
  }));
  const file = join(dir, "make.yaml");

  const init = await cli(["init", file, "--from-openapi", description, "--operation", "make"]);
  assert.equal(init.code, 0, init.stderr);
  const text = await readFile(file, "utf8");
  assert.match(text, /\n {2}id: "1234567890123456789" /);
  assert.match(text, /\n {8}note: "" /);
  const validate = await cli(["validate", file, "--strict", "--openapi", description]);
  assert.equal(validate.code, 0, validate.stderr);
});

test("a body skeleton fills required fields and comments out the others", async (t) => {
  const dir = await scratchDir(t);
  const description = await sandboxDescription(dir);
  const file = join(dir, "create.yaml");

  const init = await cli(["init", file, "--from-openapi", description,
    "--operation", "POST /api/v1/elements"]);
  assert.equal(init.code, 0, init.stderr);
  const text = await readFile(file, "utf8");
  assert.match(text, /\n {6}json:\n {8}name: "New element" +# string, required\n/);
  assert.match(text, /\n {8}# parentId: 0 +# integer \(int64\) or null, optional/);

  const validate = await cli(["validate", file, "--strict", "--openapi", description]);
  assert.equal(validate.code, 0, validate.stderr);
  const run = await cli(["run", file, "--sandbox"]);
  assert.equal(run.code, 0, run.stdout + run.stderr);
});

test("OpenAPI 3.0 with a base path: required query written, optional commented", async (t) => {
  const file = join(await scratchDir(t), "list.yaml");
  const init = await cli(["init", file, "--from-openapi", PLANT_30,
    "--operation", "GET /elements", "--mode", "apiKey"]);
  assert.equal(init.code, 0, init.stderr);
  const text = await readFile(file, "utf8");
  assert.match(text, /\n {2}mode: apiKey /);
  assert.match(text, /\n {6}path: \/api\/v1\/elements\n {6}query:\n {8}tag: "" +# string, required: Any tag\n/);
  assert.match(text, /\n {6}# {3}current: 1 +# integer, optional: Page number, from 1\n/);

  const validate = await cli(["validate", file, "--strict", "--openapi", PLANT_30]);
  assert.equal(validate.code, 0, validate.stderr);
});

test("an unknown operation is refused with the nearest one; nothing is written", async (t) => {
  const file = join(await scratchDir(t), "none.yaml");
  const init = await cli(["init", file, "--from-openapi", PLANT_30, "--operation", "getElemnt"]);
  assert.equal(init.code, 2);
  assert.match(init.stderr, /No operation 'getElemnt' in .*plant-30\.yaml; did you mean 'getElement'\?/);
  await assert.rejects(readFile(file, "utf8"), { code: "ENOENT" });

  const alone = await cli(["init", file, "--operation", "getElement"]);
  assert.equal(alone.code, 2);
  assert.match(alone.stderr, /--operation needs --from-openapi/);
});

test("an existing file is kept without --force", async (t) => {
  const file = join(await scratchDir(t), "kept.yaml");
  await writeFile(file, "mine\n");
  const init = await cli(["init", file, "--from-openapi", PLANT_30, "--operation", "getElement"]);
  assert.equal(init.code, 2);
  assert.equal(await readFile(file, "utf8"), "mine\n");
});
