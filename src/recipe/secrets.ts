/**
 * Finds credentials written into a recipe. A recipe names environment
 * variables; it never holds a token, key or password. Messages say where
 * the secret is and never repeat it.
 */
import { type CheckContext, report } from "./context.ts";
import { formatPath, nameOf, type NodePath } from "./problem.ts";
import type { Recipe } from "./types.ts";
import { forEachString } from "./walk.ts";

const JWT = /eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/;
const API_KEY = /\bapi_[A-Za-z0-9-]+\.[A-Za-z0-9_-]{16,}/;
const SECRET_HEADERS = new Set([
  "authorization", "proxy-authorization", "access-token", "cookie", "x-api-key",
]);
// Compared lower case, without `-` and `_`: `access_token` is `accesstoken`.
const SECRET_KEYS = new Set([
  "password", "pwd", "passwd", "passphrase", "token", "accesstoken", "secret",
  "clientsecret", "apikey",
]);
const TEMPLATE = /\$\{\{.*?\}\}/g;
// Text a header may put before its template, e.g. `Bearer ${{ env.T }}`.
const SCHEMES = /^(?:bearer|basic|token)?$/i;
const FIX = "keep the secret in an environment variable and write ${{ env.NAME }}";

/**
 * Reports each literal secret in a recipe, without its value. A node that
 * already has an error (e.g. a credential header to remove) gets no second.
 */
export function checkSecrets(context: CheckContext, recipe: Recipe): void {
  const reported = new Set<string>();
  for (const problem of context.problems) {
    if (problem.severity === "error" && problem.path !== undefined) reported.add(problem.path);
  }
  const flag = (path: NodePath, finding: string): void => {
    const key = formatPath(path);
    if (reported.has(key)) return;
    reported.add(key);
    const message = `${finding}; ${FIX}`;
    report(context, context.locator.value(path), "literal-secret", message, { path });
  };

  recipe.steps.forEach((step, index) => {
    const request = ["steps", index, "request"];
    for (const [name, value] of Object.entries(step.request.headers ?? {})) {
      if (SECRET_HEADERS.has(name.toLowerCase()) && !_isTemplateOnly(value)) {
        flag([...request, "headers", name], `Header '${name}' holds a literal value`);
      }
    }
    _secretKeys(step.request.json, [...request, "json"], flag);
    _secretKeys(step.request.query, [...request, "query"], flag);
  });

  // A token or key pasted anywhere else: in a path, a body, vars, a check.
  forEachString(recipe, [], (text, path) => {
    if (path[0] === "auth") return;
    if (JWT.test(text)) flag(path, `'${nameOf(path)}' holds what looks like a JWT`);
    else if (API_KEY.test(text)) flag(path, `'${nameOf(path)}' holds what looks like an API key`);
  });
}

/** True when a text holds secret material: a JWT or an IDMP API key. */
export function looksLikeSecret(text: string): boolean {
  return JWT.test(text) || API_KEY.test(text);
}

// Keys such as `password` or `apiKey` whose value is written out.
function _secretKeys(
  value: unknown,
  path: NodePath,
  flag: (path: NodePath, finding: string) => void,
): void {
  if (value === null || typeof value !== "object") return;
  for (const [key, item] of Object.entries(value)) {
    const at = [...path, Array.isArray(value) ? Number(key) : key];
    const normal = key.toLowerCase().replace(/[-_]/g, "");
    if (SECRET_KEYS.has(normal) && _isLiteral(item)) flag(at, `'${key}' holds a literal value`);
    else _secretKeys(item, at, flag);
  }
}

function _isLiteral(value: unknown): boolean {
  if (typeof value === "number" || typeof value === "bigint") return true;
  return typeof value === "string" && value.trim() !== "" && !_isTemplateOnly(value);
}

function _isTemplateOnly(text: string): boolean {
  return text.includes("${{") && SCHEMES.test(text.replace(TEMPLATE, "").trim());
}
