/**
 * `init --operation`: an operation by its operationId or as `METHOD /path`
 * (the path as the description writes it, with or without the server's base
 * path), with the nearest one suggested when none matches.
 */
import { UsageError } from "../errors.ts";
import { suggest } from "../recipe/suggest.ts";
import type { OpenApi, Operation } from "./operations.ts";

/** The operation `wanted` names; throws UsageError naming the nearest when none does. */
export function findOperation(openapi: OpenApi, wanted: string): Operation {
  const [method, path] = wanted.trim().split(/\s+/, 2);
  const found = openapi.operations.find((op) => op.operationId === wanted.trim())
    ?? openapi.operations.find((op) =>
      op.method === method?.toUpperCase() && (op.path === path || op.fullPath === path)
    );
  if (found !== undefined) return found;

  const names = openapi.operations.map((op) => op.operationId ?? `${op.method} ${op.fullPath}`);
  const near = suggest(wanted, names);
  const fix = near !== undefined ? `did you mean '${near}'?`
    : `it has ${names.slice(0, 8).join(", ")}${names.length > 8 ? ", ..." : ""}`;
  throw new UsageError(`No operation '${wanted}' in ${openapi.source}; ${fix}`, {
    hint: 'Pass --operation with an operationId or as "METHOD /path"',
  });
}
