/**
 * The HTTP side: a `node:http` server on 127.0.0.1 that turns each request
 * into a `SandboxRequest`, counts and logs it, and writes the answer. It
 * tracks its sockets so that closing it also ends keep-alive connections.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { Buffer } from "node:buffer";
import type { Socket } from "node:net";
import type { SandboxContext } from "./context.ts";
import { handle } from "./handle.ts";
import type { SandboxRequest } from "./route.ts";

/** A listening server and the way to stop it. */
export interface SandboxServer {
  port: number;
  /** Stops listening and ends every open connection. */
  close(): Promise<void>;
}

/** The only interface the sandbox listens on. */
export const SANDBOX_HOST = "127.0.0.1";

/** Starts answering for `context` on `port` (0 for a free one). */
export async function listen(context: SandboxContext, port: number): Promise<SandboxServer> {
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => void _serve(context, req, res));
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, SANDBOX_HOST, () => resolve());
  });
  const address = server.address();
  const bound = typeof address === "object" && address !== null ? address.port : port;

  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections?.();
      for (const socket of sockets) socket.destroy();
    });
  return { port: bound, close };
}

async function _serve(context: SandboxContext, req: IncomingMessage, res: ServerResponse) {
  const { stats } = context;
  stats.requests++;
  context.inFlight++;
  stats.maxInFlight = Math.max(stats.maxInFlight, context.inFlight);

  // Fires when the client or close() ends the connection, to end a stall.
  const gone = new AbortController();
  res.once("close", () => gone.abort());
  try {
    const request = await _readRequest(req);
    context.requests.push(request);
    const response = await handle(context, request, gone.signal);
    const { latencyMs } = context.options;
    if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
    if (response.drop) {
      req.socket.destroy();
      return;
    }

    const length = Buffer.byteLength(response.body);
    res.writeHead(response.status, { ...response.headers, "content-length": String(length) });
    res.end(response.body);
  } catch {
    // The client went away while sending; nobody is left to answer.
    res.destroy();
  } finally {
    context.inFlight--;
  }
}

async function _readRequest(req: IncomingMessage): Promise<SandboxRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(Buffer.from(chunk as Uint8Array));

  const url = new URL(req.url ?? "/", `http://${SANDBOX_HOST}`);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
  }

  return {
    method: req.method ?? "GET",
    path: url.pathname,
    query: url.searchParams,
    headers,
    body: Buffer.concat(chunks).toString("utf8"),
  };
}
