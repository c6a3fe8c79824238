"""The report's stylesheet, inlined into the HTML: system fonts only, light, print-friendly."""

from __future__ import annotations

REPORT_CSS = """
:root {
  --ink: #1f2328; --muted: #5b6470; --line: #e3e6ea; --paper: #ffffff; --soft: #f6f8fa;
  --accent: #2563eb; --good: #15803d; --warn: #b45309; --bad: #b91c1c;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; background: var(--paper); color: var(--ink);
  font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
    "Noto Sans", "Liberation Sans", sans-serif;
}
main { max-width: 860px; margin: 0 auto; padding: 40px 28px 64px; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 .25rem; letter-spacing: -0.01em; }
h2 { font-size: 1.35rem; margin: 2.6rem 0 .8rem; padding-bottom: .3rem;
     border-bottom: 2px solid var(--line); }
h3 { font-size: 1.15rem; margin: 2rem 0 .3rem; }
h4 { font-size: 1rem; margin: 0; }
p { margin: .4rem 0; }
.meta, .muted { color: var(--muted); font-size: .9rem; }
.summary { display: flex; flex-wrap: wrap; gap: 12px; margin: 1.2rem 0; padding: 0;
           list-style: none; }
.summary li { background: var(--soft); border: 1px solid var(--line); border-radius: 8px;
              padding: 8px 14px; }
.summary b { display: block; font-size: 1.3rem; }
.note { border-left: 3px solid var(--warn); padding: 4px 12px; background: #fffbeb; }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(380px, 1fr));
          gap: 14px; margin: .8rem 0 1.2rem; }
figure { margin: 0; border: 1px solid var(--line); border-radius: 8px; padding: 8px 10px;
         background: var(--paper); }
figcaption { font-size: .82rem; color: var(--muted); }
svg.chart { width: 100%; height: auto; display: block; }
svg.chart text { font: 11px system-ui, sans-serif; fill: var(--muted); }
svg.chart .chart-title { font-size: 13px; font-weight: 600; fill: var(--ink); }
svg.chart .band-label { fill: var(--good); paint-order: stroke; stroke: #ffffff;
                        stroke-width: 3px; stroke-linejoin: round; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; margin: .6rem 0; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line);
         vertical-align: top; }
th { color: var(--muted); font-weight: 600; font-size: .82rem; text-transform: uppercase;
     letter-spacing: .03em; }
td.nowrap { white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.take { border: 1px solid var(--line); border-radius: 10px; padding: 14px 18px;
        margin: 14px 0; break-inside: avoid-page; }
.take header { display: flex; flex-wrap: wrap; gap: 6px 14px; align-items: baseline; }
.verdict { display: inline-block; border-radius: 999px; padding: 1px 10px; font-size: .82rem;
           font-weight: 600; background: var(--soft); border: 1px solid var(--line); }
.verdict.specific { color: var(--good); border-color: #bbf7d0; background: #f0fdf4; }
.verdict.generic { color: var(--bad); border-color: #fecaca; background: #fef2f2; }
.verdict.mixed, .verdict.partly-specific { color: var(--warn); border-color: #fde68a;
                                           background: #fffbeb; }
blockquote.transcript { margin: .7rem 0; padding: 10px 14px; background: var(--soft);
  border-left: 3px solid var(--accent); border-radius: 0 6px 6px 0; font-size: .98rem; }
mark.flag { background: #fde68a; color: inherit; padding: 0 2px; border-radius: 3px; }
mark.flag sup { color: var(--warn); font-weight: 700; margin-left: 1px; }
ol.flags { font-size: .9rem; margin: .3rem 0 .6rem; padding-left: 1.6rem; }
ol.flags .kind { font-weight: 600; color: var(--warn); }
.star { display: flex; gap: 6px; flex-wrap: wrap; margin: .5rem 0; padding: 0;
        list-style: none; font-size: .85rem; }
.star li { border-radius: 6px; padding: 2px 8px; border: 1px solid var(--line); }
.star li.yes { background: #f0fdf4; color: var(--good); border-color: #bbf7d0; }
.star li.no { background: #fef2f2; color: var(--bad); border-color: #fecaca; }
ul.suggestions { margin: .3rem 0; padding-left: 1.3rem; font-size: .93rem; }
.specifics { font-size: .9rem; }
a { color: var(--accent); }
audio { height: 32px; vertical-align: middle; max-width: 100%; }
footer { margin-top: 3rem; color: var(--muted); font-size: .82rem; }
@media print {
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  audio { display: none; }
  a { color: inherit; text-decoration: none; }
  .take, figure { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  .charts { grid-template-columns: 1fr 1fr; }
}
"""
