/**
 * How messages name an operation and a node of a JSON body.
 */
import { formatPath } from "../recipe/problem.ts";
import type { Operation } from "./operations.ts";

/** `GET /api/v1/elements`, as messages write an operation. */
export function operationLabel(operation: Operation): string {
  return `${operation.method} ${operation.fullPath}`;
}

/** `json.rows[0].name`, as messages write a node of a request body. */
export function bodyLabel(path: readonly (string | number)[]): string {
  return formatPath(["json", ...path]);
}
