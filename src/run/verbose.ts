/**
 * `--verbose` lines for one exchange: the request as sent (credential
 * headers masked, body cut short) and the answer's status and time.
 */
import type { SentRequest, StepResult } from "./results.ts";

const BODY_CHARS = 300;

/** The lines that describe a finished step's request and answer. */
export function renderExchange(request: SentRequest, result: StepResult): string[] {
  const lines = [`> ${request.method} ${request.url}`];
  for (const [name, value] of Object.entries(request.headers)) lines.push(`>   ${name}: ${value}`);
  if (request.body !== undefined) {
    const body = request.body.length > BODY_CHARS
      ? `${request.body.slice(0, BODY_CHARS)}…`
      : request.body;
    lines.push(`>   ${body}`);
  }
  const { attempts } = result;
  const ms = Math.round(attempts.reduce((sum, attempt) => sum + attempt.durationMs, 0));
  const tries = attempts.length === 1 ? "1 attempt" : `${attempts.length} attempts`;
  lines.push(`< ${result.httpStatus ?? "no answer"} (${ms} ms, ${tries})`);
  return lines;
}
