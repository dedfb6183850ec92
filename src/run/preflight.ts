/**
 * What a recipe needs before its first request: every `${{ env.X }}` it
 * reads must be set, and its `vars` are rendered once, in file order (a var
 * may read `env` and earlier vars; `--var` values win over the file's).
 */
import type { Environment } from "../auth/credentials.ts";
import { CredentialsError } from "../errors.ts";
import type { JsonValue } from "../json.ts";
import { formatPath } from "../recipe/problem.ts";
import { findTemplateRefs, renderValue, type TemplateScope } from "../recipe/template.ts";
import type { Recipe } from "../recipe/types.ts";

/** Throws one CredentialsError naming every unset variable and where it is read. */
export function checkEnvReferences(recipe: Recipe, env: Environment): void {
  const missing = new Map<string, string>();
  _walk({ vars: recipe.vars ?? {}, steps: recipe.steps }, [], (text, path) => {
    for (const ref of findTemplateRefs(text)) {
      const name = String(ref.path[0]);
      if (ref.root === "env" && env[name] === undefined && !missing.has(name)) {
        missing.set(name, formatPath(path));
      }
    }
  });
  if (missing.size === 0) return;

  const list = [...missing].map(([name, where]) => `${name} (read at ${where})`);
  throw new CredentialsError(`Missing environment variables: ${list.join("; ")}`, {
    hint: "Export them, pass --env-file FILE, or change the recipe's ${{ env.NAME }}",
  });
}

/** The recipe's variables with their templates rendered, overrides applied. */
export function renderVars(
  recipe: Recipe,
  env: Environment,
  overrides: Readonly<Record<string, JsonValue>>,
  base: Pick<TemplateScope, "missing" | "now"> = {},
): Record<string, JsonValue> {
  const vars: Record<string, JsonValue> = {};
  for (const [name, value] of Object.entries(recipe.vars ?? {})) {
    vars[name] = overrides[name] ?? renderValue(value, { ...base, env, vars, steps: {} });
  }
  return { ...vars, ...overrides };
}

function _walk(
  value: unknown,
  path: (string | number)[],
  visit: (text: string, path: (string | number)[]) => void,
): void {
  if (typeof value === "string") return visit(value, path);
  if (value === null || typeof value !== "object") return;
  for (const [key, item] of Object.entries(value)) {
    _walk(item, [...path, Array.isArray(value) ? Number(key) : key], visit);
  }
}
