/**
 * JUnit checks for report tests: well-formed (fast-xml-parser), valid against
 * test/fixtures/junit.xsd (libxml2 in WebAssembly), and parsed for asserts.
 */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { validateXML } from "xmllint-wasm";

const XSD = await readFile(new URL("../fixtures/junit.xsd", import.meta.url), "utf8");

/** Fails the test unless `xml` is well-formed and valid against junit.xsd. */
export async function assertValidJunit(xml: string): Promise<void> {
  assert.equal(XMLValidator.validate(xml), true, "well-formed XML");
  const result = await validateXML({ xml: [{ fileName: "report.xml", contents: xml }],
    schema: [XSD] });
  assert.deepEqual(result.errors.map((error) => error.message), []);
  assert.equal(result.valid, true);
}

/** A parsed `<failure>`, `<error>` or `<skipped>`. */
export interface JunitOutcome {
  message?: string;
  type?: string;
  "#text"?: string;
}

/** A parsed `<testcase>`: attributes as strings, as in the XML. */
export interface JunitCase {
  name?: string;
  classname?: string;
  file?: string;
  line?: string;
  time?: string;
  failure?: JunitOutcome;
  error?: JunitOutcome;
  skipped?: JunitOutcome;
}

/** The counts `<testsuites>` and `<testsuite>` carry. */
export interface JunitCounts {
  tests?: string;
  failures?: string;
  errors?: string;
  skipped?: string;
}

/** A parsed `<testsuite>`. */
export interface JunitSuite extends JunitCounts {
  name?: string;
  file?: string;
  testcase: JunitCase[];
}

/** Parses a report into its root counts and suites (always lists). */
export function parseJunit(xml: string): { root: JunitCounts; suites: JunitSuite[] } {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "",
    parseAttributeValue: false, parseTagValue: false,
    isArray: (name) => name === "testsuite" || name === "testcase" });
  const document = parser.parse(xml) as {
    testsuites: JunitCounts & { testsuite: JunitSuite[] } };
  return { root: document.testsuites, suites: document.testsuites.testsuite };
}
