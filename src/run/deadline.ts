/**
 * One abort signal for a whole exchange, body included: the caller's, or the
 * timeout's, whichever fires first, and a way to tell which one it was.
 */

/** A signal that fires on timeout or on the caller's abort. */
export interface Deadline {
  signal: AbortSignal;
  timedOut(): boolean;
  clear(): void;
}

/** Starts the clock; call clear() once the exchange is over, body included. */
export function startDeadline(timeoutMs: number, outer?: AbortSignal): Deadline {
  const controller = new AbortController();
  let fired = false;
  const onTimeout = (): void => {
    fired = true;
    controller.abort();
  };
  const limited = Number.isFinite(timeoutMs) && timeoutMs > 0 && timeoutMs < 2 ** 31;
  const timer = limited ? setTimeout(onTimeout, timeoutMs) : undefined;

  const onAbort = (): void => controller.abort();
  if (outer?.aborted) controller.abort();
  outer?.addEventListener("abort", onAbort, { once: true });
  return {
    signal: controller.signal,
    timedOut: () => fired,
    clear: () => {
      clearTimeout(timer);
      outer?.removeEventListener("abort", onAbort);
    },
  };
}
