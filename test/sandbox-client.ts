/**
 * Helpers for the simulator's tests: start one per test with teardown, and
 * call it with fetch, keeping the raw text next to the lossless parse.
 */
import type { TestContext } from "node:test";
import { parseJson, stringifyJson, type JsonValue } from "../src/json.ts";
import {
  SANDBOX_PASSWORD,
  SANDBOX_USER,
  startSimulator,
  type Simulator,
  type SimulatorOptions,
} from "../src/sandbox/simulator.ts";

/** What a test sees of an answer. */
export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  /** A JSON body parsed with 64-bit integers as bigints; else null. */
  json: JsonValue;
}

/** Options of one call. */
export interface CallOptions {
  token?: string;
  json?: unknown;
  headers?: Record<string, string>;
}

/** Starts a simulator that closes when the test ends. */
export async function start(t: TestContext, options?: SimulatorOptions): Promise<Simulator> {
  const simulator = await startSimulator(options);
  t.after(() => simulator.close());
  return simulator;
}

/** Sends one request to the simulator. */
export async function call(
  simulator: Simulator,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token !== undefined) headers["authorization"] = `Bearer ${options.token}`;
  if (options.json !== undefined) headers["content-type"] = "application/json";
  const body = options.json === undefined ? undefined : stringifyJson(options.json);

  const response = await fetch(simulator.url + path, { method, headers, body });
  const text = await response.text();
  const isJson = response.headers.get("content-type")?.includes("json") ?? false;
  const json = text === "" || !isJson ? null : parseJson(text);
  return { status: response.status, headers: response.headers, text, json };
}

/** Logs in as the sandbox user and returns the token. */
export async function login(simulator: Simulator): Promise<string> {
  const answer = await call(simulator, "POST", "/api/v1/users/login", {
    json: { loginName: SANDBOX_USER, password: SANDBOX_PASSWORD },
  });
  const token = read(answer.json, "data", "token") ?? read(answer.json, "token");
  if (typeof token !== "string") throw new Error(`Login failed: ${answer.text}`);
  return token;
}

/** Reads a value down a path of keys and indexes; undefined when absent. */
export function read(value: JsonValue | undefined, ...keys: (string | number)[]) {
  let at: JsonValue | undefined = value;
  for (const key of keys) {
    if (at === null || typeof at !== "object") return undefined;
    at = Array.isArray(at) ? at[Number(key)] : at[String(key)];
  }
  return at;
}

/** Reads the `rows` of an enveloped list answer. */
export function rows(answer: Answer): JsonValue[] {
  const list = read(answer.json, "data", "rows");
  if (!Array.isArray(list)) throw new Error(`No rows in: ${answer.text.slice(0, 200)}`);
  return list;
}
