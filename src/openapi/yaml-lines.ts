/**
 * Small pieces of hand-written YAML for `init --from-openapi`: keys quoted
 * only when they must be, comments lined up.
 */

const COMMENT_COLUMN = 40;

/** A line with a `# note` lined up at one column (one space at least). */
export function aligned(line: string, note: string): string {
  if (note === "") return line;
  return `${line.padEnd(COMMENT_COLUMN - 1)} # ${note}`;
}

/** A mapping key, quoted unless it is a plain word. */
export function yamlKey(name: string): string {
  return /^[A-Za-z_][\w.-]*$/.test(name) ? name : JSON.stringify(name);
}
