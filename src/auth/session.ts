/**
 * An authenticated session for one recipe: which headers go on a request,
 * and what happens when the server answers 401.
 */
import type { Failure } from "../run/results.ts";
import type { Credentials } from "./credentials.ts";
import { dueForRenewal } from "./expiry.ts";
import { login } from "./login.ts";
import type { TokenStore } from "./token-store.ts";

/** What a session needs from the run. */
export interface SessionContext {
  tokens: TokenStore;
  timeoutMs: number;
  /** Called with each new secret value (a token) so output can hide it. */
  onSecret(value: string): void;
  /** Renew a JWT this many milliseconds before its `exp`; 0 waits for a 401. */
  refreshMarginMs: number;
  /** Verbose diagnostics, e.g. the login request with its password masked. */
  log(line: string): void;
}

/** Credential handling for one recipe, whatever the mode. */
export interface AuthSession {
  /** Gets a first token where the mode needs one; throws CredentialsError. */
  start(): Promise<void>;
  /** The credential headers to send to the recipe's own origin. */
  headers(): Record<string, string>;
  /** The token the headers carry now, to hand back to `renew`. */
  token(): string | undefined;
  /** Renews a token that is about to expire; true when it did. */
  ensureFresh(): Promise<boolean>;
  /** After a 401 with `used`: true when a fresh token makes a replay worth it. */
  renew(used: string | undefined): Promise<boolean>;
  /** Why a 401 that renewing cannot cure stops the recipe, and what to do. */
  refusal(afterRenew: boolean): Failure;
}

/** Creates the session for the recipe's mode. */
export function createSession(credentials: Credentials, context: SessionContext): AuthSession {
  if (credentials.mode === "enterprise") return _enterprise(credentials, context);
  return _static(credentials);
}

function _enterprise(credentials: Credentials, context: SessionContext): AuthSession {
  const { host, values, names } = credentials;
  const key = `${host}\u0000${values.username ?? ""}`;
  const source = async (): Promise<string> => {
    context.log(`> POST ${host}/api/v1/users/login `
      + `{"loginName":${JSON.stringify(values.username ?? "")},"password":"***"}`);
    const token = await login({
      host,
      username: values.username ?? "",
      password: values.password ?? "",
      usernameName: names.username ?? "IDMP_USERNAME",
      passwordName: names.password ?? "IDMP_PASSWORD",
      timeoutMs: context.timeoutMs,
    });
    context.onSecret(token);
    return token;
  };
  const bearer = (): Record<string, string> => {
    const token = context.tokens.current(key);
    return token === undefined ? {} : { authorization: `Bearer ${token}` };
  };

  return {
    async start() {
      if (context.tokens.current(key) !== undefined) return;
      const stored = values.token;
      if (stored !== undefined) context.tokens.set(key, stored);
      else await context.tokens.renew(key, undefined, source);
    },
    headers: bearer,
    token: () => context.tokens.current(key),
    async ensureFresh() {
      const token = context.tokens.current(key);
      if (!dueForRenewal(context.tokens.life(key), context.refreshMarginMs)) return false;
      await context.tokens.renew(key, token, source);
      return true;
    },
    async renew(used) {
      await context.tokens.renew(key, used, source);
      return true;
    },
    refusal: (afterRenew) => ({
      kind: "credentials",
      message: afterRenew
        ? "The server refused fresh credentials: HTTP 401 again after a new login"
        : "The server refused the credentials: HTTP 401",
      hint: `Check that the account in ${names.username ?? "IDMP_USERNAME"} is enabled `
        + "and that the server's clock and jwt settings are sane",
    }),
  };
}

function _static(credentials: Credentials): AuthSession {
  const { values, names, mode } = credentials;
  const headers: Record<string, string> = {};
  if (mode === "cloud") {
    headers.authorization = `Bearer ${values.bearerToken ?? ""}`;
    headers["access-token"] = values.accessToken ?? "";
  } else if (mode === "apiKey") {
    headers.authorization = `Bearer ${values.apiKey ?? ""}`;
  }

  return {
    async start() {},
    headers: () => headers,
    token: () => values.bearerToken ?? values.apiKey,
    ensureFresh: async () => false,
    renew: async () => false,
    refusal: () => ({ kind: "credentials", ..._staticAdvice(mode, names) }),
  };
}

function _staticAdvice(mode: Credentials["mode"], names: Readonly<Record<string, string>>) {
  if (mode === "cloud") {
    const vars = `${names.bearerToken ?? "BEARER_TOKEN"} and ${names.accessToken ?? "CLOUD_TOKEN"}`;
    return {
      message: "The cloud service refused the tokens (HTTP 401): they have expired or are wrong",
      hint: `Log in to the IDMP cloud in a browser, open the developer tools, copy the `
        + `Authorization and Access-token headers of any /api/v1/... request into ${vars}`,
    };
  }
  if (mode === "apiKey") {
    return {
      message: `The server refused the API key in ${names.apiKey ?? "IDMP_API_KEY"} (HTTP 401)`,
      hint: "Check the key's expiry and status under Personal Settings in IDMP",
    };
  }
  return {
    message: "The server asks for credentials (HTTP 401) but the recipe's auth mode is 'none'",
    hint: "Set auth.mode to enterprise, cloud or apiKey",
  };
}
