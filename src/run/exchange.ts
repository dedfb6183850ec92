/**
 * Sends a prepared request with the session's credentials. On a 401 it
 * renews the token once and replays the request once; on a 429, a 5xx or a
 * network failure it asks the retry policy whether to wait and try again.
 */
import type { AuthSession } from "../auth/session.ts";
import { type HttpResponse, sendHttp } from "./http.ts";
import type { PreparedRequest } from "./prepare.ts";
import type { Attempt, Failure } from "./results.ts";
import { decideRetry, DEFAULT_RETRY, type RetryInput, type RetryPolicy } from "./retry.ts";
import { NetworkError } from "./transport-error.ts";
import { maskUrl, sameOrigin } from "./url.ts";

/** The last answer, every attempt, and whether the token was renewed. */
export interface Exchange {
  response: HttpResponse;
  attempts: Attempt[];
  tokenRefreshed: boolean;
  /** Set when a 401 survived everything the session could do. */
  refused?: Failure;
  /** Set when the last answer was of a retried kind but retrying stopped. */
  gaveUp?: Failure;
  /** The headers of the last attempt, credentials included. */
  headers: Record<string, string>;
}

/** How an exchange may repeat its request, and what it waits and logs with. */
export interface ExchangeOptions {
  retry?: RetryPolicy;
  /** Statuses the step expects: checked, never retried. */
  expects?: readonly number[];
  /** Attempts are recorded here as they happen, so they outlive a throw. */
  attempts?: Attempt[];
  sleep?: (ms: number) => Promise<void>;
  /** Jitter source in [0, 1). */
  random?: () => number;
  /** Warnings, such as an unreadable Retry-After. */
  log?: (line: string) => void;
  /** Verbose lines, one per retry. */
  trace?: (line: string) => void;
}

type _Sent =
  | { response: HttpResponse; headers: Record<string, string>; error?: undefined }
  | { error: NetworkError };

/**
 * Sends `request`; credentials go only to the recipe's own origin. Throws
 * the last NetworkError when no answer came and no retry is left.
 */
export async function exchange(
  request: PreparedRequest,
  host: string,
  session: AuthSession,
  options: ExchangeOptions = {},
): Promise<Exchange> {
  const ownOrigin = sameOrigin(request.url, host);
  const attempts = options.attempts ?? [];
  const policy = options.retry ?? DEFAULT_RETRY;
  const where = `${request.method} ${maskUrl(request.url)}`;
  let replayed = false;
  let tokenRefreshed = false;
  let tries = 1;

  for (;;) {
    const used = session.token();
    const sent = await _send(request, ownOrigin ? session : undefined, attempts);
    const last = _last(attempts);

    const expected = options.expects?.includes(401) ?? false;
    if (sent.error === undefined && sent.response.status === 401 && ownOrigin && !expected) {
      const { response, headers } = sent;
      if (replayed || !(await session.renew(used))) {
        const refused = session.refusal(replayed);
        return { response, headers, attempts, tokenRefreshed, refused };
      }
      last.reason = "401: token renewed, request replayed";
      replayed = tokenRefreshed = true;
      continue;
    }

    const input = _retryInput(sent, request.method, tries, options.expects);
    const decision = decideRetry(input, policy, options.random);
    if (!decision.retry) {
      if (decision.note !== undefined) last.reason = decision.note;
      if (sent.error !== undefined) throw _withNote(sent.error, decision.note, decision.hint);
      const { note: message, hint } = decision;
      const gaveUp: Failure | undefined =
        message === undefined ? undefined : { kind: "check", message, hint };
      return { response: sent.response, headers: sent.headers, attempts, tokenRefreshed, gaveUp };
    }

    Object.assign(last, { reason: decision.reason, waitMs: decision.waitMs });
    if (decision.warning) options.log?.(`warning: ${where}: ${decision.warning}`);
    options.trace?.(`  retry ${tries + 1} of ${policy.attempts} in ${decision.waitMs} ms `
      + `(${decision.reason})`);
    await (options.sleep ?? _sleep)(decision.waitMs);
    if (ownOrigin && (await session.ensureFresh())) tokenRefreshed = true;
    tries++;
  }
}

async function _send(
  request: PreparedRequest,
  session: AuthSession | undefined,
  attempts: Attempt[],
): Promise<_Sent> {
  const headers = session ? { ...request.headers, ...session.headers() } : request.headers;
  const number = attempts.length + 1;
  const started = performance.now();
  try {
    const response = await sendHttp({ ...request, headers });
    attempts.push({ number, status: response.status, durationMs: response.durationMs });
    return { response, headers };
  } catch (error) {
    if (!(error instanceof NetworkError)) throw error;
    const durationMs = Math.round(performance.now() - started);
    attempts.push({ number, error: error.code, durationMs });
    return { error };
  }
}

function _retryInput(
  sent: _Sent,
  method: string,
  tries: number,
  expects: readonly number[] | undefined,
): RetryInput {
  if (sent.error !== undefined) return { method, tries, error: sent.error.code };
  const { status, headers } = sent.response;
  return { method, tries, status, headers, expects };
}

// The message keeps the count of attempts; the hint the way out.
function _withNote(error: NetworkError, note?: string, hint?: string): NetworkError {
  if (note === undefined) return error;
  const said = note.charAt(0).toLowerCase() + note.slice(1);
  return new NetworkError(`${error.message}; ${said}`, error.code, hint ?? error.hint);
}

function _sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function _last(attempts: Attempt[]): Attempt {
  const attempt = attempts.at(-1);
  if (!attempt) throw new Error("No attempt was made");
  return attempt;
}
