/**
 * What the text and html reports say about a forEach step's items: how they
 * went (`4 items, 2 failed, 1 not run`) and which of them to show.
 */
import type { StepResult } from "../run/results.ts";

/** The items of a forEach step counted: all of them, then failed and not run. */
export function describeItemCounts(items: readonly StepResult[]): string {
  const count = (status: string) => items.filter((item) => item.status === status).length;
  const failed = count("failed");
  const notRun = count("skipped");
  return [plural(items.length, "item"), failed > 0 ? `${failed} failed` : "",
    notRun > 0 ? `${notRun} not run` : ""].filter(Boolean).join(", ");
}

/** The items a report shows under their step: those that failed or warn of something. */
export function itemsWorthShowing(step: StepResult): StepResult[] {
  return (step.items ?? []).filter((item) =>
    item.status === "failed" || (item.warnings?.length ?? 0) > 0);
}

/** A count and its noun, the noun plural unless the count is 1: `1 page`, `2 pages`. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
