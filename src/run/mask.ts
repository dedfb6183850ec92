/**
 * Structural masking of what lands in results: credential headers by name,
 * and a body excerpt of bounded length.
 */
import type { HttpResponse } from "./http.ts";
import type { ReceivedResponse } from "./results.ts";
import { MASK } from "../report/redact.ts";

/** Characters of a response body kept for reports. */
export const EXCERPT_LENGTH = 500;

// Any header whose name speaks of credentials: Authorization,
// Proxy-Authorization, Access-token, X-Auth-Token, Cookie, Set-Cookie,
// X-Api-Key, X-Session-Id, ...
const SECRET_HEADER = /auth|token|cookie|key|secret|session|passw|credential|signature/i;

/** Headers with credential values replaced: `Authorization: Bearer ***`. */
export function maskHeaders(headers: Record<string, string>): Record<string, string> {
  const masked: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!SECRET_HEADER.test(name)) masked[name] = value;
    else masked[name] = /^bearer\s/i.test(value) ? `Bearer ${MASK}` : MASK;
  }
  return masked;
}

// Parsed bodies up to this size are kept whole in results (the JSON report
// shows them); larger ones only as an excerpt, so results stay small.
const KEEP_JSON_CHARS = 64 * 1024;

/**
 * The answer as reports keep it: headers, parsed JSON, an excerpt of the
 * text. `redact` runs before the excerpt is cut, so that a secret straddling
 * the cut cannot leave half of itself behind.
 */
export function responseRecord(
  response: HttpResponse,
  redact: (text: string) => string,
): ReceivedResponse {
  const text = redact(response.text);
  const excerpt = text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH)}…` : text;
  return {
    status: response.status,
    headers: maskHeaders(response.headers),
    json: text.length <= KEEP_JSON_CHARS ? response.json : undefined,
    excerpt,
  };
}
