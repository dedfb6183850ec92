/**
 * The one place that turns errors into messages and exit codes. Known errors
 * become a line and a hint; anything else a short note, or a stack with
 * --verbose. Everything printed passes the run's redactor.
 */
import { readFile } from "node:fs/promises";
import { ExitCode, IdmpError, UsageError } from "../errors.ts";
import { Redactor } from "../report/redact.ts";
import { colorWanted, stderr, stdout } from "../runtime/io.ts";
import { serveSandbox } from "../sandbox/serve.ts";
import { type CliArgs, parseCli } from "./args.ts";
import { HELP } from "./help.ts";
import { initCommand } from "./init-command.ts";
import { runCommand } from "./run-command.ts";
import { validateCommand } from "./validate-command.ts";
import { VERSION } from "./version.ts";

/** Runs the command line and returns the exit code; never throws. */
export async function main(argv: string[]): Promise<number> {
  const redactor = new Redactor();
  const verbose = argv.includes("--verbose");
  try {
    const args = parseCli(argv);
    if (args.version) return _print(`${VERSION}\n`);
    if (args.help) return _print(HELP);
    if (args.command === undefined) {
      stderr.write(HELP);
      return ExitCode.invalid;
    }

    switch (args.command) {
      case "run":
        return await runCommand(args, redactor);
      case "validate":
        return await validateCommand(args);
      case "init":
        return await _init(args.positionals, args);
      case "schema":
        return _print(await readFile(new URL("../../schema/recipe.schema.json", import.meta.url),
          "utf8"));
      case "sandbox":
        return await _sandbox(args.port);
    }
  } catch (error) {
    stderr.write(redactor.redact(renderError(error, verbose, colorWanted(stderr))));
    return error instanceof IdmpError ? error.exitCode : ExitCode.stepFailed;
  }
}

/** One line and a hint for known errors; a pointer to --verbose for others. */
export function renderError(error: unknown, verbose: boolean, color: boolean): string {
  const red = (text: string) => (color ? `\u001b[31m${text}\u001b[39m` : text);
  if (error instanceof IdmpError) {
    const hint = error.hint ? `hint: ${error.hint}\n` : "";
    return `${red("error:")} ${error.message}\n${hint}`;
  }
  const message = error instanceof Error ? error.message : String(error);
  if (verbose && error instanceof Error && error.stack) {
    return `${red("internal error:")} ${error.stack}\n`;
  }
  return `${red("internal error:")} ${message}\nhint: run again with --verbose for the stack, `
    + "and report it if it persists\n";
}

function _print(text: string): number {
  stdout.write(text);
  return ExitCode.ok;
}

async function _init(files: string[], args: CliArgs) {
  const [file, ...extra] = files;
  if (file === undefined || extra.length > 0) {
    throw new UsageError("init writes one file", {
      hint: "Run idmp-recipe init my-recipe.yaml --mode enterprise",
    });
  }
  const { mode, force, fromOpenapi, operation } = args;
  if (operation !== undefined && fromOpenapi === undefined) {
    throw new UsageError("--operation needs --from-openapi", {
      hint: "Run idmp-recipe init my.yaml --from-openapi api.json --operation getElement",
    });
  }
  const result = await initCommand(file, {
    mode, force, ...(fromOpenapi === undefined ? {} : { fromOpenapi }),
    ...(operation === undefined ? {} : { operation }),
  });
  (result.exitCode === ExitCode.ok ? stdout : stderr).write(`${result.message}\n`);
  return result.exitCode;
}

async function _sandbox(portArg: string | undefined): Promise<number> {
  const port = _port(portArg);
  // The NAME=value lines go to stdout alone, so `sandbox > sandbox.env` is an env file.
  const log = (line: string) => (/^[A-Z_]+=/.test(line) ? stdout : stderr).write(`${line}\n`);
  await serveSandbox({ port, log }).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code !== "EADDRINUSE") throw error;
    throw new UsageError(`Port ${port ?? 8765} is already in use`, {
      hint: "Pass --port N with a free port, or --port 0 to pick one",
    });
  });
  stderr.write("Press Ctrl+C to stop\n");
  return await new Promise<number>(() => {});
}

function _port(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(`--port "${value}" is not a port number`, { hint: "Use 0 to 65535" });
  }
  return port;
}
