/**
 * What every part of one simulator shares: options, data, tokens, pending
 * faults, counters and the request log.
 */
import { FaultQueue } from "./faults.ts";
import type { SandboxState } from "./model.ts";
import type { ResolvedSimulatorOptions } from "./options.ts";
import type { SandboxRequest } from "./route.ts";
import { seedState } from "./seed.ts";
import { TokenStore } from "./tokens.ts";

/** Counters tests assert on. */
export interface SimulatorStats {
  /** Login attempts, refused ones included. */
  logins: number;
  /** Login attempts that were refused (400 or 401). */
  loginFailures: number;
  /** Every request received, logins and faults included. */
  requests: number;
  /** The most requests that were being answered at the same time. */
  maxInFlight: number;
}

/** The state of one running simulator. */
export interface SandboxContext {
  options: ResolvedSimulatorOptions;
  state: SandboxState;
  tokens: TokenStore;
  faults: FaultQueue;
  stats: SimulatorStats;
  /** Every request received, oldest first. */
  requests: SandboxRequest[];
  /** Requests being answered right now. */
  inFlight: number;
}

/** Seeds the data and sets every counter to zero. */
export function createContext(options: ResolvedSimulatorOptions): SandboxContext {
  return {
    options,
    state: seedState(options.elementCount, options.eventCount),
    tokens: new TokenStore(options.tokenTtlMs),
    faults: new FaultQueue(),
    stats: emptyStats(),
    requests: [],
    inFlight: 0,
  };
}

/** Counters at zero. */
export function emptyStats(): SimulatorStats {
  return { logins: 0, loginFailures: 0, requests: 0, maxInFlight: 0 };
}
