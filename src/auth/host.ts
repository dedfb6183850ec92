/**
 * The server address a recipe talks to, and the guard that keeps
 * credentials off plain `http://` unless the host is this machine.
 */
import { CredentialsError } from "../errors.ts";

/** What the host check needs to know about the recipe. */
export interface HostCheck {
  /** The mode sends credentials (any mode but `none`). */
  credentials: boolean;
  /** `--allow-http` or `auth.allowHttp: true`. */
  allowHttp: boolean;
  /** Receives the warning when plain http is allowed by choice. */
  warnings: string[];
}

const LOOPBACK = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/** Checks and returns the host without a trailing slash; throws CredentialsError. */
export function checkHost(value: string, name: string, check: HostCheck): string {
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
  if (url.username !== "" || url.password !== "") {
    throw new CredentialsError(`${name} must not hold a user name or password`, {
      hint: "Give credentials through the variables of the recipe's auth mode",
    });
  }

  const plain = url.protocol === "http:" && !LOOPBACK.test(url.hostname);
  if (plain && check.credentials && !check.allowHttp) {
    throw new CredentialsError(
      `Refusing to send credentials over plain http:// to ${url.host} (${name})`,
      { hint: "Use https://, or pass --allow-http (or auth.allowHttp: true) on a trusted network" },
    );
  }
  if (plain && check.credentials) {
    check.warnings.push(`credentials travel unencrypted to ${url.host}: plain http:// allowed`);
  }
  return value.replace(/\/+$/, "");
}
