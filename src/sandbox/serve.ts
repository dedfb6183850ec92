/**
 * `idmp-recipe sandbox`: serves the simulator on a fixed port and tells the
 * user how to point recipes at it. The credentials it prints are the
 * documented test values, not secrets.
 */
import { SANDBOX_PASSWORD, SANDBOX_USER } from "./credentials.ts";
import { startSimulator, type Simulator, type SimulatorOptions } from "./simulator.ts";

/** The port `idmp-recipe sandbox` uses unless told otherwise. */
export const DEFAULT_SANDBOX_PORT = 8765;

/** Options of `serveSandbox`. */
export interface ServeSandboxOptions extends Omit<SimulatorOptions, "port"> {
  /** Port on 127.0.0.1; default 8765, 0 for a free one. */
  port?: number;
  /** Writes one line of output, e.g. to stdout. */
  log: (line: string) => void;
}

/** Starts the simulator and prints its URL and env var lines to use it. */
export async function serveSandbox(options: ServeSandboxOptions): Promise<Simulator> {
  const { log, port = DEFAULT_SANDBOX_PORT, ...rest } = options;
  const simulator = await startSimulator({ ...rest, port });

  log(`IDMP sandbox listening on ${simulator.url}`);
  log("Test credentials for enterprise recipes:");
  for (const line of renderSandboxEnv(simulator.url)) log(line);
  return simulator;
}

/** The env var lines that point an enterprise recipe at the sandbox. */
export function renderSandboxEnv(url: string): string[] {
  return [
    `IDMP_HOST=${url}`,
    `IDMP_USERNAME=${SANDBOX_USER}`,
    `IDMP_PASSWORD=${SANDBOX_PASSWORD}`,
  ];
}
