/**
 * The `junit` reporter: JUnit XML as Jenkins, GitLab and GitHub test
 * reporters read it. A recipe is a `<testsuite>`, a step a `<testcase>`;
 * check failures are `<failure>`, credentials, transport and invalid
 * requests are `<error>`, steps not run are `<skipped>`.
 */
import type { Problem } from "../recipe/problem.ts";
import type { Failure, FailureKind, RecipeResult, RunResult, StepResult } from "../run/results.ts";
import { describeFailure } from "./failure-text.ts";
import { type JunitCase, type JunitSuite, renderJunitXml } from "./junit-xml.ts";

/** What the JUnit report needs besides the run. */
export interface JunitOptions {
  /** Hides secrets; applied to every value before it is escaped as XML. */
  redact: (text: string) => string;
  /** Files that failed validation and so never ran: a suite with an error each. */
  invalid?: { file: string; problems: Problem[] }[];
}

/** Failure kinds reported as `<error>`; the others (checks, templates) are `<failure>`. */
export const ERROR_KINDS: readonly FailureKind[] = ["credentials", "transport", "invalid"];

/** The JUnit element a failure becomes. */
export function junitElementOf(kind: FailureKind): "error" | "failure" {
  return ERROR_KINDS.includes(kind) ? "error" : "failure";
}

// Limitation: no `timestamp` attributes, since RunResult records durations
// and not start times; a start time per recipe in the results would lift it.
// `classname` is the recipe's name, so two recipes of one name share a class
// in CI views that group by it.
/** Renders the run as one JUnit XML document. */
export function renderJunitReport(run: RunResult, options: JunitOptions): string {
  const suites = [
    ...(options.invalid ?? []).map((file) => _invalidSuite(file, options.redact)),
    ...run.recipes.map((recipe) => _recipeSuite(recipe, options.redact)),
  ];
  return renderJunitXml(suites, run.durationMs);
}

function _recipeSuite(recipe: RecipeResult, redact: (text: string) => string): JunitSuite {
  const classname = redact(recipe.name);
  const file = redact(recipe.file);
  const cases: JunitCase[] = [];
  if (recipe.error) {
    cases.push({ name: "setup: credentials and variables", classname, file, durationMs: 0,
      outcome: _outcomeOf([recipe.error], undefined, redact) });
  }
  const notRun = recipe.error
    ? "not run: the recipe stopped before its first step"
    : "not run: an earlier step failed";
  // A forEach step is a case per item, named `<step> [<index>]`.
  const steps = recipe.steps.flatMap((step) => step.items?.length
    ? step.items.map((item) => ({ ...item, line: step.line }))
    : [step]);
  for (const step of steps) {
    const why = step.skipReason
      ?? (step.item === undefined ? notRun : "not run: an earlier item failed");
    const outcome = step.status === "skipped"
      ? { element: "skipped" as const, message: why }
      : step.status === "failed" ? _outcomeOf(step.failures, step, redact) : undefined;
    cases.push({ name: redact(step.name), classname, line: step.line,
      file: step.file === undefined ? file : redact(step.file),
      durationMs: step.durationMs, outcome, systemOut: _warnings(step.warnings, redact) });
  }
  // A forEach step's own warnings have no case of their own: the suite keeps them.
  const loops = recipe.steps.filter((step) => step.items?.length);
  const warnings = [...recipe.warnings, ...loops.flatMap((step) => step.warnings ?? [])];
  return { name: classname, file, durationMs: recipe.durationMs, cases,
    systemOut: _warnings(warnings, redact) };
}

function _warnings(warnings: string[] | undefined,
  redact: (text: string) => string): string | undefined {
  const lines = (warnings ?? []).map((warning) => `warning: ${redact(warning)}\n`).join("");
  return lines === "" ? undefined : lines;
}

function _invalidSuite(
  result: { file: string; problems: Problem[] },
  redact: (text: string) => string,
): JunitSuite {
  const file = redact(result.file);
  const errors = result.problems.filter((problem) => problem.severity === "error");
  const first = errors[0];
  const text = errors.map((p) => `${p.file}:${p.line}:${p.column} ${p.message} [${p.rule}]`);
  const outcome = { element: "error" as const, type: "invalid",
    message: `${errors.length} validation error(s); the recipe did not run`,
    text: redact(text.join("\n")) };
  return { name: file, file, durationMs: 0, cases: [{ name: "validation", classname: file,
    file, line: first?.line, durationMs: 0, outcome }] };
}

// One element per failed case: <error> when any failure is of an error kind,
// else <failure>; the message is the first failure's, the text holds them all.
function _outcomeOf(
  failures: Failure[],
  step: StepResult | undefined,
  redact: (text: string) => string,
): JunitCase["outcome"] {
  const worst = failures.find((failure) => ERROR_KINDS.includes(failure.kind)) ?? failures[0];
  const message = worst?.message.replace(/\s*\n\s*/g, " ") ?? "failed";
  return { element: junitElementOf(worst?.kind ?? "check"), type: worst?.kind ?? "check",
    message: redact(message), text: redact(describeFailure(failures, step)) };
}
