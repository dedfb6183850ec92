/**
 * The built-in IDMP simulator: a real HTTP server on 127.0.0.1 with login,
 * elements, events and a few smaller endpoints under `/api/v1`, plus hooks
 * for tests to count calls, script failures and expire tokens.
 */
import { createContext, emptyStats, type SimulatorStats } from "./context.ts";
import type { Fault } from "./faults.ts";
import { resolveOptions, type SimulatorOptions } from "./options.ts";
import type { SandboxRequest } from "./route.ts";
import { listen, SANDBOX_HOST } from "./server.ts";

export type { SimulatorOptions } from "./options.ts";
export type { SimulatorStats } from "./context.ts";
export type { Fault } from "./faults.ts";
export type { SandboxRequest } from "./route.ts";
export * from "./credentials.ts";
export { FIRST_ELEMENT_ID, FIRST_EVENT_ID } from "./seed.ts";

/** A running simulator and its test hooks. */
export interface Simulator {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:40123`. */
  url: string;
  port: number;
  /** Live counters; `reset()` zeroes them. */
  stats: SimulatorStats;
  /** Every request received, oldest first; `reset()` empties it. */
  requests: SandboxRequest[];
  /**
   * Makes the next `count` calls misbehave as `fault` says: another status,
   * a dropped connection or a stall. Without `fault.paths`, login is left
   * alone so a client can still log in.
   */
  failNext(count: number, fault: Fault): void;
  /** Revokes every token issued so far: their next use answers 401. */
  expireAllTokens(): void;
  /** Zeroes the counters, empties the request log, drops pending faults. */
  reset(): void;
  /** Stops the server and ends keep-alive connections. */
  close(): Promise<void>;
}

/** Seeds the data and starts listening; `options.port` 0 picks a free port. */
export async function startSimulator(options?: SimulatorOptions): Promise<Simulator> {
  const resolved = resolveOptions(options);
  const context = createContext(resolved);
  const server = await listen(context, resolved.port);

  return {
    url: `http://${SANDBOX_HOST}:${server.port}`,
    port: server.port,
    get stats() {
      return context.stats;
    },
    get requests() {
      return context.requests;
    },
    failNext: (count, fault) => context.faults.add(count, fault),
    expireAllTokens: () => context.tokens.revokeAll(),
    reset() {
      Object.assign(context.stats, emptyStats());
      context.requests.length = 0;
      context.faults.clear();
    },
    close: () => server.close(),
  };
}
