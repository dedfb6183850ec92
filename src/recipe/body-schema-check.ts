/**
 * `expect.schema` at validation: each schema file is found and read, each
 * schema compiles; file paths are made absolute so that the runner needs
 * no recipe file to find them. `schema: openapi` is left for the run.
 */
import { dirname, resolve } from "node:path";
import { bodySchema } from "./body-schema.ts";
import { type CheckContext, report } from "./context.ts";
import { OPENAPI_SCHEMA, type Recipe } from "./types.ts";

/** Reports each body schema that cannot be read or compiled; resolves file paths. */
export function checkBodySchemas(context: CheckContext, recipe: Recipe): void {
  recipe.steps.forEach((step, index) => {
    const source = step.expect?.schema;
    if (source === undefined || step.expect === undefined) return;
    // The word, not a file: the description comes with `run --openapi`.
    if (source === OPENAPI_SCHEMA) return;
    const absolute = typeof source === "string"
      ? resolve(dirname(context.file), source)
      : source;
    const compiled = bodySchema(absolute);
    if ("error" in compiled) {
      const path = ["steps", index, "expect", "schema"];
      const message = `Body schema of step ${index + 1}: ${compiled.error}; ` +
        "give a JSON Schema inline or a JSON file's path relative to the recipe";
      report(context, context.locator.value(path), "body-schema", message, { path });
      return;
    }
    step.expect.schema = absolute;
  });
}
