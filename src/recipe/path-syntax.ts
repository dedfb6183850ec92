/**
 * Checks each step's `path` before a run: an absolute URL that parses and
 * speaks http(s), no `.` or `..` segment (the runner refuses them), and
 * warnings for what would be sent otherwise than written: spaces, a
 * fragment, a query string beside `query`.
 */
import { type CheckContext, report } from "./context.ts";
import { quote } from "./problem.ts";
import type { Recipe } from "./types.ts";

/** One thing wrong with a path, at a character of it. */
export interface PathFinding {
  offset: number;
  message: string;
  severity: "error" | "warning";
}

const TEMPLATE = /\$\{\{.*?\}\}/g;
const SCHEME = /^([a-z][a-z\d+.-]*):\/\//i;
const HOST_PORT = /^[\w.-]+:\d+(?:[/?#]|$)/;
const DOT_SEGMENT = /^(?:\.|%2e){1,2}$/i;
const FROM_HOST = "e.g. /api/v1/elements";

// Limitation: a path that a template starts (`${{ vars.base }}/x`) is judged
// only in its literal rest; its URL is known when the run renders it.

/** Reports each step path that is malformed or would not be sent as written. */
export function checkPathSyntax(context: CheckContext, recipe: Recipe): void {
  recipe.steps.forEach((step, index) => {
    const path = ["steps", index, "request", "path"];
    for (const finding of findPathProblems(step.request.path, step.request.query !== undefined)) {
      const at = context.locator.inString(path, finding.offset);
      report(context, at, "bad-path", finding.message, { path, severity: finding.severity });
    }
  });
}

/**
 * What is wrong with a request path; `hasQuery` when the step also has
 * `query`. A template counts as one opaque segment: the runner encodes it.
 */
export function findPathProblems(raw: string, hasQuery: boolean): PathFinding[] {
  // Same length, so offsets still point into the written path.
  const text = raw.replace(TEMPLATE, (template) => "x".repeat(template.length));
  // An unclosed template is template-syntax's to report.
  if (text.includes("${{")) return [];
  const shown = quote(raw);
  const error = (offset: number, message: string): PathFinding[] =>
    [{ offset, message, severity: "error" }];

  const scheme = SCHEME.exec(text)?.[1];
  if (scheme !== undefined && !/^https?$/i.test(scheme)) {
    return error(0, `Path ${shown} is a URL with the scheme '${scheme}:'; write an ` +
      `http:// or https:// URL, or a path from the host, ${FROM_HOST}`);
  }
  if (scheme === undefined && HOST_PORT.test(text)) {
    return error(0, `Path ${shown} reads as a host and port without a scheme; write ` +
      `http:// or https:// before it, or a path from the host, ${FROM_HOST}`);
  }
  if (scheme !== undefined && !URL.canParse(text)) {
    return error(0, `Path ${shown} is not a URL that parses; check its host and port`);
  }

  const found: PathFinding[] = [];
  const end = text.search(/[?#]/);
  let offset = 0;
  for (const segment of (end < 0 ? text : text.slice(0, end)).split("/")) {
    if (DOT_SEGMENT.test(segment)) {
      return error(offset, `Path ${shown} has a '${segment}' segment, which the runner ` +
        `refuses; write the path from the host's base, ${FROM_HOST}`);
    }
    offset += segment.length + 1;
  }
  const space = text.search(/\s/);
  if (space >= 0) {
    found.push(_warning(space, `Path ${shown} holds a space or line break; write a space ` +
      "as %20, or put the value under query"));
  }
  const hash = text.indexOf("#");
  if (hash >= 0) {
    found.push(_warning(hash, `Path ${shown} has a fragment ('#...'), which is never ` +
      "sent; remove it, or write %23 for a '#' in the path"));
  }
  const question = text.indexOf("?");
  if (question >= 0 && hasQuery) {
    found.push(_warning(question, `Path ${shown} has a query string and the step also ` +
      "has 'query'; put every parameter under query, where values are encoded"));
  }
  return found;
}

function _warning(offset: number, message: string): PathFinding {
  return { offset, message, severity: "warning" };
}
