/**
 * The command line: one parser for every command (node:util parseArgs),
 * and the help text that lists what it accepts.
 */
import { parseArgs } from "node:util";
import { UsageError } from "../errors.ts";

/** Commands the tool knows. */
export const COMMANDS = ["run", "validate", "init", "sandbox", "schema"] as const;
export type Command = (typeof COMMANDS)[number];

/** The parsed command line. */
export interface CliArgs {
  command: Command | undefined;
  positionals: string[];
  help: boolean;
  version: boolean;
  envFiles: string[];
  vars: string[];
  /** Each `--reporter NAME[=FILE]`, in order. */
  reporters: string[];
  output: string | undefined;
  sandbox: boolean;
  strict: boolean;
  dryRun: boolean;
  readOnly: boolean;
  allowHttp: boolean;
  ca: string | undefined;
  timeout: string | undefined;
  maxResponseMb: string | undefined;
  verbose: boolean;
  port: string | undefined;
  mode: string | undefined;
  force: boolean;
  /** validate and run: the OpenAPI description (file or URL) to check steps against. */
  openapi: string | undefined;
  /** init: the OpenAPI description to write a recipe from. */
  fromOpenapi: string | undefined;
  /** init: the operation, by operationId or as `METHOD /path`. */
  operation: string | undefined;
}

const OPTIONS = {
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
  "env-file": { type: "string", multiple: true },
  var: { type: "string", multiple: true },
  reporter: { type: "string", short: "r", multiple: true },
  output: { type: "string", short: "o" },
  sandbox: { type: "boolean" },
  strict: { type: "boolean" },
  "dry-run": { type: "boolean" },
  "read-only": { type: "boolean" },
  "allow-http": { type: "boolean" },
  ca: { type: "string" },
  timeout: { type: "string" },
  "max-response-mb": { type: "string" },
  verbose: { type: "boolean" },
  port: { type: "string" },
  mode: { type: "string" },
  force: { type: "boolean" },
  openapi: { type: "string" },
  "from-openapi": { type: "string" },
  operation: { type: "string" },
} as const;

// Limitation: Node 20 itself checks that an --env-file FILE exists, wherever
// the option stands on the command line, and exits 9 ("node: FILE: not
// found") before this parser runs. Node 22 leaves the option to scripts.
/** Parses argv (without node and script); throws UsageError on a bad option. */
export function parseCli(argv: string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new UsageError(reason ?? "Invalid command line", { hint: "Run idmp-recipe --help" });
  }

  const [first, ...positionals] = parsed.positionals;
  if (first !== undefined && !(COMMANDS as readonly string[]).includes(first)) {
    throw new UsageError(`Unknown command "${first}"`, {
      hint: `Commands: ${COMMANDS.join(", ")}. Run idmp-recipe --help`,
    });
  }
  const { values } = parsed;
  return {
    command: first as Command | undefined,
    positionals,
    help: values.help ?? false,
    version: values.version ?? false,
    envFiles: values["env-file"] ?? [],
    vars: values.var ?? [],
    reporters: values.reporter ?? [],
    output: values.output,
    sandbox: values.sandbox ?? false,
    strict: values.strict ?? false,
    dryRun: values["dry-run"] ?? false,
    readOnly: values["read-only"] ?? false,
    allowHttp: values["allow-http"] ?? false,
    ca: values.ca,
    timeout: values.timeout,
    maxResponseMb: values["max-response-mb"],
    verbose: values.verbose ?? false,
    port: values.port,
    mode: values.mode,
    force: values.force ?? false,
    openapi: values.openapi,
    fromOpenapi: values["from-openapi"],
    operation: values.operation,
  };
}
