/**
 * The response body as text and as JSON. JSON is parsed with parseJson, so
 * 64-bit ids keep every digit; an empty body is null whatever its labels.
 * Bodies are read up to a size limit, so a huge answer fails its step
 * instead of the process (case K20).
 */
import { ExitCode, IdmpError } from "../errors.ts";
import { type JsonValue, parseJson } from "../json.ts";

/** The default largest body read: 64 MB (`--max-response-mb`, `request.maxResponseBytes`). */
export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

/** A body larger than the step allows; the rest of it was never read. */
export class ResponseTooLargeError extends IdmpError {
  override name = "ResponseTooLargeError";

  constructor(where: string, limit: number) {
    super(`Response to ${where} is larger than ${_size(limit)}; it was not read to its end`,
      ExitCode.stepFailed, {
        hint: "Raise the limit with request.maxResponseBytes in the step or --max-response-mb "
          + "for the run, or ask for less (a smaller page, a narrower query)",
      });
  }
}

/**
 * Reads the body as UTF-8 text, at most `limit` bytes of it; an absent body
 * reads as "". A larger body (by Content-Length, or once the bytes read pass
 * the limit) is cancelled and throws ResponseTooLargeError.
 */
export async function readText(
  response: Response,
  limit = DEFAULT_MAX_RESPONSE_BYTES,
  where = "the request",
): Promise<string> {
  if (response.body === null) return "";
  const announced = Number(response.headers.get("content-length") ?? NaN);
  if (announced > limit) {
    await response.body.cancel();
    throw new ResponseTooLargeError(where, limit);
  }

  // A plain body whose length is announced and allowed needs no counting:
  // the runtime's own reader is faster than reading chunk by chunk here.
  const plain = (response.headers.get("content-encoding") ?? "identity") === "identity";
  if (plain && Number.isFinite(announced) && announced > 0) return response.text();

  const decoder = new TextDecoder();
  const reader = response.body.getReader();
  let text = "";
  let bytes = 0;
  try {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      bytes += chunk.value.byteLength;
      if (bytes > limit) {
        await reader.cancel();
        throw new ResponseTooLargeError(where, limit);
      }
      text += decoder.decode(chunk.value, { stream: true });
    }
  } catch (error) {
    if (error instanceof ResponseTooLargeError) throw error;
    // A body announced as empty but labelled gzip is empty, whatever the
    // decoder thinks of it.
    if (response.headers.get("content-length") === "0") return "";
    throw error;
  }
  return text + decoder.decode();
}

/** Parses JSON bodies exactly: null when empty, undefined when not JSON. */
export function parseBody(text: string, contentType: string): JsonValue | undefined {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  const looksJson = /[/+]json\b/i.test(contentType) || /^[[{]/.test(trimmed);
  if (!looksJson) return undefined;
  try {
    return parseJson(trimmed);
  } catch {
    return undefined;
  }
}

function _size(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return Number.isInteger(mb) ? `${mb} MB` : `${bytes} bytes`;
}
