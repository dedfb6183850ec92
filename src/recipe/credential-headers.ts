/**
 * Finds headers written by hand that the runner would overwrite with the
 * auth mode's own credentials, so that what the file says is what is sent.
 */
import { type CheckContext, report } from "./context.ts";
import type { AuthMode, Recipe } from "./types.ts";

/** The headers each mode sets on every call to the recipe's own origin. */
const OWN_HEADERS: Readonly<Record<AuthMode, readonly string[]>> = {
  enterprise: ["Authorization"],
  cloud: ["Authorization", "Access-token"],
  apiKey: ["Authorization"],
  none: [],
};

// A step on an absolute URL (or a templated one) may call another origin,
// which gets no credentials, so its own Authorization is sent as written.
const MAYBE_ELSEWHERE = /^(?:[a-z][a-z\d+.-]*:\/\/|\$\{\{)/i;

// Limitation: an absolute URL on the host's own origin is not judged, since
// the host is read from the environment at run time.

/** Reports each step header that the auth mode's credentials replace. */
export function checkCredentialHeaders(context: CheckContext, recipe: Recipe): void {
  const { mode } = recipe.auth;
  const own = new Map(OWN_HEADERS[mode].map((name) => [name.toLowerCase(), name]));
  if (own.size === 0) return;

  recipe.steps.forEach((step, index) => {
    if (MAYBE_ELSEWHERE.test(step.request.path.trim())) return;
    for (const name of Object.keys(step.request.headers ?? {})) {
      const canonical = own.get(name.toLowerCase());
      if (canonical === undefined) continue;
      const path = ["steps", index, "request", "headers", name];
      const message = `The runner sets '${canonical}' from auth.env in mode '${mode}'; ` +
        "remove this header (or use auth.mode none and pass it yourself " +
        "with ${{ env.NAME }})";
      report(context, context.locator.key(path), "credential-header", message, { path });
    }
  });
}
