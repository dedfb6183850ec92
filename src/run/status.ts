/**
 * Whether the call itself succeeded: its HTTP status, and IDMP's envelope,
 * where a numeric `code` other than 0 is an error even under HTTP 200.
 */
import type { JsonValue } from "../json.ts";
import type { Expect } from "../recipe/types.ts";
import { showValue } from "./compare.ts";
import type { Failure } from "./results.ts";

/** The status check: `expected` names one or several; undefined means any 2xx. */
export function checkStatus(expected: number | number[] | undefined, actual: number): Failure[] {
  const allowed = expected === undefined ? undefined : [expected].flat();
  if (allowed === undefined ? _is2xx(actual) : allowed.includes(actual)) return [];

  const wanted = allowed === undefined ? "2xx"
    : allowed.length === 1 ? String(allowed[0]) : `one of ${allowed.join(", ")}`;
  return [{
    kind: "check",
    path: "status",
    expected: expected ?? "2xx",
    actual,
    message: `status: expected ${wanted}, got ${actual}`,
  }];
}

/**
 * The envelope check: a body object whose numeric `code` is not 0 fails the
 * step, unless the step expects a non-2xx status or checks `$.code` itself.
 */
export function envelopeFailure(
  json: JsonValue | undefined,
  expect: Expect | undefined,
): Failure | undefined {
  if (json === null || typeof json !== "object" || Array.isArray(json)) return undefined;
  const code = json.code;
  if ((typeof code !== "number" && typeof code !== "bigint") || code == 0) return undefined;
  if (_expectsError(expect)) return undefined;

  const said = json.message;
  const why = said === undefined ? "" : `, message ${showValue(said)}`;
  return {
    kind: "check",
    path: "$.code",
    expected: 0,
    actual: code,
    message: `$.code: the answer reports an error: code ${code}${why}`,
    hint: "To expect this error, check $.code in expect.json or expect a non-2xx status",
  };
}

function _expectsError(expect: Expect | undefined): boolean {
  const statuses = expect?.status === undefined ? [] : [expect.status].flat();
  if (statuses.some((status) => !_is2xx(status))) return true;
  const paths = Object.keys(expect?.json ?? {}).map(_normalPath);
  return paths.includes("$.code");
}

// `$['code']`, `$["code"]` and `$ .code` all name `$.code`.
function _normalPath(path: string): string {
  return path.replace(/\s+/g, "").replace(/\[(['"])(\w+)\1\]/g, ".$2");
}

function _is2xx(status: number): boolean {
  return status >= 200 && status <= 299;
}
