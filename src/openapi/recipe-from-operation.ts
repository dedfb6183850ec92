/**
 * The recipe `init --from-openapi` writes: one step that calls one
 * operation, path parameters as `${{ vars.name }}` with typed placeholders,
 * query parameters and a JSON body skeleton commented from the description,
 * and `expect.status` from its first 2xx answer.
 */
import type { AuthMode } from "../recipe/types.ts";
import { bodyLines } from "./body-skeleton.ts";
import { jsonMediaSchema } from "./media.ts";
import type { Operation, OperationParameter } from "./operations.ts";
import { note, placeholder } from "./placeholder.ts";
import { firstSuccess } from "./responses.ts";
import { aligned, yamlKey } from "./yaml-lines.ts";

/** Where the recipe's text comes from and goes to. */
export interface RecipeFromOperation {
  operation: Operation;
  /** The description's file or URL, named in the recipe's comments. */
  source: string;
  mode: AuthMode;
  /** Written into the `$schema` line. */
  schemaPath: string;
}

/** The recipe's text. */
export function recipeFromOperation(options: RecipeFromOperation): string {
  const { operation, source, mode } = options;
  const label = `${operation.method} ${operation.fullPath}`;
  const pathParameters = operation.parameters.filter((p) => p.in === "path");
  const names = new Map(pathParameters.map((p) => [p.name, _varName(p.name)]));
  const path = operation.fullPath.replace(/\{([^}]+)\}/g, (_, name: string) =>
    `\${{ vars.${names.get(name) ?? _varName(name)} }}`
  );
  const status = firstSuccess(operation);

  return [
    `# yaml-language-server: $schema=${options.schemaPath}`,
    `# ${label}, from the OpenAPI description ${source}`,
    `#   idmp-recipe validate <this file> --openapi ${source}`,
    "#   idmp-recipe run <this file> --sandbox    (when it is the simulator's API)",
    "version: 1",
    `name: ${JSON.stringify(operation.summary ?? operation.operationId ?? label)}`,
    "auth:",
    aligned(`  mode: ${mode}`, "enterprise | cloud | apiKey | none; see init --mode"),
    ...(pathParameters.length === 0 ? [] : [
      "vars:",
      ...pathParameters.map((p) =>
        aligned(`  ${names.get(p.name)}: ${placeholder(p.schema)}`, _note(p))
      ),
    ]),
    "steps:",
    ...(operation.operationId !== undefined && /^[A-Za-z_]\w*$/.test(operation.operationId)
      ? [`  - id: ${operation.operationId}`, `    name: ${JSON.stringify(label)}`]
      : [`  - name: ${JSON.stringify(label)}`]),
    "    request:",
    `      method: ${operation.method}`,
    `      path: ${path}`,
    ..._query(operation.parameters.filter((p) => p.in === "query")),
    ..._body(operation),
    ...(status === undefined ? [] : ["    expect:", `      status: ${status}`]),
  ].join("\n") + "\n";
}

// Required parameters are written; optional ones are there, commented out.
function _query(parameters: OperationParameter[]): string[] {
  if (parameters.length === 0) return [];
  const line = (p: OperationParameter) => `${yamlKey(p.name)}: ${placeholder(p.schema)}`;
  const required = parameters.filter((p) => p.required);
  const optional = parameters.filter((p) => !p.required);
  const head = required.length > 0 ? ["      query:"]
    : [aligned("      # query:", "optional parameters: uncomment to send")];
  return [
    ...head,
    ...required.map((p) => aligned(`        ${line(p)}`, _note(p))),
    ...optional.map((p) => aligned(`      #   ${line(p)}`, _note(p))),
  ];
}

function _body(operation: Operation): string[] {
  const content = operation.requestBody?.content;
  const schema = content === undefined ? undefined : jsonMediaSchema(content);
  if (schema === undefined) return [];
  return bodyLines(schema, "      ");
}

function _note(parameter: OperationParameter): string {
  return note(parameter.schema, parameter.required, parameter.description);
}

function _varName(name: string): string {
  const clean = name.replace(/\W+/g, "_");
  return /^[A-Za-z_]/.test(clean) ? clean : `_${clean}`;
}
