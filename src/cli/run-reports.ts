/**
 * The reports of one `run`: text (and github annotations) streamed to stdout
 * as steps finish, every other report written when the run ends, and the
 * GitHub job summary appended. Everything passes the run's redactor.
 */
import { appendFile } from "node:fs/promises";
import type { Problem } from "../recipe/problem.ts";
import * as github from "../report/github.ts";
import { renderGithubSummary } from "../report/github-summary.ts";
import { renderHtmlReport } from "../report/html.ts";
import { renderJsonReport } from "../report/json.ts";
import { renderJunitReport } from "../report/junit.ts";
import type { Redactor } from "../report/redact.ts";
import * as text from "../report/text.ts";
import type { RunOptions } from "../run/context.ts";
import type { RunResult } from "../run/results.ts";
import { stdout } from "../runtime/io.ts";
import { type ReporterSpec, stdoutReporter, textOnTerminal, writeReport } from "./reporters.ts";
import { VERSION } from "./version.ts";

/** What the reports of a run need besides the run itself. */
export interface RunReportsContext {
  redactor: Redactor;
  color: boolean;
  /** Files that did not validate, reported by junit and github too. */
  invalid: { file: string; problems: Problem[] }[];
  /** The folder annotation paths are relative to: `$GITHUB_WORKSPACE` or the cwd. */
  root: string;
  /** `$GITHUB_STEP_SUMMARY`, when the github reporter is on and it is set. */
  summaryFile?: string;
}

type _Hooks = Required<Pick<RunOptions, "onRecipeStart" | "onStep" | "onRecipe">>;

/** The reporters of one run. */
export class RunReports {
  readonly #specs: ReporterSpec[];
  readonly #context: RunReportsContext;
  readonly #text: boolean;
  readonly #annotate: boolean;
  #recipe: { file: string; name: string } | undefined;

  constructor(specs: ReporterSpec[], context: RunReportsContext) {
    this.#specs = specs;
    this.#context = context;
    this.#text = textOnTerminal(specs);
    this.#annotate = stdoutReporter(specs) === "github";
  }

  /** Hooks that stream text, and annotations under failing steps, to stdout. */
  hooks(): _Hooks {
    const color = { color: this.#context.color };
    return {
      onRecipeStart: (recipe) => {
        this.#recipe = recipe;
        if (this.#text) this.#out(text.renderRecipeHeader(recipe, color));
      },
      onStep: (step) => {
        if (this.#text) this.#out(text.renderStep(step, color));
        if (this.#annotate && this.#recipe) {
          this.#out(this.#annotations(github.stepAnnotations(this.#recipe, step)));
        }
      },
      onRecipe: (recipe) => {
        if (this.#text) this.#out(text.renderRecipeEnd(recipe, color));
        if (this.#annotate) this.#out(this.#annotations(github.recipeAnnotations(recipe)));
      },
    };
  }

  /**
   * Writes what is left once the run is over: the text summary, each report
   * that goes to a file or is one document on stdout, and the job summary.
   * With no run (no recipe was valid) only junit and github have something to say.
   */
  async finish(run: RunResult | undefined): Promise<void> {
    const { redactor, color } = this.#context;
    if (run && this.#text) this.#out(text.renderSummary(run, { color }));

    for (const spec of this.#specs) {
      const report = this.#render(spec, run);
      if (report !== undefined) await writeReport(spec, redactor.redact(report));
    }
    const { summaryFile } = this.#context;
    if (run && summaryFile !== undefined) {
      await appendFile(summaryFile, redactor.redact(renderGithubSummary(run,
        (value) => redactor.redact(value))));
    }
  }

  #render(spec: ReporterSpec, run: RunResult | undefined): string | undefined {
    const { invalid } = this.#context;
    const redact = (value: string) => this.#context.redactor.redact(value);
    const onStdout = spec.file === undefined;
    const problems = github.problemAnnotations(invalid.flatMap((file) => file.problems));
    switch (spec.name) {
      case "text":
        return run && !onStdout ? text.renderTextReport(run, { color: false }) : undefined;
      case "json":
        return run ? renderJsonReport(run, VERSION) : undefined;
      case "junit":
        return renderJunitReport(run ?? _emptyRun(), { redact, invalid });
      case "html":
        return renderHtmlReport(run ?? _emptyRun(), { redact, invalid, version: VERSION });
      case "github": {
        // On stdout, step annotations were streamed already.
        const steps = onStdout ? [] : (run?.recipes ?? []).flatMap(github.runAnnotations);
        return this.#annotations([...problems, ...steps]);
      }
    }
  }

  #annotations(annotations: github.Annotation[]): string {
    const redact = (value: string) => this.#context.redactor.redact(value);
    return github.renderAnnotations(annotations, { redact, root: this.#context.root });
  }

  #out(value: string): void {
    stdout.write(this.#context.redactor.redact(value));
  }
}

function _emptyRun(): RunResult {
  return { recipes: [], exitCode: 0, durationMs: 0, summary: {
    recipes: { total: 0, passed: 0, failed: 0 },
    steps: { total: 0, passed: 0, failed: 0, notRun: 0 } } };
}
