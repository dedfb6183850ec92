/**
 * Paging as IDMP lists do it: `current` (1-based) and `size` in the query,
 * `current`, `size`, `total` and `rows` in the answer.
 */
import { readInteger } from "./params.ts";

/** The largest page a list call may ask for. */
export const MAX_PAGE_SIZE = 1000;

/** Which page a call asks for. */
export interface PageRequest {
  current: number;
  size: number;
}

/** One page of a list, as the API answers it. */
export interface Page<T> extends PageRequest {
  total: number;
  rows: T[];
}

/** Reads `current` (default 1) and `size` (default 10, at most 1000). */
export function readPage(query: URLSearchParams): PageRequest {
  const current = readInteger(query, "current", { min: 1, max: 1_000_000, fallback: 1 });
  const size = readInteger(query, "size", { min: 1, max: MAX_PAGE_SIZE, fallback: 10 });
  return { current: current ?? 1, size: size ?? 10 };
}

/** Cuts the requested page out of `rows`; past the end gives no rows. */
export function paginate<T>(rows: readonly T[], page: PageRequest): Page<T> {
  const start = (page.current - 1) * page.size;
  const slice = rows.slice(start, start + page.size);
  return { current: page.current, size: page.size, total: rows.length, rows: slice };
}
