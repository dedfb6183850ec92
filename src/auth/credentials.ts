/**
 * Reads a recipe's credentials from the environment (or the files and
 * commands it points at), normalises what users paste, and refuses what
 * cannot work, all before any request is sent.
 */
import { CredentialsError } from "../errors.ts";
import type { Auth } from "../recipe/types.ts";
import { checkHost } from "./host.ts";
import { type CredentialRole, ROLES } from "./roles.ts";
import { readSecret } from "./secret-sources.ts";

/** Credentials as read for one recipe: values by role key, plus bookkeeping. */
export interface Credentials {
  mode: Auth["mode"];
  /** Server URL without a trailing slash. */
  host: string;
  /** Values by role key (`username`, `password`, `apiKey`, ...). */
  values: Readonly<Record<string, string>>;
  /** Env var name by role key, for messages. */
  names: Readonly<Record<string, string>>;
  /** Values that must never be printed. */
  secrets: string[];
  /** Things worth telling the user, without values. */
  warnings: string[];
}

/** Where environment values come from; `process.env` in the CLI. */
export type Environment = Readonly<Record<string, string | undefined>>;

/** What may loosen the checks: `--allow-http` or the recipe's `auth.allowHttp`. */
export interface CredentialOptions {
  allowHttp?: boolean;
}

// IDMP user API keys read `api_<key id>.<secret>`.
const API_KEY_SHAPE = /^api_[A-Za-z0-9]+\.[^\s.]+$/;

/**
 * Resolves every credential the recipe's mode needs. Throws one
 * CredentialsError that lists every missing or empty variable.
 */
export async function resolveCredentials(
  auth: Auth,
  env: Environment,
  options: CredentialOptions = {},
): Promise<Credentials> {
  const declared: Record<string, string | undefined> = { ...auth.env };
  const values: Record<string, string> = {};
  const names: Record<string, string> = {};
  const missing: string[] = [];
  const broken: string[] = [];
  const warnings: string[] = [];

  for (const role of ROLES[auth.mode]) {
    const name = declared[role.key] ?? role.defaultName;
    names[role.key] = name;
    const read = await readSecret(name, env);
    warnings.push(...read.warnings);
    const raw = read.value;
    const where = `auth.env.${role.key}`;
    if (raw === undefined || raw.trim() === "") {
      const state = raw === undefined ? "not set" : "empty";
      if (role.required) missing.push(`${name} (${where}) is ${state}`);
      continue;
    }
    const value = normalise(raw, role);
    if (/[\r\n]/.test(value)) broken.push(read.source);
    else if (value === "") missing.push(`${name} (${where}) is empty once "Bearer " is removed`);
    else values[role.key] = value;
    if (raw.trim() !== raw) {
      warnings.push(`${read.source} had surrounding whitespace or a line break; it was trimmed`);
    }
  }

  if (broken.length > 0) {
    const verb = broken.length === 1 ? "contains" : "contain";
    throw new CredentialsError(`${_list(broken)} ${verb} a line break inside the value`, {
      hint: "Set the variable to a single line: copy the value again without the break",
    });
  }
  if (missing.length > 0) {
    throw new CredentialsError(`Missing credentials: ${missing.join("; ")}`, {
      hint: "Export the variables, pass --env-file FILE, or use --sandbox to try the simulator",
    });
  }

  if (auth.mode === "apiKey" && !API_KEY_SHAPE.test(values.apiKey ?? "")) {
    warnings.push(`${names.apiKey} does not look like an IDMP API key (api_<key id>.<secret>)`);
  }
  const host = checkHost(values.host ?? "", names.host ?? "IDMP_HOST", {
    credentials: auth.mode !== "none",
    allowHttp: options.allowHttp === true || auth.allowHttp === true,
    warnings,
  });
  const secrets = ROLES[auth.mode]
    .filter((role) => role.secret && values[role.key] !== undefined)
    .map((role) => values[role.key] as string);
  return { mode: auth.mode, host, values, names, secrets, warnings };
}

/** Trims whitespace and line breaks around a value, and a pasted `Bearer `. */
export function normalise(raw: string, role: Pick<CredentialRole, "bearer">): string {
  const trimmed = raw.trim();
  if (!role.bearer) return trimmed;
  return trimmed.replace(/^bearer(?:\s+|$)/i, "").trim();
}

function _list(items: string[]): string {
  if (items.length === 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}
