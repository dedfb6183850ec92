/** What a step's answer must satisfy: status, JSON matchers, headers, schema. */
import type { JsonValue } from "../json.ts";

/** JSON types a `type` matcher can name. */
export type JsonTypeName =
  | "string"
  | "number"
  | "integer"
  | "boolean"
  | "null"
  | "array"
  | "object";

/** A comparison applied to a value; every key present must hold. */
export interface MatcherObject {
  eq?: JsonValue;
  ne?: JsonValue;
  gt?: number | bigint | string;
  gte?: number | bigint | string;
  lt?: number | bigint | string;
  lte?: number | bigint | string;
  contains?: JsonValue;
  matches?: string;
  exists?: boolean;
  type?: JsonTypeName;
  length?: number | MatcherObject;
}

/** A literal means equality; an object of matcher keys means those checks. */
export type Matcher = MatcherObject | string | number | bigint | boolean | null | JsonValue[];

/** `expect.schema: openapi`: the body against the description's response schema. */
export const OPENAPI_SCHEMA = "openapi";

/** What a step's answer must satisfy. */
export interface Expect {
  status?: number | number[];
  json?: Record<string, Matcher>;
  /**
   * A JSON Schema the body must satisfy: inline, a file path (absolute once
   * loaded), or `openapi` (the response schema of `run --openapi`).
   */
  schema?: string | Record<string, JsonValue>;
  /** Header name (any case) to a literal or matchers. */
  headers?: Record<string, Matcher>;
  /** Milliseconds the answering request may take at most. */
  maxDuration?: number;
}
