/**
 * Small purpose-built HTTP servers on 127.0.0.1 for behaviour the simulator
 * does not script: each records what reached it and closes with the test.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { TestContext } from "node:test";

/** What one request looked like on the wire. */
export interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
}

/** Answers one request; `body` has been read already. */
export type Handler = (seen: Seen, response: ServerResponse) => void;

/** A running server: its URL and every request it saw. */
export interface TestServer {
  url: string;
  seen: Seen[];
}

/** Starts a server on 127.0.0.1 that closes when the test ends. */
export async function server(t: TestContext, handler: Handler): Promise<TestServer> {
  const seen: Seen[] = [];
  const http = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      const entry = { method: request.method ?? "", url: request.url ?? "",
        headers: request.headers, body };
      seen.push(entry);
      handler(entry, response);
    });
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  t.after(() => new Promise<void>((resolve) => {
    http.closeAllConnections();
    http.close(() => resolve());
  }));
  const { port } = http.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, seen };
}

/** Sends a JSON answer. */
export function json(response: ServerResponse, status: number, value: unknown): void {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(value));
}

/** A port on 127.0.0.1 that nothing listens on (free a moment ago). */
export async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/**
 * A server that quotes credentials in its errors: login answers `token`,
 * `/ok` answers `{code: 0, data: {id: 7}}`, `/bad` a 400 and anything else
 * a 500, each error echoing the request's headers, body and URL.
 */
export function echoServer(t: TestContext, token: string): Promise<TestServer> {
  return server(t, (seen, response) => {
    if (seen.url.endsWith("/users/login")) return json(response, 200, { token });
    if (seen.url.includes("/ok")) return json(response, 200, { code: 0, data: { id: 7 } });
    const { authorization, "x-partner-key": partner } = seen.headers;
    json(response, seen.url.includes("/bad") ? 400 : 500, { code: 1,
      message: `echo ${String(partner)} ${String(authorization)} ${seen.url} ${seen.body} `
        + JSON.stringify(seen.headers) });
  });
}
