/**
 * Routes of the sandbox API: a method, a path template under `/api/v1` with
 * `:name` segments, and a handler that returns the answer's data.
 */
import type { SandboxContext } from "./context.ts";

/** A request as the sandbox received it; also what the request log keeps. */
export interface SandboxRequest {
  method: string;
  /** The path without the query, e.g. `/api/v1/elements`. */
  path: string;
  query: URLSearchParams;
  /** Header names lowercased; repeated headers joined with `, `. */
  headers: Record<string, string>;
  /** The body as text; empty when there was none. */
  body: string;
}

/** What a handler gets: the request, the path's `:name` values, the context. */
export interface ApiCall {
  request: SandboxRequest;
  params: Record<string, string>;
  context: SandboxContext;
}

/** A successful answer's data, wrapped in the envelope when that is on. */
export interface Reply {
  data: unknown;
}

/** Answers one call, or throws an `ApiFailure`. */
export type Handler = (call: ApiCall) => Reply | Promise<Reply>;

/** One entry of the route table. */
export interface Route {
  method: string;
  /** The path as written, e.g. `/elements/:id`. */
  template: string;
  pattern: RegExp;
  handler: Handler;
  /** True when the route needs no credentials (login). */
  open: boolean;
}

/** The outcome of looking a request up in the route table. */
export type RouteMatch =
  | { route: Route; params: Record<string, string> }
  | { status: 404 | 405 };

/** Builds a route from a template such as `/elements/:id`. */
export function route(
  method: string,
  template: string,
  handler: Handler,
  open = false,
): Route {
  const source = template.replace(/:(\w+)/g, "(?<$1>[^/]+)");
  return { method, template, pattern: new RegExp(`^${source}$`), handler, open };
}

/** Finds the route for `method` and `path`: 404 for no path, 405 for no method. */
export function matchRoute(
  routes: readonly Route[],
  method: string,
  path: string,
): RouteMatch {
  let pathKnown = false;
  for (const candidate of routes) {
    const found = candidate.pattern.exec(path);
    if (found === null) continue;
    pathKnown = true;
    if (candidate.method !== method) continue;
    return { route: candidate, params: { ...found.groups } };
  }
  return { status: pathKnown ? 405 : 404 };
}
