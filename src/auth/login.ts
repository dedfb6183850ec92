/**
 * Enterprise login: `POST /api/v1/users/login` with `loginName` and
 * `password`; the JWT comes back in `token` or, wrapped, in `data.token`.
 */
import { CredentialsError, TransportError } from "../errors.ts";
import type { JsonValue } from "../json.ts";
import { type HttpResponse, sendHttp } from "../run/http.ts";
import { backoffMs, DEFAULT_RETRY } from "../run/retry.ts";
import { NetworkError } from "../run/transport-error.ts";
import { buildUrl } from "../run/url.ts";

/** What a login needs besides the password itself. */
export interface LoginRequest {
  host: string;
  username: string;
  password: string;
  /** Env var names, for messages that must never carry values. */
  usernameName: string;
  passwordName: string;
  timeoutMs: number;
}

const TRANSIENT_CODES = new Set(["ECONNRESET", "ECONNREFUSED", "ETIMEDOUT", "EHOSTUNREACH"]);

/** The login path, relative to the host. */
export const LOGIN_PATH = "/api/v1/users/login";

/**
 * Logs in and returns the bare token. A refusal throws CredentialsError at
 * once; a server error (5xx, 429) or a dropped connection is tried again
 * with backoff (a login changes nothing on the server), then throws
 * TransportError.
 */
export async function login(request: LoginRequest): Promise<string> {
  const url = buildUrl(request.host, LOGIN_PATH);
  const body = JSON.stringify({ loginName: request.username, password: request.password });
  const send = () => sendHttp({
    method: "POST",
    url,
    headers: { "content-type": "application/json", accept: "application/json" },
    body,
    timeoutMs: request.timeoutMs,
  });

  const response = await _withRetries(send);
  if (_serverTrouble(response)) {
    throw new TransportError(`Login to ${request.host} failed: HTTP ${response.status} after `
      + `${DEFAULT_RETRY.attempts} attempts`, { hint: _hint(response.status, request) });
  }

  const code = _field(response.json, "code");
  const refused = response.status < 200 || response.status > 299
    || (typeof code === "number" && code !== 0);
  if (refused) {
    const why = _field(response.json, "message");
    const detail = typeof why === "string" && why !== "" ? ` ("${why}")` : "";
    throw new CredentialsError(
      `Login to ${request.host} was refused: HTTP ${response.status}${detail}`,
      { hint: _hint(response.status, request) },
    );
  }

  const token = _tokenOf(response.json);
  if (token === undefined) {
    throw new CredentialsError(
      `Login to ${request.host} answered HTTP ${response.status} without a token`,
      { hint: "The answer has neither 'token' nor 'data.token'; is IDMP_HOST an IDMP server?" },
    );
  }
  return token;
}

function _serverTrouble(response: HttpResponse): boolean {
  return response.status === 429 || response.status >= 500;
}

// Tries again after 5xx, 429 and dropped connections, with backoff; the
// last answer or error is the caller's.
async function _withRetries(send: () => Promise<HttpResponse>): Promise<HttpResponse> {
  for (let tries = 1; ; tries++) {
    const outcome = await send().then(
      (response) => ({ response, error: undefined }),
      (error: unknown) => ({ response: undefined, error }),
    );
    const transient = outcome.response
      ? _serverTrouble(outcome.response)
      : outcome.error instanceof NetworkError && TRANSIENT_CODES.has(outcome.error.code);
    if (!transient || tries >= DEFAULT_RETRY.attempts) {
      if (outcome.response) return outcome.response;
      throw outcome.error;
    }
    const wait = backoffMs(tries, DEFAULT_RETRY, Math.random);
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}

function _hint(status: number, request: LoginRequest): string {
  if (status === 404 || status === 405) {
    return `No login at ${LOGIN_PATH} under this address: check the host variable `
      + "and its base path (e.g. https://host:6042 or https://host/idmp)";
  }
  if (status >= 500) return "The server failed while logging in; try again or ask its operator";
  return `Check ${request.usernameName} and ${request.passwordName}`;
}

function _tokenOf(json: JsonValue | undefined): string | undefined {
  const direct = _field(json, "token");
  const wrapped = _field(_field(json, "data"), "token");
  const token = typeof direct === "string" ? direct : wrapped;
  if (typeof token !== "string") return undefined;
  const bare = token.trim().replace(/^bearer\s+/i, "").trim();
  return bare === "" ? undefined : bare;
}

function _field(value: JsonValue | undefined, key: string): JsonValue | undefined {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return undefined;
  return value[key];
}
