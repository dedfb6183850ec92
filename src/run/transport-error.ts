/**
 * Network failures as the user reads them: method, masked URL and a reason
 * in plain words. The library's error is only classified, never kept:
 * ofetch's FetchError holds the request headers (the token among them) and
 * Deno's messages hold the full URL.
 */
import { TransportError } from "../errors.ts";
import { maskUrl } from "./url.ts";

/** Why a request could not complete, one code per family on both runtimes. */
export type NetworkCode =
  | "ECONNREFUSED"
  | "ECONNRESET"
  | "ETIMEDOUT"
  | "ENOTFOUND"
  | "EHOSTUNREACH"
  | "ETLS"
  | "EBODY"
  | "EABORTED"
  | "EBADPORT"
  | "ENETWORK";

/** A TransportError with a machine-readable code and no library internals. */
export class NetworkError extends TransportError {
  readonly code: NetworkCode;

  constructor(message: string, code: NetworkCode, hint?: string) {
    super(message, { hint });
    this.code = code;
  }
}

/** What the sender knew when the failure happened. */
export interface FailureContext {
  method: string;
  url: string;
  timeoutMs: number;
  /** The deadline fired. */
  timedOut: boolean;
  /** The caller's signal fired. */
  aborted: boolean;
  /** Failed while reading the body, which was labelled with this encoding. */
  bodyEncoding?: string;
}

// Tested against the codes and the URL-free messages of the error chain;
// Node gives codes, Deno only words. First match wins.
const RULES: [NetworkCode, RegExp][] = [
  ["EBADPORT", /bad port|port .*(?:restricted|blocked|not allowed)/i],
  ["ECONNREFUSED", /ECONNREFUSED|connection refused/i],
  ["ENOTFOUND", /ENOTFOUND|EAI_AGAIN|EAI_NONAME|dns error|failed to lookup|not known/i],
  ["ETIMEDOUT", /ETIMEDOUT|UND_ERR_\w*TIMEOUT|timed out/i],
  ["ETLS", /CERT|SSL|TLS|certificate|handshake|corrupt message/i],
  ["EBODY", /Z_\w*ERROR|incorrect header check|end of file|decod|decompress/i],
  ["ECONNRESET", /ECONNRESET|EPIPE|UND_ERR_SOCKET|reset|closed|broken pipe/i],
  ["EHOSTUNREACH", /EHOSTUNREACH|ENETUNREACH|unreachable/i],
];

const HINTS: Partial<Record<NetworkCode, string>> = {
  ECONNREFUSED: "Check that the server is running and that the host and port are right",
  ENOTFOUND: "Check the host name for typos, and that this machine can resolve it",
  ETIMEDOUT: "Raise request.timeout or --timeout if the server is slow",
  ETLS: "Check the server's certificate and that the host name matches it",
  EBODY: "The body does not match its Content-Encoding; check the server or proxy",
  ECONNRESET: "The server or a proxy closed the connection; try again or check its logs",
  EBADPORT: "Fetch never connects to a few ports (e.g. 1, 9, 6000, 6665-6669, 10080); "
    + "serve IDMP on another port",
};

/** Turns whatever fetch threw into a NetworkError that is safe to print. */
export function toNetworkError(error: unknown, context: FailureContext): NetworkError {
  const code = _classify(error, context);
  const reason = _reason(code, error, context);
  const message = `${context.method} ${maskUrl(context.url)} failed: ${reason}`;
  return new NetworkError(message, code, HINTS[code]);
}

function _classify(error: unknown, context: FailureContext): NetworkCode {
  if (context.timedOut) return "ETIMEDOUT";
  if (context.aborted) return "EABORTED";
  const text = _chain(error).join("\n");
  const rule = RULES.find(([, pattern]) => pattern.test(text));
  if (rule) return rule[0];
  return context.bodyEncoding === undefined ? "ENETWORK" : "EBODY";
}

function _reason(code: NetworkCode, error: unknown, context: FailureContext): string {
  const encoding = context.bodyEncoding ? ` (Content-Encoding: ${context.bodyEncoding})` : "";
  switch (code) {
    case "ECONNREFUSED": return "connection refused";
    case "ECONNRESET": return "connection reset by the server";
    case "ETIMEDOUT": return `timed out after ${context.timeoutMs} ms`;
    case "ENOTFOUND": return "host not found";
    case "EHOSTUNREACH": return "host unreachable";
    case "ETLS": return `TLS error${_safeCode(error, /CERT|SSL|TLS/)}`;
    case "EBODY": return `the response body could not be decoded${encoding}`;
    case "EABORTED": return "aborted";
    case "EBADPORT": return "the port is one that fetch refuses to use";
    case "ENETWORK": return `network error${_safeCode(error, /./)}`;
  }
}

// Codes are constants like DEPTH_ZERO_SELF_SIGNED_CERT: safe to show.
function _safeCode(error: unknown, wanted: RegExp): string {
  const codes = _chain(error, true).filter((c) => /^[A-Z][A-Z0-9_]{2,}$/.test(c));
  const code = codes.find((c) => wanted.test(c));
  return code === undefined ? "" : ` (${code})`;
}

// Codes and messages down the cause chain, URLs cut out of the messages.
function _chain(error: unknown, codesOnly = false, depth = 0): string[] {
  if (error === null || typeof error !== "object" || depth > 5) return [];
  const record = error as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  const found: string[] = [];
  if (typeof record.code === "string") found.push(record.code);
  if (!codesOnly && typeof record.message === "string") {
    found.push(record.message.replace(/\b[a-z][a-z+.-]*:\/\/\S+/gi, "<url>"));
  }
  found.push(..._chain(record.cause, codesOnly, depth + 1));
  const inner = Array.isArray(record.errors) ? record.errors : [];
  for (const item of inner) found.push(..._chain(item, codesOnly, depth + 1));
  return found;
}
