// Bundles the CLI into dist/cli/idmp-recipe.mjs so that the installed
// command starts without transpiling TypeScript (tsx stays the development
// runner: npm start and npm test never use the bundle). Run by `npm run
// build`, and by npm itself after `npm ci` / `npm install` (the prepare
// script). The bundle sits two folders deep, like src/cli/, so that the
// `../../schema` and `../../package.json` paths of the sources still hold.
import { build } from "esbuild";

await build({
  entryPoints: ["src/cli/entry.ts"],
  outfile: "dist/cli/idmp-recipe.mjs",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  logLevel: "warning",
  // Bundled CommonJS dependencies call require(); give them one.
  banner: {
    js: "import { createRequire as __idmpRequire } from 'node:module';"
      + " const require = __idmpRequire(import.meta.url);",
  },
});
