/**
 * When a JWT runs out, read from its `exp` claim without checking its
 * signature (the server does that). The server's clock may differ from
 * ours: a fresh token's `iat` tells by how much, and expiry is judged in
 * the server's time.
 */
import { decodeJwt } from "jose";

/** A token's life in our clock's Unix milliseconds, when it is a JWT that says. */
export interface TokenLife {
  expiresAt: number;
  /** From issue to expiry; unknown without `iat`. */
  lifetimeMs: number | undefined;
}

/**
 * Reads `exp` (and `iat`). For a token issued just now (`fresh`), the gap
 * between `iat` and our clock is the skew between the two clocks.
 */
export function tokenLife(token: string, fresh: boolean, now = Date.now()): TokenLife | undefined {
  let claims;
  try {
    claims = decodeJwt(token);
  } catch {
    return undefined; // not a JWT: only a 401 can tell that it expired
  }
  if (typeof claims.exp !== "number") return undefined;

  const issued = typeof claims.iat === "number" ? claims.iat * 1000 : undefined;
  const skew = fresh && issued !== undefined ? now - issued : 0;
  return {
    expiresAt: claims.exp * 1000 + skew,
    lifetimeMs: issued === undefined ? undefined : claims.exp * 1000 - issued,
  };
}

/**
 * True when the token should be renewed before use: it expires within the
 * margin. A token that lives shorter than twice the margin is renewed in
 * the second half of its life instead, so that a short-lived token is not
 * renewed before every call.
 */
export function dueForRenewal(life: TokenLife | undefined, marginMs: number, now = Date.now()) {
  if (life === undefined || marginMs <= 0) return false;
  const margin = life.lifetimeMs === undefined ? marginMs : Math.min(marginMs, life.lifetimeMs / 2);
  return life.expiresAt - now <= margin;
}
