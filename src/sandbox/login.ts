/**
 * `POST /api/v1/users/login`: trades a login name and password for a JWT,
 * counting every attempt so tests can assert how often a client logs in.
 */
import { ApiFailure } from "./failure.ts";
import { readJsonObject } from "./params.ts";
import { route, type ApiCall, type Reply } from "./route.ts";

/** Path of the login route under `/api/v1`. */
export const LOGIN_PATH = "/users/login";

/** The login route; it is the one route that needs no credentials. */
export const loginRoute = route("POST", LOGIN_PATH, _login, true);

async function _login({ request, context }: ApiCall): Promise<Reply> {
  const { stats, options, tokens } = context;
  stats.logins++;

  try {
    const body = readJsonObject(request.body);
    const { loginName, password } = body;
    if (typeof loginName !== "string" || typeof password !== "string") {
      throw new ApiFailure(400, "Login needs 'loginName' and 'password' as strings");
    }

    // Exact comparison on purpose: a password with a stray newline is wrong.
    if (!Object.hasOwn(options.users, loginName) || options.users[loginName] !== password) {
      throw new ApiFailure(401, "Wrong login name or password");
    }
    return { data: { token: await tokens.issue(loginName) } };
  } catch (error) {
    stats.loginFailures++;
    throw error;
  }
}
