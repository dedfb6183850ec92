/**
 * Keeps `src/recipe/types.ts` and `schema/recipe.schema.json` in step: each
 * type's keys, listed here under `satisfies` (so the compiler checks the
 * list is complete and exact), equal the schema's properties.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { recipeSchema } from "../src/recipe/schema.ts";
import { valueAt } from "../src/recipe/describe.ts";
import type * as T from "../src/recipe/types.ts";

const keys = {
  recipe: {
    version: 1, name: 1, description: 1, auth: 1, vars: 1, secrets: 1, defaults: 1, steps: 1,
  } satisfies Record<keyof T.Recipe, 1>,
  step: {
    id: 1, name: 1, request: 1, expect: 1, capture: 1, continueOnError: 1, retry: 1,
    paginate: 1, forEach: 1, concurrency: 1,
    if: 1, include: 1,
  } satisfies Record<keyof T.Step | keyof T.IncludeEntry, 1>,
  captureHeader: { header: 1 } satisfies Record<keyof T.CaptureHeader, 1>,
  paginate: {
    size: 1, maxPages: 1, maxRows: 1, delay: 1, rows: 1, total: 1, onCap: 1,
  } satisfies Record<keyof T.Paginate, 1>,
  defaults: { retry: 1, timeout: 1 } satisfies Record<keyof T.Defaults, 1>,
  retry: {
    attempts: 1, delay: 1, maxDelay: 1, maxRetryAfter: 1, nonIdempotent: 1,
  } satisfies Record<keyof T.RetryOptions, 1>,
  request: {
    method: 1, path: 1, query: 1, headers: 1, json: 1, body: 1, timeout: 1,
    maxResponseBytes: 1,
  } satisfies Record<keyof T.Request, 1>,
  expect: {
    status: 1, json: 1, schema: 1, headers: 1, maxDuration: 1,
  } satisfies Record<keyof T.Expect, 1>,
  matcherObject: {
    eq: 1, ne: 1, gt: 1, gte: 1, lt: 1, lte: 1, contains: 1, matches: 1, exists: 1,
    type: 1, length: 1,
  } satisfies Record<keyof T.MatcherObject, 1>,
};

const envKeys = {
  0: { host: 1, username: 1, password: 1, token: 1 } satisfies Record<keyof T.EnterpriseEnv, 1>,
  1: { host: 1, bearerToken: 1, accessToken: 1 } satisfies Record<keyof T.CloudEnv, 1>,
  2: { host: 1, apiKey: 1 } satisfies Record<keyof T.ApiKeyEnv, 1>,
  3: { host: 1 } satisfies Record<keyof T.NoneEnv, 1>,
};

function propertiesAt(path: (string | number)[]): string[] {
  const properties = valueAt(recipeSchema, [...path, "properties"]);
  return properties !== null && typeof properties === "object" ? Object.keys(properties) : [];
}

for (const [name, list] of Object.entries(keys)) {
  test(`the ${name} type and the schema name the same keys`, () => {
    const path = name === "recipe" ? [] : ["$defs", name];
    assert.deepEqual(propertiesAt(path).sort(), Object.keys(list).sort());
  });
}

for (const [branch, list] of Object.entries(envKeys)) {
  test(`auth branch ${branch}: the env type and the schema name the same keys`, () => {
    const path = ["$defs", "auth", "oneOf", Number(branch), "properties", "env"];
    assert.deepEqual(propertiesAt(path).sort(), Object.keys(list).sort());
  });
}
