/**
 * Answers one request, in the order a real server would: scripted faults,
 * then routing, then credentials, then the handler; the envelope goes on in
 * one place at the end.
 */
import { stringifyJson } from "../json.ts";
import { authenticate } from "./authenticate.ts";
import type { SandboxContext } from "./context.ts";
import { elementRoutes } from "./elements.ts";
import { eventRoutes } from "./events.ts";
import { ApiFailure } from "./failure.ts";
import type { Fault } from "./faults.ts";
import { LOGIN_PATH, loginRoute } from "./login.ts";
import { miscRoutes } from "./misc.ts";
import { matchRoute, type Route, type SandboxRequest } from "./route.ts";

/** An answer ready to write: status, headers and body text. */
export interface SandboxResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Every route of the API sits under this prefix. */
export const API_PREFIX = "/api/v1";

const ROUTES: readonly Route[] = [loginRoute, ...elementRoutes, ...eventRoutes, ...miscRoutes];
const JSON_TYPE = "application/json; charset=utf-8";

/** Answers `request`; never throws. */
export async function handle(
  context: SandboxContext,
  request: SandboxRequest,
): Promise<SandboxResponse> {
  try {
    return await _answer(context, request);
  } catch (error) {
    if (error instanceof ApiFailure) return _failure(error.status, error.message);
    const reason = error instanceof Error ? error.message : String(error);
    return _failure(500, `Sandbox error: ${reason}`);
  }
}

async function _answer(context: SandboxContext, request: SandboxRequest) {
  const { method, path } = request;
  const apiPath = path.startsWith(`${API_PREFIX}/`) ? path.slice(API_PREFIX.length) : "";

  const fault = context.faults.take(path, apiPath === LOGIN_PATH);
  if (fault !== undefined) return _faultResponse(fault);

  const match = matchRoute(ROUTES, method, apiPath);
  if ("status" in match) {
    const what = match.status === 404 ? "No such route" : "Method not allowed on";
    return _failure(match.status, `${what} ${method} ${path}`);
  }

  if (!match.route.open) await authenticate(context, request.headers);
  const { data } = await match.route.handler({ request, params: match.params, context });

  if (!context.options.envelope) {
    if (data === null) return { status: 204, headers: {}, body: "" };
    return _json(200, data);
  }
  return _json(200, { code: 0, message: "success", data });
}

// Text goes out as it is; anything else as JSON; the fault's headers win.
function _faultResponse(fault: Fault): SandboxResponse {
  const { status, body } = fault;
  const response =
    typeof body === "string"
      ? { status, headers: { "content-type": "text/plain; charset=utf-8" }, body }
      : _json(status, body ?? { code: status, message: `Scripted failure ${status}` });
  const extra = Object.entries(fault.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]);
  return { ...response, headers: { ...response.headers, ...Object.fromEntries(extra) } };
}

function _failure(status: number, message: string): SandboxResponse {
  return _json(status, { code: status, message });
}

function _json(status: number, value: unknown): SandboxResponse {
  return { status, headers: { "content-type": JSON_TYPE }, body: stringifyJson(value) };
}
