/**
 * Types of the recipe schema's keys in words, for the reference: `integer
 * (1 to 10)`, `one of GET, POST`, `name (letters, digits and _)`, `any`.
 */

/** A JSON Schema object as read from the file. */
export type Schema = Readonly<Record<string, unknown>>;

// The schema's patterns, in words.
const PATTERNS: Readonly<Record<string, string>> = {
  "^[A-Za-z_][A-Za-z0-9_]*$": "name (letters, digits and _)",
  "^\\$": "JSONPath",
  "\\$\\{\\{": "template",
  "^\\$\\{\\{.*\\}\\}$": "template",
};

/** The type of a key in words, e.g. `integer (1 to 10)` or `one of GET, POST`. */
export function typeOf(root: Schema, schema: Schema): string {
  if ("const" in schema) return `always ${JSON.stringify(schema["const"])}`;
  if (Array.isArray(schema["enum"])) return `one of ${schema["enum"].join(", ")}`;
  const anyOf = Array.isArray(schema["anyOf"]) ? schema["anyOf"].map(asSchema) : [];
  if (anyOf.length > 0) {
    const types = anyOf.map((branch) => (branch ? typeOf(root, branch) : "any"));
    return [...new Set(types)].join(" or ");
  }
  if (typeof schema["$ref"] === "string") {
    const target = resolveRef(root, schema["$ref"]);
    const title = typeof target["title"] === "string" ? target["title"].toLowerCase() : "";
    return target["type"] === "object" && title !== "" ? title : typeOf(root, target);
  }
  const type = schema["type"];
  const names = Array.isArray(type) ? type.map(String) : type === undefined ? [] : [String(type)];
  if (names.length === 0) return schema["if"] ? "a literal or matchers" : "any";
  if (names.includes("array")) {
    const items = asSchema(schema["items"]);
    return items ? `list of ${typeOf(root, items)}` : "list";
  }
  if (names[0] === "string" && typeof schema["pattern"] === "string") {
    return PATTERNS[schema["pattern"]] ?? "string (a pattern)";
  }
  const last = names.pop();
  const listed = names.length > 0 ? `${names.join(", ")} or ${last}` : String(last);
  return `${listed}${_bounds(schema)}`;
}

function _bounds(schema: Schema): string {
  const min = schema["minimum"];
  const max = schema["maximum"];
  if (typeof min === "number" && typeof max === "number") return ` (${min} to ${max})`;
  if (typeof min === "number") return ` (at least ${min})`;
  return "";
}

/** The schema a local `$ref` such as `#/$defs/step` points to. */
export function resolveRef(root: Schema, ref: string): Schema {
  let node: unknown = root;
  for (const part of ref.replace(/^#\//, "").split("/")) node = asSchema(node)?.[part];
  const found = asSchema(node);
  if (!found) throw new Error(`The schema has no ${ref}`);
  return found;
}

/** The value as a schema object, or undefined when it is not an object. */
export function asSchema(value: unknown): Schema | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? value as Schema
    : undefined;
}
