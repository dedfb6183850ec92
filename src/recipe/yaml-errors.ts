/**
 * The YAML parser's own errors and warnings in the words of a recipe
 * author: tabs named line by line, one syntax error at its first word,
 * tags refused.
 */
import type { YAMLError } from "yaml";
import { type CheckContext, report } from "./context.ts";

/**
 * Reports the parser's errors. Tabs are reported on every line, and then
 * alone, since the parser's other errors follow from them; otherwise only
 * the first error, for the same reason.
 */
// Limitation: an unclosed quote is reported where the file ends, as the
// parser finds it; pointing at the opening quote needs a scan of our own.
export function reportYamlErrors(
  context: CheckContext,
  errors: readonly YAMLError[],
  text: string,
): void {
  const tabs = errors.filter((error) => error.code === "TAB_AS_INDENT");
  for (const error of tabs.length > 0 ? tabs : errors.slice(0, 1)) {
    const at = context.locator.at(error.pos[0]);
    if (error.code === "TAB_AS_INDENT") {
      const message = `Tab used for indentation at line ${at.line}, column ${at.column}; ` +
        "indent with spaces";
      report(context, at, "yaml-tab", message);
    } else {
      // The parser points at the start of a badly indented line; the
      // reader looks for its first word.
      let offset = error.pos[0];
      while (text[offset] === " ") offset += 1;
      const message = `Invalid YAML: ${_sentence(error.message)}`;
      report(context, context.locator.at(offset), "yaml-syntax", message);
    }
  }
}

/** Reports the parser's warnings: a tag is an error, anything else a warning. */
export function reportYamlWarnings(context: CheckContext, warnings: readonly YAMLError[]): void {
  for (const warning of warnings) {
    const at = context.locator.at(warning.pos[0]);
    if (warning.code === "TAG_RESOLVE_FAILED") {
      const tag = warning.message.replace(/^Unresolved tag: /, "")
        .replace("tag:yaml.org,2002:", "!!");
      const message = `Tag '${tag}' is not supported; write the value without a tag`;
      report(context, at, "yaml-tag", message);
    } else {
      const message = `YAML warning: ${_sentence(warning.message)}`;
      report(context, at, "yaml-syntax", message, { severity: "warning" });
    }
  }
}

function _sentence(message: string): string {
  return message.split("\n")[0]?.replace(/[.:]\s*$/, "") ?? message;
}
