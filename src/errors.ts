/**
 * The tool's own failures. Failed checks against the API are data in results,
 * not errors; these are for what stops the tool itself. Each carries the exit
 * code the CLI uses and a hint that tells the user what to do.
 */

/** Exit codes of the command line, as the product contract fixes them. */
export const ExitCode = {
  ok: 0,
  stepFailed: 1,
  invalid: 2,
  credentials: 3,
  unreachable: 4,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** Options common to every error of the family. */
export interface IdmpErrorOptions {
  /** What the user can do about it, shown on its own line. */
  hint?: string;
  cause?: unknown;
}

/** Base of the family: a message, an exit code and a hint. */
export class IdmpError extends Error {
  readonly exitCode: ExitCode;
  readonly hint: string | undefined;

  constructor(message: string, exitCode: ExitCode, options: IdmpErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.exitCode = exitCode;
    this.hint = options.hint;
  }
}

/** The command line itself is wrong: an unknown option, a missing argument. */
export class UsageError extends IdmpError {
  constructor(message: string, options?: IdmpErrorOptions) {
    super(message, ExitCode.invalid, options);
  }
}

/** A recipe file cannot be read, parsed or validated. */
export class RecipeError extends IdmpError {
  constructor(message: string, options?: IdmpErrorOptions) {
    super(message, ExitCode.invalid, options);
  }
}

/** Credentials are missing, malformed, refused, or would travel unprotected. */
export class CredentialsError extends IdmpError {
  constructor(message: string, options?: IdmpErrorOptions) {
    super(message, ExitCode.credentials, options);
  }
}

/** The server could not be reached: refused, reset, timed out, bad TLS. */
export class TransportError extends IdmpError {
  constructor(message: string, options?: IdmpErrorOptions) {
    super(message, ExitCode.unreachable, options);
  }
}
