/**
 * JWTs the sandbox issues at login. Each token is signed with a secret made
 * fresh per simulator, and also kept in memory with its expiry in
 * milliseconds: the JWT `exp` claim counts whole seconds, and tests need
 * tokens that expire after a fraction of a second.
 */
import { SignJWT, jwtVerify } from "jose";

/** What a presented token turned out to be. */
export type TokenCheck = "valid" | "expired" | "invalid";

/** Issues, checks and revokes the sandbox's login tokens. */
export class TokenStore {
  readonly #secret = crypto.getRandomValues(new Uint8Array(32));
  readonly #expiries = new Map<string, number>();
  readonly #ttlMs: number;
  #serial = 0;

  constructor(ttlMs: number) {
    this.#ttlMs = ttlMs;
  }

  /**
   * Signs a token for `subject` that lives for the configured TTL.
   * Limitation: expiries are never pruned, one small entry per login; a
   * sweep on issue would lift it if a simulator ever served for weeks.
   */
  async issue(subject: string): Promise<string> {
    const issuedAt = Date.now();
    const expiresAt = issuedAt + this.#ttlMs;
    const id = `${issuedAt.toString(36)}-${++this.#serial}`;
    this.#expiries.set(id, expiresAt);

    return await new SignJWT({ loginName: subject })
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .setSubject(subject)
      .setJti(id)
      .setIssuedAt(Math.floor(issuedAt / 1000))
      .setExpirationTime(Math.ceil(expiresAt / 1000))
      .sign(this.#secret);
  }

  /** Checks signature, expiry to the millisecond, and revocation. */
  async check(token: string): Promise<TokenCheck> {
    let id: string | undefined;
    try {
      const { payload } = await jwtVerify(token, this.#secret, { algorithms: ["HS256"] });
      id = payload.jti;
    } catch (error) {
      return _isExpiry(error) ? "expired" : "invalid";
    }

    // A token missing from the map was revoked: to its holder, it expired.
    const expiresAt = id === undefined ? undefined : this.#expiries.get(id);
    if (expiresAt === undefined || Date.now() >= expiresAt) return "expired";
    return "valid";
  }

  /** Revokes every token issued so far; later logins work as before. */
  revokeAll(): void {
    this.#expiries.clear();
  }
}

function _isExpiry(error: unknown): boolean {
  return error instanceof Error && "code" in error && error.code === "ERR_JWT_EXPIRED";
}
