/**
 * `run --dry-run`: plans every valid recipe and prints the plans, secrets
 * masked. Needs no credentials; sends nothing.
 */
import type { Environment } from "../auth/credentials.ts";
import { ROLES } from "../auth/roles.ts";
import { stringifyJson, type JsonValue } from "../json.ts";
import type { LoadedRecipe } from "../recipe/load.ts";
import { renderPlans } from "../report/plan.ts";
import type { Redactor } from "../report/redact.ts";
import { planRecipe } from "../run/plan.ts";
import { secretEnvValues } from "../run/secrets.ts";

/** The dry run's report: text, or JSON for `--reporter json`; already redacted. */
export function dryRun(
  recipes: readonly LoadedRecipe[],
  context: { env: Environment; vars: Record<string, JsonValue>; redactor: Redactor },
  options: { json: boolean; color: boolean },
): string {
  const { env, vars, redactor } = context;
  for (const { recipe } of recipes) {
    const declared: Record<string, string | undefined> = { ...recipe.auth.env };
    for (const role of ROLES[recipe.auth.mode].filter((r) => r.secret)) {
      redactor.add(env[declared[role.key] ?? role.defaultName]?.trim());
    }
    redactor.add(...secretEnvValues(recipe, env));
  }

  const now = Date.now();
  const plans = recipes.map((loaded) => planRecipe(loaded, env, vars, now));
  const text = options.json
    ? `${stringifyJson({ tool: "idmp-recipe", dryRun: true, recipes: plans }, 2)}\n`
    : renderPlans(plans, { color: options.color });
  return redactor.redact(text);
}
