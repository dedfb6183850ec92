/**
 * What a scripted fault does to one call: answers in place of the handler,
 * drops the connection, or holds the real answer back, before or after the
 * handler has run.
 */
import { stringifyJson } from "../json.ts";
import type { Fault, StatusFault } from "./faults.ts";
import type { SandboxResponse } from "./handle.ts";

/** The answer that tells the server to destroy the connection instead. */
export const DROP: SandboxResponse =
  Object.freeze({ status: 0, headers: {}, body: "", drop: true });

/**
 * Applies `fault` to a call whose real answer `real` computes; `signal`
 * fires when the client has gone, which ends a stall.
 */
export async function answerWithFault(
  fault: Fault,
  real: () => Promise<SandboxResponse>,
  signal: AbortSignal,
): Promise<SandboxResponse> {
  const handled = fault.afterHandling === true ? await real() : undefined;
  switch (fault.kind) {
    case "reset":
      return DROP;
    case "stall":
      await _hold(fault.ms, signal);
      if (signal.aborted) return DROP;
      return handled ?? (await real());
    default:
      return _statusAnswer(fault);
  }
}

// Text goes out as it is; anything else as JSON; the fault's headers win.
function _statusAnswer(fault: StatusFault): SandboxResponse {
  const { status, body } = fault;
  const text = typeof body === "string";
  const value = body ?? { code: status, message: `Scripted failure ${status}` };
  const type = text ? "text/plain; charset=utf-8" : "application/json; charset=utf-8";
  const extra = Object.entries(fault.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]);
  return {
    status,
    headers: { "content-type": type, ...Object.fromEntries(extra) },
    body: text ? body : stringifyJson(value),
  };
}

// Resolves after `ms`, or when the signal fires; without `ms`, only then.
function _hold(ms: number | undefined, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = ms === undefined ? undefined : setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
  });
}
