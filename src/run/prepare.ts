/**
 * Turns a step's request, templates and all, into the exact HTTP request to
 * send. Credentials are not added here: see exchange.ts.
 */
import { type JsonValue, stringifyJson } from "../json.ts";
import { renderText, renderValue, type TemplateScope } from "../recipe/template.ts";
import type { Request } from "../recipe/types.ts";
import { buildUrl } from "./url.ts";

/** A request ready to send, credentials aside. */
export interface PreparedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
  /** The step's own limit on the response body; unset: the run's. */
  maxResponseBytes?: number;
}

/** Renders templates and joins the URL; throws TemplateError on a bad reference. */
export function prepareRequest(
  request: Request,
  host: string,
  scope: TemplateScope,
  defaultTimeoutMs: number,
): PreparedRequest {
  // A value set inside a path is one segment: `/` `?` `#` in it are encoded.
  const path = renderText(request.path, scope, encodeURIComponent);
  const query = request.query === undefined
    ? undefined
    : renderValue(request.query as JsonValue, scope) as Record<string, JsonValue>;
  const url = buildUrl(host, path, query);

  const headers: Record<string, string> = { accept: "application/json" };
  let body: string | undefined;
  if (request.json !== undefined) {
    headers["content-type"] = "application/json";
    body = stringifyJson(renderValue(request.json, scope));
  } else if (request.body !== undefined) {
    headers["content-type"] = "text/plain; charset=utf-8";
    body = renderText(request.body, scope);
  }
  for (const [name, value] of Object.entries(request.headers ?? {})) {
    headers[name.toLowerCase()] = renderText(value, scope);
  }

  return {
    method: request.method,
    url,
    headers,
    body,
    timeoutMs: request.timeout ?? defaultTimeoutMs,
    maxResponseBytes: request.maxResponseBytes,
  };
}
