/**
 * One row of the `html` report: a step's status, name, method, URL, HTTP
 * status, duration and bar, with pages, retries, items, warnings and token
 * renewals marked. A step with something to explain is a `<details>` whose
 * summary is the row; a forEach step's failed items open inside it.
 */
import type { Failure, StepResult } from "../run/results.ts";
import { renderDetails } from "./html-details.ts";
import type { HtmlText } from "./html-escape.ts";
import { formatMs, renderBar, startOf, type TimeAxis } from "./html-time.ts";
import { describeItemCounts, itemsWorthShowing, plural } from "./loop-items.ts";

/** Words for a step's status, as the report shows them. */
export const STATUS_LABEL = { passed: "passed", failed: "failed", skipped: "not run" } as const;

/**
 * A step's row. Failed, retried, paged and warning steps open to their
 * details; an item of a forEach step (one that failed or warns) is open.
 */
export function renderStepRow(step: StepResult, axis: TimeAxis, text: HtmlText): string {
  const http = step.httpStatus === undefined ? "" : String(step.httpStatus);
  const where = step.url ?? step.path;
  const start = startOf(step);
  // A step a condition skipped says so; "not run" is for a stopped recipe.
  const status = step.skipReason === undefined ? STATUS_LABEL[step.status] : "skipped";
  const cells = [
    `<span class="status">${status}</span>`,
    `<span class="name"><span class="label" title="${text(step.name)}">${text(step.name)}</span>`
      + `${_marks(step)}</span>`,
    `<span class="method">${text(step.method)}</span>`,
    `<span class="url" title="${text(where)}">${text(where)}${step.skipReason === undefined
      ? "" : ` <em class="why">(${text(step.skipReason)})</em>`}</span>`,
    `<span class="http">${http}</span>`,
    `<span class="time">${start === undefined ? "" : formatMs(step.durationMs)}</span>`,
    renderBar(step, axis),
  ].join("");
  const attributes = step.item === undefined
    ? `class="step ${step.status}" data-step="${step.index}"`
    : `class="step ${step.status} item" data-step="${step.index}" data-item="${step.item}"`;
  if (!_opens(step)) return `<div ${attributes}><div class="row">${cells}</div></div>`;

  const items = itemsWorthShowing(step).map((item) => renderStepRow(item, axis, text));
  const open = step.item === undefined ? "" : " open";
  return `<details ${attributes}${open}><summary class="row">${cells}</summary>`
    + `${renderDetails(step.failures, step, text)}`
    + `${items.length === 0 ? "" : `<div class="items">${items.join("")}</div>`}</details>`;
}

/** The row of a recipe that stopped before its first step, open to why. */
export function renderSetupRow(error: Failure, text: HtmlText): string {
  const cells = [
    `<span class="status">failed</span>`,
    `<span class="name"><span class="label" title="setup">setup: credentials and variables</span>`
      + `</span>`,
    `<span class="method"></span><span class="url"></span><span class="http"></span>`,
    `<span class="time"></span><div class="lane"></div>`,
  ].join("");
  return `<details class="step failed setup"><summary class="row">${cells}</summary>`
    + `${renderDetails([error], undefined, text)}</details>`;
}

// Pages are requests the step meant to send; only requests beyond them are retries.
function _retried(step: StepResult): boolean {
  return step.attempts.length > (step.pages ?? 1);
}

function _opens(step: StepResult): boolean {
  return step.status === "failed" || _retried(step) || (step.pages ?? 1) > 1
    || (step.warnings?.length ?? 0) > 0 || itemsWorthShowing(step).length > 0;
}

function _marks(step: StepResult): string {
  const marks: string[] = [];
  if (step.pages !== undefined) {
    marks.push(`<span class="mark pages">${plural(step.pages, "page")}</span>`);
  }
  if (_retried(step)) {
    marks.push(`<span class="mark retry">${step.attempts.length} attempts</span>`);
  }
  if (step.items !== undefined) {
    marks.push(`<span class="mark items">${describeItemCounts(step.items)}</span>`);
  }
  const warnings = step.warnings?.length ?? 0;
  if (warnings > 0) marks.push(`<span class="mark warning">${plural(warnings, "warning")}</span>`);
  if (step.tokenRefreshed) marks.push(`<span class="mark token">token renewed</span>`);
  return marks.join("");
}
