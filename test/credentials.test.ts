import assert from "node:assert/strict";
import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { resolveCredentials } from "../src/auth/credentials.ts";
import { CredentialsError } from "../src/errors.ts";

const ENTERPRISE = { mode: "enterprise" } as const;
const BASE = { IDMP_HOST: "https://idmp.example.test", IDMP_USERNAME: "user1" };

async function refused(promise: Promise<unknown>): Promise<CredentialsError> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  assert.ok(error instanceof CredentialsError, `expected a CredentialsError, got ${error}`);
  return error;
}

test("K06a/b: a trailing newline is trimmed, with one warning naming the variable", async () => {
  const credentials = await resolveCredentials(ENTERPRISE, {
    ...BASE, IDMP_PASSWORD: "pw-1\n", BEARER_TOKEN: "tok-1\n" });

  assert.equal(credentials.values.password, "pw-1");
  assert.equal(credentials.values.token, "tok-1");
  assert.deepEqual(credentials.warnings, [
    "IDMP_PASSWORD had surrounding whitespace or a line break; it was trimmed",
    "BEARER_TOKEN had surrounding whitespace or a line break; it was trimmed",
  ]);
});

test("K06c: a value with a line break inside is refused, naming it without the value", async () => {
  const error = await refused(resolveCredentials(ENTERPRISE, {
    ...BASE, IDMP_PASSWORD: "pw-1", BEARER_TOKEN: "tok-1\ncanary-second-line" }));

  assert.equal(error.message, "BEARER_TOKEN contains a line break inside the value");
  assert.doesNotMatch(`${error.message}${error.hint}`, /canary|tok-1/);
});

test("every missing or empty variable is listed at once with its recipe key", async () => {
  const error = await refused(resolveCredentials(
    { mode: "cloud", env: { bearerToken: "MY_BEARER" } },
    { CLOUD_TOKEN: "  " },
  ));

  assert.equal(error.message, "Missing credentials: CLOUD_HOST (auth.env.host) is not set; "
    + "MY_BEARER (auth.env.bearerToken) is not set; CLOUD_TOKEN (auth.env.accessToken) is empty");
});

test("a token that is only 'Bearer ' counts as missing", async () => {
  const error = await refused(resolveCredentials({ mode: "apiKey" }, {
    IDMP_HOST: "https://h.test", IDMP_API_KEY: "Bearer " }));

  assert.match(error.message, /IDMP_API_KEY \(auth\.env\.apiKey\) is empty/);
});

test("NAME_FILE reads the value from a file, without its final line break", async (t) => {
  const dir = await mkdtemp(join(tmpdir(), "idmp-secret-"));
  t.after(() => rm(dir, { recursive: true }));
  await writeFile(join(dir, "password"), "from-file-pw\n");

  const credentials = await resolveCredentials(ENTERPRISE, {
    ...BASE, IDMP_PASSWORD_FILE: join(dir, "password") });

  assert.equal(credentials.values.password, "from-file-pw");
  assert.deepEqual(credentials.warnings, []);
});

test("NAME_FILE that cannot be read is a credentials error naming the path", async () => {
  const error = await refused(resolveCredentials(ENTERPRISE, {
    ...BASE, IDMP_PASSWORD_FILE: "/nonexistent/secret" }));

  assert.equal(error.message, 'Cannot read IDMP_PASSWORD_FILE "/nonexistent/secret" (ENOENT)');
});

test("NAME_COMMAND takes the command's stdout and never shows its stderr", async () => {
  const credentials = await resolveCredentials(ENTERPRISE, {
    ...BASE, IDMP_PASSWORD_COMMAND: "echo canary-stderr >&2; printf 'from-command-pw\\n'" });

  assert.equal(credentials.values.password, "from-command-pw");
});

test("a failing NAME_COMMAND says so without its output", async (t) => {
  const dir = await mkdtemp(join(tmpdir(), "idmp-secret-"));
  t.after(() => rm(dir, { recursive: true }));
  const script = join(dir, "vault.sh");
  await writeFile(script, "#!/bin/sh\necho canary-out; echo canary-err >&2; exit 7\n");
  await chmod(script, 0o755);

  const error = await refused(resolveCredentials(ENTERPRISE, {
    ...BASE, IDMP_PASSWORD_COMMAND: script }));

  assert.equal(error.message, "IDMP_PASSWORD_COMMAND exited with code 7; its output is not shown");
  assert.doesNotMatch(`${error.message}${error.hint}`, /canary/);
});

test("the variable itself wins over NAME_FILE, with a warning", async () => {
  const credentials = await resolveCredentials(ENTERPRISE, {
    ...BASE, IDMP_PASSWORD: "direct", IDMP_PASSWORD_FILE: "/nonexistent" });

  assert.equal(credentials.values.password, "direct");
  assert.match(credentials.warnings[0] ?? "", /more than one of IDMP_PASSWORD, IDMP_PASSWORD_FILE/);
});

for (const [host, outcome] of [
  ["http://idmp.example.test:6042", "refused"],
  ["http://127.0.0.1:6042", "allowed"],
  ["http://localhost:6042/idmp/", "allowed"],
  ["http://[::1]:6042", "allowed"],
  ["https://idmp.example.test", "allowed"],
] as const) {
  test(`credentials to ${host} are ${outcome}`, async () => {
    const resolving = resolveCredentials(ENTERPRISE, { ...BASE, IDMP_HOST: host,
      IDMP_PASSWORD: "pw" });

    if (outcome === "allowed") assert.equal((await resolving).host, host.replace(/\/$/, ""));
    else assert.match((await refused(resolving)).message, /Refusing to send credentials over plain/);
  });
}

test("plain http to another host is allowed by choice, with a warning", async () => {
  const env = { ...BASE, IDMP_HOST: "http://idmp.example.test", IDMP_PASSWORD: "pw" };

  const byFlag = await resolveCredentials(ENTERPRISE, env, { allowHttp: true });
  const byRecipe = await resolveCredentials({ ...ENTERPRISE, allowHttp: true }, env);
  const open = await resolveCredentials({ mode: "none" }, env);

  assert.match(byFlag.warnings[0] ?? "", /credentials travel unencrypted to idmp\.example\.test/);
  assert.deepEqual(byRecipe.warnings, byFlag.warnings);
  assert.deepEqual(open.warnings, [], "mode none sends nothing to protect");
});
