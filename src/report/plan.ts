/**
 * The text of `--dry-run`: per recipe, the variables it reads (set or not,
 * never their values) and each request as it would go out.
 */
import { createColors } from "picocolors";
import type { RecipePlan } from "../run/plan.ts";

const BODY_CHARS = 300;

/** Renders the plans of a dry run. */
export function renderPlans(plans: RecipePlan[], options: { color: boolean }): string {
  const c = createColors(options.color);
  const parts = plans.map((plan) => {
    const reads = plan.variables.map((v) => `${v.name} ${c.dim(`(${v.role}, ${v.set
      ? "set" : "not set"})`)}`);
    const lines = [`\n${c.bold(plan.name)} ${c.dim(`(${plan.file})`)}`,
      `  reads: ${reads.join(", ")}`];
    plan.requests.forEach((request, index) => {
      const mark = request.write ? c.yellow(" [writes]") : "";
      const where = request.line === undefined ? "" : c.dim(` line ${request.line}`);
      lines.push(`  ${index + 1}. ${request.method} ${request.url}${mark}  ${c.dim(request.step)}`
        + where);
      if (request.problem) lines.push(`       ${c.red("✗")} ${request.problem}`);
      for (const note of request.notes) lines.push(`       ${c.cyan(note)}`);
      for (const [name, value] of Object.entries(request.headers)) {
        lines.push(`       ${name}: ${value}`);
      }
      if (request.body !== undefined) lines.push(`       ${_cut(request.body)}`);
    });
    return lines.join("\n");
  });
  const total = plans.reduce((sum, plan) => sum + plan.requests.length, 0);
  return `Dry run: ${total} request(s) planned, none sent${parts.join("\n")}\n`;
}

function _cut(body: string): string {
  return body.length > BODY_CHARS ? `${body.slice(0, BODY_CHARS)}…` : body;
}
