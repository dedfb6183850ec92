/**
 * What a step's `<details>` opens to in the `html` report: each failure
 * with expected against actual and the hint, its warnings, the attempts (or
 * pages), and the request and response as they were kept (credential
 * headers masked, body cut).
 */
import { parseJson, stringifyJson } from "../json.ts";
import type { Attempt, Failure, StepResult } from "../run/results.ts";
import type { HtmlText } from "./html-escape.ts";
import { formatMs } from "./html-time.ts";

/** The body of an expanded step (or of a recipe's setup failure). */
export function renderDetails(failures: Failure[], step: StepResult | undefined,
  text: HtmlText): string {
  const parts = failures.map((failure) => _failure(failure, text));
  for (const warning of step?.warnings ?? []) {
    parts.push(`<p class="warning"><b>Warning</b> ${text(warning)}</p>`);
  }
  if (step !== undefined && step.attempts.length > 1) parts.push(_attempts(step.attempts, text));
  const exchanged = step?.request !== undefined || step?.response !== undefined;
  if (step !== undefined && exchanged) parts.push(_exchange(step, text));
  return `<div class="details">${parts.join("")}</div>`;
}

function _failure(failure: Failure, text: HtmlText): string {
  const lines = [`<p class="message"><span class="kind">${text(failure.kind)}</span> `
    + `${text(failure.message)}</p>`];
  if (failure.path !== undefined) {
    lines.push(`<p class="path">at <code>${text(failure.path)}</code></p>`);
  }
  if (failure.expected !== undefined || failure.actual !== undefined) {
    lines.push(`<div class="compare">${_value("expected", failure.expected, text)}`
      + `${_value("actual", failure.actual, text)}</div>`);
  }
  if (failure.hint !== undefined) {
    lines.push(`<p class="hint"><b>Hint</b> ${text(failure.hint)}</p>`);
  }
  return `<div class="failure">${lines.join("")}</div>`;
}

function _value(label: string, value: unknown, text: HtmlText): string {
  const shown = value === undefined ? "(not given)" : stringifyJson(value, 2);
  return `<div class="${label}"><h4>${label}</h4><pre>${text(shown)}</pre></div>`;
}

// A paginated step's requests are pages first: each row says its page, and
// a page asked for twice is a retry of that page.
function _attempts(attempts: Attempt[], text: HtmlText): string {
  const paged = attempts.some((attempt) => attempt.page !== undefined);
  const rows = attempts.map((attempt) => {
    const outcome = attempt.status !== undefined ? String(attempt.status) : attempt.error ?? "";
    const wait = attempt.waitMs === undefined ? "" : `waited ${formatMs(attempt.waitMs)}`;
    const page = paged ? `<td>page ${attempt.page ?? ""}</td>` : "";
    return `<tr>${page}<td>#${attempt.number}</td><td>${text(outcome)}</td>`
      + `<td class="num">${formatMs(attempt.durationMs)}</td>`
      + `<td>${text(attempt.reason ?? "")}</td><td>${wait}</td></tr>`;
  });
  const head = paged ? "<th>page</th><th>request</th>" : "<th>attempt</th>";
  return `<table class="attempts${paged ? " pages" : ""}"><thead><tr>${head}<th>answer</th>`
    + `<th class="num">time</th><th>why another</th><th></th></tr></thead>`
    + `<tbody>${rows.join("")}</tbody></table>`;
}

function _exchange(step: StepResult, text: HtmlText): string {
  const request = step.request;
  const sent = request === undefined ? "" : [
    `${request.method} ${request.url}`,
    ..._headerLines(request.headers),
    ...(request.body === undefined ? [] : ["", request.body]),
  ].join("\n");
  const response = step.response;
  const received = response === undefined ? "(no answer)" : [
    `HTTP ${response.status}`,
    ..._headerLines(response.headers),
    "",
    _body(response.excerpt),
  ].join("\n");
  return `<div class="exchange"><div><h4>request</h4><pre>${text(sent)}</pre></div>`
    + `<div><h4>response</h4><pre>${text(received)}</pre></div></div>`;
}

// A whole JSON body reads better indented; a cut one stays as it came.
function _body(excerpt: string): string {
  if (excerpt === "") return "(empty body)";
  try {
    return stringifyJson(parseJson(excerpt), 2);
  } catch {
    return excerpt;
  }
}

function _headerLines(headers: Record<string, string>): string[] {
  return Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
}
