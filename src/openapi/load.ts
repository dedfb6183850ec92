/**
 * Reads an OpenAPI description from a file or a URL (JSON or YAML), checks
 * that it is OpenAPI 3.0 or 3.1, and resolves every `$ref` with
 * @apidevtools/json-schema-ref-parser, external files included.
 */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { dereference } from "@apidevtools/json-schema-ref-parser";
import { parse as parseYaml } from "yaml";
import { TransportError, UsageError } from "../errors.ts";
import { parseJson } from "../json.ts";
import { safeIntegersAsNumbers } from "../recipe/integers.ts";
import { indexOperations, isObject, type JsonObject, type OpenApi } from "./operations.ts";

/** Options of loadOpenApi. */
export interface LoadOpenApiOptions {
  /** Milliseconds a URL may take to answer; default 30000. */
  timeoutMs?: number;
}

const HINT = "Pass --openapi with an OpenAPI 3.0 or 3.1 file (JSON or YAML) or its URL";

// Limitation: a URL is fetched with a plain GET and no credentials, so a
// server that guards its /v3/api-docs needs the description saved to a file
// first (curl with a token, then --openapi FILE).
/** Reads, checks and dereferences a description; throws UsageError or TransportError. */
export async function loadOpenApi(
  source: string,
  options: LoadOpenApiOptions = {},
): Promise<OpenApi> {
  const isUrl = /^https?:\/\//i.test(source);
  const text = isUrl ? await _fetch(source, options.timeoutMs ?? 30_000) : await _read(source);
  const doc = _parse(text, source);
  const version = _version(doc, source);

  let resolved: unknown;
  try {
    // The base makes relative `$ref`s resolve beside the file or the URL.
    resolved = await dereference(isUrl ? source : resolve(source), doc, {
      dereference: { circular: true },
    });
  } catch (error) {
    throw new UsageError(`Cannot resolve the $refs of '${source}': ${_reason(error)}`, {
      hint: "Check that every $ref names a file and a place that exist",
      cause: error,
    });
  }
  const operations = indexOperations(isObject(resolved) ? resolved : doc);
  return { source, version, operations };
}

async function _read(file: string): Promise<string> {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    throw new UsageError(`Cannot read OpenAPI description '${file}': ${_reason(error)}`, {
      hint: HINT,
      cause: error,
    });
  }
}

async function _fetch(url: string, timeoutMs: number): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { accept: "application/json, application/yaml;q=0.9, */*;q=0.5" },
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw new TransportError(`Cannot fetch OpenAPI description ${url}: ${_reason(error)}`, {
      hint: "Check the URL and that the server is up, or save the description to a file",
      cause: error,
    });
  }
  const text = await response.text();
  if (!response.ok) {
    throw new UsageError(`OpenAPI description ${url} answered HTTP ${response.status}`, {
      hint: "Spring servers serve it at /v3/api-docs; a guarded one needs it saved to a file",
    });
  }
  return text;
}

// Integers beyond 2^53 (ids in examples) stay exact, as bigints.
function _parse(text: string, source: string): JsonObject {
  let value: unknown;
  try {
    value = text.trimStart().startsWith("{")
      ? parseJson(text)
      : safeIntegersAsNumbers(parseYaml(text, { intAsBigInt: true }));
  } catch (error) {
    throw new UsageError(`OpenAPI description '${source}' is neither JSON nor YAML: ` +
      _reason(error), { hint: HINT, cause: error });
  }
  if (!isObject(value)) {
    throw new UsageError(`OpenAPI description '${source}' does not hold an object`, {
      hint: HINT,
    });
  }
  return value;
}

function _version(doc: JsonObject, source: string): OpenApi["version"] {
  const declared = doc["openapi"] ?? doc["swagger"];
  const text = typeof declared === "string" ? declared : String(declared ?? "none");
  if (/^3\.0(\.|$)/.test(text)) return "3.0";
  if (/^3\.1(\.|$)/.test(text)) return "3.1";
  throw new UsageError(`'${source}' is OpenAPI or Swagger version '${text}'; ` +
    "only OpenAPI 3.0 and 3.1 are read", {
    hint: "Convert a Swagger 2.0 description to OpenAPI 3 (e.g. with swagger2openapi)",
  });
}

function _reason(error: unknown): string {
  const code = error instanceof Error && "code" in error ? error.code : undefined;
  if (code === "ENOENT") return "no such file";
  if (code === "EISDIR") return "it is a directory";
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0] ?? message;
}
