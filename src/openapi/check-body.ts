/**
 * A step's JSON body against its operation's request schema: breaks are
 * reported at the body node, unknown properties at their key with the
 * nearest declared one suggested. Values still templates are not judged.
 */
import { report } from "../recipe/context.ts";
import { quote } from "../recipe/problem.ts";
import { suggest } from "../recipe/suggest.ts";
import type { StepCheck } from "./check-recipe.ts";
import { bodyLabel, operationLabel } from "./labels.ts";
import { jsonMediaSchema } from "./media.ts";
import type { SchemaBreak } from "./validator.ts";
import { schemaBreaks } from "./validator.ts";

/** Reports a body the operation does not take, lacks, or that breaks its schema. */
export function checkBody(check: StepCheck): void {
  const { context, step, at, operation } = check;
  const { json, body } = step.request;
  const label = operationLabel(operation);
  const requestBody = operation.requestBody;
  if (json === undefined) {
    if (body !== undefined || requestBody?.required !== true) return;
    const where = [...at, "request"];
    report(context, context.locator.key(where), "openapi-body",
      `${label} requires a request body; add request.json`, { path: where });
    return;
  }

  const jsonAt = [...at, "request", "json"];
  if (_hasTemplate(json) && typeof json === "string") return;
  const schema = requestBody === undefined ? undefined : jsonMediaSchema(requestBody.content);
  if (schema === undefined) {
    const what = requestBody === undefined ? "no request body"
      : `no JSON body (it takes ${Object.keys(requestBody.content).join(", ")})`;
    report(context, context.locator.key(jsonAt), "openapi-body",
      `${label} takes ${what} in the description`, { path: jsonAt, severity: "warning" });
    return;
  }

  const breaks = schemaBreaks(schema, json, {
    version: check.openapi.version, direction: "request" });
  for (const found of breaks) {
    if (_judgedLater(json, found)) continue;
    const where = [...jsonAt, ...found.path];
    if (found.keyword === "additionalProperties" && found.property !== undefined) {
      const near = suggest(found.property, found.known);
      const fix = near === undefined ? "remove it" : `did you mean ${quote(near)}?`;
      report(context, context.locator.key([...where, found.property]), "openapi-body",
        `Body of ${label} has property ${quote(found.property)} that the description ` +
        `does not declare; ${fix}`, { path: [...where, found.property] });
    } else if (found.keyword === "required" && found.property !== undefined) {
      report(context, context.locator.value(where), "openapi-body",
        `Body of ${label} lacks ${quote(found.property)}${_inside(found.path)}, which the ` +
        "description requires", { path: where });
    } else {
      report(context, context.locator.value(where), "openapi-body",
        `Body of ${label}: ${bodyLabel(found.path)} ${found.message}`, { path: where });
    }
  }
}

// A break inside a value that is still a template is for the run to find;
// a missing or unknown property is a fact of the recipe as written.
function _judgedLater(json: unknown, found: SchemaBreak): boolean {
  if (found.keyword === "required" || found.keyword === "additionalProperties") return false;
  let node: unknown = json;
  for (const key of found.path) {
    if (node === null || typeof node !== "object") return false;
    node = (node as Record<string | number, unknown>)[key];
  }
  return _hasTemplate(node);
}

function _inside(path: readonly (string | number)[]): string {
  return path.length === 0 ? "" : ` in ${bodyLabel(path)}`;
}

function _hasTemplate(value: unknown): boolean {
  if (typeof value === "string") return value.includes("${{");
  if (value === null || typeof value !== "object") return false;
  return Object.values(value).some(_hasTemplate);
}
