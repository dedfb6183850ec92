import assert from "node:assert/strict";
import { test } from "node:test";
import { MASK, Redactor } from "../src/report/redact.ts";

const SECRET = 'pw"canary\\Zq9-long-enough';

function redactor(): Redactor {
  const r = new Redactor();
  r.add(SECRET, "tok-canary-ABCDEFGH", undefined, "ab");
  return r;
}

for (const [label, text] of [
  ["as it is", SECRET],
  ["escaped once in JSON", JSON.stringify(SECRET)],
  ["escaped twice in JSON", JSON.stringify(JSON.stringify({ password: SECRET }))],
  ["percent-encoded", `/x/${encodeURIComponent(SECRET)}?q=1`],
] as const) {
  test(`Redactor.redact() hides a secret ${label}`, () => {
    const out = redactor().redact(text);

    assert.ok(out.includes(MASK), out);
    assert.ok(!out.includes("canary"), out);
  });
}

test("Redactor.redact() hides the head of a secret that a cut left before an ellipsis", () => {
  const out = redactor().redact('"authorization":"Bearer tok-canary-ABC…" and tok-can...');

  assert.equal(out, '"authorization":"Bearer ***…" and ***...');
});

test("Redactor.redact() leaves other cut text and short values alone", () => {
  const out = redactor().redact("a long description of the plant… ab ab and so on...");

  assert.equal(out, "a long description of the plant… ab ab and so on...");
});

test("Redactor learns values later, e.g. a renewed token", () => {
  const r = redactor();
  r.addValue(1234567890123456789n);

  assert.equal(r.redact("id 1234567890123456789"), `id ${MASK}`);
});
