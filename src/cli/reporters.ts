/**
 * `--reporter NAME[=FILE]` (repeatable) and `--output FILE`: which reports a
 * command writes and where. At most one report goes to stdout; every file is
 * checked before anything runs.
 */
import { stat } from "node:fs/promises";
import { dirname } from "node:path";
import { UsageError } from "../errors.ts";
import { stdout } from "../runtime/io.ts";
import { checkOutputFile, writeOutputFile } from "./output-file.ts";

/** Every reporter's name. */
export type ReporterName = "text" | "json" | "junit" | "github" | "html";

/** The reporters each command accepts. */
export const REPORTERS = {
  run: ["text", "json", "junit", "github", "html"],
  validate: ["text", "json", "github"],
} as const satisfies Record<string, readonly ReporterName[]>;

/** One report to write: stdout when `file` is unset. */
export interface ReporterSpec {
  name: ReporterName;
  file?: string;
  /** How the command line named the file, for messages: `--output` or `--reporter NAME`. */
  option?: string;
}

/**
 * Reads `--reporter` values and `--output` into specs; text alone when none
 * is given. Throws UsageError on an unknown name, an empty FILE, `--output`
 * with several reporters, two reporters on stdout or two on one file.
 */
export function parseReporters(
  args: { reporters: string[]; output: string | undefined },
  command: keyof typeof REPORTERS,
): ReporterSpec[] {
  const known: readonly ReporterName[] = REPORTERS[command];
  const specs = (args.reporters.length > 0 ? args.reporters : ["text"]).map((value) => {
    const [name = "", ...rest] = value.split("=");
    const file = rest.length > 0 ? rest.join("=") : undefined;
    if (!(known as readonly string[]).includes(name)) {
      throw new UsageError(`Unknown reporter "${name}" for ${command}`, {
        hint: `Use one of: ${known.join(", ")}, each optionally as NAME=FILE` });
    }
    if (file === "") {
      throw new UsageError(`--reporter "${value}" names no file`, {
        hint: `Write --reporter ${name}=FILE, or --reporter ${name} for stdout` });
    }
    return { name: name as ReporterName, file, option: `--reporter ${name}` };
  });

  if (args.output !== undefined) _applyOutput(specs, args.output);
  _checkTargets(specs);
  return specs;
}

/** The reporter that writes to stdout, if any. */
export function stdoutReporter(specs: ReporterSpec[]): ReporterName | undefined {
  return specs.find((spec) => spec.file === undefined)?.name;
}

/**
 * True when the text report belongs on the terminal: when text or github
 * (text with annotations between its lines) has stdout, or nothing has.
 */
export function textOnTerminal(specs: ReporterSpec[]): boolean {
  const name = stdoutReporter(specs);
  return name === undefined || name === "text" || name === "github";
}

/** Checks every report file before anything runs; throws UsageError naming the reporter. */
export async function checkReporterFiles(specs: ReporterSpec[]): Promise<void> {
  for (const spec of specs) {
    if (spec.file !== undefined) await checkWritable(spec.file, spec.option ?? "--output");
  }
}

/** Checks that `file` can be written; `label` says where it came from in a message. */
export async function checkWritable(file: string, label: string): Promise<void> {
  // checkOutputFile takes a parent that is a file for a writable folder.
  const parent = await stat(dirname(file)).catch(() => undefined);
  if (parent !== undefined && !parent.isDirectory()) {
    throw new UsageError(`Cannot write ${label} "${file}": "${dirname(file)}" is not a directory`,
      { hint: "Choose a path in an existing, writable directory" });
  }
  await checkOutputFile(file).catch((error: unknown) => {
    if (!(error instanceof UsageError)) throw error;
    // output-file.ts words its messages for --output; name the real source.
    throw new UsageError(error.message.replace("--output", label),
      { hint: error.hint, cause: error });
  });
}

/** Writes a finished report to its file, or to stdout. */
export async function writeReport(spec: ReporterSpec, text: string): Promise<void> {
  if (spec.file === undefined) stdout.write(text);
  else await writeOutputFile(spec.file, text);
}

function _applyOutput(specs: ReporterSpec[], output: string): void {
  const [only, ...others] = specs;
  if (only === undefined || others.length > 0) {
    throw new UsageError("--output goes with one reporter", {
      hint: "With several, give each its file: --reporter text --reporter junit=report.xml" });
  }
  if (only.file !== undefined) {
    throw new UsageError(`--output and --reporter ${only.name}=FILE both name a file`, {
      hint: "Keep one of the two" });
  }
  only.file = output;
  only.option = "--output";
}

function _checkTargets(specs: ReporterSpec[]): void {
  const onStdout = specs.filter((spec) => spec.file === undefined).map((spec) => spec.name);
  if (onStdout.length > 1) {
    throw new UsageError(`Only one reporter can write to stdout; ${onStdout.join(" and ")} would`, {
      hint: `Send the others to files, e.g. --reporter ${onStdout[1]}=report.${onStdout[1]}` });
  }
  const files = specs.flatMap((spec) => (spec.file === undefined ? [] : [spec.file]));
  const twice = files.find((file, index) => files.indexOf(file) !== index);
  if (twice !== undefined) {
    throw new UsageError(`Two reporters would write "${twice}"`, {
      hint: "Give each reporter its own file" });
  }
}
