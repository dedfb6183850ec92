/**
 * The `json` reporter: one document for the whole run, 64-bit IDs exact.
 * Its shape is RunResult plus the tool's name and version.
 */
import { stringifyJson } from "../json.ts";
import type { RunResult } from "../run/results.ts";

/** Renders the run as an indented JSON document. */
export function renderJsonReport(run: RunResult, version: string): string {
  return `${stringifyJson({ tool: "idmp-recipe", version, ...run }, 2)}\n`;
}
