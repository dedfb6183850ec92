/**
 * Checks a schema-valid recipe for what a schema cannot express: unique
 * step ids, one kind of body, numbers JSON can carry, readable JSONPaths
 * and patterns, references to what exists by then, well-formed paths, no
 * credential header the runner would replace, no literal secrets, and a
 * warning for plain http to a remote host.
 */
import { checkBodySchemas } from "./body-schema-check.ts";
import { checkConditions } from "./condition-check.ts";
import { type CheckContext, report } from "./context.ts";
import { checkCredentialHeaders } from "./credential-headers.ts";
import { checkExpectSyntax } from "./expect-syntax.ts";
import { checkNumbers } from "./numbers.ts";
import { checkPathSyntax } from "./path-syntax.ts";
import { checkReferences, checkTemplateSyntax } from "./references.ts";
import { checkSecrets } from "./secrets.ts";
import type { Recipe } from "./types.ts";

const LOOPBACK = /^(?:localhost|[\w-]+\.localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/** Options of checkSemantics. */
export interface SemanticOptions {
  /** Names that --var will define. */
  extraVars?: readonly string[];
  /**
   * The recipe is what remains of one the schema refused: template syntax
   * is checked, but not what a reference reads, which may be what broke.
   */
  partial?: boolean;
}

/** Runs every check that needs the recipe's meaning, not only its shape. */
export function checkSemantics(
  context: CheckContext,
  recipe: Recipe,
  options: SemanticOptions = {},
): void {
  _checkStepIds(context, recipe);
  _checkBodies(context, recipe);
  checkNumbers(context, recipe);
  checkExpectSyntax(context, recipe);
  if (!options.partial) checkBodySchemas(context, recipe);
  checkConditions(context, recipe, options.extraVars ?? [], options.partial);
  if (options.partial) checkTemplateSyntax(context, recipe);
  else checkReferences(context, recipe, options.extraVars ?? []);
  checkPathSyntax(context, recipe);
  // Before secrets: a credential header is one problem, not two.
  checkCredentialHeaders(context, recipe);
  checkSecrets(context, recipe);
  _checkPlainHttp(context, recipe);
}

function _checkStepIds(context: CheckContext, recipe: Recipe): void {
  const first = new Map<string, number>();
  recipe.steps.forEach((step, index) => {
    if (step.id === undefined) return;
    const earlier = first.get(step.id);
    if (earlier === undefined) {
      first.set(step.id, index);
      return;
    }
    const path = ["steps", index, "id"];
    const line = context.locator.value(["steps", earlier, "id"]).line;
    const message = `Step id '${step.id}' is already used by step ${earlier + 1} ` +
      `at line ${line}; give each step its own id`;
    report(context, context.locator.value(path), "duplicate-step-id", message, { path });
  });
}

function _checkBodies(context: CheckContext, recipe: Recipe): void {
  recipe.steps.forEach((step, index) => {
    if (step.request.json === undefined || step.request.body === undefined) return;
    const path = ["steps", index, "request", "body"];
    const message = `Step ${index + 1} has both 'json' and 'body'; ` +
      "keep 'json' for a JSON body or 'body' for raw text";
    report(context, context.locator.key(path), "json-and-body", message, { path });
  });
}

// Only a literal origin is judged; a templated host is known at run time.
function _checkPlainHttp(context: CheckContext, recipe: Recipe): void {
  recipe.steps.forEach((step, index) => {
    const match = /^http:\/\/([^/?#]*)/i.exec(step.request.path);
    const authority = match?.[1];
    if (authority === undefined || authority.includes("${{")) return;
    const host = authority.replace(/^.*@/, "").replace(/:\d*$/, "");
    if (LOOPBACK.test(host)) return;
    const path = ["steps", index, "request", "path"];
    const message = `Step ${index + 1} calls 'http://${host}' over plain http; ` +
      "use https so that data and credentials travel encrypted";
    report(context, context.locator.value(path), "insecure-url", message, {
      path,
      severity: "warning",
    });
  });
}
