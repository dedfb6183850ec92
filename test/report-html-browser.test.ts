/**
 * The HTML report in a real browser: Debian's Chromium, driven by
 * playwright-core, opens the file with nothing else reachable, shows no
 * console error, and opens a failing step's details on a click. Runs on
 * Node and on Deno alike.
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { test } from "node:test";
import { pathToFileURL } from "node:url";
import type { Page } from "playwright-core";
import { ROOT, scratchDir } from "./support/helpers.ts";
import { mixedHtmlReport } from "./support/html-run.ts";

const CHROMIUM = "/usr/bin/chromium";

// Without the background-networking flags Chromium keeps calling Google's
// hosts, which this machine's closed network refuses.
const FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];

const SCREENSHOT = join(ROOT, "test-output", "report-html.png");

// A fresh profile, closed before the test's scratch directory is removed
// (after-hooks run in the order they were added, so not one of them).
async function withBrowser(profile: string, use: (page: Page) => Promise<void>) {
  assert.ok(existsSync(CHROMIUM),
    `${CHROMIUM} is missing: apt-get install chromium (as .ci/run does)`);
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, args: FLAGS,
    viewport: { width: 1400, height: 900 } });
  try {
    await use(browser.pages()[0] ?? await browser.newPage());
  } finally {
    await browser.close();
  }
}

test("the html report opens in Chromium offline and a failing step expands on a click",
  async (t) => {
    const { html } = await mixedHtmlReport(t);
    const dir = await scratchDir(t);
    const file = join(dir, "report.html");
    await writeFile(file, html);

    await withBrowser(join(dir, "profile"), (page) => _clickThrough(page, file));
  });

// Opens the report, checks what the page did, clicks, and takes the picture.
async function _clickThrough(page: Page, file: string): Promise<void> {
  page.setDefaultTimeout(10_000);
  const problems: string[] = [];
  const requests: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page: ${error.message}`));
  page.on("requestfailed", (request) => problems.push(`request failed: ${request.url()}`));
  page.on("request", (request) => requests.push(request.url()));

  await page.goto(pathToFileURL(file).href);
  const failing = page.locator("details.step.failed").first();
  const expected = failing.locator(".expected pre");
  assert.equal(await failing.evaluate((node) => (node as HTMLDetailsElement).open), false);
  assert.equal(await expected.isVisible(), false);

  await failing.locator("summary").click();

  assert.equal(await failing.evaluate((node) => (node as HTMLDetailsElement).open), true);
  assert.equal(await expected.isVisible(), true);
  assert.equal(await expected.textContent(), "999");
  assert.equal(await failing.locator(".actual pre").isVisible(), true);
  assert.match(await failing.locator(".actual pre").innerText(), /^\d+$/);

  const passed = page.locator(".step.passed").first();
  await page.getByLabel("Failures only").check();
  assert.equal(await passed.isVisible(), false, "failures only hides passing steps");
  await page.getByLabel("Failures only").uncheck();
  assert.equal(await passed.isVisible(), true);

  await mkdir(join(ROOT, "test-output"), { recursive: true });
  await page.screenshot({ path: SCREENSHOT, fullPage: true });
  assert.deepEqual(problems, []);
  assert.deepEqual(requests, [pathToFileURL(file).href], "nothing but the file itself");
}
