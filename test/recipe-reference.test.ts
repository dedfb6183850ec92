/**
 * docs/recipe-reference.md is what `npm run reference` writes from the
 * schema now, and it names every key of the schema.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { REFERENCE_FILE, renderReference } from "../scripts/reference.ts";
import { referenceRows } from "../scripts/reference-rows.ts";
import { recipeSchema } from "../src/recipe/schema.ts";

describe("the recipe reference", () => {
  test("docs/recipe-reference.md is up to date with the schema", () => {
    const written = readFileSync(REFERENCE_FILE, "utf8");
    const now = renderReference(recipeSchema);
    assert.ok(
      written === now,
      "docs/recipe-reference.md differs from the schema; run `npm run reference` and commit it",
    );
  });

  test("lists each key with its type, default and example", () => {
    const rows = referenceRows(recipeSchema);
    const row = (path: string) => rows.find((r) => r.path === path);

    assert.deepEqual(row("steps[].retry.attempts"), {
      path: "steps[].retry.attempts",
      modes: [],
      type: "integer (1 to 10)",
      default: 3,
      description: row("defaults.retry.attempts")?.description,
      example: 5,
    });
    assert.equal(row("steps[].request.method")?.type,
      "one of GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
    assert.deepEqual(row("auth.env.host")?.modes, ["enterprise", "apiKey", "none"]);
    assert.equal(row("steps[].expect.json.<JSONPath>.length")?.type,
      "integer (at least 0) or template or matchers");
  });

  test("every key appears with a description", () => {
    const rows = referenceRows(recipeSchema);
    for (const path of ["version", "x-<name>", "secrets.vars", "defaults.timeout",
      "auth.refreshMargin", "steps[].capture.<name>", "steps[].continueOnError"]) {
      const row = rows.find((r) => r.path === path);
      assert.ok(row && row.description.length > 0, `${path} is missing`);
    }
    assert.ok(rows.every((r) => r.description !== ""), "a key without a description");
  });
});
