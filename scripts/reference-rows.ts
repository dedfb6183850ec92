/**
 * The rows of the recipe reference: every key of the recipe schema, walked
 * in schema order, with its path, type, default, description and example.
 */
import { asSchema, resolveRef, type Schema, typeOf } from "./reference-types.ts";

export type { Schema };

/** One key of the recipe format as the reference shows it. */
export interface ReferenceRow {
  /** Where the key is written, e.g. `steps[].request.method`. */
  path: string;
  /** Auth modes the key belongs to, when only some. */
  modes: string[];
  type: string;
  default?: unknown;
  description: string;
  example?: unknown;
}

const MODE_BRANCHES = "oneOf";

/** Every key of the schema, parents before children. */
export function referenceRows(root: Schema): ReferenceRow[] {
  const rows: ReferenceRow[] = [];
  _children(root, root, "", [], new Set(), rows);
  return _mergeModes(rows);
}

function _walk(
  root: Schema, node: Schema, path: string, modes: string[], seen: Set<string>,
  rows: ReferenceRow[],
): void {
  const ref = typeof node["$ref"] === "string" ? node["$ref"] : undefined;
  if (ref !== undefined && seen.has(ref)) return;
  const inside = ref === undefined ? seen : new Set([...seen, ref]);
  const merged = ref === undefined ? node : { ...resolveRef(root, ref), ...node };
  const { $ref: _ref, ...schema } = merged;
  rows.push({
    path,
    modes,
    type: typeOf(root, schema),
    default: schema["default"],
    description: String(schema["description"] ?? ""),
    example: Array.isArray(schema["examples"]) ? schema["examples"][0] : undefined,
  });
  _children(root, schema, path, modes, inside, rows);
}

function _children(
  root: Schema, schema: Schema, path: string, modes: string[], seen: Set<string>,
  rows: ReferenceRow[],
): void {
  const join = (key: string): string => (path === "" ? key : `${path}.${key}`);
  for (const [key, child] of _entries(schema["properties"])) {
    _walk(root, child, join(key), modes, seen, rows);
  }
  for (const [pattern, child] of _entries(schema["patternProperties"])) {
    _walk(root, child, join(`${pattern.replace(/^\^/, "")}<name>`), modes, seen, rows);
  }
  const extra = asSchema(schema["additionalProperties"]);
  if (extra) {
    const keys = asSchema(schema["propertyNames"])?.["pattern"];
    _walk(root, extra, join(keys === "^\\$" ? "<JSONPath>" : "<name>"), modes, seen, rows);
  }
  const items = asSchema(schema["items"]);
  if (items && (items["$ref"] !== undefined || items["properties"] !== undefined)) {
    _walk(root, items, `${path}[]`, modes, seen, rows);
  }
  const then = asSchema(schema["then"]);
  if (then) _children(root, resolveRef(root, String(then["$ref"] ?? "")), path, modes, seen, rows);
  const branches = Array.isArray(schema[MODE_BRANCHES]) ? schema[MODE_BRANCHES] : [];
  for (const branch of branches.map(asSchema)) {
    const mode = asSchema(asSchema(branch?.["properties"])?.["mode"])?.["const"];
    if (!branch || typeof mode !== "string") continue;
    const own = Object.fromEntries(_entries(branch["properties"]).filter(([k]) => k !== "mode"));
    _children(root, { properties: own }, path, [mode], seen, rows);
  }
}

// One row for a key every mode shares word for word, with its modes listed.
function _mergeModes(rows: ReferenceRow[]): ReferenceRow[] {
  const out: ReferenceRow[] = [];
  for (const row of rows) {
    const twin = out.find((other) => other.path === row.path && other.modes.length > 0 &&
      JSON.stringify({ ...other, modes: [] }) === JSON.stringify({ ...row, modes: [] }));
    // A key reached twice (a step's `include`, also under `then`) is one row.
    const same = out.some((other) => JSON.stringify(other) === JSON.stringify(row));
    if (twin) twin.modes = [...twin.modes, ...row.modes];
    else if (!same) out.push({ ...row, modes: [...row.modes] });
  }
  return out;
}

function _entries(value: unknown): [string, Schema][] {
  const map = asSchema(value);
  if (!map) return [];
  return Object.entries(map).flatMap(([k, v]) => (asSchema(v) ? [[k, asSchema(v) ?? {}]] : []));
}
