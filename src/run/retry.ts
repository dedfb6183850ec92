/**
 * The retry policy: whether an answer or a network failure is worth another
 * attempt, and how long to wait first (Retry-After, else exponential backoff
 * with jitter). Pure: the clock and the dice come in as arguments.
 */
import type { RetryOptions } from "../recipe/types.ts";
import { parseRetryAfter } from "./retry-after.ts";
import type { NetworkCode } from "./transport-error.ts";

/** Retry settings with every default filled in; times in milliseconds. */
export interface RetryPolicy {
  attempts: number;
  delayMs: number;
  maxDelayMs: number;
  maxRetryAfterMs: number;
  nonIdempotent: boolean;
}

/** The defaults the schema documents for `retry`. */
export const DEFAULT_RETRY: Readonly<RetryPolicy> = {
  attempts: 3,
  delayMs: 500,
  maxDelayMs: 10_000,
  maxRetryAfterMs: 60_000,
  nonIdempotent: false,
};

/** What one attempt came to, as far as retrying is concerned. */
export interface RetryInput {
  method: string;
  /** Attempts made so far that count: the replay after a 401 does not. */
  tries: number;
  status?: number;
  /** Response headers, names lowercased. */
  headers?: Record<string, string>;
  /** Set when no answer came. */
  error?: NetworkCode;
  /** Statuses the step expects: answers to check, never to retry. */
  expects?: readonly number[];
}

/** Try again after `waitMs`, or stop; `note` says why a retryable failure was not retried. */
export type RetryDecision =
  | { retry: true; waitMs: number; reason: string; warning?: string }
  | { retry: false; note?: string; hint?: string };

/** Methods whose repetition has the same effect as one call. */
export const IDEMPOTENT = new Set(["GET", "HEAD", "PUT", "DELETE", "OPTIONS"]);

// Failures where the server may simply be busy or restarting. A host name
// that does not resolve, bad TLS or a garbled body will not heal by waiting.
// Limitation: a refused POST is not retried without nonIdempotent, though
// a refused connection carried nothing; the contract treats all network
// errors alike. Retrying ECONNREFUSED for every method would lift it.
const TRANSIENT = new Set<NetworkCode>([
  "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENETWORK",
]);

/** Layers `retry` settings (defaults first, the step's last) over DEFAULT_RETRY. */
export function resolveRetryPolicy(...layers: (RetryOptions | undefined)[]): RetryPolicy {
  const policy = { ...DEFAULT_RETRY };
  for (const layer of layers) {
    if (layer?.attempts !== undefined) policy.attempts = layer.attempts;
    if (layer?.delay !== undefined) policy.delayMs = layer.delay;
    if (layer?.maxDelay !== undefined) policy.maxDelayMs = layer.maxDelay;
    if (layer?.maxRetryAfter !== undefined) policy.maxRetryAfterMs = layer.maxRetryAfter;
    if (layer?.nonIdempotent !== undefined) policy.nonIdempotent = layer.nonIdempotent;
  }
  return policy;
}

// Limitation: no overall deadline; a step may take up to attempts times
// (timeout + maxDelay or maxRetryAfter). A `retry.maxTotal` would bound it.

/** Decides about the attempt described by `input`; `now` dates Retry-After. */
export function decideRetry(
  input: RetryInput,
  policy: RetryPolicy,
  random: () => number = Math.random,
  now: number = Date.now(),
): RetryDecision {
  const what = input.error ?? String(input.status);
  if (!_retryable(input)) return { retry: false };
  if (input.status !== 429 && !IDEMPOTENT.has(input.method) && !policy.nonIdempotent) {
    return {
      retry: false,
      note: `Not retried: ${input.method} got ${what} and may already have taken effect`,
      hint: `Set retry.nonIdempotent: true on the step if sending this ${input.method} `
        + "twice is safe",
    };
  }
  if (policy.attempts <= 1) return { retry: false };
  if (input.tries >= policy.attempts) {
    return {
      retry: false,
      note: `Gave up after ${input.tries} attempts; the last got ${what}`,
      hint: "Raise retry.attempts (in the step or in defaults.retry) to keep trying longer",
    };
  }

  const backoff = backoffMs(input.tries, policy, random);
  const asked = parseRetryAfter(input.headers?.["retry-after"], now);
  if (asked?.kind === "unreadable") {
    const warning = `Retry-After "${asked.value}" is neither seconds nor an HTTP date; `
      + `backing off ${backoff} ms instead`;
    return { retry: true, waitMs: backoff, reason: `${what}: ${warning}`, warning };
  }
  if (asked === undefined) {
    return { retry: true, waitMs: backoff, reason: `${what}: backing off ${backoff} ms` };
  }
  if (asked.ms > policy.maxRetryAfterMs) return _tooLong(what, asked.ms, policy);
  return { retry: true, waitMs: asked.ms, reason: `${what}: Retry-After ${asked.ms} ms` };
}

/**
 * The wait before retry number `tries` (1 for the first): `delay` doubled
 * per retry, capped at `maxDelay`, then jittered down by up to half so that
 * clients that failed together do not all come back together.
 */
export function backoffMs(tries: number, policy: RetryPolicy, random: () => number): number {
  const full = Math.min(policy.maxDelayMs, policy.delayMs * 2 ** (tries - 1));
  return Math.round(full / 2 + (full / 2) * random());
}

function _retryable({ status, error, expects }: RetryInput): boolean {
  if (error !== undefined) return TRANSIENT.has(error);
  if (status === undefined || expects?.includes(status)) return false;
  return status === 429 || (status >= 500 && status <= 599);
}

function _tooLong(what: string, ms: number, policy: RetryPolicy): RetryDecision {
  const seconds = Math.ceil(ms / 1000);
  return {
    retry: false,
    note: `Not retried: the server asked to wait ${seconds} s (Retry-After, ${what}), `
      + `longer than retry.maxRetryAfter (${policy.maxRetryAfterMs} ms)`,
    hint: `Set retry.maxRetryAfter to ${seconds * 1000} or more (in the step or in `
      + "defaults.retry) to wait that long",
  };
}
