/**
 * Paging through an IDMP list: `current` (1-based) and `size` in the query,
 * page after page until a short page, `total` reached, or a cap. Each page is
 * a full exchange (renewal, retries) with the step's status and envelope
 * checks; what the step's checks and captures then read is one merged
 * document: `{ rows, total, pages, complete }`.
 */
import { type JsonValue, stringifyJson } from "../json.ts";
import type { Expect, Paginate } from "../recipe/types.ts";
import { checkStatus, envelopeFailure } from "./check.ts";
import type { Exchange } from "./exchange.ts";
import type { HttpResponse } from "./http.ts";
import { queryJson } from "./jsonpath.ts";
import type { Failure } from "./results.ts";

/** The page a request asks for. */
export interface PageQuery {
  current: number;
  size: number;
}

/** An exchange of several pages; `response.json` is the merged document. */
export interface PagedExchange extends Exchange {
  pages: number;
  warnings: string[];
  /** Status or envelope failures of the page that ended the paging. */
  pageFailures: Failure[];
}

/** What paging needs from the step around it. */
export interface PagingTools {
  /** Sends one page, with renewal and retries. */
  send: (page: PageQuery) => Promise<Exchange>;
  expect?: Expect;
  sleep: (ms: number) => Promise<void>;
}

/** Defaults of `paginate`: 100 rows a page, 100 pages at most. */
export const PAGE_DEFAULTS = { size: 100, maxPages: 100, delay: 0 } as const;

/** Fetches every page `paginate` allows and merges their rows, in order. */
export async function exchangePages(
  paginate: Paginate,
  tools: PagingTools,
): Promise<PagedExchange> {
  const size = paginate.size ?? PAGE_DEFAULTS.size;
  const maxPages = paginate.maxPages ?? PAGE_DEFAULTS.maxPages;
  const maxRows = paginate.maxRows ?? Infinity;
  const rows: JsonValue[] = [];
  const warnings: string[] = [];
  let total: number | null = null;
  let tokenRefreshed = false;
  let durationMs = 0;

  for (let current = 1; ; current++) {
    if (current > 1 && (paginate.delay ?? 0) > 0) await tools.sleep(paginate.delay ?? 0);
    const sent = await tools.send({ current, size });
    tokenRefreshed ||= sent.tokenRefreshed;
    durationMs += sent.response.durationMs;
    const stop = (pageFailures: Failure[]): PagedExchange =>
      ({ ...sent, tokenRefreshed, pages: current, warnings, pageFailures });

    if (sent.refused) return stop([]);
    const failures = _pageFailures(sent.response, tools.expect, current, paginate.rows);
    if (failures.length > 0) return stop(failures);

    const json = sent.response.json ?? null;
    const got = _select(json, paginate.rows, "rows") as JsonValue[];
    total = _count(_select(json, paginate.total, "total")) ?? total;
    rows.push(...got.slice(0, Math.max(0, maxRows - rows.length)));

    // Limitation: a server that ignores `current` and repeats one page is
    // stopped by the caps only (or by a total it then seems to reach);
    // comparing each page with the last would catch it earlier.
    const ended = total !== null ? rows.length >= total || got.length === 0 : got.length < size;
    const capped = current >= maxPages || rows.length >= maxRows;
    if (ended || capped) {
      const merged = { rows, total, pages: current, complete: ended };
      const response = _mergedResponse(sent.response, merged, durationMs);
      const capFailures: Failure[] = [];
      if (!ended) {
        const note = _capNote(current, maxPages, rows.length, total);
        if (paginate.onCap === "fail") capFailures.push({ kind: "check", ...note });
        else warnings.push(`${note.message}; ${note.hint.toLowerCase()}`);
      }
      return { ...sent, response, tokenRefreshed, pages: current, warnings,
        pageFailures: capFailures };
    }
  }
}

// The page's own status and envelope, and rows that are a list.
function _pageFailures(
  response: HttpResponse,
  expect: Expect | undefined,
  page: number,
  rowsPath: string | undefined,
): Failure[] {
  const failures = checkStatus(expect?.status, response.status);
  const envelope = envelopeFailure(response.json, expect);
  if (envelope) failures.push(envelope);
  if (failures.length === 0 && !Array.isArray(_select(response.json ?? null, rowsPath, "rows"))) {
    const path = rowsPath ?? "$.data.rows";
    failures.push({ kind: "check", path, message: `${path} selects no list of rows`,
      hint: "Set paginate.rows to the JSONPath of the rows in each page" });
  }
  return failures.map((failure) => ({ ...failure, message: `page ${page}: ${failure.message}` }));
}

// A path of the step's, or `$.data.<key>` falling back to `$.<key>`.
function _select(json: JsonValue, path: string | undefined, key: string): JsonValue | undefined {
  if (json === null || typeof json !== "object") return undefined;
  const paths = path === undefined ? [`$.data.${key}`, `$.${key}`] : [path];
  for (const each of paths) {
    const selection = queryJson(json, each);
    if (selection.found && !selection.many) return selection.value;
  }
  return undefined;
}

function _count(value: JsonValue | undefined): number | null {
  if (typeof value === "bigint") return Number(value);
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

function _capNote(pages: number, maxPages: number, rows: number, total: number | null) {
  // Rows stop exactly at maxRows, so `rows` is the cap when it was the one hit.
  const cap = pages >= maxPages ? `paginate.maxPages (${maxPages})`
    : `paginate.maxRows (${rows})`;
  const of = total === null ? "" : ` of ${total}`;
  return {
    message: `Paging stopped at ${cap} after ${pages} page(s) and ${rows}${of} rows, `
      + "before the list ended",
    hint: "Raise the cap, or check that the server honours current and size",
  };
}

function _mergedResponse(
  last: HttpResponse,
  merged: Record<string, JsonValue>,
  durationMs: number,
): HttpResponse {
  // Limitation: the merged text is built whole for the report's excerpt; a
  // list of millions of rows costs its size twice in memory. maxRows bounds it.
  return { ...last, json: merged, text: stringifyJson(merged), durationMs };
}
