/**
 * The operations of a dereferenced OpenAPI 3.0 or 3.1 description, as the
 * checks and `init` read them: method, path, parameters merged from the path
 * item and the operation, request body and responses.
 */

/** A parsed JSON or YAML object whose keys are not known yet. */
export type JsonObject = Record<string, unknown>;

/** The OpenAPI minor versions read: their schemas differ (`nullable`, type lists). */
export type OpenApiVersion = "3.0" | "3.1";

/** One parameter of an operation. */
export interface OperationParameter {
  name: string;
  in: "query" | "path" | "header" | "cookie";
  required: boolean;
  description?: string;
  /** The parameter's schema (from `schema`, or the first `content` entry). */
  schema: JsonObject;
}

/** One method on one path of the description. */
export interface Operation {
  /** Upper case, e.g. `GET`. */
  method: string;
  /** The path as the description writes it, e.g. `/elements/{id}`. */
  path: string;
  /** The path with the server's base path before it, as a recipe writes it. */
  fullPath: string;
  operationId?: string;
  summary?: string;
  parameters: OperationParameter[];
  requestBody?: { required: boolean; content: Record<string, JsonObject> };
  responses: Record<string, JsonObject>;
}

/** A description ready to check recipes against. */
export interface OpenApi {
  /** The file or URL it was read from. */
  source: string;
  version: OpenApiVersion;
  operations: Operation[];
}

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
const LOCATIONS = ["query", "path", "header", "cookie"] as const;

/** True for a plain object (not a list, not null). */
export function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Every operation of a dereferenced document, under each server base path. */
export function indexOperations(doc: JsonObject): Operation[] {
  const paths = isObject(doc["paths"]) ? doc["paths"] : {};
  const bases = _basePaths(doc["servers"]);
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    const shared = _parameters(item["parameters"]);
    for (const method of METHODS) {
      const raw = item[method];
      if (!isObject(raw)) continue;
      for (const base of bases) {
        operations.push(_operation(method, path, base + path, raw, shared));
      }
    }
  }
  return operations;
}

function _operation(
  method: string,
  path: string,
  fullPath: string,
  raw: JsonObject,
  shared: OperationParameter[],
): Operation {
  const own = _parameters(raw["parameters"]);
  const overridden = (p: OperationParameter) => own.some((o) => o.name === p.name && o.in === p.in);
  const body = raw["requestBody"];
  return {
    method: method.toUpperCase(),
    path,
    fullPath,
    ...(typeof raw["operationId"] === "string" ? { operationId: raw["operationId"] } : {}),
    ...(typeof raw["summary"] === "string" ? { summary: raw["summary"] } : {}),
    parameters: [...shared.filter((p) => !overridden(p)), ...own],
    ...(isObject(body) ? {
      requestBody: { required: body["required"] === true, content: _objects(body["content"]) },
    } : {}),
    responses: _objects(raw["responses"]),
  };
}

function _parameters(value: unknown): OperationParameter[] {
  if (!Array.isArray(value)) return [];
  const parameters: OperationParameter[] = [];
  for (const raw of value) {
    if (!isObject(raw) || typeof raw["name"] !== "string") continue;
    const location = LOCATIONS.find((known) => known === raw["in"]);
    if (location === undefined) continue;
    const content = Object.values(_objects(raw["content"]))[0];
    const schema = raw["schema"] ?? content?.["schema"];
    parameters.push({
      name: raw["name"],
      in: location,
      required: raw["required"] === true || location === "path",
      ...(typeof raw["description"] === "string" ? { description: raw["description"] } : {}),
      schema: isObject(schema) ? schema : {},
    });
  }
  return parameters;
}

// The path part of each server URL ("https://h/idmp" → "/idmp"); none → "".
// Limitation: server variables are not substituted; a `{name}` in a base
// path matches any one segment, as a path parameter does.
function _basePaths(servers: unknown): string[] {
  if (!Array.isArray(servers) || servers.length === 0) return [""];
  const bases = new Set<string>();
  for (const server of servers) {
    if (!isObject(server) || typeof server["url"] !== "string") continue;
    const path = server["url"].replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, "").replace(/[?#].*$/, "");
    bases.add(path.replace(/\/+$/, ""));
  }
  return bases.size === 0 ? [""] : [...bases];
}

function _objects(value: unknown): Record<string, JsonObject> {
  const out: Record<string, JsonObject> = {};
  if (!isObject(value)) return out;
  for (const [key, item] of Object.entries(value)) if (isObject(item)) out[key] = item;
  return out;
}
