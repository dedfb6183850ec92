/**
 * Replaces secret values in text at the edge of the program. Every output
 * (reports, logs, error messages) passes through one Redactor, which learns
 * secrets as they appear: credentials when they are read, tokens when a login
 * returns them.
 */

/** The mask that stands in for a secret. */
export const MASK = "***";

// Limitation: values shorter than this are not searched for in free text,
// or every short word would be masked; credential headers and the login
// body are masked by structure whatever the length. A per-recipe list of
// short secrets to mask anyway would lift it.
const MIN_LENGTH = 4;

/** A growing set of secret values, and the function that hides them. */
export class Redactor {
  #secrets = new Set<string>();
  #pattern: RegExp | undefined;

  /** Adds values to hide; empty and very short ones are ignored. */
  add(...values: (string | undefined)[]): void {
    for (const value of values) {
      if (value === undefined || value.length < MIN_LENGTH) continue;
      for (const form of _forms(value)) this.#secrets.add(form);
      this.#pattern = undefined;
    }
  }

  /** Adds a variable's value: a string as it is, a number by its digits. */
  addValue(value: unknown): void {
    if (typeof value === "string") this.add(value);
    else if (typeof value === "number" || typeof value === "bigint") this.add(String(value));
  }

  /** How many secret forms are known. */
  get size(): number {
    return this.#secrets.size;
  }

  /**
   * Returns the text with every known secret replaced by the mask, and the
   * head of a secret that a cut left before `…` or `...` masked as well.
   */
  redact(text: string): string {
    if (this.#secrets.size === 0) return text;
    this.#pattern ??= _patternOf(this.#secrets);
    const whole = text.replace(this.#pattern, MASK);
    return whole.replace(TRUNCATED, (run: string, ellipsis: string) =>
      this.#isHeadOfSecret(run.slice(0, -ellipsis.length)) ? `${MASK}${ellipsis}` : run);
  }

  #isHeadOfSecret(run: string): boolean {
    for (let start = 0; start <= run.length - MIN_HEAD; start++) {
      const head = run.slice(start);
      for (const secret of this.#secrets) if (secret.startsWith(head)) return true;
    }
    return false;
  }
}

// The shortest head of a secret worth masking when a cut leaves it behind.
const MIN_HEAD = 4;
// A run of non-blank characters that ends in an ellipsis, as cuts leave them.
const TRUNCATED = /[^\s"'`]{4,}(…|\.\.\.)/g;

// A secret may appear as it is, escaped inside JSON (once, or twice when a
// JSON text is itself quoted), or percent-encoded.
function _forms(value: string): string[] {
  const json = JSON.stringify(value).slice(1, -1);
  const jsonTwice = JSON.stringify(json).slice(1, -1);
  return [value, json, jsonTwice, encodeURIComponent(value)];
}

function _patternOf(secrets: Set<string>): RegExp {
  const longestFirst = [...secrets].sort((a, b) => b.length - a.length);
  const escaped = longestFirst.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(escaped.join("|"), "g");
}
