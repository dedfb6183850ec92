/**
 * What a recipe check finds: a rule, a message and where it points. Loading
 * and validation return these as data; the CLI decides how to print them.
 */

/** One finding about a recipe file, at a 1-based line and column. */
export interface Problem {
  file: string;
  line: number;
  column: number;
  /** Short kebab-case id, e.g. `unknown-key`, `yaml-tab`, `literal-secret`. */
  rule: string;
  /** Sentence case, no trailing period, says what to do. */
  message: string;
  severity: "error" | "warning";
  /** JSON path of the node, e.g. `steps[1].expect`. */
  path?: string;
}

/** A path into parsed YAML: keys and list indexes. */
export type NodePath = readonly (string | number)[];

/** A line and column, both 1-based. */
export interface Position {
  line: number;
  column: number;
}

/** True when at least one problem is an error rather than a warning. */
export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((problem) => problem.severity === "error");
}

/** Sorts problems by line, then column, then rule, without changing the input. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) =>
    a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule)
  );
}

const PLAIN_KEY = /^[A-Za-z_$][\w$]*$/;

/** Writes a path the way a reader finds it: `steps[1].expect.json["$.id"]`. */
export function formatPath(path: NodePath): string {
  let text = "";
  for (const segment of path) {
    if (typeof segment === "number") text += `[${segment}]`;
    else if (PLAIN_KEY.test(segment)) text += text === "" ? segment : `.${segment}`;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text;
}

/**
 * The name a message uses for the node at a path: its key, with any list
 * indexes after it, e.g. `timeout` or `steps[0]`; `recipe` for the root.
 */
export function nameOf(path: NodePath): string {
  let start = path.length - 1;
  while (start > 0 && typeof path[start] === "number") start -= 1;
  if (start < 0) return "recipe";
  return String(path[start]) + formatPath(path.slice(start + 1));
}

/** Quotes a user value for a message, cut short so a message stays a line. */
export function quote(value: string, max = 40): string {
  const text = value.length > max ? `${value.slice(0, max - 3)}...` : value;
  return `'${text}'`;
}
