/**
 * Checks on the YAML node tree that the parser leaves to its caller: keys
 * defined twice in one mapping, and aliases that lead nowhere or into
 * themselves.
 */
import { type Document, isScalar, visit } from "yaml";
import { type CheckContext, report } from "./context.ts";

/** Adds a problem for each duplicate key and each broken alias. */
export function checkYamlNodes(context: CheckContext, doc: Document.Parsed): void {
  const { locator } = context;
  visit(doc, {
    Map(_key, map) {
      const seen = new Map<string, number>();
      for (const pair of map.items) {
        if (!isScalar(pair.key) || !pair.key.range) continue;
        // A mapping may merge several sources, one `<<` each; the parser
        // keys them as a symbol.
        if (typeof pair.key.value === "symbol") continue;
        const name = String(pair.key.value);
        const first = seen.get(name);
        const offset = pair.key.range[0];
        if (first === undefined) {
          seen.set(name, offset);
          continue;
        }
        const at = locator.at(offset);
        const message = `Duplicate key '${name}' at line ${at.line}, column ${at.column}, ` +
          `first defined at line ${locator.at(first).line}; keep one of them`;
        report(context, at, "yaml-duplicate-key", message);
      }
    },
    Alias(_key, alias) {
      const at = locator.at(alias.range?.[0] ?? 0);
      const target = alias.resolve(doc);
      if (!target?.range) {
        const message = `Alias '*${alias.source}' has no anchor '&${alias.source}' ` +
          "before it; define the anchor first";
        report(context, at, "yaml-alias", message);
        return;
      }
      const start = alias.range?.[0] ?? 0;
      if (start >= target.range[0] && start < target.range[2]) {
        const message = `Alias '*${alias.source}' is inside the value it refers to; ` +
          "a recipe cannot contain itself";
        report(context, at, "yaml-alias", message);
      }
    },
  });
}
