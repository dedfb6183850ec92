import assert from "node:assert/strict";
import { test } from "node:test";
import { FIRST_ELEMENT_ID } from "../src/sandbox/simulator.ts";
import { call, login, read, rows, start } from "./sandbox-client.ts";

const ELEMENTS = "/api/v1/elements";
const ROOT = "1234567890123456789";

test("the element list pages with current and size", async (t) => {
  const sim = await start(t, { elementCount: 25 });
  const token = await login(sim);
  const page = (query: string) => call(sim, "GET", `${ELEMENTS}?${query}`, { token });

  const third = await page("current=3&size=10");
  assert.deepEqual(
    { ...(read(third.json, "data") as object), rows: rows(third).length },
    { current: 3, size: 10, total: 25, rows: 5 },
  );
  assert.equal(rows(await page("")).length, 10, "size defaults to 10");
  assert.equal(read((await page("")).json, "data", "current"), 1);
  assert.equal(rows(await page("current=4&size=10")).length, 0);
});

test("the seeded root 1234567890123456789 comes first with every digit", async (t) => {
  const sim = await start(t);
  const token = await login(sim);
  const list = await call(sim, "GET", ELEMENTS, { token });
  const one = await call(sim, "GET", `${ELEMENTS}/${ROOT}`, { token });

  assert.match(list.text, new RegExp(`"rows":\\[\\{"id":${ROOT},`));
  assert.match(one.text, new RegExp(`"data":\\{"id":${ROOT},`));
  assert.match(one.text, /"parentId":null/);
  assert.equal(read(one.json, "data", "id"), FIRST_ELEMENT_ID);
  assert.equal(read(rows(list), 1, "id"), FIRST_ELEMENT_ID + 1n);
});

test("parentId lists the children of one element", async (t) => {
  const sim = await start(t);
  const token = await login(sim);
  const answer = await call(sim, "GET", `${ELEMENTS}?parentId=${ROOT}&size=100`, { token });

  const children = rows(answer);
  assert.equal(read(answer.json, "data", "total"), 3);
  const parents = children.map((row) => read(row, "parentId"));
  assert.deepEqual(parents, Array(3).fill(FIRST_ELEMENT_ID));
  assert.match(answer.text, new RegExp(`"parentId":${ROOT}`));
});

test("keyword matches a substring of the name, ignoring case", async (t) => {
  const sim = await start(t, { elementCount: 12 });
  const token = await login(sim);
  const answer = await call(sim, "GET", `${ELEMENTS}?keyword=plant`, { token });

  assert.deepEqual(rows(answer).map((row) => read(row, "name")), ["Plant 1", "Plant 2"]);
});

test("an element is created, read, updated and deleted", async (t) => {
  const sim = await start(t, { elementCount: 5 });
  const token = await login(sim);
  const json = { name: "Pump 9", parentId: FIRST_ELEMENT_ID, description: "new" };

  const created = await call(sim, "POST", ELEMENTS, { token, json });
  const id = read(created.json, "data", "id");
  assert.equal(id, FIRST_ELEMENT_ID + 5n);
  assert.match(created.text, new RegExp(`"parentId":${ROOT}`));

  const rename = { name: "Pump 10" };
  const updated = await call(sim, "PUT", `${ELEMENTS}/${id}`, { token, json: rename });
  assert.equal(read(updated.json, "data", "name"), "Pump 10");
  assert.equal(read(updated.json, "data", "description"), "new");
  const reread = await call(sim, "GET", `${ELEMENTS}/${id}`, { token });
  assert.equal(read(reread.json, "data", "name"), "Pump 10");

  const deleted = await call(sim, "DELETE", `${ELEMENTS}/${id}`, { token });
  assert.deepEqual(deleted.json, { code: 0, message: "success", data: null });
  assert.equal((await call(sim, "GET", `${ELEMENTS}/${id}`, { token })).status, 404);
});

test("bad element writes are 400 and name the problem", async (t) => {
  const sim = await start(t);
  const token = await login(sim);
  const cases = [
    { method: "POST", path: ELEMENTS, json: { description: "no name" }, says: /name/ },
    { method: "POST", path: ELEMENTS, json: { name: "x", parentId: 42 }, says: /42 not/ },
    { method: "PUT", path: `${ELEMENTS}/${ROOT}`, json: { parentId: ROOT }, says: /ancestor/ },
    { method: "DELETE", path: `${ELEMENTS}/${ROOT}`, json: undefined, says: /children/ },
  ];

  for (const { method, path, json, says } of cases) {
    const answer = await call(sim, method, path, { token, json });
    assert.equal(answer.status, 400, `${method} ${path}`);
    assert.equal(read(answer.json, "code"), 400);
    assert.match(String(read(answer.json, "message")), says);
  }
});

test("bad parameters are 400, missing elements and routes 404", async (t) => {
  const sim = await start(t);
  const token = await login(sim);
  const cases = [
    { path: `${ELEMENTS}?size=abc`, status: 400 },
    { path: `${ELEMENTS}?size=1001`, status: 400 },
    { path: `${ELEMENTS}?current=0`, status: 400 },
    { path: `${ELEMENTS}?parentId=root`, status: 400 },
    { path: `${ELEMENTS}?size=1000`, status: 200 },
    { path: `${ELEMENTS}/1234567890123456788`, status: 404 },
    { path: "/api/v1/nothing", status: 404 },
    { path: "/elsewhere", status: 404 },
  ];

  for (const { path, status } of cases) {
    const answer = await call(sim, "GET", path, { token });
    assert.equal(answer.status, status, path);
    assert.equal(read(answer.json, "code"), status === 200 ? 0 : status, path);
  }
  assert.equal((await call(sim, "PATCH", ELEMENTS, { token })).status, 405);
});
