/**
 * Whether validation passes, as a CI gate sees it: errors always fail;
 * with `--strict`, warnings fail too. `validate` turns this into exit 2.
 */
import { ExitCode } from "../errors.ts";
import type { Problem } from "./problem.ts";

/** Options of the validation verdict. */
export interface VerdictOptions {
  /** `--strict`: a warning fails like an error. */
  strict?: boolean;
}

/** True when these problems fail validation under the options. */
export function failsValidation(
  problems: readonly Problem[],
  options: VerdictOptions = {},
): boolean {
  return problems.some((problem) => problem.severity === "error" || options.strict === true);
}

/**
 * The exit code of `validate` for every file's problems: 0, or 2 when one
 * fails (`ExitCode.invalid`).
 */
export function validateExitCode(
  results: readonly { problems: readonly Problem[] }[],
  options: VerdictOptions = {},
): ExitCode {
  const fails = results.some((result) => failsValidation(result.problems, options));
  return fails ? ExitCode.invalid : ExitCode.ok;
}
