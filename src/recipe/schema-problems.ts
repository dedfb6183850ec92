/**
 * Validates parsed YAML against the recipe schema and turns ajv's errors
 * into one problem per real mistake, at the offending node.
 */
import type { ErrorObject } from "ajv";
import { type CheckContext, report } from "./context.ts";
import { bigintsAsNumbers } from "./integers.ts";
import type { NodePath } from "./problem.ts";
import { recipeValidator } from "./schema.ts";
import { type Finding, findingOf } from "./schema-messages.ts";
import { valueAt } from "./describe.ts";

/** Checks a value against the schema; true when it conforms. */
export function checkSchema(context: CheckContext, value: unknown): boolean {
  const data = bigintsAsNumbers(value);
  let findings = _findings(data);
  if (findings.length === 0) return true;

  // `step:` for `steps:` is one mistake: report the typo, then check its
  // value as if it were spelled right, instead of "missing key 'steps'".
  const typos = _typosOfMissing(findings);
  if (typos.length > 0) {
    const again = _findings(_renamed(data, typos)).map((f) => _pathBack(f, typos));
    findings = [...typos, ...again];
  }

  const seen = new Set<string>();
  for (const finding of findings) {
    const key = `${finding.rule}\0${finding.message}\0${finding.path.join("\0")}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const { locator } = context;
    const at = finding.anchor === "key" ? locator.key(finding.path) : locator.value(finding.path);
    report(context, at, finding.rule, finding.message, { path: finding.path });
  }
  return false;
}

function _findings(data: unknown): Finding[] {
  const validate = recipeValidator();
  if (validate(data)) return [];
  return _collapse(validate.errors ?? [])
    .map((error) => findingOf(error, _pathOf(error.instancePath, data), data));
}

/**
 * Folds the errors ajv reports for each branch of an `anyOf` into the ones
 * that matter, and a `propertyNames` failure into one error naming the key.
 * Drops `if` and `discriminator` errors, which repeat what others say.
 */
function _collapse(errors: readonly ErrorObject[]): ErrorObject[] {
  const out: ErrorObject[] = [];
  for (const error of errors) {
    if (error.keyword === "if" || error.keyword === "discriminator") continue;
    if (error.keyword === "anyOf") out.push(..._anyOf(error, _popInside(out, error)));
    else if (error.keyword === "propertyNames") {
      const [inner] = _popInside(out, error);
      out.push({ ...error, params: { ...error.params, pattern: inner?.params["pattern"] } });
    } else out.push(error);
  }
  return out;
}

// ajv reports a branch's errors just before the `anyOf` error itself, all
// at or below its data path.
// Limitation: an error from a sibling keyword of the same schema at the
// same data path would be taken for a branch error; the recipe schema has
// none, and a schema-path check would lift it.
function _popInside(out: ErrorObject[], parent: ErrorObject): ErrorObject[] {
  const inside: ErrorObject[] = [];
  const prefix = `${parent.instancePath}/`;
  for (let last = out.at(-1); last; last = out.at(-1)) {
    const within = last.instancePath === parent.instancePath ||
      last.instancePath.startsWith(prefix);
    if (!within) break;
    inside.unshift(last);
    out.pop();
  }
  return inside;
}

// When every branch wants another type, one type error lists them all;
// otherwise the branch of the right type says what is wrong inside it.
function _anyOf(error: ErrorObject, inside: ErrorObject[]): ErrorObject[] {
  const list: unknown[] = Array.isArray(error.schema) ? error.schema : [];
  // A branch that is a bare `$ref` reports its type miss at the target.
  const refs = list.map((branch) => `${Object(branch)["$ref"]}/type`);
  const typeMisses = inside.filter((e) =>
    e.keyword === "type" && e.instancePath === error.instancePath &&
    (e.schemaPath.startsWith(`${error.schemaPath}/`) || refs.includes(e.schemaPath))
  );
  if (typeMisses.length < list.length) return inside.filter((e) => !typeMisses.includes(e));
  const types = typeMisses.flatMap((e) => _asList(e.params["type"]));
  return [{ ...error, keyword: "type", params: { type: [...new Set(types)] } }];
}

// Unknown keys that are near-misses of a key missing beside them.
function _typosOfMissing(findings: Finding[]): Finding[] {
  const missing = new Set(
    findings.filter((f) => f.missingKey !== undefined)
      .map((f) => [...f.path, f.missingKey].join("\0")),
  );
  return findings.filter((f) =>
    f.suggestion !== undefined && missing.has([...f.path.slice(0, -1), f.suggestion].join("\0"))
  );
}

// A copy of the data with each typo key renamed to the key it stands for.
function _renamed(data: unknown, typos: Finding[]): unknown {
  const copy: unknown = structuredClone(data);
  for (const typo of typos) {
    const parent = valueAt(copy, typo.path.slice(0, -1));
    const key = String(typo.path.at(-1));
    if (parent === null || typeof parent !== "object" || typo.suggestion === undefined) continue;
    const entries = Object.entries(parent).map(([k, v]) => [k === key ? typo.suggestion : k, v]);
    for (const k of Object.keys(parent)) Reflect.deleteProperty(parent, k);
    Object.assign(parent, Object.fromEntries(entries));
  }
  return copy;
}

// Paths found in the renamed copy, written with the keys of the file.
function _pathBack(finding: Finding, typos: Finding[]): Finding {
  const path = [...finding.path];
  for (const typo of typos) {
    const depth = typo.path.length - 1;
    const same = typo.path.slice(0, depth).every((segment, i) => path[i] === segment);
    if (same && path[depth] === typo.suggestion) path[depth] = String(typo.path.at(-1));
  }
  return { ...finding, path };
}

function _pathOf(pointer: string, data: unknown): NodePath {
  const path: (string | number)[] = [];
  let current = data;
  for (const raw of pointer.split("/").slice(1)) {
    const key = raw.replaceAll("~1", "/").replaceAll("~0", "~");
    const segment = Array.isArray(current) ? Number(key) : key;
    path.push(segment);
    current = current !== null && typeof current === "object"
      ? (current as Record<string | number, unknown>)[segment]
      : undefined;
  }
  return path;
}

function _asList(value: unknown): string[] {
  if (typeof value === "string") return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}
