/**
 * Which environment variables each credential mode reads: the key under
 * `auth.env`, its default name, whether it is a secret, whether it must be set.
 */
import type { AuthMode } from "../recipe/types.ts";

/** One credential a mode reads from the environment. */
export interface CredentialRole {
  /** Key under `auth.env`, e.g. `password`. */
  key: string;
  /** Variable name used when the recipe does not rename it. */
  defaultName: string;
  secret: boolean;
  required: boolean;
  /** Remove a pasted `Bearer ` prefix from the value. */
  bearer: boolean;
}

const host = (defaultName: string): CredentialRole =>
  ({ key: "host", defaultName, secret: false, required: true, bearer: false });

/** The roles of each mode, in the order messages list them. */
export const ROLES: Readonly<Record<AuthMode, readonly CredentialRole[]>> = {
  enterprise: [
    host("IDMP_HOST"),
    { key: "username", defaultName: "IDMP_USERNAME", secret: false, required: true, bearer: false },
    { key: "password", defaultName: "IDMP_PASSWORD", secret: true, required: true, bearer: false },
    { key: "token", defaultName: "BEARER_TOKEN", secret: true, required: false, bearer: true },
  ],
  cloud: [
    host("CLOUD_HOST"),
    { key: "bearerToken", defaultName: "BEARER_TOKEN", secret: true, required: true, bearer: true },
    { key: "accessToken", defaultName: "CLOUD_TOKEN", secret: true, required: true, bearer: true },
  ],
  apiKey: [
    host("IDMP_HOST"),
    { key: "apiKey", defaultName: "IDMP_API_KEY", secret: true, required: true, bearer: true },
  ],
  none: [host("IDMP_HOST")],
};
