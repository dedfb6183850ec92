/**
 * The one failure a forEach step reports for its items: how many failed,
 * which, how many never started, and the worst kind among them.
 */
import type { Failure, FailureKind, StepResult } from "./results.ts";

// From the mildest exit code to the most severe.
const SEVERITY: FailureKind[] = ["check", "template", "invalid", "credentials", "transport"];

/** Sums up failed items; `goesOn` is the step's continueOnError. */
export function summariseItems(
  items: StepResult[],
  failed: StepResult[],
  goesOn: boolean,
): Failure {
  const kinds = failed.flatMap((item) => item.failures.map((failure) => failure.kind));
  const kind = SEVERITY.reduce((worst, each) => (kinds.includes(each) ? each : worst), "check");
  const which = failed.slice(0, 10).map((item) => `[${item.item}]`).join(", ");
  const more = failed.length > 10 ? `, and ${failed.length - 10} more` : "";
  const notRun = items.filter((item) => item.status === "skipped").length;
  const message = `${failed.length} of ${items.length} items failed: ${which}${more}`
    + (notRun > 0 ? `; ${notRun} not run` : "");
  // With continueOnError already set, only a refusal of credentials stops items.
  const hint = notRun === 0 ? undefined : goesOn
    ? "The server refused the credentials, so no further item was started"
    : "Set continueOnError: true to run every item";
  return { kind, message, hint };
}
