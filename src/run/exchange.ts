/**
 * Sends a prepared request with the session's credentials, and on a 401
 * renews the token once and replays the same request once.
 */
import type { AuthSession } from "../auth/session.ts";
import { type HttpResponse, sendHttp } from "./http.ts";
import type { PreparedRequest } from "./prepare.ts";
import type { Attempt, Failure } from "./results.ts";
import { sameOrigin } from "./url.ts";

/** The last answer, every attempt, and whether the token was renewed. */
export interface Exchange {
  response: HttpResponse;
  attempts: Attempt[];
  tokenRefreshed: boolean;
  /** Set when a 401 survived everything the session could do. */
  refused?: Failure;
  /** The headers of the last attempt, credentials included. */
  headers: Record<string, string>;
}

/** Sends `request`; credentials go only to the recipe's own origin. */
export async function exchange(
  request: PreparedRequest,
  host: string,
  session: AuthSession,
): Promise<Exchange> {
  const ownOrigin = sameOrigin(request.url, host);
  const attempts: Attempt[] = [];
  const send = async (): Promise<[HttpResponse, Record<string, string>]> => {
    const headers = ownOrigin ? { ...request.headers, ...session.headers() } : request.headers;
    const response = await sendHttp({ ...request, headers });
    attempts.push({ number: attempts.length + 1, status: response.status,
      durationMs: response.durationMs });
    return [response, headers];
  };

  const used = session.token();
  let [response, headers] = await send();
  if (response.status !== 401 || !ownOrigin) {
    return { response, attempts, tokenRefreshed: false, headers };
  }

  if (!(await session.renew(used))) {
    return { response, attempts, tokenRefreshed: false, headers, refused: session.refusal(false) };
  }
  _last(attempts).reason = "401: token renewed, request replayed";
  [response, headers] = await send();
  const refused = response.status === 401 ? session.refusal(true) : undefined;
  return { response, attempts, tokenRefreshed: true, headers, refused };
}

function _last(attempts: Attempt[]): Attempt {
  const attempt = attempts.at(-1);
  if (!attempt) throw new Error("No attempt was made");
  return attempt;
}
