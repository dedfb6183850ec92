/**
 * `idmp-recipe run`: validate every recipe, run the valid ones, report.
 */
import { readFile } from "node:fs/promises";
import { ExitCode, UsageError } from "../errors.ts";
import { loadOpenApi } from "../openapi/load.ts";
import { refuseOpenApiChecks } from "../run/openapi-checks.ts";
import type { Redactor } from "../report/redact.ts";
import type { RunOptions } from "../run/context.ts";
import { runRecipes } from "../run/run.ts";
import { refuseWrites } from "../run/writes.ts";
import { colorWanted, stderr, stdout } from "../runtime/io.ts";
import { trustCertificates } from "../runtime/tls.ts";
import { startSimulator } from "../sandbox/simulator.ts";
import type { CliArgs } from "./args.ts";
import { dryRun } from "./dry-run.ts";
import { loadEnvironment, parseVars } from "./environment.ts";
import { expandRecipeArgs } from "./files.ts";
import { writeOutputFile } from "./output-file.ts";
import { loadAll } from "./load-all.ts";
import { checkReporterFiles, checkWritable, parseReporters } from "./reporters.ts";
import { RunReports } from "./run-reports.ts";
import { sandboxEnvironment } from "./sandbox-env.ts";

/** Runs the command and returns its exit code. */
export async function runCommand(args: CliArgs, redactor: Redactor): Promise<number> {
  const specs = parseReporters(args, "run");
  const unplanned = specs.find((spec) => spec.name !== "text" && spec.name !== "json");
  if (args.dryRun && unplanned) {
    throw new UsageError(`--dry-run prints a plan, which the ${unplanned.name} reporter `
      + "does not show", { hint: "Use --reporter text or --reporter json with --dry-run" });
  }
  await checkReporterFiles(specs);
  const summaryFile = specs.some((spec) => spec.name === "github")
    ? process.env.GITHUB_STEP_SUMMARY || undefined
    : undefined;
  if (summaryFile !== undefined) await checkWritable(summaryFile, "GITHUB_STEP_SUMMARY");
  const files = await expandRecipeArgs(args.positionals);
  const warn = (line: string) => stderr.write(`${line}\n`);
  const env = await loadEnvironment(args.envFiles, process.env, warn);
  const vars = parseVars(args.vars);
  if (args.ca !== undefined) await trustCertificates(await _readCa(args.ca));
  const loaded = await loadAll(files, { extraVars: Object.keys(vars), print: true });
  const invalid = loaded.errors > 0 ? ExitCode.invalid : ExitCode.ok;
  if (args.readOnly) refuseWrites(loaded.recipes);
  if (args.dryRun) {
    const plan = (spec: { name: string; file?: string }) => dryRun(loaded.recipes,
      { env, vars, redactor },
      { json: spec.name === "json", color: !spec.file && colorWanted(stdout) });
    for (const spec of specs) {
      if (spec.file === undefined) stdout.write(plan(spec));
      else await writeOutputFile(spec.file, plan(spec));
    }
    return invalid;
  }

  // Read before anything is sent, so that a wrong --openapi costs no request.
  const timeoutMs = _timeout(args.timeout);
  if (args.openapi === undefined) refuseOpenApiChecks(loaded.recipes);
  const openapi = args.openapi === undefined ? undefined
    : await loadOpenApi(args.openapi, timeoutMs === undefined ? {} : { timeoutMs });

  const reports = new RunReports(specs, {
    redactor,
    color: colorWanted(stdout),
    invalid: loaded.results.filter((result) => result.problems.some(
      (problem) => problem.severity === "error")),
    root: process.env.GITHUB_WORKSPACE || process.cwd(),
    summaryFile,
  });
  if (loaded.recipes.length === 0) {
    await reports.finish(undefined);
    return invalid;
  }

  const options: RunOptions = {
    env,
    vars,
    redactor,
    timeoutMs,
    ...(openapi === undefined ? {} : { openapi }),
    maxResponseBytes: _maxResponseBytes(args.maxResponseMb),
    verbose: args.verbose,
    allowHttp: args.allowHttp,
    log: (line) => stderr.write(`${line}\n`),
    ...reports.hooks(),
  };

  const simulator = args.sandbox ? await startSimulator() : undefined;
  if (simulator) {
    options.envFor = sandboxEnvironment(simulator.url, env);
    stderr.write(`Using the built-in IDMP simulator at ${simulator.url} (--sandbox)\n`);
  }
  try {
    const run = await runRecipes(loaded.recipes, options);
    await reports.finish(run);
    return Math.max(invalid, run.exitCode);
  } finally {
    await simulator?.close();
  }
}

async function _readCa(file: string): Promise<string> {
  const pem = await readFile(file, "utf8").catch(() => {
    throw new UsageError(`Cannot read --ca file "${file}"`, { hint: "Give a PEM file" });
  });
  if (!pem.includes("-----BEGIN CERTIFICATE-----")) {
    throw new UsageError(`--ca file "${file}" holds no PEM certificate`, {
      hint: "Give the CA certificate in PEM form (-----BEGIN CERTIFICATE-----)",
    });
  }
  return pem;
}

function _maxResponseBytes(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const mb = Number(value);
  if (!(mb > 0) || !Number.isFinite(mb)) {
    throw new UsageError(`--max-response-mb "${value}" is not a positive number of megabytes`);
  }
  return Math.round(mb * 1024 * 1024);
}

function _timeout(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms <= 0) {
    throw new UsageError(`--timeout "${value}" is not a positive number of milliseconds`);
  }
  return ms;
}
