/**
 * `idmp-recipe validate`: check every recipe without touching the network.
 */
import { ExitCode, UsageError } from "../errors.ts";
import { renderProblems, renderProblemsJson } from "../report/problems.ts";
import { stderr, stdout } from "../runtime/io.ts";
import type { CliArgs } from "./args.ts";
import { parseVars } from "./environment.ts";
import { expandRecipeArgs } from "./files.ts";
import { loadAll } from "./load-all.ts";
import { checkOutputFile, writeOutputFile } from "./output-file.ts";

const REPORTERS = ["text", "json"];

/** Validates and returns the exit code: 0 clean (warnings allowed), 2 with errors. */
export async function validateCommand(args: CliArgs): Promise<number> {
  const reporter = args.reporter ?? "text";
  if (!REPORTERS.includes(reporter)) {
    throw new UsageError(`Unknown reporter "${reporter}" for validate`, {
      hint: `Use one of: ${REPORTERS.join(", ")}`,
    });
  }
  if (args.output !== undefined) await checkOutputFile(args.output);
  const files = await expandRecipeArgs(args.positionals);
  const vars = parseVars(args.vars);
  const loaded = await loadAll(files, { extraVars: Object.keys(vars), print: reporter === "text" });

  const invalidFiles = loaded.results.filter((r) => r.problems.some(
    (problem) => problem.severity === "error",
  )).length;
  const summary = `${files.length - invalidFiles} of ${files.length} recipe file(s) valid; `
    + `${loaded.errors} error(s), ${loaded.warnings} warning(s)\n`;
  const report = reporter === "json"
    ? renderProblemsJson(loaded.results)
    : loaded.results.map((r) => renderProblems(r.problems, { color: false })).join("") + summary;

  if (args.output !== undefined) await writeOutputFile(args.output, report);
  else if (reporter === "json") stdout.write(report);
  if (reporter === "text") stderr.write(summary);
  return loaded.errors > 0 ? ExitCode.invalid : ExitCode.ok;
}
