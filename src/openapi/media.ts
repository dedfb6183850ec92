/**
 * The JSON entry of a `content` map: `application/json` first, then any
 * `+json` or `/json` type, then wildcards.
 */
import { isObject, type JsonObject } from "./operations.ts";

/** The schema of the JSON media type in `content`, or undefined when there is none. */
export function jsonMediaSchema(content: Record<string, JsonObject>): JsonObject | undefined {
  const types = Object.keys(content);
  const chosen = types.find((type) => type.split(";")[0]?.trim() === "application/json")
    ?? types.find((type) => /[/+]json\b/i.test(type))
    ?? types.find((type) => type === "*/*" || type === "application/*");
  if (chosen === undefined) return undefined;
  const schema = content[chosen]?.["schema"];
  return isObject(schema) ? schema : {};
}
