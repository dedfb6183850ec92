/**
 * The simulator's own OpenAPI description: served open at /v3/api-docs,
 * one operation per route and one route per operation (read from the route
 * table, not from a second list), answers that fit it, and every recipe in
 * recipes/ valid against it.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { loadOpenApi } from "../src/openapi/load.ts";
import { responseSchema } from "../src/openapi/responses.ts";
import { schemaBreaks } from "../src/openapi/validator.ts";
import { parseJson } from "../src/json.ts";
import { API_PREFIX, ROUTES } from "../src/sandbox/handle.ts";
import { OPENAPI_PATH } from "../src/sandbox/openapi.ts";
import { cli, simulator } from "./support/helpers.ts";

test("GET /v3/api-docs answers OpenAPI 3.1 without credentials", async (t) => {
  const sim = await simulator(t);
  const response = await fetch(`${sim.url}${OPENAPI_PATH}`);
  assert.equal(response.status, 200);
  const doc = parseJson(await response.text());
  assert.ok(doc !== null && typeof doc === "object" && !Array.isArray(doc));
  assert.equal(doc["openapi"], "3.1.0");
});

test("every simulator route is in the description, and every operation is routed", async (t) => {
  const sim = await simulator(t);
  const openapi = await loadOpenApi(`${sim.url}${OPENAPI_PATH}`);
  const described = openapi.operations.map((op) => `${op.method} ${op.fullPath}`).sort();
  const routed = ROUTES.map((route) =>
    `${route.method} ${API_PREFIX}${route.template.replace(/:(\w+)/g, "{$1}")}`
  ).sort();
  assert.deepEqual(described, routed);
  assert.equal(new Set(routed).size, routed.length);
});

test("64-bit ids are integers of format int64 with an example that exists", async (t) => {
  const sim = await simulator(t);
  const openapi = await loadOpenApi(`${sim.url}${OPENAPI_PATH}`);
  const read = openapi.operations.find((op) => op.operationId === "getElement");
  const id = read?.parameters.find((parameter) => parameter.name === "id");
  assert.equal(id?.schema["type"], "integer");
  assert.equal(id?.schema["format"], "int64");
  assert.equal(id?.schema["example"], 1234567890123456789n);
});

test("the simulator's answers fit the response schemas it describes", async (t) => {
  const sim = await simulator(t);
  const openapi = await loadOpenApi(`${sim.url}${OPENAPI_PATH}`);
  const login = await fetch(`${sim.url}/api/v1/users/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ loginName: "sandbox", password: "sandbox-password" }),
  });
  const token = (parseJson(await login.text()) as { data: { token: string } }).data.token;

  const calls: [string, string][] = [
    ["listElements", "/api/v1/elements?size=3"],
    ["getElement", "/api/v1/elements/1234567890123456789"],
    ["listEvents", "/api/v1/events?status=open"],
    ["getEvent", "/api/v1/events/2234567890123456789"],
    ["getMetrics", "/api/v1/observability/metrics"],
    ["getMenus", "/api/v1/permissions/menus"],
    ["listUomClasses", "/api/v1/uomclasses"],
  ];
  for (const [operationId, path] of calls) {
    const response = await fetch(`${sim.url}${path}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const operation = openapi.operations.find((op) => op.operationId === operationId);
    assert.ok(operation, operationId);
    const schema = responseSchema(operation, response.status);
    assert.ok(schema, `${operationId} answered ${response.status}`);
    const breaks = schemaBreaks(schema, parseJson(await response.text()), {
      version: "3.1", direction: "response" });
    assert.deepEqual(breaks, [], operationId);
  }
});

test("without the envelope, deletes are described as 204 and data unwrapped", async (t) => {
  const sim = await simulator(t, { envelope: false });
  const openapi = await loadOpenApi(`${sim.url}${OPENAPI_PATH}`);
  const remove = openapi.operations.find((op) => op.operationId === "deleteElement");
  assert.deepEqual(Object.keys(remove?.responses ?? {}).sort(), ["204", "400", "401", "404"]);
});

test("every recipe in recipes/ validates against the simulator's description", async (t) => {
  const sim = await simulator(t);
  const run = await cli(["validate", "recipes/", "--strict", "--openapi",
    `${sim.url}${OPENAPI_PATH}`]);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stderr, /0 error\(s\), 0 warning\(s\)/);
});
