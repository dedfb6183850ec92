/**
 * A step's query against its operation: every key a query parameter of the
 * operation, every required one present, literal values of the right type.
 */
import { report } from "../recipe/context.ts";
import { quote } from "../recipe/problem.ts";
import { suggest } from "../recipe/suggest.ts";
import type { StepCheck } from "./check-recipe.ts";
import { operationLabel } from "./labels.ts";
import { schemaBreaks } from "./validator.ts";

/** Reports unknown, missing and mistyped query parameters of one step. */
export function checkQuery(check: StepCheck): void {
  const { context, step, at, operation } = check;
  const declared = operation.parameters.filter((parameter) => parameter.in === "query");
  const names = declared.map((parameter) => parameter.name);
  const query = step.request.query ?? {};
  const queryAt = [...at, "request", "query"];
  const label = operationLabel(operation);

  for (const [key, value] of Object.entries(query)) {
    const where = [...queryAt, key];
    const parameter = declared.find((candidate) => candidate.name === key);
    if (parameter === undefined) {
      const near = suggest(key, names);
      const fix = near !== undefined ? `did you mean ${quote(near)}?`
        : names.length > 0 ? `it takes ${names.join(", ")}` : "it takes no query parameters";
      report(context, context.locator.key(where), "openapi-query",
        `Query parameter ${quote(key)} is not a parameter of ${label}; ${fix}`, { path: where });
      continue;
    }
    const text = _asText(value);
    if (text === undefined) continue;
    const breaks = schemaBreaks(parameter.schema, text, {
      version: check.openapi.version, direction: "request", coerce: true });
    const first = breaks[0];
    if (first === undefined) continue;
    report(context, context.locator.value(where), "openapi-query",
      `Query parameter ${quote(key)} of ${label} ${first.message}`, { path: where });
  }

  const inPath = new URLSearchParams(step.request.path.split("?")[1]?.split("#")[0] ?? "");
  const missing = declared.filter((parameter) =>
    parameter.required && !(parameter.name in query) && !inPath.has(parameter.name)
  );
  if (missing.length === 0) return;
  const where = step.request.query === undefined ? [...at, "request", "path"] : queryAt;
  const position = step.request.query === undefined
    ? context.locator.value(where) : context.locator.key(where);
  const list = missing.map((parameter) => quote(parameter.name)).join(", ");
  report(context, position, "openapi-query",
    `${label} requires query parameter ${list}; add it under request.query`, { path: where });
}

// Values as the URL carries them; undefined for what is known only at run
// time (a template) or sends nothing (null).
function _asText(value: unknown): string | string[] | undefined {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) {
    const items = value.map(_asText);
    return items.every((item) => typeof item === "string") ? items : undefined;
  }
  const text = String(value);
  return text.includes("${{") ? undefined : text;
}
