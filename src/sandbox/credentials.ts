/**
 * The simulator's test credentials. They are documented, public values that
 * open nothing but the in-process sandbox, so printing them is fine.
 */

/** Login name the sandbox accepts for enterprise login. */
export const SANDBOX_USER = "sandbox";

/** Password of {@link SANDBOX_USER}. */
export const SANDBOX_PASSWORD = "sandbox-password";

/** A user API key (`api_<key_id>.<secret>`), sent as `Bearer`. */
export const SANDBOX_API_KEY = "api_1001.sandbox-secret";

/** Cloud mode: the `Authorization: Bearer` value of a browser session. */
export const SANDBOX_CLOUD_BEARER = "sandbox-cloud-bearer";

/** Cloud mode: the `Access-token` header value paired with the bearer. */
export const SANDBOX_CLOUD_ACCESS_TOKEN = "sandbox-cloud-access-token";
