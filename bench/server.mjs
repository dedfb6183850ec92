// A tiny keep-alive JSON server for the benchmarks, run as its own process
// so that it does not share an event loop with what is measured. Prints its
// URL on the first line of stdout. `/big?rows=N` answers a large JSON list.
import { createServer } from "node:http";

const SMALL = '{"code":0,"message":"success","data":{"id":42,"name":"pump","rows":[1,2,3]}}';
const bodies = new Map();

function bigBody(rows) {
  if (!bodies.has(rows)) {
    const items = Array.from({ length: rows }, (_, i) => `{"id":${i},"name":"element ${i}"}`);
    bodies.set(rows, `{"code":0,"data":{"total":${rows},"rows":[${items.join(",")}]}}`);
  }
  return bodies.get(rows);
}

const server = createServer((request, response) => {
  const url = new URL(request.url ?? "/", "http://localhost");
  const body = url.pathname === "/big" ? bigBody(Number(url.searchParams.get("rows"))) : SMALL;
  response.writeHead(200, { "content-type": "application/json" });
  response.end(body);
});
server.keepAliveTimeout = 30_000;
server.listen(0, "127.0.0.1", () => console.log(`http://127.0.0.1:${server.address().port}`));
