/**
 * The `Retry-After` header (RFC 9110, 10.2.3): delta seconds or an HTTP
 * date, read as a wait in milliseconds from now.
 */

/** What a Retry-After value asks for. */
export type RetryAfter =
  | { kind: "wait"; ms: number }
  /** Present but neither seconds nor an HTTP date. */
  | { kind: "unreadable"; value: string };

// The three date forms HTTP allows all start with a day name:
// "Sun, 06 Nov 1994 08:49:37 GMT", "Sunday, 06-Nov-94 08:49:37 GMT" and
// asctime's "Sun Nov  6 08:49:37 1994". Requiring one keeps Date.parse,
// which reads "2" as the year 2001, away from anything else.
const DAY = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,? /;

// Limitation: a date is measured against this machine's clock, not the
// answer's Date header, so clock skew shifts the wait; HTTP dates also
// have whole seconds only. Subtracting the Date header would lift the skew.

/**
 * Reads `value` at time `now` (ms since the epoch). A date in the past
 * means no wait; undefined when the header is absent or blank.
 */
export function parseRetryAfter(
  value: string | undefined,
  now: number = Date.now(),
): RetryAfter | undefined {
  const text = value?.trim();
  if (text === undefined || text === "") return undefined;

  if (/^\d+$/.test(text)) return { kind: "wait", ms: Number(text) * 1000 };
  const date = DAY.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(date)) return { kind: "unreadable", value: text };
  return { kind: "wait", ms: Math.max(0, date - now) };
}
