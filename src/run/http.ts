/**
 * One HTTP exchange through ofetch, with none of its conveniences that would
 * hurt here: no retries (the runner decides), no error on 4xx/5xx (a status
 * is data), no JSON parsing that rounds 64-bit ids (parseJson keeps them).
 * Connections are kept alive by the runtime's fetch; bodies are always read
 * to the end so that they can be reused.
 */
import { ofetch } from "ofetch";
import { RecipeError } from "../errors.ts";
import type { JsonValue } from "../json.ts";
import { fetchExtras, freshConnectionExtras } from "../runtime/tls.ts";
import { parseBody, readText, ResponseTooLargeError } from "./body.ts";
import { startDeadline } from "./deadline.ts";
import { MAX_REDIRECTS, nextHop } from "./redirect.ts";
import { IDEMPOTENT } from "./retry.ts";
import { type FailureContext, toNetworkError } from "./transport-error.ts";
import { maskUrl } from "./url.ts";

/** A request ready to send; headers already carry any credentials. */
export interface HttpRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
  signal?: AbortSignal;
  /** The largest body read; default DEFAULT_MAX_RESPONSE_BYTES (64 MB). */
  maxResponseBytes?: number;
}

/** The answer, body read and decoded. */
export interface HttpResponse {
  status: number;
  /** Names lowercased. */
  headers: Record<string, string>;
  text: string;
  /** Parsed body: null when empty, undefined when it is not JSON. */
  json: JsonValue | undefined;
  durationMs: number;
  /** The URL that answered, after same-origin redirects. */
  url: string;
}

/**
 * Sends `request` once. Resolves with any status; throws NetworkError (a
 * TransportError) when no answer could be read, RecipeError when the
 * request cannot be sent as written, ResponseTooLargeError past the limit.
 */
export async function sendHttp(request: HttpRequest): Promise<HttpResponse> {
  _assertSendable(request);
  const started = performance.now();
  const deadline = startDeadline(request.timeoutMs, request.signal);
  let hop = request;
  const failure = (bodyEncoding?: string): FailureContext => ({
    method: hop.method,
    url: hop.url,
    timeoutMs: request.timeoutMs,
    timedOut: deadline.timedOut(),
    aborted: request.signal?.aborted ?? false,
    bodyEncoding,
  });
  const send = (next: HttpRequest): Promise<Response> =>
    _fetch(next, deadline.signal).catch((error: unknown) => {
      throw toNetworkError(error, failure());
    });

  try {
    let response = await send(hop);
    for (let count = 0; count < MAX_REDIRECTS; count++) {
      const next = nextHop(hop, response.status, response.headers.get("location"));
      if (next === undefined) break;
      await response.body?.cancel();
      hop = next;
      response = await send(hop);
    }

    const encoding = response.headers.get("content-encoding") ?? "";
    const where = `${hop.method} ${maskUrl(hop.url)}`;
    const text = await readText(response, request.maxResponseBytes, where)
      .catch((error: unknown) => {
        if (error instanceof ResponseTooLargeError) throw error;
        throw toNetworkError(error, failure(encoding));
      });
    const headers = _headers(response.headers);
    return {
      status: response.status,
      headers,
      text,
      json: parseBody(text, headers["content-type"] ?? ""),
      durationMs: Math.round(performance.now() - started),
      url: response.url || hop.url,
    };
  } finally {
    deadline.clear();
  }
}

function _fetch(request: HttpRequest, signal: AbortSignal): Promise<Response> {
  const headers = { ...request.headers };
  // ofetch would label a string body as JSON; fetch's own default is text.
  const typed = Object.keys(headers).some((name) => name.toLowerCase() === "content-type");
  if (request.body !== undefined && !typed) headers["content-type"] = "text/plain;charset=UTF-8";

  // Limitation: on Deno, an idempotent call whose reused connection drops
  // may be sent again by fetch itself, unseen in the attempts. A client
  // without idle connections for every call would lift it, at a handshake
  // per call; POST and PATCH get one already (see freshConnectionExtras).
  return ofetch.raw(request.url, {
    ...(IDEMPOTENT.has(request.method) ? fetchExtras() : freshConnectionExtras()),
    method: request.method,
    headers,
    body: request.body,
    signal,
    retry: 0,
    ignoreResponseError: true,
    responseType: "stream",
    redirect: "manual",
  });
}

function _headers(headers: Headers): Record<string, string> {
  const record: Record<string, string> = {};
  headers.forEach((value, name) => {
    const seen = record[name];
    record[name] = seen === undefined ? value : `${seen}, ${value}`;
  });
  return record;
}

function _assertSendable(request: HttpRequest): void {
  const where = `${request.method} ${maskUrl(request.url)}`;
  if (request.body !== undefined && /^(GET|HEAD)$/i.test(request.method)) {
    throw new RecipeError(`Cannot send ${where}: a ${request.method} request has no body`, {
      hint: "Remove request.json or request.body, or use POST, PUT or PATCH",
    });
  }
  for (const [name, value] of Object.entries(request.headers)) {
    // Named, never quoted: the value may be a credential.
    if (!/^[!#$%&'*+.^_`|~\w-]+$/.test(name) || /[\r\n\0]/.test(value)) {
      throw new RecipeError(`Cannot send ${where}: header "${name}" is malformed`, {
        hint: "Header names are single words; values must not contain line breaks",
      });
    }
  }
}
