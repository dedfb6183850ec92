/**
 * Checks the credentials of a call. Three kinds pass: a JWT from login, the
 * sandbox API key, and the cloud pair of `Bearer` plus `Access-token`.
 */
import {
  SANDBOX_API_KEY,
  SANDBOX_CLOUD_ACCESS_TOKEN,
  SANDBOX_CLOUD_BEARER,
} from "./credentials.ts";
import type { SandboxContext } from "./context.ts";
import { ApiFailure } from "./failure.ts";

/** Resolves when the headers carry valid credentials; else throws a 401. */
export async function authenticate(
  context: SandboxContext,
  headers: Record<string, string>,
): Promise<void> {
  const header = headers["authorization"];
  if (header === undefined || header === "") throw _refuse("token missing");

  const token = /^Bearer (\S+)$/i.exec(header)?.[1];
  if (token === undefined) throw _refuse("Authorization must be 'Bearer <token>'");

  if (token.startsWith("api_")) {
    if (token === SANDBOX_API_KEY) return;
    throw _refuse("api key invalid");
  }
  if (token === SANDBOX_CLOUD_BEARER) {
    if (headers["access-token"] === SANDBOX_CLOUD_ACCESS_TOKEN) return;
    throw _refuse("access token missing or invalid");
  }

  const check = await context.tokens.check(token);
  if (check === "expired") throw _refuse("token expired");
  if (check === "invalid") throw _refuse("token invalid");
}

function _refuse(message: string): ApiFailure {
  return new ApiFailure(401, message);
}
