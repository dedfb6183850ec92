/**
 * `idmp-recipe validate`: check every recipe without touching the network.
 */
import { ExitCode, UsageError } from "../errors.ts";
import { renderProblemsJson } from "../report/problems.ts";
import { stderr, stdout } from "../runtime/io.ts";
import type { CliArgs } from "./args.ts";
import { parseVars } from "./environment.ts";
import { expandRecipeArgs } from "./files.ts";
import { loadAll } from "./load-all.ts";

const REPORTERS = ["text", "json"];

/** Validates and returns the exit code: 0 clean (warnings allowed), 2 with errors. */
export async function validateCommand(args: CliArgs): Promise<number> {
  const reporter = args.reporter ?? "text";
  if (!REPORTERS.includes(reporter)) {
    throw new UsageError(`Unknown reporter "${reporter}" for validate`, {
      hint: `Use one of: ${REPORTERS.join(", ")}`,
    });
  }
  const files = await expandRecipeArgs(args.positionals);
  const vars = parseVars(args.vars);
  const loaded = await loadAll(files, { extraVars: Object.keys(vars), print: reporter === "text" });

  if (reporter === "json") stdout.write(renderProblemsJson(loaded.results));
  else {
    const valid = loaded.results.length - new Set(loaded.results
      .filter((r) => r.problems.some((p) => p.severity === "error")).map((r) => r.file)).size;
    stderr.write(`${valid} of ${files.length} recipe file(s) valid; `
      + `${loaded.errors} error(s), ${loaded.warnings} warning(s)\n`);
  }
  return loaded.errors > 0 ? ExitCode.invalid : ExitCode.ok;
}
