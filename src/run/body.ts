/**
 * The response body as text and as JSON. JSON is parsed with parseJson, so
 * 64-bit ids keep every digit; an empty body is null whatever its labels.
 */
import { type JsonValue, parseJson } from "../json.ts";

/** Reads the whole body as UTF-8 text; an absent body reads as "". */
export async function readText(response: Response): Promise<string> {
  if (response.body === null) return "";
  // Limitation: the whole body is held in memory, with no size limit; a
  // cap with a clear message (case K20) would lift it.
  const decoder = new TextDecoder();
  const reader = response.body.getReader();
  let text = "";
  try {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      text += decoder.decode(chunk.value, { stream: true });
    }
  } catch (error) {
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
