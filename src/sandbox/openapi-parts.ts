/**
 * Building blocks of the simulator's OpenAPI description: operations with
 * their failure answers, success answers with or without the envelope, and
 * parameters.
 */
import { int64, ref, type SchemaObject } from "./openapi-schemas.ts";

/** A parameter object of the description. */
export type Parameter = Record<string, unknown>;

/** An operation: id, summary, parameters, body, answers and failures. */
export function operation(
  operationId: string,
  summary: string,
  parameters: Parameter[],
  success: Record<string, unknown>,
  options: { body?: string; open?: boolean } = {},
): Record<string, unknown> {
  const failure = (description: string) => ({
    description,
    content: { "application/json": { schema: ref("Failure") } },
  });
  const responses: Record<string, unknown> = {
    ...success,
    "400": failure("A parameter or the body is wrong"),
    "401": failure("No token, or a token that expired"),
  };
  if (parameters.some((parameter) => parameter["in"] === "path")) {
    responses["404"] = failure("No such id");
  }
  return {
    operationId,
    summary,
    ...(options.open ? { security: [] } : {}),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(options.body === undefined ? {} : {
      requestBody: {
        required: true,
        content: { "application/json": { schema: ref(options.body) } },
      },
    }),
    responses,
  };
}

/** The success answer; with the envelope off, a call without data answers 204. */
export function success(data: SchemaObject | null, description: string, envelope: boolean) {
  if (!envelope) {
    if (data === null) return { "204": { description } };
    return { "200": { description, content: { "application/json": { schema: data } } } };
  }
  const schema = {
    type: "object",
    required: ["code", "message", "data"],
    properties: {
      code: { type: "integer", const: 0 },
      message: { type: "string" },
      data: data ?? { type: "null" },
    },
  };
  return { "200": { description, content: { "application/json": { schema } } } };
}

/** An optional query parameter. */
export function query(name: string, schema: SchemaObject, description?: string): Parameter {
  return { name, in: "query", required: false, schema, ...(description ? { description } : {}) };
}

/** The `{id}` path parameter: a 64-bit id with an example that exists. */
export function pathId(description: string, example: bigint): Parameter {
  const schema = int64(description, example);
  return { name: "id", in: "path", required: true, description, schema };
}
