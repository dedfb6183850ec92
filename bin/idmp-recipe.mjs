#!/usr/bin/env node
// The package's command. It runs the prebuilt bundle (dist/, made by
// `npm run build` and by npm's prepare step) when that is newer than every
// source file, so that it starts without transpiling; otherwise it runs the
// TypeScript sources through tsx, so an edit is never hidden by a stale build.
import { readdirSync, statSync } from "node:fs";

const root = new URL("../", import.meta.url);
const bundle = new URL("dist/cli/idmp-recipe.mjs", root);

if (isFresh(bundle)) {
  await import(bundle.href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import(new URL("src/cli/entry.ts", root).href);
}

function isFresh(file) {
  let built;
  try {
    built = statSync(file).mtimeMs;
  } catch {
    return false;
  }
  const sources = [new URL("src/", root), new URL("schema/", root)];
  return sources.every((dir) => newest(dir) <= built)
    && statSync(new URL("package.json", root)).mtimeMs <= built;
}

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = new URL(entry.name + (entry.isDirectory() ? "/" : ""), dir);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}
