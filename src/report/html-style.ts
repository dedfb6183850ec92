/**
 * The inline style and script of the `html` report. Nothing is fetched:
 * system fonts, no images, and a script that only opens, closes and filters
 * rows (the report reads the same without it).
 */

/** The report's CSS: green passed, red failed, grey not run. */
export const HTML_STYLE = `
:root { --pass: #1a7f37; --fail: #cf222e; --skip: #6e7781; --warn: #9a6700;
  --line: #d0d7de; --soft: #f6f8fa; --ink: #1f2328; --muted: #59636e;
  --pass-bg: #dafbe1; --fail-bg: #ffebe9; --skip-bg: #eaeef2;
  --cols: 5.5rem minmax(14rem, 1.4fr) 4.5rem minmax(10rem, 2fr) 3.5rem 5rem 16rem; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff; line-height: 1.4;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
code, pre, .method, .url, .http, .time { font-family: ui-monospace, Menlo, Consolas,
  "DejaVu Sans Mono", monospace; font-size: 12.5px; }
.summary { padding: 1.1rem 1.5rem; border-bottom: 1px solid var(--line);
  border-top: 6px solid var(--pass); background: var(--soft); }
.summary.failed { border-top-color: var(--fail); }
h1 { margin: 0 0 .8rem; font-size: 1.3rem; }
.verdict { margin-left: .4rem; padding: .1rem .6rem; border-radius: 1rem; color: #fff;
  font-size: .85rem; text-transform: uppercase; background: var(--pass); }
.failed > h1 .verdict { background: var(--fail); }
.counts { display: flex; flex-wrap: wrap; gap: .6rem; margin: 0; }
.count { min-width: 7.5rem; padding: .45rem .8rem; border: 1px solid var(--line);
  border-radius: 6px; background: #fff; }
.count dt { color: var(--muted); font-size: .8rem; }
.count dd { margin: 0; font-size: 1.35rem; font-weight: 600; }
.recipes-passed dd, .steps-passed dd { color: var(--pass); }
.recipes-failed dd, .steps-failed dd { color: var(--fail); }
.steps-not-run dd { color: var(--skip); }
main { padding: .8rem 1.5rem 2rem; }
.toolbar { display: flex; gap: .6rem; align-items: center; margin-bottom: .8rem; }
button { font: inherit; padding: .25rem .7rem; border: 1px solid var(--line);
  border-radius: 6px; background: var(--soft); cursor: pointer; }
.grid { min-width: 62rem; }
.row { display: grid; grid-template-columns: var(--cols); gap: .75rem;
  align-items: center; padding: .35rem .6rem; }
.row > span, .label { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.row > .name { display: flex; align-items: center; min-width: 0; }
.columns { position: sticky; top: 0; z-index: 1; background: #fff;
  border-bottom: 2px solid var(--line); color: var(--muted); font-size: .8rem; }
.http, .time { text-align: right; }
.columns > span:nth-child(5), .columns > span:nth-child(6) { text-align: right; }
.recipe { margin-top: 1.2rem; }
.recipe h2 { display: flex; gap: .6rem; align-items: baseline; margin: 0 0 .3rem;
  font-size: 1.05rem; }
.recipe h2 small { color: var(--muted); font-weight: normal; }
.recipe h2 .status { font-size: .75rem; text-transform: uppercase; color: var(--pass); }
.recipe.failed h2 .status { color: var(--fail); }
.warnings { margin: 0 0 .4rem; color: var(--warn); }
.step { border-left: 4px solid var(--pass); border-bottom: 1px solid var(--line); }
.step.failed { border-left-color: var(--fail); background: #fffafa; }
.step.skipped { border-left-color: var(--skip); color: var(--skip); }
.step .status { font-size: .78rem; font-weight: 600; text-transform: uppercase; }
.step.passed .status { color: var(--pass); }
.step.failed .status { color: var(--fail); }
summary { cursor: pointer; list-style: none; }
summary::-webkit-details-marker { display: none; }
summary .status::before { content: "▸ "; }
details[open] > summary .status::before { content: "▾ "; }
summary:hover { background: var(--soft); }
.mark { flex: none; margin-left: .5rem; padding: 0 .4rem; border-radius: .6rem; font-size: .75rem;
  background: #fff8c5; color: var(--warn); }
.mark.token, .mark.pages { background: #ddf4ff; color: #0969da; }
.mark.items { background: var(--skip-bg); color: var(--muted); }
.step.failed .mark.items { background: var(--fail-bg); color: var(--fail); }
p.warning { margin: .3rem 0; padding: .3rem .6rem; border-left: 3px solid var(--warn);
  background: #fff8c5; color: var(--warn); }
.items { border-top: 1px dashed var(--line); }
.items > .step > .row .label, .items > .step > summary .label { padding-left: 1.2rem; }
.lane { position: relative; height: .8rem; background: var(--soft); border-radius: 3px;
  overflow: hidden; }
.bar { position: absolute; top: 0; bottom: 0; border-radius: 3px; background: var(--pass); }
.step.failed .bar { background: var(--fail); }
.axis { position: relative; height: 1rem; }
.axis span { position: absolute; transform: translateX(-50%); white-space: nowrap; }
.axis span:first-child { transform: none; }
.axis span:last-child { transform: translateX(-100%); }
.details { padding: .4rem 1rem 1rem 1.6rem; border-top: 1px dashed var(--line); }
.failure { margin: .5rem 0 .8rem; }
.message { margin: 0 0 .3rem; font-weight: 600; }
.kind { padding: 0 .4rem; border-radius: 4px; background: var(--fail-bg);
  color: var(--fail); font-size: .75rem; text-transform: uppercase; }
.path, .hint { margin: .2rem 0; }
.hint { color: var(--muted); }
.compare, .exchange { display: grid; grid-template-columns: 1fr 1fr; gap: .8rem; }
h4 { margin: .3rem 0; color: var(--muted); font-size: .75rem; text-transform: uppercase; }
.expected pre { border-left: 3px solid var(--pass); }
.actual pre { border-left: 3px solid var(--fail); }
pre { margin: 0; padding: .5rem .7rem; max-height: 18rem; overflow: auto;
  white-space: pre-wrap; overflow-wrap: anywhere; background: var(--soft);
  border: 1px solid var(--line); border-radius: 4px; color: var(--ink); }
.attempts { margin: .4rem 0 .8rem; border-collapse: collapse; font-size: .85rem; }
.attempts th, .attempts td { padding: .15rem .6rem; border-bottom: 1px solid var(--line);
  text-align: left; }
.attempts .num { text-align: right; }
.invalid { margin-bottom: 1rem; padding: .6rem 1rem; border-left: 4px solid var(--fail);
  background: var(--fail-bg); }
.invalid h2 { margin: 0; font-size: 1rem; }
.only-failures .step:not(.failed), .only-failures .recipe.passed { display: none; }
footer { padding: 0 1.5rem 1.5rem; color: var(--muted); font-size: .8rem; }
`;

/** The report's script: expand or collapse failures, show failures only. */
export const HTML_SCRIPT = `
document.addEventListener("click", (event) => {
  const button = event.target.closest("button[data-action]");
  if (!button) return;
  const open = button.dataset.action === "expand";
  const selector = open ? "details.step.failed" : "details.step";
  for (const details of document.querySelectorAll(selector)) details.open = open;
});
document.addEventListener("change", (event) => {
  if (event.target.dataset.action !== "only-failures") return;
  document.body.classList.toggle("only-failures", event.target.checked);
});
`;
