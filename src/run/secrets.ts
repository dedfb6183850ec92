/**
 * Values besides credentials that no output may show: environment variables
 * the recipe marks secret or reads into a credential header, and any it
 * reads whose name says it is one (`..._TOKEN`, `..._PASSWORD`, ...).
 */
import type { Environment } from "../auth/credentials.ts";
import { findTemplateRefs } from "../recipe/template.ts";
import type { Recipe } from "../recipe/types.ts";

const SECRET_NAME = /(?:TOKEN|PASSWORD|PASSWD|PWD|SECRET|KEY|CREDENTIAL|PRIVATE)/i;

/** The values of every secret environment variable the recipe reads. */
export function secretEnvValues(recipe: Recipe, env: Environment): string[] {
  const names = new Set(recipe.secrets?.env ?? []);
  for (const ref of findTemplateRefs(recipe.steps)) {
    const name = ref.root === "env" ? String(ref.path[0]) : undefined;
    if (name !== undefined && SECRET_NAME.test(name)) names.add(name);
  }
  return [...names].map((name) => env[name]).filter((value) => value !== undefined);
}

/** Recipe variables whose values, once set or captured, are secret. */
export function secretVarNames(recipe: Recipe): Set<string> {
  return new Set(recipe.secrets?.vars ?? []);
}
