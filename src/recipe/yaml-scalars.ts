/**
 * Plain scalars that read one way here (YAML 1.2) and another way in YAML
 * 1.1 tools or in editors: `yes`, `off`, `012`, `1:30`, and integers beyond
 * 2^53. Each is a warning at the scalar, with the fix: quote it.
 */
import { type Document, isScalar, Scalar, visit } from "yaml";
import { type CheckContext, report } from "./context.ts";
import type { Position } from "./problem.ts";

// YAML 1.1's booleans that YAML 1.2 reads as text; the 1.1 spec lists
// each word in lower case, capitalised and upper case only.
const TRUE_11 = /^(?:y|Y|yes|Yes|YES|on|On|ON)$/;
const FALSE_11 = /^(?:n|N|no|No|NO|off|Off|OFF)$/;
const OCTAL_11 = /^([-+]?)0([0-7_]+)$/;
const LEADING_ZERO = /^[-+]?0\d+$/;
const BASE_60 = /^[-+]?(?:[1-9][\d_]*(?::[0-5]?\d)+|\d[\d_]*(?::[0-5]?\d)+\.[\d_]*)$/;
const LARGEST_EXACT = BigInt(Number.MAX_SAFE_INTEGER);

// Limitation: other YAML 1.1 forms (`1_000`, `0b101`, `0o17` read as text,
// `.5e3` floats) pass without a word; each is one more pattern here.

/** Reports each plain scalar, key or value, that YAML tools disagree on. */
export function checkYamlScalars(context: CheckContext, doc: Document.Parsed): void {
  visit(doc, {
    Scalar(_key, node) {
      if (node.type !== Scalar.PLAIN || !node.range) return;
      const at = context.locator.at(node.range[0]);
      if (typeof node.value === "bigint") _bigInteger(context, at, node.value);
      const source = node.source;
      const reading = typeof source === "string" ? readingIn11(source) : undefined;
      if (reading === undefined) return;
      const message = `YAML 1.1 tools read '${source}' as ${reading}; ` +
        "quote it if you mean the text";
      report(context, at, "yaml-ambiguous", message, { severity: "warning" });
    },
  });
}

/**
 * How a YAML 1.1 tool reads a plain scalar that YAML 1.2 reads otherwise,
 * e.g. `the boolean false` for `no`; undefined when both agree.
 */
export function readingIn11(source: string): string | undefined {
  if (TRUE_11.test(source)) return "the boolean true";
  if (FALSE_11.test(source)) return "the boolean false";
  const octal = OCTAL_11.exec(source);
  if (octal) {
    const value = Number.parseInt((octal[2] ?? "").replaceAll("_", ""), 8);
    const sign = octal[1] === "-" ? "-" : "";
    if (value === Math.abs(Number(source))) return undefined;
    return `the octal number ${sign}${value} (YAML 1.2 reads ${Number(source)})`;
  }
  if (LEADING_ZERO.test(source)) return `text (YAML 1.2 reads the number ${Number(source)})`;
  if (BASE_60.test(source)) return `the number ${_base60(source)} (base 60)`;
  return undefined;
}

function _bigInteger(context: CheckContext, at: Position, value: bigint): void {
  if (value <= LARGEST_EXACT && value >= -LARGEST_EXACT) return;
  const message = `Integer ${value} is beyond 2^53: idmp-recipe keeps every digit, but ` +
    "editors and other YAML tools round it; quote it if it is an ID that other tools read";
  report(context, at, "yaml-big-integer", message, { severity: "warning" });
}

function _base60(source: string): number {
  const negative = source.startsWith("-");
  const parts = source.replace(/^[-+]/, "").replaceAll("_", "").split(":");
  const value = parts.reduce((total, part) => total * 60 + Number(part), 0);
  return negative ? -value : value;
}
