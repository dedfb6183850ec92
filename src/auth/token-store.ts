/**
 * Tokens cached per credential (host and user) for a whole run, so that
 * several recipes against one server log in once, and so that many calls
 * refused at once share one login.
 */

import { type TokenLife, tokenLife } from "./expiry.ts";

/** Obtains a fresh token, e.g. by logging in. */
export type TokenSource = () => Promise<string>;

interface _Entry {
  token?: string;
  life?: TokenLife;
  pending?: Promise<string>;
  logins: number;
}

/** A run-wide cache of tokens with one login in flight per key. */
export class TokenStore {
  #entries = new Map<string, _Entry>();

  /** The cached token for a key, if any. */
  current(key: string): string | undefined {
    return this.#entries.get(key)?.token;
  }

  /** When the cached token expires, if it is a JWT that says. */
  life(key: string): TokenLife | undefined {
    return this.#entries.get(key)?.life;
  }

  /** Stores a token obtained elsewhere (e.g. a stored BEARER_TOKEN). */
  set(key: string, token: string): void {
    Object.assign(this.#entry(key), { token, life: tokenLife(token, false) });
  }

  /** How many times a token source ran for a key. */
  logins(key: string): number {
    return this.#entries.get(key)?.logins ?? 0;
  }

  /**
   * Returns a token newer than `stale`. When `stale` is still the cached one,
   * runs the source once, however many callers ask at the same time.
   */
  async renew(key: string, stale: string | undefined, source: TokenSource): Promise<string> {
    const entry = this.#entry(key);
    if (entry.token !== undefined && entry.token !== stale) return entry.token;
    if (entry.pending) return entry.pending;

    entry.logins += 1;
    entry.pending = source().then(
      (token) => {
        Object.assign(entry, { token, life: tokenLife(token, true), pending: undefined });
        return token;
      },
      (error: unknown) => {
        entry.pending = undefined;
        throw error;
      },
    );
    return entry.pending;
  }

  #entry(key: string): _Entry {
    let entry = this.#entries.get(key);
    if (!entry) this.#entries.set(key, (entry = { logins: 0 }));
    return entry;
  }
}
