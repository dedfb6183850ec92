/**
 * The answer a description declares for a status: the exact code first,
 * then its range (`2XX`), then `default`.
 */
import { jsonMediaSchema } from "./media.ts";
import { isObject, type JsonObject, type Operation } from "./operations.ts";

/** The response object declared for `status`, or undefined when none is. */
export function declaredResponse(operation: Operation, status: number): JsonObject | undefined {
  const { responses } = operation;
  return responses[String(status)]
    ?? responses[`${String(status)[0]}XX`] ?? responses[`${String(status)[0]}xx`]
    ?? responses["default"];
}

/** The JSON schema of the response to `status`, or undefined when none is declared. */
export function responseSchema(operation: Operation, status: number): JsonObject | undefined {
  const content = declaredResponse(operation, status)?.["content"];
  if (!isObject(content)) return undefined;
  const media: Record<string, JsonObject> = {};
  for (const [type, entry] of Object.entries(content)) if (isObject(entry)) media[type] = entry;
  return jsonMediaSchema(media);
}

/** The first 2xx status the operation declares, e.g. for `expect.status`. */
export function firstSuccess(operation: Operation): number | undefined {
  const codes = Object.keys(operation.responses).sort();
  const exact = codes.find((code) => /^2\d\d$/.test(code));
  if (exact !== undefined) return Number(exact);
  return codes.some((code) => /^2xx$/i.test(code)) ? 200 : undefined;
}
