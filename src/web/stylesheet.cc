#include "web/stylesheet.h"

namespace samspill::web {

const std::string& StylesheetCss() {
  static const std::string kCss = R"css(
:root { --ink: #1b1b1b; --muted: #4a5560; --brand: #0b3d66; --line: #c9d1d9; --bg: #f5f7f9;
        --ok: #2e7d32; --warn: #8a4b00; --danger: #a4161a; --focus: #ffbf47; }
* { box-sizing: border-box; }
html { font-size: 100%; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0;
       color: var(--ink); line-height: 1.5; background: #fff; }
a { color: var(--brand); }
a:hover { text-decoration-thickness: 2px; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; box-shadow: 0 0 0 5px var(--ink); }
.skip-link { position: absolute; left: -10000px; top: 0; background: var(--focus); color: var(--ink);
             padding: .5rem 1rem; z-index: 10; }
.skip-link:focus { left: 1rem; }
.site-header { background: var(--brand); color: #fff; }
.site-header .bar { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: center;
                    max-width: 72rem; margin: 0 auto; padding: .75rem 1rem; }
.site-header a, .site-header .link-button { color: #fff; }
.brand { font-weight: 700; font-size: 1.35rem; text-decoration: none; letter-spacing: .02em; }
.tagline { font-size: .9rem; opacity: .95; flex: 1 1 16rem; }
.user { display: flex; gap: .75rem; align-items: center; font-size: .9rem; }
.user form { margin: 0; }
.link-button { background: none; border: 0; padding: 0; font: inherit; text-decoration: underline; color: var(--brand);
               cursor: pointer; }
.site-header nav { background: #082c4a; }
.site-header nav ul { display: flex; flex-wrap: wrap; gap: 0; list-style: none; margin: 0 auto;
                      padding: 0 1rem; max-width: 72rem; }
.site-header nav a { display: block; padding: .6rem 1rem; text-decoration: none; }
.site-header nav a[aria-current="page"] { border-bottom: 4px solid #fff; font-weight: 600; }
main { display: block; max-width: 72rem; margin: 0 auto; padding: 1.5rem 1rem 4rem;
       overflow-wrap: break-word; }
h1, h2, h3 { hyphens: auto; }
main:focus { outline: none; }
h1 { color: var(--brand); font-size: 1.9rem; line-height: 1.2; margin: .5rem 0 1rem; }
h2 { font-size: 1.35rem; margin: 2rem 0 .75rem; border-bottom: 1px solid var(--line);
     padding-bottom: .25rem; }
h3 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .95rem; }
/* Tables and charts scroll inside their own box on a narrow screen; the page never does. */
.scroll { overflow-x: auto; max-width: 100%; }
.scroll > table { margin-bottom: .5rem; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { text-align: left; padding: .45rem .6rem; border-bottom: 1px solid var(--line);
         vertical-align: top; }
thead th { background: var(--bg); border-bottom: 2px solid var(--muted); }
code { background: #eef1f4; padding: 0 .25rem; border-radius: 3px; }
.hash { word-break: break-all; font-size: .85rem; }
.badge { display: inline-block; padding: .15rem .6rem; border-radius: 1rem; font-size: .85rem;
         font-weight: 600; background: #e6ecf2; color: var(--ink); border: 1px solid #8fa3b5; }
.state-published { background: #e3f1e4; border-color: var(--ok); }
.state-cancelled, .state-unsuccessful { background: #fbe9e9; border-color: var(--danger); }
.state-contract_signed { background: #e7eef8; border-color: var(--brand); }
.facts { display: grid; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); gap: .75rem 1.5rem; }
.facts div { border-left: 4px solid var(--line); padding-left: .75rem; }
.facts dt { font-weight: 600; color: var(--muted); font-size: .9rem; }
.facts dd { margin: 0; }
.facts .wide { grid-column: 1 / -1; }
.lock { background: var(--bg); border-left: 4px solid var(--brand); padding: .75rem 1rem; }
.notice { background: #fff4e5; border-left: 4px solid var(--warn); padding: .75rem 1rem; margin: 1rem 0; }
.notice h2 { border: 0; margin-top: 0; }
.sealed { background: var(--bg); border-left: 4px solid var(--muted); padding: .75rem 1rem; }
.muted, .hint { color: var(--muted); }
.hint { margin: .1rem 0 .3rem; font-size: .9rem; }
.why { color: var(--muted); font-size: .85rem; }
.warning { color: var(--warn); font-weight: 600; }
.error-summary { border: 4px solid var(--danger); padding: .75rem 1.25rem; margin: 1rem 0; }
.error-summary h2 { margin-top: 0; border: 0; color: var(--danger); }
.field-error { color: var(--danger); font-weight: 600; margin: 0; }
.error-summary a { color: var(--danger); font-weight: 600; }
form.stack { display: grid; grid-template-columns: minmax(0, 1fr); gap: .9rem; max-width: 40rem;
             margin: 1rem 0; }
form.narrow { max-width: 24rem; }
form.wide { max-width: 56rem; }
.check { display: flex; gap: .5rem; align-items: center; }
.check input { width: 1.25rem; height: 1.25rem; }
.criteria-form input, .criteria-form select { width: 100%; }
.field { display: grid; grid-template-columns: minmax(0, 1fr); gap: .2rem; }
label, legend { font-weight: 600; }
fieldset { border: 1px solid var(--line); padding: .75rem 1rem; min-width: 0; }
input, select, textarea { font: inherit; padding: .45rem .55rem; border: 2px solid var(--muted);
                          border-radius: 3px; max-width: 100%; background: #fff; color: var(--ink); }
input[aria-invalid="true"], textarea[aria-invalid="true"] { border-color: var(--danger); }
button { font: inherit; font-weight: 600; padding: .5rem 1.1rem; border-radius: 3px; border: 2px solid var(--brand);
         background: var(--brand); color: #fff; cursor: pointer; }
button.danger { background: var(--danger); border-color: var(--danger); }
.button-link { display: inline-block; font-weight: 600; padding: .45rem 1.1rem; border: 2px solid var(--brand);
               border-radius: 3px; text-decoration: none; }
.actions { display: flex; flex-wrap: wrap; gap: .75rem; }
.actions form { margin: 0; }
details { margin: .75rem 0; }
details > summary { cursor: pointer; font-weight: 600; color: var(--brand); }
details.danger > summary { color: var(--danger); }
.filters { display: flex; flex-wrap: wrap; gap: 1rem; align-items: end; margin: 1rem 0; }
.qa li { margin-bottom: 1rem; }
.question { font-weight: 600; margin: 0; }
.answer { margin: .25rem 0; }
figure { margin: 1rem 0; }
figcaption { font-weight: 600; margin-bottom: .25rem; }
/* The tender's charts are drawn 480 wide with 17 px text: shrunk to a 390 px phone, the text is
   still 12 px or more. The portfolio's wide charts keep their drawn width and scroll instead. */
svg.chart { width: 100%; max-width: 30rem; height: auto; font-size: 17px; }
svg.chart.wide { min-width: 45rem; max-width: 46rem; font-size: 13px; }
.table-scroll { overflow-x: auto; max-width: 100%; }
td.num { text-align: right; white-space: nowrap; }
td.code { white-space: nowrap; }
th .detail { display: block; font-weight: normal; }
tr.total th, tr.total td { font-weight: 600; border-top: 2px solid var(--line); }
.chart-pair { display: flex; flex-wrap: wrap; gap: 1rem; }
.chart-pair > .scroll { flex: 1 1 20rem; max-width: 30rem; }
/* The printed decision document uses the protocol's stylesheet, whose cells break anywhere;
   its figures and headings break between words only. */
.decision-document th, .decision-document td { overflow-wrap: normal; }
.decision-document td.num { white-space: nowrap; }
.inline-form { display: flex; flex-wrap: wrap; gap: .5rem; align-items: end; margin: .5rem 0; }
.unit { font-weight: normal; font-size: .85rem; white-space: nowrap; }
.verdict { background: #eef4f8; border-left: 4px solid #1f5f8b; padding: .75rem 1rem; margin: 1rem 0; }
.verdict h4 { margin-top: 0; }
.abnormally-low { background: #fff4e5; border-left: 4px solid var(--warn); padding: .75rem 1rem; margin: 1rem 0; }
.abnormally-low h3 { margin-top: 0; }
svg.chart .label, svg.chart .value, svg.chart .legend { fill: var(--ink); }
.meter { display: inline-block; width: 8rem; height: .8rem; background: #d9dee3; vertical-align: middle; }
.meter .fill { display: block; height: 100%; background: var(--ok); }
.meter .w0 { width: 0%; }
.meter .w5 { width: 5%; }
.meter .w10 { width: 10%; }
.meter .w15 { width: 15%; }
.meter .w20 { width: 20%; }
.meter .w25 { width: 25%; }
.meter .w30 { width: 30%; }
.meter .w35 { width: 35%; }
.meter .w40 { width: 40%; }
.meter .w45 { width: 45%; }
.meter .w50 { width: 50%; }
.meter .w55 { width: 55%; }
.meter .w60 { width: 60%; }
.meter .w65 { width: 65%; }
.meter .w70 { width: 70%; }
.meter .w75 { width: 75%; }
.meter .w80 { width: 80%; }
.meter .w85 { width: 85%; }
.meter .w90 { width: 90%; }
.meter .w95 { width: 95%; }
.meter .w100 { width: 100%; }
/* Printed pages (the protocol, a tender, a report) are the content alone: no site header, menu
   or skip link, and no forms to press. */
@media print {
  .site-header, .skip-link, form { display: none; }
  body { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  .scroll { overflow: visible; }
  svg.chart.wide { min-width: 0; }
  a { color: inherit; text-decoration: none; }
}
)css";
  return kCss;
}

}  // namespace samspill::web
