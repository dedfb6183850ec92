/**
 * `idmp-recipe run`: validate every recipe, run the valid ones, report.
 */
import { readFile } from "node:fs/promises";
import { ExitCode, UsageError } from "../errors.ts";
import { renderJsonReport } from "../report/json.ts";
import type { Redactor } from "../report/redact.ts";
import * as text from "../report/text.ts";
import type { RunOptions } from "../run/context.ts";
import { runRecipes } from "../run/run.ts";
import { colorWanted, stderr, stdout } from "../runtime/io.ts";
import { trustCertificates } from "../runtime/tls.ts";
import { startSimulator } from "../sandbox/simulator.ts";
import type { CliArgs } from "./args.ts";
import { loadEnvironment, parseVars } from "./environment.ts";
import { expandRecipeArgs } from "./files.ts";
import { checkOutputFile, writeOutputFile } from "./output-file.ts";
import { loadAll } from "./load-all.ts";
import { sandboxEnvironment } from "./sandbox-env.ts";
import { VERSION } from "./version.ts";

const REPORTERS = ["text", "json"];

/** Runs the command and returns its exit code. */
export async function runCommand(args: CliArgs, redactor: Redactor): Promise<number> {
  const reporter = args.reporter ?? "text";
  if (!REPORTERS.includes(reporter)) {
    throw new UsageError(`Unknown reporter "${reporter}" for run`, {
      hint: `Use one of: ${REPORTERS.join(", ")}`,
    });
  }
  if (args.output !== undefined) await checkOutputFile(args.output);
  const files = await expandRecipeArgs(args.positionals);
  const warn = (line: string) => stderr.write(`${line}\n`);
  const env = await loadEnvironment(args.envFiles, process.env, warn);
  const vars = parseVars(args.vars);
  if (args.ca !== undefined) await trustCertificates(await _readCa(args.ca));
  const loaded = await loadAll(files, { extraVars: Object.keys(vars), print: true });
  const invalid = loaded.errors > 0 ? ExitCode.invalid : ExitCode.ok;
  if (loaded.recipes.length === 0) return invalid;

  const textOut = reporter === "text" || args.output !== undefined;
  const color = colorWanted(stdout);
  const options: RunOptions = {
    env,
    vars,
    redactor,
    timeoutMs: _timeout(args.timeout),
    verbose: args.verbose,
    allowHttp: args.allowHttp,
    log: (line) => stderr.write(`${line}\n`),
    onRecipeStart: (recipe) => {
      if (textOut) stdout.write(redactor.redact(text.renderRecipeHeader(recipe, { color })));
    },
    onStep: (step) => {
      if (textOut) stdout.write(redactor.redact(text.renderStep(step, { color })));
    },
    onRecipe: (recipe) => {
      if (textOut) stdout.write(redactor.redact(text.renderRecipeEnd(recipe, { color })));
    },
  };

  const simulator = args.sandbox ? await startSimulator() : undefined;
  if (simulator) {
    options.envFor = sandboxEnvironment(simulator.url, env);
    stderr.write(`Using the built-in IDMP simulator at ${simulator.url} (--sandbox)\n`);
  }
  try {
    const run = await runRecipes(loaded.recipes, options);
    if (textOut) stdout.write(redactor.redact(text.renderSummary(run, { color })));
    if (reporter === "json") {
      const json = redactor.redact(renderJsonReport(run, VERSION));
      if (args.output) await writeOutputFile(args.output, json);
      else stdout.write(json);
    } else if (args.output) {
      const report = redactor.redact(text.renderTextReport(run, { color: false }));
      await writeOutputFile(args.output, report);
    }
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

function _timeout(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms <= 0) {
    throw new UsageError(`--timeout "${value}" is not a positive number of milliseconds`);
  }
  return ms;
}
