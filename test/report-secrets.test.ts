/**
 * No secret in CI reports: JUnit, workflow commands and the job summary all
 * pass the run's redactor, against a server that echoes every credential.
 */
import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { test } from "node:test";
import { cli, scratchDir } from "./support/helpers.ts";
import { echoServer } from "./support/servers.ts";

// Characters that XML, workflow commands and Markdown each escape their
// own way, so that a secret escaped before redaction would slip through.
const CANARY = {
  password: "pw-canary-<&\"':,%\\-R1",
  token: "tok-canary-R1-0123456789abcdef0123456789abcdef",
  partner: "partner|canary:R1,<x>",
};

const scratch = scratchDir;

// The forms a canary could take in these reports.
function forms(canary: string): string[] {
  const xml = canary.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
  const workflow = canary.replace(/%/g, "%25").replace(/:/g, "%3A").replace(/,/g, "%2C");
  const markdown = canary.replace(/\|/g, "\\|").replace(/</g, "&lt;");
  return [canary, xml, workflow, markdown, JSON.stringify(canary).slice(1, -1),
    encodeURIComponent(canary), canary.slice(0, 12)];
}

test("no canary in junit, github annotations or the step summary", async (t) => {
  const site = await echoServer(t, CANARY.token);
  const dir = await scratch(t);
  await writeFile(join(dir, "r.yaml"), `version: 1
name: canary
auth: { mode: enterprise }
steps:
  - request: { method: GET, path: /api/v1/ok }
  - name: "echo"
    request:
      method: POST
      path: "/api/v1/fail/\${{ env.PARTNER_KEY }}"
      headers: { X-Partner-Key: "\${{ env.PARTNER_KEY }}" }
      json: { password: "\${{ env.PARTNER_KEY }}" }
    retry: { attempts: 1 }
`);
  const summary = join(dir, "summary.md");
  const env = { IDMP_HOST: site.url, IDMP_USERNAME: "user1", IDMP_PASSWORD: CANARY.password,
    PARTNER_KEY: CANARY.partner, GITHUB_STEP_SUMMARY: summary };

  const runs = [
    await cli(["run", join(dir, "r.yaml"), "-r", "github", "-r", `junit=${join(dir, "a.xml")}`],
      env),
    await cli(["run", join(dir, "r.yaml"), "-r", "junit", "-r", `github=${join(dir, "b.txt")}`],
      env),
  ];

  const files = await Promise.all(["a.xml", "b.txt", "summary.md"]
    .map((name) => readFile(join(dir, name), "utf8")));
  const everything = runs.map((run) => run.stdout + run.stderr).join("") + files.join("");
  assert.deepEqual(runs.map((run) => run.code), [1, 1]);
  for (const [name, canary] of Object.entries(CANARY)) {
    for (const form of forms(canary)) {
      assert.ok(!everything.includes(form), `${name} leaked as ${form}`);
    }
  }
  assert.match(files[0] ?? "", /x-partner-key\\":\\"\*\*\*|x-partner-key&quot;:&quot;\*\*\*/i);
  assert.match(files[1] ?? "",
    /^::error file=.*,line=6,title=canary%3A echo::.*message "echo \*\*\* Bearer \*\*\*/m);
  assert.match(files[2] ?? "", /\| canary \| echo \| ❌ failed \| 500 \|/);
});
