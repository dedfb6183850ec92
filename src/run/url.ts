/**
 * URLs of requests: a step's path joined under the host's base path, a query
 * string encoded by one fixed policy, and the masking of secret query values
 * for messages.
 */
import { RecipeError, UsageError } from "../errors.ts";
import { encodeQuery } from "./query.ts";

/** What stands in for a secret query value in messages. */
export const URL_MASK = "***";

// Query parameter names whose values are treated as secrets in messages.
const SECRET_NAME = /token|key|secret|passw|pwd|auth|sig|credential|session|cookie/i;

/**
 * Joins `path` under the host's base path and appends `query`. An absolute
 * `http(s)://` path is used as is. Throws UsageError for a malformed host.
 */
export function buildUrl(host: string, path: string, query?: Record<string, unknown>): string {
  _refuseDotSegments(path);
  const url = /^https?:\/\//i.test(path) ? _parse(path, "URL") : _join(_parseHost(host), path);
  const extra = query === undefined ? "" : encodeQuery(query);
  if (extra !== "") url.search = url.search === "" ? extra : `${url.search.slice(1)}&${extra}`;
  return url.href;
}

// `..` would climb out of the host's base path (and still carry credentials
// there); `.` is noise. Both are refused rather than resolved.
function _refuseDotSegments(path: string): void {
  if (!/\.|%2e/i.test(path)) return;
  const segments = path.split(/[?#]/, 1)[0]?.split("/") ?? [];
  if (!segments.some((segment) => /^(?:\.|%2e){1,2}$/i.test(segment))) return;
  throw new RecipeError(`Path "${path}" has a '.' or '..' segment`, {
    hint: "Write the path from the host's base, e.g. /api/v1/elements",
  });
}

/** True when both URLs parse and share scheme, host and port. */
export function sameOrigin(a: string, b: string): boolean {
  if (!URL.canParse(a) || !URL.canParse(b)) return false;
  return new URL(a).origin === new URL(b).origin;
}

/**
 * The URL with secret-looking query values (and any password in it) masked:
 * names matching token, key, secret, password, auth... plus `secretNames`.
 */
export function maskUrl(url: string, secretNames: readonly string[] = []): string {
  if (!/[?#@]/.test(url)) return url; // nothing that could hold a secret
  if (!URL.canParse(url)) return url.replace(/[?#].*$/s, "?…");
  const parsed = new URL(url);
  if (parsed.password !== "") parsed.password = URL_MASK;

  const extra = new Set(secretNames.map((name) => name.toLowerCase()));
  const isSecret = (name: string): boolean =>
    SECRET_NAME.test(name) || extra.has(name.toLowerCase());
  const pairs = parsed.search.slice(1).split("&").filter((pair) => pair !== "");
  const masked = pairs.map((pair) => {
    const [name = "", value] = pair.split("=", 2);
    if (value === undefined || value === "" || !isSecret(_decode(name))) return pair;
    return `${name}=${URL_MASK}`;
  });
  parsed.search = masked.join("&");
  return parsed.href;
}

function _join(base: URL, path: string): URL {
  const [pathPart = "", search] = path.split(/\?(.*)/s, 2);
  const head = base.pathname.replace(/\/+$/, "");
  const tail = pathPart.replace(/^\/+/, "");
  base.pathname = tail === "" ? `${head}/` : `${head}/${tail}`;
  if (search !== undefined) base.search = search;
  return base;
}

function _parseHost(host: string): URL {
  const url = _parse(host.trim(), "host");
  if (url.username !== "" || url.password !== "") {
    throw new UsageError("Cannot use a host that contains a user name or password", {
      hint: "Give credentials through the recipe's auth.env variables instead",
    });
  }
  if (url.search !== "" || url.hash !== "") {
    throw new UsageError(`Cannot use host "${host}": it has a query or fragment`, {
      hint: "Give the host as scheme, name, port and base path, e.g. https://idmp.example.com/idmp",
    });
  }
  return url;
}

function _parse(value: string, what: "host" | "URL"): URL {
  const ok = /^https?:\/\//i.test(value) && URL.canParse(value);
  if (ok) return new URL(value);
  const shown = what === "host" ? `"${value}"` : `"${maskUrl(value)}"`;
  throw new UsageError(`Cannot use ${what} ${shown}: expected an http:// or https:// URL`, {
    hint: "Write it with its scheme, e.g. https://idmp.example.com",
  });
}

function _decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return text;
  }
}
