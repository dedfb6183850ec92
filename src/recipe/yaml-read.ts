/**
 * Reads recipe text as YAML 1.2 with every library default that could
 * mislead corrected: one document only, no `%YAML 1.1`, unique keys, no
 * tags, merge keys applied, integers exact and alias expansion bounded.
 */
import { type Document, LineCounter, parseAllDocuments } from "yaml";
import { type CheckContext, report } from "./context.ts";
import { safeIntegersAsNumbers } from "./integers.ts";
import { Locator } from "./locate.ts";
import { hasErrors, type Problem } from "./problem.ts";
import { reportYamlErrors, reportYamlWarnings } from "./yaml-errors.ts";
import { checkYamlNodes } from "./yaml-nodes.ts";
import { checkYamlScalars } from "./yaml-scalars.ts";

/** Parsed YAML and its warnings, or the problems that stopped it; `value` is not validated. */
export interface YamlRead {
  problems: Problem[];
  locator?: Locator;
  value?: unknown;
}

// Far above what a recipe's `<<: *defaults` needs, far below an alias bomb.
const MAX_ALIAS_COUNT = 1000;

/** Parses one recipe document; `file` only labels the problems. */
export function readYaml(source: string, file: string): YamlRead {
  const bom = source.startsWith("\uFEFF");
  const text = bom ? source.slice(1) : source;
  const lines = new LineCounter();
  const docs = parseAllDocuments(text, {
    lineCounter: lines,
    intAsBigInt: true,
    // Policy: `<<: *defaults` is applied, as most YAML users expect, and the
    // `<<` key itself never reaches the recipe.
    merge: true,
    // Duplicates are found in checkYamlNodes, which can name both lines.
    uniqueKeys: false,
    prettyErrors: false,
    resolveKnownTags: false,
  });
  const filled = Array.isArray(docs) ? docs.filter((doc) => doc.contents !== null) : [];
  const [doc, second] = filled;
  const fallback = Array.isArray(docs) ? docs[0] : undefined;
  const locator = new Locator(doc ?? fallback ?? _emptyDoc(), lines, text);
  const context: CheckContext = { file, locator, problems: [] };
  if (bom) {
    const message = "File starts with a byte-order mark; remove it, some tools choke on it";
    report(context, { line: 1, column: 1 }, "yaml-bom", message, { severity: "warning" });
  }

  if (!doc) {
    _reportEmpty(context, fallback, text);
    return { problems: context.problems };
  }
  if (second) {
    const message = `File contains ${filled.length} YAML documents; put one recipe per file`;
    report(context, locator.at(second.range[0]), "yaml-multiple-documents", message);
    return { problems: context.problems };
  }

  _checkDirective(context, doc, text);
  reportYamlErrors(context, doc.errors, text);
  reportYamlWarnings(context, doc.warnings);
  if (!hasErrors(context.problems)) checkYamlNodes(context, doc);
  if (hasErrors(context.problems)) return { problems: context.problems };
  checkYamlScalars(context, doc);

  try {
    const value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    return { problems: context.problems, locator, value: safeIntegersAsNumbers(value) };
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    const message = "Aliases expand to too many nodes (an alias bomb?); " +
      "reduce the nesting of anchors and aliases";
    report(context, locator.at(_firstAlias(text)), "yaml-alias-limit", message);
    return { problems: context.problems };
  }
}

function _reportEmpty(
  context: CheckContext,
  doc: Document.Parsed | undefined,
  text: string,
): void {
  if (doc && doc.errors.length > 0) return reportYamlErrors(context, doc.errors, text);
  const message = "File holds no recipe; a recipe needs version, name, auth and steps " +
    "(idmp-recipe init writes one)";
  report(context, { line: 1, column: 1 }, "empty-file", message);
}

// The parser would silently switch to YAML 1.1 rules, where NO means false.
function _checkDirective(context: CheckContext, doc: Document.Parsed, text: string): void {
  const yaml = doc.directives?.yaml;
  if (!yaml?.explicit || yaml.version === "1.2") return;
  const offset = Math.max(0, text.search(/^%YAML\b/m));
  const message = `Directive '%YAML ${yaml.version}' is not supported; ` +
    "remove it, recipes are read as YAML 1.2";
  report(context, context.locator.at(offset), "yaml-directive", message);
}

function _firstAlias(text: string): number {
  return Math.max(0, text.search(/(?<=[\s[{,:-])\*[^\s,\]}]+/));
}

function _emptyDoc(): Document.Parsed {
  const [doc] = parseAllDocuments("{}");
  if (!doc) throw new Error("The YAML parser returned no document for '{}'");
  return doc;
}
