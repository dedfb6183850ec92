/**
 * Which redirects the sender follows by itself: same-origin ones only. A
 * redirect to another origin comes back to the caller as the 3xx answer it
 * is, because fetch would carry custom credential headers such as
 * `Access-token` along to the new origin.
 */
import type { HttpRequest } from "./http.ts";
import { sameOrigin } from "./url.ts";

/** Redirects followed for one request before the 3xx answer is returned. */
export const MAX_REDIRECTS = 5;

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** The request to send next, or undefined when the answer is to be kept. */
export function nextHop(
  request: HttpRequest,
  status: number,
  location: string | null,
): HttpRequest | undefined {
  if (!REDIRECTS.has(status) || location === null) return undefined;
  if (!URL.canParse(location, request.url)) return undefined;
  const url = new URL(location, request.url).href;
  if (!sameOrigin(url, request.url)) return undefined;

  // As browsers do: 303 turns anything but HEAD into GET; 301 and 302 a POST.
  const toGet = status === 303
    ? request.method !== "HEAD"
    : (status === 301 || status === 302) && request.method === "POST";
  if (!toGet) return { ...request, url };

  const headers = Object.fromEntries(
    Object.entries(request.headers)
      .filter(([name]) => !/^content-(type|length)$/i.test(name)),
  );
  return { ...request, method: "GET", url, headers, body: undefined };
}
