/**
 * `npm run bench:validate`: validation of 1,000 recipe files, in process and
 * through the CLI, with the time and files per second of each.
 */
import { measureValidation } from "./validation.ts";

const figures = await measureValidation();
console.log(`${figures.files} recipes, ${figures.averageLines.toFixed(0)} lines on average`);
for (const [label, ms] of [
  ["in process (loadRecipeFile)", figures.inProcessMs],
  ["CLI (idmp-recipe validate <dir>, one process)", figures.cliMs],
] as const) {
  const rate = (figures.files / (ms / 1000)).toFixed(0);
  console.log(`${label.padEnd(48)} ${(ms / 1000).toFixed(2)} s  ${rate} files/s`);
}
