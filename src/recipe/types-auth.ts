/** How a recipe authenticates: the modes, the env var names each reads, secrets. */

/** Credential modes IDMP supports, plus `none` for open endpoints. */
export type AuthMode = "enterprise" | "cloud" | "apiKey" | "none";

/** Env var names each mode reads; values are names, never secrets. */
export interface EnterpriseEnv {
  host?: string;
  username?: string;
  password?: string;
  token?: string;
}
export interface CloudEnv {
  host?: string;
  bearerToken?: string;
  accessToken?: string;
}
export interface ApiKeyEnv {
  host?: string;
  apiKey?: string;
}
export interface NoneEnv {
  host?: string;
}

/** How a recipe authenticates; a union discriminated by `mode`. */
export type Auth =
  | { mode: "enterprise"; env?: EnterpriseEnv; allowHttp?: boolean; refreshMargin?: number }
  | { mode: "cloud"; env?: CloudEnv; allowHttp?: boolean }
  | { mode: "apiKey"; env?: ApiKeyEnv; allowHttp?: boolean }
  | { mode: "none"; env?: NoneEnv; allowHttp?: never };

/** Values besides credentials that no output may show. */
export interface Secrets {
  /** Environment variable names. */
  env?: string[];
  /** Recipe variable names, captures included. */
  vars?: string[];
}
