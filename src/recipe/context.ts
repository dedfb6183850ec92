/**
 * The state every recipe check shares: the file name, where to find a node's
 * position, and the list the checks add their problems to.
 */
import type { Locator } from "./locate.ts";
import { formatPath, type NodePath, type Position, type Problem } from "./problem.ts";

/** What a check needs to say where a problem is and to record it. */
export interface CheckContext {
  file: string;
  locator: Locator;
  problems: Problem[];
}

/** Details of a problem beyond its position, rule and message. */
export interface ReportOptions {
  path?: NodePath;
  severity?: Problem["severity"];
}

/** Records one problem at a position; errors unless told otherwise. */
export function report(
  context: Pick<CheckContext, "file" | "problems">,
  at: Position,
  rule: string,
  message: string,
  options: ReportOptions = {},
): void {
  const problem: Problem = {
    file: context.file,
    line: at.line,
    column: at.column,
    rule,
    message,
    severity: options.severity ?? "error",
  };
  if (options.path !== undefined) problem.path = formatPath(options.path);
  context.problems.push(problem);
}
