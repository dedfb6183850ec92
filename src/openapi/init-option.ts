/**
 * `init --from-openapi SOURCE --operation ID`: the recipe text for one
 * operation. The description's own problems (unreadable, no such
 * operation) are thrown as UsageError for the CLI entry to print.
 */
import { UsageError } from "../errors.ts";
import type { AuthMode } from "../recipe/types.ts";
import { findOperation } from "./find-operation.ts";
import { loadOpenApi } from "./load.ts";
import { recipeFromOperation } from "./recipe-from-operation.ts";

/** Reads the description and writes the recipe text for `wanted`. */
export async function openApiStarter(
  source: string,
  wanted: string | undefined,
  mode: AuthMode,
  schemaPath: string,
): Promise<string> {
  if (wanted === undefined) {
    throw new UsageError("init --from-openapi needs --operation", {
      hint: 'Pass --operation with an operationId or as "METHOD /path"',
    });
  }
  const openapi = await loadOpenApi(source);
  const operation = findOperation(openapi, wanted);
  return recipeFromOperation({ operation, source, mode, schemaPath });
}
