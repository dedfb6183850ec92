/**
 * JUnit suites and cases as XML through xmlbuilder2: counts summed per
 * suite and for the whole document, times in seconds, characters XML 1.0
 * forbids replaced. Values arrive redacted; xmlbuilder2 escapes them.
 */
import { create } from "xmlbuilder2";

/** One `<testcase>`: a step, an item of a forEach step, or a recipe's setup. */
export interface JunitCase {
  name: string;
  classname: string;
  file?: string;
  line?: number;
  durationMs: number;
  outcome?: { element: "failure" | "error" | "skipped"; message: string; type?: string;
    text?: string };
  /** The case's warnings, one `warning: ...` line each. */
  systemOut?: string;
}

/** One `<testsuite>`: a recipe, or a file that did not validate. */
export interface JunitSuite {
  name: string;
  file: string;
  durationMs: number;
  cases: JunitCase[];
  systemOut?: string;
}

/** The whole document: `<testsuites>` with a suite each, pretty-printed. */
export function renderJunitXml(suites: JunitSuite[], durationMs: number): string {
  const root = create({ version: "1.0", encoding: "UTF-8", invalidCharReplacement: "\uFFFD" })
    .ele("testsuites", _attributes({ name: "idmp-recipe", ..._totals(suites),
      time: _seconds(durationMs) }));
  for (const suite of suites) _append(root, suite);
  return `${root.end({ prettyPrint: true })}\n`;
}

function _totals(suites: JunitSuite[]) {
  const of = (element: string) => suites.flatMap((suite) => suite.cases)
    .filter((testCase) => testCase.outcome?.element === element).length;
  return { tests: suites.reduce((sum, suite) => sum + suite.cases.length, 0),
    failures: of("failure"), errors: of("error"), skipped: of("skipped") };
}

// Children in the order the JUnit schema gives them: the outcome, then system-out.
function _append(root: ReturnType<typeof create>, suite: JunitSuite): void {
  const element = root.ele("testsuite", _attributes({ name: suite.name, file: suite.file,
    ..._totals([suite]), time: _seconds(suite.durationMs) }));
  for (const testCase of suite.cases) {
    const { outcome } = testCase;
    const caseElement = element.ele("testcase", _attributes({ name: testCase.name,
      classname: testCase.classname, file: testCase.file, line: testCase.line,
      time: _seconds(testCase.durationMs) }));
    if (outcome !== undefined) {
      const child = caseElement.ele(outcome.element,
        _attributes({ message: outcome.message, type: outcome.type }));
      if (outcome.text) child.txt(outcome.text);
    }
    if (testCase.systemOut) caseElement.ele("system-out").txt(testCase.systemOut);
  }
  if (suite.systemOut) element.ele("system-out").txt(suite.systemOut);
}

function _attributes(values: Record<string, string | number | undefined>) {
  const defined = Object.entries(values).filter(([, value]) => value !== undefined);
  return Object.fromEntries(defined.map(([key, value]) => [key, String(value)]));
}

function _seconds(ms: number): string {
  return (Math.max(0, ms) / 1000).toFixed(3);
}
