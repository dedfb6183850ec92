/**
 * The runtime seam: the few places where the program touches the terminal
 * and the process. `node:` builtins and `process` work on Node and Deno.
 */

/** A place text goes to: standard output or standard error. */
export interface Sink {
  write(text: string): void;
  /** True when the sink is a terminal, so colour and progress make sense. */
  readonly isTty: boolean;
}

/** Standard output: the report. */
export const stdout: Sink = {
  write: (text) => void process.stdout.write(text),
  get isTty() {
    return process.stdout.isTTY === true;
  },
};

/** Standard error: diagnostics, warnings, errors. */
export const stderr: Sink = {
  write: (text) => void process.stderr.write(text),
  get isTty() {
    return process.stderr.isTTY === true;
  },
};

/** Colour only on a terminal, and never when NO_COLOR is set (no-color.org). */
export function colorWanted(sink: Sink, env = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "0") return true;
  return sink.isTty && env.TERM !== "dumb";
}
