/**
 * Values besides credentials that no output may show: environment variables
 * the recipe marks secret or reads into a header that carries credentials,
 * and any it reads whose name says it is one (`..._TOKEN`, `..._PASSWORD`).
 */
import type { Environment } from "../auth/credentials.ts";
import { findTemplateRefs } from "../recipe/template.ts";
import type { Recipe } from "../recipe/types.ts";

const SECRET_NAME = /(?:TOKEN|PASSWORD|PASSWD|PWD|SECRET|KEY|CREDENTIAL|PRIVATE)/i;
const SECRET_HEADER = /auth|token|cookie|key|secret|session|passw|credential|signature/i;

/** The values of every secret environment variable the recipe reads. */
export function secretEnvValues(recipe: Recipe, env: Environment): string[] {
  const names = new Set(recipe.secrets?.env ?? []);
  const envNames = (value: unknown) => findTemplateRefs(value)
    .filter((ref) => ref.root === "env").map((ref) => String(ref.path[0]));

  for (const name of envNames([recipe.vars, recipe.steps])) {
    if (SECRET_NAME.test(name)) names.add(name);
  }
  for (const step of recipe.steps) {
    for (const [header, value] of Object.entries(step.request.headers ?? {})) {
      if (SECRET_HEADER.test(header)) for (const name of envNames(value)) names.add(name);
    }
  }
  return [...names].map((name) => env[name]).filter((value) => value !== undefined);
}

/** Recipe variables whose values, once set or captured, are secret. */
export function secretVarNames(recipe: Recipe): Set<string> {
  return new Set(recipe.secrets?.vars ?? []);
}
