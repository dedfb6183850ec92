/**
 * `${{ time.* }}`: relative times in Unix milliseconds, from one clock read
 * per run, so every step (and a dry run) sees the same instant. Forms:
 * `time.now`, `time.ago.<n><unit>`, `time.in.<n><unit>` (unit `s`, `m`,
 * `h`, `d` or `w`), `time.startOfHour`, `time.startOfDay` (UTC).
 */
import { TemplateError, type TemplateRef } from "./template-types.ts";

/** The time forms, as messages name them. */
export const TIME_FORMS = "time.now, time.ago.24h, time.in.1h, time.startOfHour or " +
  "time.startOfDay (units s, m, h, d, w)";

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const UNIT_MS: Record<string, number> = {
  s: 1_000,
  m: 60_000,
  h: HOUR_MS,
  d: DAY_MS,
  w: 7 * DAY_MS,
};
const FORM = /^time\.(?:(now|startOfHour|startOfDay)|(ago|in)\.(\d{1,6})([smhdw]))$/;

/** Parses `time...` (the trimmed inside of `${{ }}`); throws TemplateError. */
export function parseTimeRef(source: string, offset: number): TemplateRef {
  const match = FORM.exec(source);
  if (!match) throw new TemplateError(`\${{ ${source} }} is not a time; write ${TIME_FORMS}`);
  const [, fixed, direction, count, unit] = match;
  const path = fixed !== undefined ? [fixed] : [direction ?? "", `${count}${unit}`];
  return { root: "time", path, source, offset };
}

/** The Unix milliseconds a parsed time reference stands for, given the run's clock. */
export function timeValue(ref: TemplateRef, now: number): number {
  const [form, span = ""] = ref.path.map(String);
  if (form === "now") return now;
  if (form === "startOfHour") return now - (now % HOUR_MS);
  if (form === "startOfDay") return now - (now % DAY_MS);
  const ms = Number(span.slice(0, -1)) * (UNIT_MS[span.slice(-1)] ?? Number.NaN);
  if (!Number.isFinite(ms)) throw new TemplateError(`\${{ ${ref.source} }} is not a time`);
  return form === "ago" ? now - ms : now + ms;
}
