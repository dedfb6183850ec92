/**
 * The accept/reject table of literal-secret checks: accepted recipes load
 * with no problem; rejected ones give exactly one `literal-secret` problem
 * whose text never holds the secret.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { loadRecipeText } from "../../src/recipe/load.ts";

/** Registers one test per row of each table. */
export function secretTable(
  accept: readonly [name: string, recipe: string][],
  reject: readonly [name: string, recipe: string, secret: string][],
): void {
  for (const [name, text] of accept) {
    test(`accepts ${name}`, () => {
      assert.deepEqual(loadRecipeText(text, "case.yaml").problems.map((p) => p.rule), []);
    });
  }
  for (const [name, text, secret] of reject) {
    test(`rejects ${name} without echoing it`, () => {
      const result = loadRecipeText(text, "r.yaml");
      assert.deepEqual(result.problems.map((p) => p.rule), ["literal-secret"]);
      assert.ok(!JSON.stringify(result.problems).includes(secret));
    });
  }
}
