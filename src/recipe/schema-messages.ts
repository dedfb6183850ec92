/**
 * One schema error in words a recipe author acts on: which key, what it
 * must be, what it is, and the nearest allowed name or value.
 */
import type { ErrorObject } from "ajv";
import { describeKind, describeTypes, describeValue, valueAt } from "./describe.ts";
import { nameOf, type NodePath, quote } from "./problem.ts";
import { suggest } from "./suggest.ts";

/** A schema error explained, before it gets a position. */
export interface Finding {
  rule: string;
  message: string;
  path: NodePath;
  /** Point at the key itself (unknown or missing keys) or at its value. */
  anchor: "key" | "value";
  /** For an unknown key: the known key it is probably a typo of. */
  suggestion?: string;
  /** For a missing key: its name. */
  missingKey?: string;
}

const ENV_NAME = "^[A-Za-z_][A-Za-z0-9_]*$";
const NAME_RULE = "start with a letter or _ and hold only letters, digits and _";

/** Explains one (collapsed) ajv error found at `path` in `data`. */
export function findingOf(error: ErrorObject, path: NodePath, data: unknown): Finding {
  const name = nameOf(path);
  const value = valueAt(data, path);
  const got = describeValue(value);
  const param = (key: string): unknown => error.params[key];
  const bad = (message: string): Finding => ({ rule: "bad-value", message, path, anchor: "value" });

  switch (error.keyword) {
    case "additionalProperties":
      return _unknownKey(String(param("additionalProperty")), path, error, data);
    case "required": {
      const missingKey = String(param("missingProperty"));
      const allowed = _strings(_property(error, missingKey)?.["enum"]);
      const hint = allowed.length > 0 ? `; set it to one of ${allowed.join(", ")}` : "";
      const message = `Missing required key '${missingKey}'${hint}`;
      return { rule: "missing-key", message, path, anchor: "key", missingKey };
    }
    case "type": {
      const types = describeTypes(_strings(_list(param("type"))));
      const message = `'${name}' must be ${types}, got ${describeKind(value)}`;
      return { rule: "wrong-type", message, path, anchor: "value" };
    }
    case "enum": {
      const allowed = _strings(param("allowedValues"));
      const near = typeof value === "string" ? suggest(value, allowed) : undefined;
      const hint = near === undefined ? "" : `; did you mean '${near}'?`;
      return bad(`'${name}' must be one of ${allowed.join(", ")}, got ${got}${hint}`);
    }
    case "const":
      return bad(`'${name}' must be ${JSON.stringify(param("allowedValue"))}, got ${got}`);
    case "pattern":
      return _pattern(String(param("pattern")), path, error, value);
    case "propertyNames": {
      const key = String(param("propertyName"));
      const what = param("pattern") === ENV_NAME
        ? `must ${NAME_RULE}`
        : "must be a JSONPath starting with '$'";
      const message = `Key ${quote(key)} in '${name}' ${what}`;
      return { rule: "bad-value", message, path: [...path, key], anchor: "key" };
    }
    case "minimum":
      return bad(`'${name}' must be at least ${String(param("limit"))}, got ${got}`);
    case "maximum":
      return bad(`'${name}' must be at most ${String(param("limit"))}, got ${got}`);
    case "minLength":
    case "minItems":
    case "minProperties":
      return bad(`'${name}' must not be empty`);
    default:
      return bad(`'${name}' ${error.message ?? "is not valid"}`);
  }
}

function _unknownKey(key: string, parent: NodePath, error: ErrorObject, data: unknown): Finding {
  const properties: unknown = error.parentSchema?.["properties"];
  const known = properties !== null && typeof properties === "object"
    ? Object.keys(properties)
    : [];
  const suggestion = suggest(key, known);
  const mode = describeValue(valueAt(data, ["auth", "mode"]));
  const where = _isAuthEnv(parent) ? ` in auth.env for mode ${mode}` : "";
  const fix = suggestion !== undefined
    ? `; did you mean '${suggestion}'?`
    : known.length > 0 ? `; use one of ${known.join(", ")}` : "; remove it";
  const finding: Finding = {
    rule: "unknown-key",
    message: `Unknown key ${quote(key)}${where}${fix}`,
    path: [...parent, key],
    anchor: "key",
  };
  if (suggestion !== undefined) finding.suggestion = suggestion;
  return finding;
}

// Never quote the value here: a pattern failure in auth.env is most often
// a secret pasted where its variable's name belongs.
function _pattern(pattern: string, path: NodePath, error: ErrorObject, value: unknown): Finding {
  const name = nameOf(path);
  if (pattern === ENV_NAME && _isAuthEnv(path.slice(0, -1))) {
    const example = error.parentSchema?.["default"];
    const eg = typeof example === "string" ? `; write a name such as ${example}` : "";
    const message = `'auth.env.${name}' must name an environment variable, ` +
      `not hold its value${eg}`;
    const rule = name === "host" ? "bad-value" : "literal-secret";
    return { rule, message, path, anchor: "value" };
  }
  const message = pattern === ENV_NAME
    ? `'${name}' must ${NAME_RULE}, got ${describeValue(value)}`
    : pattern === "^\\$"
    ? `'${name}' must be a JSONPath starting with '$', got ${describeValue(value)}`
    : name === "forEach"
    ? `'forEach' must be a list, or one whole \${{ }} template that gives a list, ` +
      `got ${describeValue(value)}`
    : `'${name}' must be a number or a \${{ }} template`;
  return { rule: "bad-value", message, path, anchor: "value" };
}

function _isAuthEnv(path: NodePath): boolean {
  return path.length === 2 && path[0] === "auth" && path[1] === "env";
}

function _strings(list: unknown): string[] {
  return Array.isArray(list) ? list.map(String) : [];
}

function _list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

function _property(error: ErrorObject, key: string): Record<string, unknown> | undefined {
  const properties: unknown = error.parentSchema?.["properties"];
  if (properties === null || typeof properties !== "object") return undefined;
  const property: unknown = Reflect.get(properties, key);
  return property !== null && typeof property === "object" ? { ...property } : undefined;
}
