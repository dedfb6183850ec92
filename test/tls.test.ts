import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test, type TestContext } from "node:test";
import { cli } from "./support/helpers.ts";

// A throwaway certificate authority and a server certificate for 127.0.0.1,
// made fresh by openssl for each test: test material, not a secret.
async function certificates(dir: string): Promise<{ ca: string; key: string; cert: string }> {
  const at = (name: string) => join(dir, name);
  const openssl = (...args: string[]) => execFileSync("openssl", args, { stdio: "ignore" });
  openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=test-ca",
    "-keyout", at("ca.key"), "-out", at("ca.pem"));
  openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1",
    "-keyout", at("server.key"), "-out", at("server.csr"));
  await writeFile(at("ext.cnf"), "subjectAltName=IP:127.0.0.1\n");
  openssl("x509", "-req", "-in", at("server.csr"), "-CA", at("ca.pem"), "-CAkey", at("ca.key"),
    "-CAcreateserial", "-days", "1", "-extfile", at("ext.cnf"), "-out", at("server.pem"));
  const [ca, key, cert] = await Promise.all(["ca.pem", "server.key", "server.pem"]
    .map((name) => readFile(at(name), "utf8")));
  return { ca: ca ?? "", key: key ?? "", cert: cert ?? "" };
}

async function httpsServer(t: TestContext, key: string, cert: string): Promise<string> {
  const server = createServer({ key, cert }, (_request, response) => {
    response.writeHead(200, { "content-type": "application/json" });
    response.end('{"code":0,"data":[]}');
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  t.after(() => new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  }));
  return `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

test("TLS is verified: a private CA fails without --ca and passes with it", async (t) => {
  const dir = await mkdtemp(join(tmpdir(), "idmp-tls-"));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const { key, cert } = await certificates(dir);
  const url = await httpsServer(t, key, cert);
  await writeFile(join(dir, "r.yaml"), `version: 1
name: tls
auth: { mode: apiKey }
steps:
  - request: { method: GET, path: /api/v1/permissions/menus }
    retry: { attempts: 1 }
`);
  const env = { IDMP_HOST: url, IDMP_API_KEY: "api_1.tls-test" };

  const untrusted = await cli(["run", join(dir, "r.yaml")], env);
  const trusted = await cli(["run", join(dir, "r.yaml"), "--ca", join(dir, "ca.pem")], env);
  const byEnv = await cli(["run", join(dir, "r.yaml")],
    { ...env, NODE_EXTRA_CA_CERTS: join(dir, "ca.pem") });

  assert.equal(untrusted.code, 4);
  assert.match(untrusted.stdout, /failed: TLS error/);
  assert.equal(trusted.code, 0, trusted.stdout + trusted.stderr);
  assert.equal(byEnv.code, 0, byEnv.stdout + byEnv.stderr);
});

test("--ca with a file that holds no certificate is a usage error", async () => {
  const run = await cli(["run", "recipes/quickstart.yaml", "--sandbox", "--ca", "README.md"]);

  assert.equal(run.code, 2);
  assert.match(run.stderr, /--ca file "README\.md" holds no PEM certificate/);
});
