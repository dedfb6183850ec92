/**
 * The shape of a recipe after validation. `schema/recipe.schema.json` is the
 * source of truth; `test/recipe-types.test.ts` keeps these types and the
 * schema's keys from drifting apart.
 */
import type { JsonValue } from "../json.ts";
import type { Auth, Secrets } from "./types-auth.ts";
import type { Expect } from "./types-expect.ts";

export type {
  ApiKeyEnv, Auth, AuthMode, CloudEnv, EnterpriseEnv, NoneEnv, Secrets,
} from "./types-auth.ts";
export type { Expect, JsonTypeName, Matcher, MatcherObject } from "./types-expect.ts";
export { OPENAPI_SCHEMA } from "./types-expect.ts";

/** HTTP methods a step may use. */
export type HttpMethod = "GET" | "HEAD" | "POST" | "PUT" | "PATCH" | "DELETE" | "OPTIONS";

/** A scalar that may be written in a query string. */
export type QueryScalar = string | number | bigint | boolean;

/** One HTTP call. Strings may hold `${{ ... }}` templates. */
export interface Request {
  method: HttpMethod;
  path: string;
  query?: Record<string, QueryScalar | QueryScalar[] | null>;
  headers?: Record<string, string>;
  json?: JsonValue;
  body?: string;
  /** Milliseconds before the call is abandoned. */
  timeout?: number;
  /** The largest response body read, in bytes; a larger one fails the step. */
  maxResponseBytes?: number;
}

/** A capture from a response header. */
export interface CaptureHeader {
  header: string;
}

/** A capture: a JSONPath into the body, or a header. */
export type Capture = string | CaptureHeader;

/** One API call of a recipe, with its checks and captures. */
export interface Step {
  id?: string;
  name?: string;
  request: Request;
  expect?: Expect;
  /** Variable name to a JSONPath into the body, or to a header. */
  capture?: Record<string, Capture>;
  /** Run only when this condition holds; see condition-parse.ts for the grammar. */
  if?: string;
  continueOnError?: boolean;
  /** Overrides `defaults.retry` key by key for this step. */
  retry?: RetryOptions;
  /** Fetch every page of an IDMP list; checks and captures read the merged rows. */
  paginate?: Paginate;
  /** Run once per item: a whole `${{ ... }}` template giving a list, or a list. */
  forEach?: string | JsonValue[];
  /** With `forEach`: items with a request in flight at once; default 1. */
  concurrency?: number;
}

/** How a step pages through a list; see `$defs.paginate` in the schema. */
export interface Paginate {
  /** Rows per page, sent as `size`; default 100. */
  size?: number;
  /** Pages fetched at most; default 100. */
  maxPages?: number;
  /** Rows kept at most; default: no limit besides maxPages. */
  maxRows?: number;
  /** Milliseconds between pages; default 0. */
  delay?: number;
  /** JSONPath to each page's rows; default `$.data.rows`, then `$.rows`. */
  rows?: string;
  /** JSONPath to each page's total; default `$.data.total`, then `$.total`. */
  total?: string;
  /** What an unfinished list at a cap does: `warn` (default) or `fail`. */
  onCap?: "warn" | "fail";
}

/** When and how a step's request is sent again; see `$defs.retry` in the schema. */
export interface RetryOptions {
  /** Attempts in all, the first included; 1 turns retries off. */
  attempts?: number;
  /** Milliseconds before the first retry; doubles with each further one. */
  delay?: number;
  /** The longest single backoff wait, in milliseconds. */
  maxDelay?: number;
  /** The longest Retry-After honoured, in milliseconds; a longer one fails at once. */
  maxRetryAfter?: number;
  /** Also retry 5xx answers and network errors of POST and PATCH. */
  nonIdempotent?: boolean;
}

/** Settings every step of the recipe starts from. */
export interface Defaults {
  retry?: RetryOptions;
  /** Milliseconds before a call is abandoned, unless its request sets `timeout`. */
  timeout?: number;
}

/** A whole recipe file, version 1. */
export interface Recipe {
  version: 1;
  name: string;
  description?: string;
  auth: Auth;
  vars?: Record<string, JsonValue>;
  defaults?: Defaults;
  secrets?: Secrets;
  steps: Step[];
}

/** A `steps` entry that splices in another recipe file's steps when loaded. */
export interface IncludeEntry {
  /** Path of the included recipe, relative to the including file. */
  include: string;
}

/** A recipe as its file holds it, before includes are spliced in. */
export interface RecipeFile extends Omit<Recipe, "steps"> {
  steps: (Step | IncludeEntry)[];
}
