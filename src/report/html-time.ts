/**
 * Time in the `html` report: durations for people, and the waterfall, in
 * which each step's bar starts at its offset from the run's start on one
 * axis shared by every recipe.
 */
import type { RunResult, StepResult } from "../run/results.ts";

/** The shared axis: the run's length in milliseconds, never zero. */
export interface TimeAxis {
  totalMs: number;
}

/** The axis of a run: long enough for its last step to end on it. */
export function timeAxisOf(run: RunResult): TimeAxis {
  const ends = run.recipes.flatMap((recipe) => recipe.steps)
    .map((step) => (startOf(step) ?? 0) + step.durationMs);
  return { totalMs: Math.max(1, run.durationMs, ...ends) };
}

/** When a step started on the run's axis; unset for a step not run. */
export function startOf(step: StepResult): number | undefined {
  return step.startMs;
}

/** Milliseconds for people: `87 ms`, `1.24 s`, `2 min 5 s`. */
export function formatMs(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(2)} s`;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

/** The tick labels over the waterfall column: the start, the middle, the end. */
export function renderAxis(axis: TimeAxis): string {
  const ticks = [0, 0.5, 1].map((share) =>
    `<span style="left:${_percent(share)}">${formatMs(axis.totalMs * share)}</span>`);
  return `<div class="axis">${ticks.join("")}</div>`;
}

/**
 * A step's bar: from its start offset, as wide as its duration (at least a
 * sliver, so a 1 ms step still shows). A step not run has an empty lane.
 */
export function renderBar(step: StepResult, axis: TimeAxis): string {
  const start = startOf(step);
  if (start === undefined) return `<div class="lane"></div>`;
  const left = start / axis.totalMs;
  const width = Math.max(step.durationMs / axis.totalMs, 0.004);
  const title = `starts at ${formatMs(start)}, takes ${formatMs(step.durationMs)}`;
  return `<div class="lane"><span class="bar" title="${title}" `
    + `style="left:${_percent(Math.min(left, 0.996))};width:${_percent(width)}"></span></div>`;
}

function _percent(share: number): string {
  return `${(share * 100).toFixed(2)}%`;
}
