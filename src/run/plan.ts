/**
 * `--dry-run`: every request a recipe would send, rendered as far as the
 * environment allows, with credentials shown as `***` and values that only
 * a response could give left as their templates. Nothing is sent.
 */
import type { Environment } from "../auth/credentials.ts";
import { ROLES } from "../auth/roles.ts";
import { LOGIN_PATH } from "../auth/login.ts";
import { IdmpError } from "../errors.ts";
import type { JsonValue } from "../json.ts";
import type { LoadedRecipe } from "../recipe/load.ts";
import type { Step } from "../recipe/types.ts";
import { findTemplateRefs, type TemplateScope } from "../recipe/template.ts";
import { MASK } from "../report/redact.ts";
import { renderVars } from "./preflight.ts";
import { prepareRequest } from "./prepare.ts";
import { isWrite } from "./writes.ts";
import { sameOrigin } from "./url.ts";

/** One request as it would go out. */
export interface PlannedRequest {
  step: string;
  line?: number;
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  write: boolean;
  /** Why this request could not be planned, e.g. a `..` segment. */
  problem?: string;
  /** How the step repeats or is skipped: paging, a loop, a condition. */
  notes: string[];
}

/** A recipe's plan: the variables it reads and its requests in order. */
export interface RecipePlan {
  file: string;
  name: string;
  variables: { name: string; role: string; set: boolean }[];
  requests: PlannedRequest[];
}

// Stands in for a host that is not set, so that URLs can still be built.
const PLACEHOLDER = "https://host.invalid";

/** Plans one recipe against `env`; never sends, never needs credentials. */
export function planRecipe(loaded: LoadedRecipe, env: Environment,
  overrides: Readonly<Record<string, JsonValue>>, now = Date.now()): RecipePlan {
  const { recipe } = loaded;
  const declared: Record<string, string | undefined> = { ...recipe.auth.env };
  const variables = ROLES[recipe.auth.mode].map((role) => {
    const name = declared[role.key] ?? role.defaultName;
    return { name, role: `auth.env.${role.key}`, set: (env[name] ?? "").trim() !== "" };
  });
  const read = findTemplateRefs([recipe.vars, recipe.steps]).filter((ref) => ref.root === "env");
  for (const name of new Set(read.map((ref) => String(ref.path[0])))) {
    variables.push({ name, role: `\${{ env.${name} }}`, set: env[name] !== undefined });
  }
  const hostName = variables[0]?.name ?? "IDMP_HOST";
  const host = (env[hostName] ?? "").trim().replace(/\/+$/, "") || PLACEHOLDER;
  // Templates left for the run read as templates, not as their encoding.
  const show = (url: string) => url.replace(PLACEHOLDER, `$${hostName}`)
    .replace(/%24%7B%7B.*?%7D%7D/g, (encoded) => decodeURIComponent(encoded));

  const missing = (ref: { source: string }) => `\${{ ${ref.source} }}`;
  const scope: TemplateScope = { env, vars: {}, steps: {}, missing, now };
  scope.vars = renderVars(recipe, env, overrides, { missing, now });
  const credentials = _credentialHeaders(recipe.auth.mode);
  const requests: PlannedRequest[] = [];
  if (recipe.auth.mode === "enterprise" && !variables[3]?.set) {
    const user = JSON.stringify(env[variables[1]?.name ?? ""] ?? `$${variables[1]?.name}`);
    requests.push({ step: "login", method: "POST", url: show(`${host}${LOGIN_PATH}`), write: false,
      notes: [],
      headers: { "content-type": "application/json" },
      body: `{"loginName":${user},"password":"${MASK}"}` });
  }

  recipe.steps.forEach((step, index) => {
    const planned: PlannedRequest = {
      step: step.name ?? step.id ?? `step ${index + 1}`,
      line: loaded.stepOrigin(index).line,
      method: step.request.method, url: step.request.path, headers: {},
      write: isWrite(step.request.method), notes: _notes(step),
    };
    try {
      const paged = step.paginate
        ? { ...step.request, query: { ...step.request.query, current: 1,
          size: step.paginate.size ?? 100 } }
        : step.request;
      const request = prepareRequest(paged, host, scope, 0);
      const own = sameOrigin(request.url, host);
      Object.assign(planned, { url: show(request.url), body: request.body,
        headers: own ? { ...request.headers, ...credentials } : request.headers });
    } catch (error) {
      if (!(error instanceof IdmpError)) throw error;
      planned.problem = error.message;
    }
    requests.push(planned);
  });
  return { file: loaded.file, name: recipe.name, variables, requests };
}

function _notes(step: Step): string[] {
  const notes: string[] = [];
  if (step.if !== undefined) notes.push(`only if: ${step.if}`);
  if (step.forEach !== undefined) {
    const list = typeof step.forEach === "string" ? step.forEach.trim()
      : `${step.forEach.length} listed items`;
    notes.push(`once for each of ${list}, ${step.concurrency ?? 1} at a time`);
  }
  if (step.paginate) {
    notes.push(`page after page (current 1, 2, ...) up to ${step.paginate.maxPages ?? 100} pages`);
  }
  return notes;
}

function _credentialHeaders(mode: string): Record<string, string> {
  if (mode === "none") return {};
  const bearer = { authorization: `Bearer ${MASK}` };
  return mode === "cloud" ? { ...bearer, "access-token": MASK } : bearer;
}
