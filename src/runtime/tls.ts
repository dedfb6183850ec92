/**
 * Extra certificate authorities for HTTPS (`--ca FILE`), the one place where
 * Node and Deno need different code: Node's fetch takes an undici dispatcher,
 * Deno's a client made by `Deno.createHttpClient`. TLS verification is never
 * turned off. Without `--ca`, each runtime's own variable still works:
 * NODE_EXTRA_CA_CERTS on Node, DENO_CERT on Deno.
 */
import { rootCertificates } from "node:tls";

interface _DenoLike {
  createHttpClient(options: { caCerts: string[] }): unknown;
}

let _extras: Record<string, unknown> = {};

/** Trusts `pem` (one or more certificates) besides the system's authorities. */
export async function trustCertificates(pem: string): Promise<void> {
  const deno = (globalThis as { Deno?: _DenoLike }).Deno;
  if (deno) {
    _extras = { client: deno.createHttpClient({ caCerts: [pem] }) };
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
