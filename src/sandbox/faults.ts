/**
 * Scripted failures: the next N matching calls get a chosen status, a
 * dropped connection or a stalled answer instead of their real answer.
 */

/** What every kind of fault shares. */
interface FaultBase {
  /** Only paths that match; without it, every path except login. */
  paths?: RegExp;
  /**
   * Run the real handler first, so that a write takes effect, and then
   * misbehave: the case where a retry would repeat a creation.
   */
  afterHandling?: boolean;
}

/** Answer with a chosen status, e.g. 401, 429, 503 or a 302 to elsewhere. */
export interface StatusFault extends FaultBase {
  kind?: "status";
  /** HTTP status to answer with. */
  status: number;
  /** A JSON value, or text sent as it is; default `{code: status, message}`. */
  body?: unknown;
  /**
   * Extra response headers, which win over the defaults: e.g.
   * `{ "retry-after": "2" }`, `{ location: "http://elsewhere/" }`, or
   * `{ "content-type": "text/html" }` for a proxy's error page.
   */
  headers?: Record<string, string>;
}

/** Destroy the connection without a byte of answer. */
export interface ResetFault extends FaultBase {
  kind: "reset";
}

/** Hold the real answer back `ms`, or until the client goes when unset. */
export interface StallFault extends FaultBase {
  kind: "stall";
  ms?: number;
}

/** A scripted misbehaviour for calls that match. */
export type Fault = StatusFault | ResetFault | StallFault;

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
