/**
 * Reads a recipe's credentials from the environment, normalises what users
 * paste, and refuses what cannot work, all before any request is sent.
 */
import { CredentialsError } from "../errors.ts";
import type { Auth } from "../recipe/types.ts";
import { type CredentialRole, ROLES } from "./roles.ts";

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

/**
 * Resolves every credential the recipe's mode needs. Throws one
 * CredentialsError that lists every missing or empty variable.
 */
export function resolveCredentials(auth: Auth, env: Environment): Credentials {
  const declared: Record<string, string | undefined> = { ...auth.env };
  const values: Record<string, string> = {};
  const names: Record<string, string> = {};
  const missing: string[] = [];
  const broken: string[] = [];
  const warnings: string[] = [];

  for (const role of ROLES[auth.mode]) {
    const name = declared[role.key] ?? role.defaultName;
    names[role.key] = name;
    const raw = env[name];
    const where = `auth.env.${role.key}`;
    if (raw === undefined || raw.trim() === "") {
      const state = raw === undefined ? "not set" : "empty";
      if (role.required) missing.push(`${name} (${where}) is ${state}`);
      continue;
    }
    const value = normalise(raw, role);
    if (/[\r\n]/.test(value)) broken.push(name);
    else if (value === "") missing.push(`${name} (${where}) is empty once "Bearer " is removed`);
    else values[role.key] = value;
    if (raw.trim() !== raw) {
      warnings.push(`${name} had surrounding whitespace or a line break; it was trimmed`);
    }
  }

  if (broken.length > 0) {
    throw new CredentialsError(
      `${_list(broken)} contain${broken.length === 1 ? "s" : ""} a line break inside the value`,
      { hint: "Set the variable to a single line: copy the value again without the break" },
    );
  }
  if (missing.length > 0) {
    throw new CredentialsError(`Missing credentials: ${missing.join("; ")}`, {
      hint: "Export the variables, pass --env-file FILE, or use --sandbox to try the simulator",
    });
  }

  const secrets = ROLES[auth.mode]
    .filter((role) => role.secret && values[role.key] !== undefined)
    .map((role) => values[role.key] as string);
  const host = _host(values.host ?? "", names.host ?? "IDMP_HOST");
  return { mode: auth.mode, host, values, names, secrets, warnings };
}

/** Trims whitespace and line breaks around a value, and a pasted `Bearer `. */
export function normalise(raw: string, role: Pick<CredentialRole, "bearer">): string {
  const trimmed = raw.trim();
  if (!role.bearer) return trimmed;
  return trimmed.replace(/^bearer\s+/i, "").trim();
}

function _host(value: string, name: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new CredentialsError(`${name} is not a URL: "${value}"`, {
      hint: `Set ${name} to the server address, e.g. https://idmp.example.com:6042`,
    });
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new CredentialsError(`${name} must start with http:// or https://, got "${value}"`);
  }
  return value.replace(/\/+$/, "");
}

function _list(items: string[]): string {
  if (items.length === 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}
