/**
 * Answers one request, in the order a real server would: scripted faults,
 * then routing, then credentials, then the handler; the envelope goes on in
 * one place at the end. A fault may also let the handler run first.
 */
import { stringifyJson } from "../json.ts";
import { authenticate } from "./authenticate.ts";
import type { SandboxContext } from "./context.ts";
import { elementRoutes } from "./elements.ts";
import { eventRoutes } from "./events.ts";
import { answerWithFault } from "./fault-answer.ts";
import { ApiFailure } from "./failure.ts";
import { LOGIN_PATH, loginRoute } from "./login.ts";
import { miscRoutes } from "./misc.ts";
import { OPENAPI_PATH, sandboxOpenApi } from "./openapi.ts";
import { matchRoute, type Route, type SandboxRequest } from "./route.ts";

/** An answer ready to write: status, headers and body text. */
export interface SandboxResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Destroy the connection instead of answering. */
  drop?: boolean;
}

/** Every route of the API sits under this prefix. */
export const API_PREFIX = "/api/v1";

/** Every route of the API, under API_PREFIX; the OpenAPI description lists the same. */
export const ROUTES: readonly Route[] = [
  loginRoute, ...elementRoutes, ...eventRoutes, ...miscRoutes,
];
const JSON_TYPE = "application/json; charset=utf-8";

/** Answers `request`; never throws. `signal` fires when the client has gone. */
export async function handle(
  context: SandboxContext,
  request: SandboxRequest,
  signal: AbortSignal = new AbortController().signal,
): Promise<SandboxResponse> {
  const { path } = request;
  const apiPath = path.startsWith(`${API_PREFIX}/`) ? path.slice(API_PREFIX.length) : "";
  const fault = context.faults.take(path, apiPath === LOGIN_PATH);
  const real = () =>
    _isDescription(request) ? _description(context) : _safely(context, request, apiPath);
  return fault === undefined ? real() : answerWithFault(fault, real, signal);
}

async function _safely(
  context: SandboxContext,
  request: SandboxRequest,
  apiPath: string,
): Promise<SandboxResponse> {
  try {
    return await _answer(context, request, apiPath);
  } catch (error) {
    if (error instanceof ApiFailure) return _failure(error.status, error.message);
    const reason = error instanceof Error ? error.message : String(error);
    return _failure(500, `Sandbox error: ${reason}`);
  }
}

async function _answer(context: SandboxContext, request: SandboxRequest, apiPath: string) {
  const { method, path } = request;
  const match = matchRoute(ROUTES, method, apiPath);
  if ("status" in match) {
    const what = match.status === 404 ? "No such route" : "Method not allowed on";
    return _failure(match.status, `${what} ${method} ${path}`);
  }

  if (!match.route.open) await authenticate(context, request.headers);
  const { data } = await match.route.handler({ request, params: match.params, context });

  const answer: SandboxResponse = context.options.envelope
    ? _json(200, { code: 0, message: "success", data })
    : data === null ? { status: 204, headers: {}, body: "" } : _json(200, data);
  // Like many gateways, each answer names its request, for logs and captures.
  answer.headers["x-request-id"] = `req-${context.requests.length}`;
  return answer;
}

function _failure(status: number, message: string): SandboxResponse {
  return _json(status, { code: status, message });
}

function _json(status: number, value: unknown): SandboxResponse {
  return { status, headers: { "content-type": JSON_TYPE }, body: stringifyJson(value) };
}

function _isDescription({ method, path }: SandboxRequest): boolean {
  return method === "GET" && path === OPENAPI_PATH;
}

// Open to all, like Spring's /v3/api-docs; it describes, it holds no data.
function _description(context: SandboxContext): Promise<SandboxResponse> {
  const { envelope } = context.options;
  return Promise.resolve(_json(200, sandboxOpenApi({ envelope })));
}
