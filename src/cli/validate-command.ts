/**
 * `idmp-recipe validate`: check every recipe without touching the network
 * (unless `--openapi` names a URL to fetch the description from).
 */
import type { Problem } from "../recipe/problem.ts";
import { problemAnnotations, renderAnnotations } from "../report/github.ts";
import { renderProblems, renderProblemsJson } from "../report/problems.ts";
import { stderr } from "../runtime/io.ts";
import type { CliArgs } from "./args.ts";
import { parseVars } from "./environment.ts";
import { validateExitCode } from "../recipe/verdict.ts";
import { openApiCheck } from "../openapi/validate-option.ts";
import { expandRecipeArgs } from "./files.ts";
import { loadAll } from "./load-all.ts";
import {
  checkReporterFiles,
  parseReporters,
  type ReporterSpec,
  textOnTerminal,
  writeReport,
} from "./reporters.ts";

/** Validates; exit 0 when clean (warnings allowed unless --strict), 2 otherwise. */
export async function validateCommand(args: CliArgs): Promise<number> {
  const specs = parseReporters(args, "validate");
  await checkReporterFiles(specs);
  const files = await expandRecipeArgs(args.positionals);
  const vars = parseVars(args.vars);
  const terminal = textOnTerminal(specs);
  const check = await openApiCheck(args);
  const loaded = await loadAll(files, { extraVars: Object.keys(vars), print: terminal, check });

  // Under --strict a warning fails a file too, and the verdict line says so.
  const invalidFiles = loaded.results.filter((r) => r.problems.some(
    (problem) => problem.severity === "error" || args.strict,
  )).length;
  const summary = `${files.length - invalidFiles} of ${files.length} recipe file(s) valid; `
    + `${loaded.errors} error(s), ${loaded.warnings} warning(s)\n`;
  for (const spec of specs) await writeReport(spec, _render(spec, loaded.results, summary));
  if (terminal) stderr.write(summary);
  return validateExitCode(loaded.results, { strict: args.strict });
}

// Text on the terminal is printed as files load (to stderr); a text report
// on stdout is that, so it adds nothing there.
function _render(
  spec: ReporterSpec,
  results: { file: string; problems: Problem[] }[],
  summary: string,
): string {
  switch (spec.name) {
    case "text":
      if (spec.file === undefined) return "";
      return results.map((r) => renderProblems(r.problems, { color: false })).join("") + summary;
    case "json":
      return renderProblemsJson(results);
    case "github": {
      const problems = results.flatMap((result) => result.problems);
      return renderAnnotations(problemAnnotations(problems), {
        redact: (text) => text, root: process.env.GITHUB_WORKSPACE || process.cwd() });
    }
    case "junit":
    case "html":
      return "";
  }
}
