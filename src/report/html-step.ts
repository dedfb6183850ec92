/**
 * One row of the `html` report: a step's status, name, method, URL, HTTP
 * status, duration and bar, with retries and token renewals marked. A step
 * with something to explain is a `<details>` whose summary is the row.
 */
import type { Failure, StepResult } from "../run/results.ts";
import { renderDetails } from "./html-details.ts";
import type { HtmlText } from "./html-escape.ts";
import { formatMs, renderBar, type TimeAxis } from "./html-time.ts";

/** Words for a step's status, as the report shows them. */
export const STATUS_LABEL = { passed: "passed", failed: "failed", skipped: "not run" } as const;

/** A step's row; failed steps and retried ones open to their details. */
export function renderStepRow(step: StepResult, axis: TimeAxis, text: HtmlText): string {
  const http = step.httpStatus === undefined ? "" : String(step.httpStatus);
  const where = step.url ?? step.path;
  const cells = [
    `<span class="status">${STATUS_LABEL[step.status]}</span>`,
    `<span class="name"><span class="label" title="${text(step.name)}">${text(step.name)}</span>`
      + `${_marks(step)}</span>`,
    `<span class="method">${text(step.method)}</span>`,
    `<span class="url" title="${text(where)}">${text(where)}</span>`,
    `<span class="http">${http}</span>`,
    `<span class="time">${step.startMs === undefined ? "" : formatMs(step.durationMs)}</span>`,
    renderBar(step, axis),
  ].join("");
  const attributes = `class="step ${step.status}" data-step="${step.index}"`;
  if (step.status !== "failed" && step.attempts.length <= 1) {
    return `<div ${attributes}><div class="row">${cells}</div></div>`;
  }
  return `<details ${attributes}><summary class="row">${cells}</summary>`
    + `${renderDetails(step.failures, step, text)}</details>`;
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

function _marks(step: StepResult): string {
  const marks: string[] = [];
  if (step.attempts.length > 1) {
    marks.push(`<span class="mark retry">${step.attempts.length} attempts</span>`);
  }
  if (step.tokenRefreshed) marks.push(`<span class="mark token">token renewed</span>`);
  return marks.join("");
}
