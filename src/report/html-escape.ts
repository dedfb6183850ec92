/**
 * Text into HTML for the `html` reporter: secrets redacted first, then the
 * five characters HTML gives meaning to escaped, so a value is safe both
 * between tags and inside a quoted attribute.
 */

/** Makes one value safe to place in the report. */
export type HtmlText = (value: string) => string;

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Escapes `& < > " '`; the result is valid text and attribute content. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

/**
 * The escaper of one report: redaction runs before escaping, since a secret
 * holding `&` or `"` would no longer match once escaped.
 */
export function htmlText(redact: (text: string) => string): HtmlText {
  return (value) => escapeHtml(redact(value));
}
