/**
 * A mixed run for the HTML report's tests: a step that passes, one retried
 * after a 503, one whose token was renewed after a 401, one failing check
 * and one step not run, against the simulator, rendered as the CLI would.
 */
import type { TestContext } from "node:test";
import { escapeHtml } from "../../src/report/html-escape.ts";
import { renderHtmlReport } from "../../src/report/html.ts";
import { Redactor } from "../../src/report/redact.ts";
import type { RunResult } from "../../src/run/results.ts";
import { runRecipes } from "../../src/run/run.ts";
import { enterpriseEnv, recipe, simulator } from "./helpers.ts";

/** The recipe's name: markup and quotes, to be escaped. */
export const MIXED_NAME = `Mixed <b>bold</b> & "quoted"`;

const MIXED = `version: 1
name: '${MIXED_NAME}'
auth: { mode: enterprise }
steps:
  - name: lists elements
    request: { method: GET, path: /api/v1/elements, query: { current: 1, size: 2 } }
  - name: reads events after a 503
    request: { method: GET, path: /api/v1/events }
  - name: reads menus after a 401
    request: { method: GET, path: /api/v1/permissions/menus }
  - name: expects <the wrong> total
    request: { method: GET, path: /api/v1/elements, query: { current: 1, size: 2 } }
    expect: { json: { $.data.total: 999 } }
  - name: never sent
    request: { method: GET, path: /api/v1/uomclasses }
`;

/** The run and its HTML report, through the run's own redactor. */
export interface MixedReport {
  run: RunResult;
  html: string;
  /** The simulator's URL, which the report quotes as text. */
  url: string;
}

/** Runs the mixed recipe against a fresh simulator and renders the report. */
export async function mixedHtmlReport(t: TestContext): Promise<MixedReport> {
  const sim = await simulator(t);
  sim.failNext(1, { status: 503, paths: /\/events/ });
  sim.failNext(1, { status: 401, paths: /\/menus/ });
  const redactor = new Redactor();

  const run = await runRecipes([recipe(MIXED, "mixed.yaml")], {
    env: enterpriseEnv(sim), redactor, sleep: async () => {}, random: () => 0 });

  const redact = (text: string) => redactor.redact(text);
  const html = redact(renderHtmlReport(run, { redact, version: "9.9.9" }));
  return { run, html, url: sim.url };
}

/** The number a summary card shows. */
export const countOf = (html: string, key: string) =>
  html.match(new RegExp(`data-count="${key}"><dt>[^<]*</dt><dd>([^<]*)</dd>`))?.[1];

/** A step's HTML, from its class to the next step's or its recipe's end. */
export const rowOf = (html: string, name: string) => {
  const at = html.indexOf(`">${escapeHtml(name)}</span>`, html.indexOf('class="label"'));
  const start = html.lastIndexOf('class="step ', at);
  const end = html.indexOf("</section>", at);
  const next = html.indexOf('class="step ', at);
  return html.slice(start, next === -1 ? end : Math.min(next, end));
};
