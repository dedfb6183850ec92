/**
 * `idmp-recipe init <file> --mode M [--force]`: writes a new commented
 * recipe. Never loses what was there: without --force an existing file is
 * refused, and with it the new text is written beside it, then renamed.
 */
import { randomBytes } from "node:crypto";
import { rename, stat, unlink, writeFile } from "node:fs/promises";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { ROLES } from "../auth/roles.ts";
import { ExitCode } from "../errors.ts";
import { starterRecipe } from "../recipe/starter.ts";
import { openApiStarter } from "../openapi/init-option.ts";
import { suggest } from "../recipe/suggest.ts";
import type { AuthMode } from "../recipe/types.ts";

/** What init did: the exit code, and one line for stdout (0) or stderr. */
export interface InitResult {
  exitCode: number;
  message: string;
}

/** Options of initCommand, as the command line gives them. */
export interface InitOptions {
  /** `enterprise` (the default), `cloud`, `apiKey` or `none`. */
  mode: string | undefined;
  /** Replace an existing file. */
  force: boolean;
  /** An OpenAPI description (file or URL) to take the one step from. */
  fromOpenapi?: string;
  /** With fromOpenapi: the operation, by operationId or as `METHOD /path`. */
  operation?: string;
}

const MODES = Object.keys(ROLES) as AuthMode[];
const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SCHEMA_FILE = join(ROOT, "schema", "recipe.schema.json");

/** Writes a starter recipe for a mode to `file`; prints nothing, never exits. */
export async function initCommand(file: string, options: InitOptions): Promise<InitResult> {
  const mode = options.mode ?? "enterprise";
  if (!_isMode(mode)) return _refuse(_unknownMode(mode));

  const target = resolve(file);
  const refusal = await _refusal(file, target, options.force);
  if (refusal !== undefined) return _refuse(refusal);

  const text = options.fromOpenapi === undefined
    ? starterRecipe(mode, schemaPathFor(target))
    : await openApiStarter(options.fromOpenapi, options.operation, mode, schemaPathFor(target));
  try {
    await (options.force ? _replace(target, text) : writeFile(target, text, { flag: "wx" }));
  } catch (error) {
    return _refuse(_writeFailure(file, error));
  }
  const needed = ROLES[mode].filter((role) => role.required).map((role) => role.defaultName);
  return {
    exitCode: ExitCode.ok,
    message: `Wrote '${file}' for mode '${mode}'; set ${needed.join(", ")}, then run ` +
      `idmp-recipe run ${file} (or try it first with --sandbox)`,
  };
}

// Limitation: a recipe moved after init keeps a relative path that no
// longer leads to the schema; and on Windows the absolute path is written
// as a plain path, not a file:// URL, which some editors may not follow.

/**
 * The `$schema` path for a recipe at `target`: relative to it inside this
 * repository, otherwise the absolute path of this installation's schema.
 */
export function schemaPathFor(target: string): string {
  const fromRoot = relative(ROOT, resolve(target));
  if (fromRoot.startsWith("..") || isAbsolute(fromRoot)) return SCHEMA_FILE;
  return relative(dirname(resolve(target)), SCHEMA_FILE).split(sep).join("/");
}

function _isMode(mode: string): mode is AuthMode {
  return (MODES as string[]).includes(mode);
}

function _unknownMode(mode: string): string {
  const near = suggest(mode, MODES);
  const modes = MODES.join(", ");
  const fix = near !== undefined ? `did you mean '${near}'? (modes: ${modes})` : `use ${modes}`;
  return `Unknown mode '${mode}'; ${fix}`;
}

// What is in the way, checked before writing so that the message is exact.
async function _refusal(file: string, target: string, force: boolean): Promise<string | undefined> {
  const directory = await _kind(dirname(target));
  if (directory !== "directory") {
    return `Cannot write '${file}': directory '${dirname(file)}' does not exist; ` +
      "create it first, or choose another path";
  }
  const existing = await _kind(target);
  if (existing === "directory") {
    const example = join(file, "recipe.yaml");
    return `Cannot write '${file}': it is a directory; name a file, e.g. ${example}`;
  }
  if (existing === "file" && !force) {
    return `File '${file}' already exists; pass --force to overwrite it, or choose another name`;
  }
  return undefined;
}

async function _kind(path: string): Promise<"file" | "directory" | undefined> {
  try {
    return (await stat(path)).isDirectory() ? "directory" : "file";
  } catch {
    return undefined;
  }
}

// The old file stays whole until the new one is complete: rename is atomic.
async function _replace(target: string, text: string): Promise<void> {
  const suffix = randomBytes(4).toString("hex");
  const temp = join(dirname(target), `.${basename(target)}.${suffix}.tmp`);
  try {
    await writeFile(temp, text, { flag: "wx" });
    await rename(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

function _writeFailure(file: string, error: unknown): string {
  const code = error instanceof Error && "code" in error ? error.code : undefined;
  if (code === "EEXIST") {
    return `File '${file}' already exists; pass --force to overwrite it, or choose another name`;
  }
  const why = code === "EACCES" || code === "EPERM"
    ? "permission denied"
    : error instanceof Error ? error.message : String(error);
  return `Cannot write '${file}': ${why}; choose another path`;
}

function _refuse(message: string): InitResult {
  return { exitCode: ExitCode.invalid, message };
}
