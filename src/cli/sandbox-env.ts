/**
 * `run --sandbox`: each recipe sees the simulator's address and its test
 * credentials under the variable names the recipe itself declares.
 */
import type { Environment } from "../auth/credentials.ts";
import { ROLES } from "../auth/roles.ts";
import type { Recipe } from "../recipe/types.ts";
import {
  SANDBOX_API_KEY,
  SANDBOX_CLOUD_ACCESS_TOKEN,
  SANDBOX_CLOUD_BEARER,
  SANDBOX_PASSWORD,
  SANDBOX_USER,
} from "../sandbox/credentials.ts";

/** Returns a function that gives each recipe an environment aimed at `url`. */
export function sandboxEnvironment(url: string, base: Environment) {
  const valueOf: Record<string, string | undefined> = {
    host: url,
    username: SANDBOX_USER,
    password: SANDBOX_PASSWORD,
    token: undefined, // a stored token of a real server must not be tried here
    bearerToken: SANDBOX_CLOUD_BEARER,
    accessToken: SANDBOX_CLOUD_ACCESS_TOKEN,
    apiKey: SANDBOX_API_KEY,
  };

  return (recipe: Recipe): Environment => {
    const declared: Record<string, string | undefined> = { ...recipe.auth.env };
    const env: Record<string, string | undefined> = { ...base };
    for (const role of ROLES[recipe.auth.mode]) {
      env[declared[role.key] ?? role.defaultName] = valueOf[role.key];
    }
    return env;
  };
}
