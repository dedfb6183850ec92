/**
 * What every recipe of one run shares: the environment, variable overrides,
 * the token cache, the redactor and the options that shape each request.
 */
import type { Environment } from "../auth/credentials.ts";
import { TokenStore } from "../auth/token-store.ts";
import type { JsonValue } from "../json.ts";
import type { OpenApi } from "../openapi/operations.ts";
import type { Recipe } from "../recipe/types.ts";
import { Redactor } from "../report/redact.ts";
import { DEFAULT_MAX_RESPONSE_BYTES } from "./body.ts";
import type { RecipeResult, StepResult } from "./results.ts";

/** Options a caller may give; the rest take defaults. */
export interface RunOptions {
  env?: Environment;
  /** The environment a given recipe sees; `--sandbox` overlays test credentials. */
  envFor?: (recipe: Recipe) => Environment;
  /** `--var name=value` overrides, applied over each recipe's `vars`. */
  vars?: Record<string, JsonValue>;
  /** Default per-request timeout in milliseconds. */
  timeoutMs?: number;
  /** `--max-response-mb` in bytes: the largest body a step reads by default. */
  maxResponseBytes?: number;
  verbose?: boolean;
  /** `--allow-http`: credentials may travel over plain http:// (with a warning). */
  allowHttp?: boolean;
  /** Diagnostics (warnings, verbose request lines); already redacted. */
  log?: (line: string) => void;
  /** Called as each recipe starts, for progress output. */
  onRecipeStart?: (recipe: { file: string; name: string }) => void;
  /** Called as each step ends, for progress output. */
  onStep?: (step: StepResult) => void;
  /** Called as each recipe ends. */
  onRecipe?: (recipe: RecipeResult) => void;
  tokens?: TokenStore;
  redactor?: Redactor;
  /** Waits between retries; tests may pass a fake. Default: setTimeout. */
  sleep?: (ms: number) => Promise<void>;
  /** Retry jitter in [0, 1); tests may fix it. Default: Math.random. */
  random?: () => number;
  /** The run's one clock read for `${{ time.* }}`, Unix ms. Default: Date.now(). */
  now?: number;
  /** `--openapi`: the description `expect.schema: openapi` checks bodies against. */
  openapi?: OpenApi;
}

/** Options with every default filled in. */
export interface RunContext {
  envFor: (recipe: Recipe) => Environment;
  vars: Record<string, JsonValue>;
  timeoutMs: number;
  maxResponseBytes: number;
  verbose: boolean;
  allowHttp: boolean;
  log: (line: string) => void;
  onRecipeStart: (recipe: { file: string; name: string }) => void;
  onStep: (step: StepResult) => void;
  onRecipe: (recipe: RecipeResult) => void;
  tokens: TokenStore;
  redactor: Redactor;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  now: number;
  openapi: OpenApi | undefined;
  /** `performance.now()` as the run began; steps' `startMs` count from it. */
  startedAt: number;
}

/** The default per-request timeout: 30 seconds. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/** Fills in defaults; the log is wrapped so that nothing secret gets through. */
export function resolveRunOptions(options: RunOptions = {}): RunContext {
  const redactor = options.redactor ?? new Redactor();
  const log = options.log ?? (() => {});
  return {
    envFor: options.envFor ?? (() => options.env ?? process.env),
    vars: options.vars ?? {},
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxResponseBytes: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
    verbose: options.verbose ?? false,
    allowHttp: options.allowHttp ?? false,
    log: (line) => log(redactor.redact(line)),
    onRecipeStart: options.onRecipeStart ?? (() => {}),
    onStep: options.onStep ?? (() => {}),
    onRecipe: options.onRecipe ?? (() => {}),
    tokens: options.tokens ?? new TokenStore(),
    redactor,
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    random: options.random ?? Math.random,
    now: options.now ?? Date.now(),
    openapi: options.openapi,
    startedAt: performance.now(),
  };
}
