/**
 * Extra certificate authorities for HTTPS (`--ca FILE`), the one place where
 * Node and Deno need different code: Node's fetch takes an undici dispatcher,
 * Deno's a client made by `Deno.createHttpClient`. TLS verification is never
 * turned off. Without `--ca`, each runtime's own variable still works:
 * NODE_EXTRA_CA_CERTS on Node, DENO_CERT on Deno.
 */
import { rootCertificates } from "node:tls";

interface _DenoLike {
  createHttpClient(options: { caCerts?: string[]; poolMaxIdlePerHost?: number }): unknown;
}

let _extras: Record<string, unknown> = {};
let _caCerts: string[] = [];
let _fresh: Record<string, unknown> | undefined;

/** Trusts `pem` (one or more certificates) besides the system's authorities. */
export async function trustCertificates(pem: string): Promise<void> {
  const deno = (globalThis as { Deno?: _DenoLike }).Deno;
  if (deno) {
    _caCerts = [pem];
    _extras = { client: deno.createHttpClient({ caCerts: _caCerts }) };
    _fresh = undefined;
    return;
  }
  // Loaded only here: Deno never needs it, and most runs never get here.
  const { Agent } = await import("undici");
  _extras = { dispatcher: new Agent({ connect: { ca: [...rootCertificates, pem] } }) };
}

/** Options to add to every fetch call: empty unless `trustCertificates` ran. */
export function fetchExtras(): Readonly<Record<string, unknown>> {
  return _extras;
}

/**
 * Options for a call that must not reach the server twice (POST, PATCH).
 * Deno's fetch sends a request again, POST included, when a reused
 * keep-alive connection closes before the answer; a Deno client that keeps
 * no idle connections never reuses one. Node's fetch does not re-send.
 */
export function freshConnectionExtras(): Readonly<Record<string, unknown>> {
  const deno = (globalThis as { Deno?: _DenoLike }).Deno;
  if (!deno) return _extras;
  _fresh ??= { client: deno.createHttpClient({ caCerts: _caCerts, poolMaxIdlePerHost: 0 }) };
  return _fresh;
}
