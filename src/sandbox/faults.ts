/**
 * Scripted failures: the next N matching calls get a chosen status instead
 * of their real answer. Small on purpose; new kinds of fault (dropped
 * connections, stalls) are meant to join `Fault` as further fields.
 */

/** A scripted answer for calls that match. */
export interface Fault {
  /** HTTP status to answer with, e.g. 401, 429 or 503. */
  status: number;
  /** A JSON value, or text sent as it is; default `{code: status, message}`. */
  body?: unknown;
  /** Extra response headers, e.g. `{ "retry-after": "2" }`. */
  headers?: Record<string, string>;
  /** Only paths that match; without it, every path except login. */
  paths?: RegExp;
}

/** Pending faults, used up in the order they were added. */
export class FaultQueue {
  #pending: { fault: Fault; remaining: number }[] = [];

  /** Makes the next `count` matching calls answer with `fault`. */
  add(count: number, fault: Fault): void {
    if (count > 0) this.#pending.push({ fault, remaining: count });
  }

  /** Uses up one fault for a call to `path`, if one applies. */
  take(path: string, isLogin: boolean): Fault | undefined {
    const entry = this.#pending.find(({ fault }) => _applies(fault, path, isLogin));
    if (entry === undefined) return undefined;

    entry.remaining--;
    if (entry.remaining === 0) this.#pending = this.#pending.filter((e) => e !== entry);
    return entry.fault;
  }

  /** Drops every pending fault. */
  clear(): void {
    this.#pending = [];
  }
}

function _applies(fault: Fault, path: string, isLogin: boolean): boolean {
  if (fault.paths === undefined) return !isLogin;
  fault.paths.lastIndex = 0;
  return fault.paths.test(path);
}
