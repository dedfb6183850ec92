/**
 * A tiny HTTP server on 127.0.0.1 that answers from a script, one entry
 * per request (the last one repeats), and notes when each request arrived.
 */
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { TestContext } from "node:test";

/** Writes one answer. */
export type Scripted = (response: ServerResponse) => void;

/** A running scripted server. */
export interface ScriptedServer {
  url: string;
  /** `performance.now()` at each request's arrival, in order. */
  arrivals: number[];
}

/** Starts a scripted server that closes when the test ends. */
export async function scripted(t: TestContext, script: Scripted[]): Promise<ScriptedServer> {
  const arrivals: number[] = [];
  const server = createServer((request, response) => {
    arrivals.push(performance.now());
    request.resume();
    const answer = script[Math.min(arrivals.length, script.length) - 1];
    request.on("end", () => answer?.(response));
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  t.after(() => new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  }));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, arrivals };
}

/** An answer with `status`, extra headers and a small JSON body. */
export function answer(status: number, headers: Record<string, string> = {}): Scripted {
  return (response) => {
    response.writeHead(status, { "content-type": "application/json", ...headers });
    response.end(JSON.stringify({ code: status === 200 ? 0 : status, message: "scripted" }));
  };
}
