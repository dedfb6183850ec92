/**
 * Which operation a step calls: its method and path matched against the
 * description's path templates. A `${{ ... }}` inside a recipe path stands
 * for a path parameter; a literal segment matches a literal or a `{name}`.
 */
import { suggest } from "../recipe/suggest.ts";
import type { Operation } from "./operations.ts";

/** The operation a step calls, or why there is none. */
export type PathMatch =
  | { operation: Operation }
  | { unknownPath: true; suggestion?: string }
  | { unknownMethod: true; path: string; methods: string[] };

const TEMPLATE = /\$\{\{[\s\S]*?\}\}/g;
const ANY = "\u0000";

/** Matches `method` and a recipe `path` (no query, no host) against `operations`. */
export function matchPath(
  operations: readonly Operation[],
  method: string,
  path: string,
): PathMatch {
  const segments = _recipeSegments(path);
  const matches = operations
    .map((operation) => ({ operation, score: _score(segments, operation.fullPath) }))
    .filter((match) => match.score >= 0)
    .sort((a, b) => b.score - a.score);

  const found = matches.find((match) => match.operation.method === method);
  if (found) return { operation: found.operation };
  const best = matches[0];
  if (best !== undefined) {
    const samePath = matches.filter((m) => m.operation.fullPath === best.operation.fullPath);
    const methods = [...new Set(samePath.map((m) => m.operation.method))];
    return { unknownMethod: true, path: best.operation.fullPath, methods };
  }
  return { unknownPath: true, ..._suggestion(operations, method, segments) };
}

/** The path of a step without query or fragment; undefined when it is not checkable. */
export function checkablePath(path: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(path) || !path.startsWith("/")) return undefined;
  return path.replace(/[?#].*$/, "");
}

// A template anywhere in a segment makes the whole segment a wildcard.
function _recipeSegments(path: string): string[] {
  return path.replace(TEMPLATE, ANY).split("/").map((s) => (s.includes(ANY) ? ANY : s));
}

// -1 when the template does not match; otherwise 2 per literal segment
// matched as written and 1 per parameter, so `/a/count` beats `/a/{id}`.
function _score(segments: readonly string[], template: string): number {
  const parts = template.split("/");
  if (parts.length !== segments.length) return -1;
  let score = 0;
  for (const [index, part] of parts.entries()) {
    const segment = segments[index] ?? "";
    if (!part.includes("{")) {
      if (segment === part) score += 2;
      else if (segment !== ANY) return -1;
      continue;
    }
    if (segment === "" || (segment !== ANY && !_paramPattern(part).test(segment))) return -1;
    score += 1;
  }
  return score;
}

function _paramPattern(part: string): RegExp {
  const pieces = part.split(/\{[^}]*\}/).map((text) => text.replace(/[.*+?^$()|[\]\\]/g, "\\$&"));
  return new RegExp(`^${pieces.join(".+")}$`);
}

// Paths compare with every parameter written `{}`, on either side.
function _suggestion(operations: readonly Operation[], method: string, segments: string[]) {
  const wanted = segments.map((s) => (s === ANY ? "{}" : s)).join("/");
  const byShape = new Map<string, string>();
  const sameMethod = new Map<string, string>();
  for (const operation of operations) {
    const shape = operation.fullPath.replace(/\{[^}]*\}/g, "{}");
    if (!byShape.has(shape)) byShape.set(shape, operation.fullPath);
    if (operation.method === method && !sameMethod.has(shape)) {
      sameMethod.set(shape, operation.fullPath);
    }
  }
  const shape = suggest(wanted, sameMethod.keys()) ?? suggest(wanted, byShape.keys());
  const suggestion = shape === undefined ? undefined : byShape.get(shape);
  return suggestion === undefined ? {} : { suggestion };
}
