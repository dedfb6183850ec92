/** The shapes of `${{ ... }}` templates, shared by parsing and rendering. */
import type { JsonValue } from "../json.ts";

/** A reference inside `${{ }}`, e.g. `vars.rows[0].id`. */
export interface TemplateRef {
  root: "env" | "vars" | "steps" | "time" | "item" | "index";
  /** Keys and indexes after the root, e.g. `["rows", 0, "id"]`. */
  path: (string | number)[];
  /** The expression as written, trimmed, for messages. */
  source: string;
  /** Offset of `${{` in the string. */
  offset: number;
}

/** A parsed string: literal text and references, in order. */
export type TemplatePart = string | TemplateRef;

/** A template that cannot be parsed or resolved. */
export class TemplateError extends Error {
  override name = "TemplateError";
}

/** What a reference may read while a recipe runs. */
export interface TemplateScope {
  env: Readonly<Record<string, string | undefined>>;
  vars: Readonly<Record<string, JsonValue | undefined>>;
  steps: Readonly<Record<string, JsonValue | undefined>>;
  /** The run's one clock read, Unix ms, for `${{ time.* }}`; default: now. */
  now?: number;
  /** In a `forEach` step: the current item, and its 0-based index. */
  item?: JsonValue;
  index?: number;
  /** What an unknown reference renders as; without it, TemplateError. */
  missing?: (ref: TemplateRef) => JsonValue;
}

