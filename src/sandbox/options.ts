/**
 * What a simulator can be told at start, and the defaults that fill in the
 * rest.
 */
import { SANDBOX_PASSWORD, SANDBOX_USER } from "./credentials.ts";

/** Options of `startSimulator`; every one has a default. */
export interface SimulatorOptions {
  /** Port on 127.0.0.1; 0 (the default) picks a free one. */
  port?: number;
  /** Wrap answers as `{code, message, data}`; default true. */
  envelope?: boolean;
  /** How long a login token is accepted; default 7 days. */
  tokenTtlMs?: number;
  /** Elements seeded in the tree; default 40. */
  elementCount?: number;
  /** Events seeded over the last 48 hours; default 30. */
  eventCount?: number;
  /** Delay before each answer, to let calls overlap; default 0. */
  latencyMs?: number;
  /** Login names and their passwords; default the sandbox user. */
  users?: Record<string, string>;
}

/** Options with every default applied. */
export type ResolvedSimulatorOptions = Required<SimulatorOptions>;

const DAY_MS = 86_400_000;

/** Applies defaults and refuses values that make no sense. */
export function resolveOptions(options: SimulatorOptions = {}): ResolvedSimulatorOptions {
  const resolved: ResolvedSimulatorOptions = {
    port: options.port ?? 0,
    envelope: options.envelope ?? true,
    tokenTtlMs: options.tokenTtlMs ?? 7 * DAY_MS,
    elementCount: options.elementCount ?? 40,
    eventCount: options.eventCount ?? 30,
    latencyMs: options.latencyMs ?? 0,
    users: options.users ?? { [SANDBOX_USER]: SANDBOX_PASSWORD },
  };

  const counts = ["port", "tokenTtlMs", "elementCount", "eventCount", "latencyMs"] as const;
  for (const key of counts) {
    const value = resolved[key];
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new RangeError(`Simulator option '${key}' is ${value}; use an integer >= 0`);
    }
  }
  return resolved;
}
