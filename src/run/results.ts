/**
 * What a run produces: results per recipe and per step, as data. Reporters
 * read these; nothing here holds a secret value (headers are masked before
 * they land here, and reporters redact text once more on the way out).
 */
import type { JsonValue } from "../json.ts";

/** How a step ended. `skipped`: not run because an earlier step failed. */
export type StepStatus = "passed" | "failed" | "skipped";

/**
 * Why a step failed, which decides the exit code: `check` 1, `credentials` 3,
 * `transport` 4, `template` 1 (a reference that led nowhere at run time),
 * `invalid` 2 (a request that cannot be sent as written).
 */
export type FailureKind = "check" | "credentials" | "transport" | "template" | "invalid";

/** One check that did not hold, or one reason a step could not finish. */
export interface Failure {
  kind: FailureKind;
  /** JSONPath or `status`, when the failure is about one value. */
  path?: string;
  expected?: JsonValue;
  actual?: JsonValue;
  message: string;
  /** What the user can do about it. */
  hint?: string;
}

/** One HTTP exchange of a step, secrets masked. */
export interface Attempt {
  /** 1-based. */
  number: number;
  /** Unset when no answer came: see `error`. */
  status?: number;
  /** The network failure's code when no answer came, e.g. `ECONNRESET`. */
  error?: string;
  durationMs: number;
  /**
   * Why another attempt followed (`401: token renewed, request replayed`,
   * `503: backing off 480 ms`), or why none did though the failure was of a
   * kind that is retried (`Gave up after 3 attempts; ...`).
   */
  reason?: string;
  /** Milliseconds waited before the next attempt. */
  waitMs?: number;
  /** With `paginate`: the page this attempt asked for, 1-based. */
  page?: number;
}

/** The request as sent, with credential headers masked. */
export interface SentRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/** The answer as received, body excerpted. */
export interface ReceivedResponse {
  status: number;
  headers: Record<string, string>;
  /** Parsed JSON, or null for an empty body. */
  json?: JsonValue;
  /** The first bytes of the body, for reports. */
  excerpt: string;
}

/** The outcome of one step. */
export interface StepResult {
  index: number;
  id?: string;
  name: string;
  /** 1-based line of the step in its recipe file, when known. */
  line?: number;
  /** The file the step was written in, when an include brought it from another. */
  file?: string;
  /** Why a step was skipped when no earlier failure stopped it: `condition false: ...`. */
  skipReason?: string;
  method: string;
  /** The path as the recipe writes it, templates unrendered. */
  path: string;
  /** The URL as sent, secret query values masked. */
  url?: string;
  status: StepStatus;
  httpStatus?: number;
  /** Milliseconds from the run's start to the step's; unset for a step not run. */
  startMs?: number;
  durationMs: number;
  attempts: Attempt[];
  tokenRefreshed: boolean;
  failures: Failure[];
  request?: SentRequest;
  response?: ReceivedResponse;
  /** With `paginate`: pages fetched (`attempts` holds every page's). */
  pages?: number;
  /** Things worth knowing that did not fail the step, e.g. a paging cap. */
  warnings?: string[];
  /** With `forEach`: one result per item, in item order. */
  items?: StepResult[];
  /** In `items`: the item's 0-based index in the list. */
  item?: number;
}

/** The outcome of one recipe file. */
export interface RecipeResult {
  file: string;
  name: string;
  status: "passed" | "failed";
  exitCode: number;
  durationMs: number;
  steps: StepResult[];
  /** A failure that stopped the recipe before or between steps. */
  error?: Failure;
  warnings: string[];
  /**
   * What the steps captured, by name, as the recipe ended (variables marked
   * secret left out): the data a recipe exports, e.g. an inventory.
   */
  captures?: Record<string, JsonValue>;
}

/** The outcome of a whole `run` command. */
export interface RunResult {
  recipes: RecipeResult[];
  exitCode: number;
  durationMs: number;
  summary: RunSummary;
}

/** Counts of a run; `notRun` steps are the ones skipped after a failure. */
export interface RunSummary {
  recipes: { total: number; passed: number; failed: number };
  steps: { total: number; passed: number; failed: number; notRun: number };
}
