/**
 * Judges an answer against a step's `expect`, and reads its `capture`s.
 * Failed checks are returned as data, never thrown.
 */
import type { JsonValue } from "../json.ts";
import type { OpenApi } from "../openapi/operations.ts";
import { renderValue, type TemplateScope } from "../recipe/template.ts";
import { type Matcher, OPENAPI_SCHEMA, type Step } from "../recipe/types.ts";
import { checkMatcher, checkStatus, envelopeFailure } from "./check.ts";
import type { HttpResponse } from "./http.ts";
import { queryJson } from "./jsonpath.ts";
import { checkHeaders, headerValue } from "./header-checks.ts";
import { checkOpenApiBody } from "./openapi-checks.ts";
import type { Failure } from "./results.ts";
import { checkBodySchema } from "./schema-checks.ts";

/** What judging an answer reads besides the step: the scope, `--openapi`. */
export interface Judge {
  scope: TemplateScope;
  openapi: OpenApi | undefined;
}

/**
 * Every check of the step that did not hold: status, envelope, JSON paths,
 * headers, the body schema and the duration of the answering request.
 */
export function verifyResponse(step: Step, response: HttpResponse, judge: Judge): Failure[] {
  const { scope } = judge;
  const failures = checkStatus(step.expect?.status, response.status);
  const envelope = envelopeFailure(response.json, step.expect);
  if (envelope) failures.push(envelope);

  for (const [path, matcher] of Object.entries(step.expect?.json ?? {})) {
    if (response.json === null || response.json === undefined) {
      failures.push(_noBody(path, response));
      continue;
    }
    const expected = renderValue(matcher as JsonValue, scope) as Matcher;
    failures.push(...checkMatcher(path, expected, queryJson(response.json, path)));
  }
  const { headers, schema, maxDuration } = step.expect ?? {};
  if (headers) {
    const rendered = renderValue(headers as JsonValue, scope) as Record<string, Matcher>;
    failures.push(...checkHeaders(rendered, response.headers));
  }
  if (schema === OPENAPI_SCHEMA) {
    failures.push(...checkOpenApiBody(step, response, judge.openapi));
  } else if (schema !== undefined) failures.push(...checkBodySchema(schema, response.json));
  if (maxDuration !== undefined && response.durationMs > maxDuration) {
    const took = Math.round(response.durationMs);
    failures.push({ kind: "check", path: "duration", expected: { lte: maxDuration },
      actual: took, message: `duration: expected at most ${maxDuration} ms, took ${took} ms` });
  }
  return failures;
}

/**
 * Reads each capture (a JSONPath into the body, or a header) into `vars`;
 * returns a failure for each that selects nothing.
 */
export function captureValues(
  step: Step,
  response: HttpResponse,
  vars: Record<string, JsonValue | undefined>,
): Failure[] {
  const failures: Failure[] = [];
  for (const [name, path] of Object.entries(step.capture ?? {})) {
    if (typeof path !== "string") {
      const value = headerValue(response.headers, path.header);
      if (value === undefined) {
        const message = `Cannot capture '${name}': no header ${path.header.toLowerCase()}`;
        failures.push({ kind: "check", path: `header ${path.header.toLowerCase()}`, message });
      } else vars[name] = value;
      continue;
    }
    if (response.json === null || response.json === undefined) {
      failures.push({ ..._noBody(path, response), message: `Cannot capture '${name}': `
        + (response.json === null ? "response has no body" : "response is not JSON") });
      continue;
    }
    const selection = queryJson(response.json, path);
    if (!selection.found) {
      const message = `Cannot capture '${name}': ${path} selects nothing`;
      failures.push({ kind: "check", path, message });
      continue;
    }
    vars[name] = selection.value;
  }
  return failures;
}

function _noBody(path: string, response: HttpResponse): Failure {
  const message = response.json === null ? "response has no body" : "response is not JSON";
  return { kind: "check", path, message: `${path}: ${message}` };
}
