import assert from "node:assert/strict";
import http from "node:http";
import net from "node:net";
import { gzipSync } from "node:zlib";
import { describe, it, type TestContext } from "node:test";
import { RecipeError, TransportError } from "../src/errors.ts";
import { type HttpRequest, type HttpResponse, sendHttp } from "../src/run/http.ts";
import { NetworkError, toNetworkError } from "../src/run/transport-error.ts";
import { buildUrl } from "../src/run/url.ts";

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

interface Served {
  origin: string;
  /** Raw request lines as the server read them: `GET /x?y=1`. */
  seen: string[];
  connections: () => number;
}

// A purpose-built server on 127.0.0.1, closed when the test ends.
async function serve(t: TestContext, handler: Handler): Promise<Served> {
  const seen: string[] = [];
  let connections = 0;
  const server = http.createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    handler(req, res);
  });
  server.on("connection", () => connections++);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  t.after(() => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });
  const { port } = server.address() as net.AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, seen, connections: () => connections };
}

// A port that was free a moment ago: nothing listens there.
async function closedPort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

function send(request: Partial<HttpRequest> & { url: string }): Promise<HttpResponse> {
  return sendHttp({ method: "GET", headers: {}, timeoutMs: 5000, ...request });
}

function get(url: string, extra: Partial<HttpRequest> = {}): Promise<HttpResponse> {
  return send({ url, ...extra });
}

const json = (body: string): Handler => (_req, res) => {
  res.writeHead(200, { "content-type": "application/json" });
  res.end(body);
};

describe("sendHttp() requests the URL buildUrl() gives (K14, K15)", () => {
  for (const base of ["/idmp", "/idmp/"]) {
    for (const path of ["/api/v1/elements", "api/v1/elements"]) {
      it(`host ending "${base}" with path "${path}" requests /idmp/api/v1/elements`, async (t) => {
        const server = await serve(t, json("{}"));
        await get(buildUrl(server.origin + base, path));
        assert.deepEqual(server.seen, ["GET /idmp/api/v1/elements"]);
      });
    }
  }

  it("sends the K15 query exactly as pinned", async (t) => {
    const server = await serve(t, json("{}"));
    const query = { tag: ["a", "b"], s: "hello world", q: "a+b", u: "ümlaut&x=1", empty: "" };
    await get(buildUrl(server.origin, "/q", query));
    assert.deepEqual(server.seen, [
      "GET /q?tag=a&tag=b&s=hello%20world&q=a%2Bb&u=%C3%BCmlaut%26x%3D1&empty=",
    ]);
  });
});

describe("sendHttp() reads answers", () => {
  it("keeps a 64-bit id exact", async (t) => {
    const server = await serve(t, json('{"data":{"rows":[{"id":1234567890123456789}]}}'));
    const response = await get(`${server.origin}/e`);
    assert.deepEqual(response.json, { data: { rows: [{ id: 1234567890123456789n }] } });
  });

  it("resolves with a 500 and its body rather than throwing", async (t) => {
    const server = await serve(t, (_req, res) => {
      res.writeHead(500, { "content-type": "application/json", "X-Trace": "t1" });
      res.end('{"code":500,"message":"boom"}');
    });
    const response = await get(`${server.origin}/e`);
    assert.equal(response.status, 500);
    assert.deepEqual(response.json, { code: 500, message: "boom" });
    assert.equal(response.headers["x-trace"], "t1");
    assert.equal(response.url, `${server.origin}/e`);
  });

  const bodies: [string, string, string, unknown][] = [
    ["JSON without a JSON content type", "text/plain", '[1,2]', [1, 2]],
    ["text that is not JSON", "text/html", "<h1>hi</h1>", undefined],
    ["broken JSON labelled JSON", "application/json", '{"a":', undefined],
    ["a JSON scalar labelled JSON", "application/problem+json", "42", 42],
  ];
  for (const [name, type, body, parsed] of bodies) {
    it(`parses ${name} as ${JSON.stringify(parsed)}`, async (t) => {
      const server = await serve(t, (_req, res) => {
        res.writeHead(200, { "content-type": type });
        res.end(body);
      });
      const response = await get(`${server.origin}/b`);
      assert.equal(response.text, body);
      assert.deepEqual(response.json, parsed);
    });
  }

  it("sends the body and headers as given; an untyped body goes as text", async (t) => {
    let received = "";
    let type = "";
    const server = await serve(t, (req, res) => {
      type = req.headers["content-type"] ?? "";
      req.setEncoding("utf8");
      req.on("data", (chunk: string) => (received += chunk));
      req.on("end", () => res.end());
    });
    const body = '{"parentId":1234567890123456789}';
    await send({ method: "POST", url: `${server.origin}/p`, body });
    assert.equal(received, body);
    assert.equal(type, "text/plain;charset=UTF-8");
  });

  it("reuses one connection for calls in a row (keep-alive)", async (t) => {
    const server = await serve(t, json("{}"));
    for (let i = 0; i < 6; i++) await get(`${server.origin}/k`);
    // undici may open a second socket while the first is being released.
    assert.ok(server.connections() <= 2, `${server.connections()} connections for 6 calls`);
  });
});

describe("sendHttp() reads an empty body as null (K19)", () => {
  const variants: [string, string, number, Record<string, string>][] = [
    ["DELETE answered 204 with no body", "DELETE", 204, {}],
    ["204 labelled gzip with Content-Length 0", "DELETE", 204,
      { "content-encoding": "gzip", "content-length": "0" }],
    ["200 application/json with an empty body", "GET", 200,
      { "content-type": "application/json", "content-length": "0" }],
    ["200 labelled gzip with Content-Length 0", "GET", 200,
      { "content-type": "application/json", "content-encoding": "gzip", "content-length": "0" }],
  ];
  for (const [name, method, status, headers] of variants) {
    it(name, async (t) => {
      const server = await serve(t, (_req, res) => {
        res.writeHead(status, headers);
        res.end();
      });
      const response = await send({ method, url: `${server.origin}/x` });
      assert.equal(response.status, status);
      assert.equal(response.text, "");
      assert.equal(response.json, null);
    });
  }

  it("decodes a real gzip body", async (t) => {
    const server = await serve(t, (_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip" });
      res.end(gzipSync('{"id":1234567890123456789}'));
    });
    assert.deepEqual((await get(`${server.origin}/z`)).json, { id: 1234567890123456789n });
  });
});

describe("sendHttp() follows redirects on its own origin only", () => {
  it("follows a same-origin redirect and reports the final URL", async (t) => {
    const server = await serve(t, (req, res) => {
      if (req.url === "/old") res.writeHead(302, { location: "/new" }).end();
      else json('{"ok":true}')(req, res);
    });
    const response = await get(`${server.origin}/old`, { headers: { authorization: "Bearer t" } });
    assert.deepEqual(response.json, { ok: true });
    assert.equal(response.url, `${server.origin}/new`);
    assert.deepEqual(server.seen, ["GET /old", "GET /new"]);
  });

  it("returns a redirect to another origin unfollowed, credentials kept home", async (t) => {
    const other = await serve(t, json("{}"));
    const server = await serve(t, (_req, res) => {
      res.writeHead(302, { location: `${other.origin}/steal` }).end();
    });
    const response = await get(`${server.origin}/x`, { headers: { "access-token": "c" } });
    assert.equal(response.status, 302);
    assert.equal(response.headers.location, `${other.origin}/steal`);
    assert.deepEqual(other.seen, []);
  });
});

describe("sendHttp() turns network failures into safe TransportErrors (K18)", () => {
  it("connection refused: method, masked URL and reason; no secret anywhere", async () => {
    const port = await closedPort();
    const url = `http://127.0.0.1:${port}/api/v1/elements?apiKey=canary-123&size=5`;
    const headers = { authorization: "Bearer canary-token-456", "access-token": "canary-789" };
    const error = await get(url, { headers }).catch((caught: unknown) => caught);

    assert.ok(error instanceof TransportError);
    assert.ok(error instanceof NetworkError);
    assert.equal(error.code, "ECONNREFUSED");
    assert.equal(error.exitCode, 4);
    assert.equal(
      error.message,
      `GET http://127.0.0.1:${port}/api/v1/elements?apiKey=***&size=5 failed: connection refused`,
    );
    assert.equal(error.cause, undefined);
    const everything = [error.message, error.hint, error.stack, JSON.stringify(error)].join("\n");
    assert.doesNotMatch(everything, /canary/);
  });

  it("times out when no answer comes, saying after how long", async (t) => {
    const server = await serve(t, () => {});
    const started = Date.now();
    const error = await get(`${server.origin}/slow`, { timeoutMs: 100 }).catch((e: unknown) => e);
    assert.ok(error instanceof NetworkError);
    assert.equal(error.code, "ETIMEDOUT");
    assert.equal(error.message, `GET ${server.origin}/slow failed: timed out after 100 ms`);
    assert.ok(Date.now() - started < 2000);
  });

  it("times out when the body stalls after the headers", async (t) => {
    const server = await serve(t, (_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"rows":[');
    });
    const error = await get(`${server.origin}/stall`, { timeoutMs: 150 }).catch((e: unknown) => e);
    assert.ok(error instanceof NetworkError);
    assert.equal(error.code, "ETIMEDOUT");
  });

  it("reports a connection reset", async (t) => {
    const server = await serve(t, (req) => req.socket.destroy());
    const error = await get(`${server.origin}/reset`).catch((e: unknown) => e);
    assert.ok(error instanceof NetworkError);
    assert.equal(error.code, "ECONNRESET");
    assert.match(error.message, /failed: connection reset by the server$/);
  });

  it("reports a body labelled gzip that is not", async (t) => {
    const server = await serve(t, (_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip" });
      res.end('{"a":1}');
    });
    const error = await get(`${server.origin}/gz`).catch((e: unknown) => e);
    assert.ok(error instanceof NetworkError);
    assert.equal(error.code, "EBODY");
    assert.match(error.message, /could not be decoded \(Content-Encoding: gzip\)$/);
  });

  it("reports an abort by the caller", async (t) => {
    const server = await serve(t, () => {});
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const error = await get(`${server.origin}/a`, { signal: controller.signal })
      .catch((e: unknown) => e);
    assert.ok(error instanceof NetworkError);
    assert.equal(error.code, "EABORTED");
  });
});

describe("toNetworkError() classifies Node's and Deno's errors alike", () => {
  const sending = "error sending request for url (https://h.test/x?apiKey=s)";
  const deno = (words: string): Error =>
    new TypeError("fetch failed", { cause: new Error(`${sending}: ${words}`) });
  const node = (code: string): Error =>
    new TypeError("fetch failed", { cause: Object.assign(new Error(`x ${code}`), { code }) });
  const cases: [string, unknown, string, string][] = [
    ["Node refused", node("ECONNREFUSED"), "ECONNREFUSED", "connection refused"],
    ["Node DNS", node("ENOTFOUND"), "ENOTFOUND", "host not found"],
    ["Node TLS", node("DEPTH_ZERO_SELF_SIGNED_CERT"), "ETLS",
      "TLS error (DEPTH_ZERO_SELF_SIGNED_CERT)"],
    ["Node socket closed", node("UND_ERR_SOCKET"), "ECONNRESET", "connection reset by the server"],
    ["Deno refused", deno("tcp connect error: Connection refused (os error 111)"),
      "ECONNREFUSED", "connection refused"],
    ["Deno closed", deno("client error (SendRequest): connection closed before message completed"),
      "ECONNRESET", "connection reset by the server"],
    ["Deno DNS", deno("dns error: failed to lookup address information"), "ENOTFOUND",
      "host not found"],
    ["Deno TLS", deno("invalid peer certificate: UnknownIssuer"), "ETLS", "TLS error"],
    ["unknown", new Error("weird"), "ENETWORK", "network error"],
  ];
  for (const [name, error, code, reason] of cases) {
    it(`${name}: ${code}`, () => {
      const url = "https://h.test/x?apiKey=s";
      const context = { method: "GET", url, timeoutMs: 1, timedOut: false, aborted: false };
      const result = toNetworkError(error, context);
      assert.equal(result.code, code);
      assert.equal(result.message, `GET https://h.test/x?apiKey=*** failed: ${reason}`);
    });
  }
});

describe("sendHttp() refuses requests it cannot send as written", () => {
  it("a GET with a body", async () => {
    await assert.rejects(send({ url: "http://127.0.0.1:9/x", body: "{}" }), RecipeError);
  });

  it("a header value with a line break, without quoting the value", async () => {
    const headers = { authorization: "Bearer canary\nsecond" };
    await assert.rejects(send({ url: "http://127.0.0.1:9/x", headers }), (error: unknown) => {
      assert.ok(error instanceof RecipeError);
      assert.match(error.message, /header "authorization" is malformed/);
      assert.doesNotMatch(error.message, /canary/);
      return true;
    });
  });
});
