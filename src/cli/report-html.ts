/**
 * `report` (CLI.md): one self-contained HTML file for the steering group, the secretariat or an
 * operations centre. No scripts, no external references: CSS and pictures (inline SVG) are in the
 * file, and every text from a workbook is escaped and isolated (`<bdi>`), so markup stays text and
 * right-to-left text does not reorder the line around it. Print CSS for A4 portrait.
 */
import { formatDay, fromSerial, toSerial, type Day } from "../playbook/dates";
import type { Finding } from "../playbook/findings";
import { compareSeverity, SEVERITY_LABEL } from "../playbook/i18n";
import { render } from "../playbook/render";
import type { HistoryRow } from "../playbook/history";
import {
  LIGHT_COLOUR,
  LIGHT_LABEL,
  STATUS_TEXT as S,
  isOpen,
  type ChapterStatus,
  type Light,
  type StatusModel,
} from "../playbook/status";
import { chartGeometry, SEGMENT_COLOURS, type ChartGeometry, type ContractBar, type Timeline } from "../playbook/timeline";
import type { Lang, Text } from "../playbook/vocabulary";

export type ReportEntry =
  | { file: string; ok: true; status: StatusModel; findings: ReadonlyArray<Finding>; timeline: Timeline }
  | { file: string; ok: false; reason: string };

const t = (da: string, en: string): Text => ({ da, en });

const R = {
  documentTitle: t("FBS-status", "FBS status"),
  overview: t("Oversigt", "Overview"),
  file: t("Fil", "File"),
  nearest: t("Nærmeste frist", "Nearest deadline"),
  none: t("ingen", "none"),
  unreadable: t("kunne ikke læses", "could not be read"),
  unreadableHeading: t("Filer der ikke kunne læses", "Files that could not be read"),
  timeline: t("Tidslinje: kontrakter og ibrugtagning", "Timeline: contracts and go-live"),
  noChart: t(
    "Ingen tidslinje: ingen kontrakt har en udløbsdato. Skriv Udløber i arket Kontrakter.",
    "No timeline: no contract has an expiry date. Enter Expires in the Contracts sheet.",
  ),
  series: [t("Løbetid før opsigelsesfrist", "Term before notice deadline"), t("Opsigelsesvarsel", "Notice period"), t("Forlængelse", "Extension")],
  goLiveWindow: t("Ibrugtagning + 1 måned", "Go-live + 1 month"),
  today: t("I dag", "Today"),
  goLive: t("Ibrugtagning", "Go-live"),
  findings: t("Fund", "Findings"),
  openFindings: t("Åbne fund", "Open findings"),
  acceptedFindings: t("Accepterede fund", "Accepted findings"),
  noFindings: t("Ingen fund: planen følger drejebogen på alle kontrollerede punkter.", "No findings: the plan follows the playbook on every point checked."),
  noOpen: t("Ingen åbne fund.", "No open findings."),
  rule: t("Regel", "Rule"),
  severity: t("Alvor", "Severity"),
  place: t("Sted", "Where"),
  message: t("Fund og forslag", "Finding and suggestion"),
  reason: t("Begrundelse", "Reason"),
  by: t("af", "by"),
  workbook: t("Projektmappen", "Workbook"),
  row: t("række", "row"),
  made: t("Lavet af fbs-playbook", "Made by fbs-playbook"),
  errors: t("fejl", "errors"),
  warnings: t("advarsler", "warnings"),
  unnamed: t("(kommune ikke angivet)", "(municipality not given)"),
};

/** Escape text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string);
}

/** The most characters of one workbook text the report shows; the rest is cut with "…" (a cell holds 32,767). */
const TEXT_MAX = 1000;

/** At most `max` characters, for labels and titles (the full text stays in the workbook). */
function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join("")}…` : text;
}

/** Text from a workbook: cut at TEXT_MAX characters, escaped, and isolated from the text around it. */
const w = (text: string | null | undefined): string => `<bdi>${escapeHtml(clip(text ?? "", TEXT_MAX))}</bdi>`;

/**
 * A generous estimate of how wide a text is drawn, in px at font size `size`: the report names
 * Segoe UI, Calibri and Arial, and falls back on DejaVu Sans, the widest of them (digits 0.64 em,
 * capitals about 0.75 em). Pictures place their labels with it, so that none overlaps another or
 * leaves the picture; emoji and East Asian characters count double.
 */
export function textWidth(text: string, size: number, bold = false): number {
  let em = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    if ((cp >= 0x300 && cp <= 0x36f) || cp === 0x200d || (cp >= 0xfe00 && cp <= 0xfe0f)) continue;
    if (cp >= 0x1100 && (cp <= 0x115f || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xff00 && cp <= 0xff60) || cp >= 0x1f000 || (cp >= 0x2600 && cp <= 0x27bf))) em += 1.2;
    else if (/[MWmw@%]/.test(ch)) em += 1;
    else if (/[A-ZÆØÅÄÖÜ]/.test(ch)) em += 0.78;
    else if (/[ il.,:;'!|ijtf()[\]]/.test(ch)) em += 0.4;
    else em += 0.64;
  }
  return em * size * (bold ? 1.1 : 1);
}

/** The longest start of `text` that fits in `max` px (with "…" when cut). */
function fit(text: string, max: number, size: number): string {
  if (textWidth(text, size) <= max) return text;
  const chars = [...text];
  let n = Math.min(chars.length, Math.floor(max / (size * 0.4)));
  while (n > 0 && textWidth(`${chars.slice(0, n).join("")}…`, size) > max) n--;
  return `${chars.slice(0, n).join("")}…`;
}

const CSS = `
:root{color-scheme:light}
*{box-sizing:border-box}
body{font-family:"Segoe UI",Calibri,Arial,sans-serif;font-size:11pt;line-height:1.35;color:#1b1b1b;margin:0 auto;padding:16px;max-width:1000px}
h1{font-size:18pt;margin:0 0 6px}
h2{font-size:15pt;margin:18px 0 6px;border-bottom:2px solid #4472C4;padding-bottom:2px}
h3{font-size:12pt;margin:14px 0 4px}
h1,h2,h3{break-after:avoid;page-break-after:avoid;overflow-wrap:anywhere}
p{margin:4px 0}
figure{margin:0 0 6px}
.meta{margin:0 0 8px;padding:0;list-style:none}
.meta li{display:inline-block;margin-right:18px;max-width:100%}
.scroll{overflow-x:auto;max-width:100%}
table{border-collapse:collapse;width:100%;margin:4px 0 8px}
table.fixed{table-layout:fixed}
th,td{border:1px solid #c8c8c8;padding:3px 6px;text-align:left;vertical-align:top;overflow-wrap:break-word}
th{background:#eef2fa}
bdi{overflow-wrap:anywhere}
td.n,th.n{text-align:right;white-space:nowrap}
td.d{white-space:nowrap}
.sec{display:block}
.light{display:inline-block;min-width:4.6em;padding:1px 6px;border:1px solid #777;border-radius:3px;font-weight:600;text-align:center;color:#000;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.light-red{background:${LIGHT_COLOUR.red}}
.light-amber{background:${LIGHT_COLOUR.amber}}
.light-green{background:${LIGHT_COLOUR.green}}
.overview table{font-size:9pt;min-width:600px}
.overview th,.overview td{padding:2px 3px}
.overview .light{min-width:0;width:100%;padding:1px 2px}
.overview th.v{vertical-align:bottom;text-align:left}
.overview th.v span{display:inline-block;writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap;line-height:1.15}
.note{color:#444;font-size:9.5pt}
.hint{color:#333;font-size:10pt}
.chart svg{display:block;width:100%;height:auto;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.narrow{display:none}
.file{page-break-before:always;break-before:page}
.file:first-of-type.first{page-break-before:auto;break-before:auto}
.keep{break-inside:avoid;page-break-inside:avoid}
tr{break-inside:avoid;page-break-inside:avoid}
footer{margin-top:16px;color:#555;font-size:9pt}
@page{size:A4 portrait;margin:12mm}
@media print{body{padding:0;max-width:none;font-size:10pt}h2{margin-top:0}.scroll{overflow:visible}}
@media screen and (max-width:600px){
body{padding:8px;font-size:10.5pt}
.meta li{display:block}
.wide{display:none}.narrow{display:block}
table.cards,table.cards tbody,table.cards td{display:block;width:auto;border:0}
table.cards thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
table.cards tr{display:flex;flex-wrap:wrap;column-gap:12px;border:1px solid #c8c8c8;margin:0 0 6px;padding:4px 6px}
table.cards td{flex:1 1 100%;padding:1px 0;text-align:left;white-space:normal}
table.cards td.i{flex:none;order:-1}
table.cards td.h{order:-2;font-weight:600}
table.cards td.b{font-weight:600}
table.cards td.h .note{font-weight:400}
.overview table.cards{min-width:0;font-size:10pt}
.overview table.cards .light{width:auto;min-width:3.6em}
table.cards .sec{display:inline}
table.cards td[data-label]::before{content:attr(data-label) ": ";font-weight:600}
}
`;

function lightBadge(light: Light, lang: Lang): string {
  return `<span class="light light-${light}">${LIGHT_LABEL[light][lang]}</span>`;
}

function dateCell(d: Day | null, lang: Lang, attrs = ""): string {
  return `<td class="d${attrs ? " i" : ""}"${attrs}>${escapeHtml(formatDay(d, lang))}</td>`;
}

/** A cell that shows as `label: value` on a narrow screen, where the table becomes a card per row. */
const labelled = (label: string) => ` data-label="${escapeHtml(label)}"`;

function municipalityName(status: StatusModel, lang: Lang): string {
  return status.municipality?.trim() ? w(status.municipality) : escapeHtml(R.unnamed[lang]);
}

/** A column heading written upwards, name above section («Kontrakter» / «§4.1–4.2»), for narrow columns. */
function upright(label: string): string {
  const lines = escapeHtml(label).split(/ (?=§)/);
  return `<th class="v"><span>${lines.join("<br>")}</span></th>`;
}

function overview(entries: ReadonlyArray<ReportEntry>, lang: Lang): string {
  const ok = entries.filter((e): e is Extract<ReportEntry, { ok: true }> => e.ok);
  const chapters = ok[0]?.status.chapters ?? [];
  const cols =
    `<colgroup><col style="width:21%">${chapters.map(() => `<col style="width:4.4em">`).join("")}` +
    `<col style="width:2.8em"><col style="width:2.8em"><col style="width:2.8em"><col></colgroup>`;
  const head = [
    `<th>${S.municipality[lang]}</th>`,
    ...chapters.map((c) => upright(c.chapter.label[lang])),
    upright(S.errors[lang]),
    upright(S.warnings[lang]),
    upright(S.accepted[lang]),
    `<th>${R.nearest[lang]}</th>`,
  ].join("");
  const rows = entries.map((e) => {
    if (!e.ok) {
      return `<tr><td class="h">${w(e.file)}</td><td colspan="${chapters.length + 4}">${R.unreadable[lang]}: ${w(e.reason)}</td></tr>`;
    }
    const s = e.status;
    const nearest = s.nearest ? `${escapeHtml(formatDay(s.nearest.date, lang))}: ${w(s.nearest.summary[lang])}` : R.none[lang];
    return (
      `<tr><td class="h">${municipalityName(s, lang)}<br><span class="note">${w(e.file)}</span></td>` +
      s.chapters.map((c) => `<td class="i"${labelled(c.chapter.label[lang])}>${lightBadge(c.light, lang)}</td>`).join("") +
      `<td class="n i"${labelled(S.errors[lang])}>${s.totals.errors}</td><td class="n i"${labelled(S.warnings[lang])}>${s.totals.warnings}</td>` +
      `<td class="n i"${labelled(S.accepted[lang])}>${s.totals.accepted}</td><td${labelled(R.nearest[lang])}>${nearest}</td></tr>`
    );
  });
  return `<section class="overview"><h2>${R.overview[lang]}</h2><div class="scroll"><table class="fixed cards">${cols}<thead><tr>${head}</tr></thead><tbody>${rows.join("")}</tbody></table></div><p class="note">${S.lightsNote[lang]}</p></section>`;
}

function chapterTable(chapters: ReadonlyArray<ChapterStatus>, status: StatusModel, lang: Lang): string {
  const counts = (errors: number, warnings: number, accepted: number) =>
    `<td class="n i"${labelled(S.errors[lang])}>${errors}</td><td class="n i"${labelled(S.warnings[lang])}>${warnings}</td><td class="n i"${labelled(S.accepted[lang])}>${accepted}</td>`;
  const rows = chapters.map((c) => `<tr><td class="h">${escapeHtml(c.chapter.label[lang])}</td><td class="i">${lightBadge(c.light, lang)}</td>${counts(c.errors, c.warnings, c.accepted)}</tr>`);
  const tt = status.totals;
  rows.push(`<tr><td class="h"><b>${S.total[lang]}</b></td><td class="i">${lightBadge(status.light, lang)}</td>${counts(tt.errors, tt.warnings, tt.accepted).replace(/>(\d+)</g, "><b>$1</b><")}</tr>`);
  return (
    `<table class="keep cards"><thead><tr><th>${S.chapter[lang]}</th><th>${S.light[lang]}</th><th class="n">${S.errors[lang]}</th><th class="n">${S.warnings[lang]}</th><th class="n">${S.accepted[lang]}</th></tr></thead>` +
    `<tbody>${rows.join("")}</tbody></table><p class="note">${S.lightsNote[lang]}</p>`
  );
}

function dueTable(status: StatusModel, lang: Lang): string {
  if (status.due.length === 0) return `<p>${S.noneDue[lang]}</p>`;
  const rows = status.due.map(
    (d) =>
      `<tr>${dateCell(d.date, lang, " ")}<td class="n i"${labelled(S.inDays[lang])}>${d.inDays}</td>` +
      `<td class="b">${w(d.summary[lang])}</td><td>${w(d.todo[lang])}</td><td class="i">${d.section ? `§${escapeHtml(d.section)}` : ""}</td></tr>`,
  );
  return (
    `<table class="fixed cards"><colgroup><col style="width:6.9em"><col style="width:4.8em"><col style="width:32%"><col><col style="width:5.6em"></colgroup>` +
    `<thead><tr><th>${S.dueDate[lang]}</th><th class="n">${S.inDays[lang]}</th><th>${S.what[lang]}</th><th>${S.todo[lang]}</th><th>${S.section[lang]}</th></tr></thead><tbody>${rows.join("")}</tbody></table>`
  );
}

/** How a picture is drawn: for print and wide screens, or for a phone (bigger type in fewer units). */
interface ChartStyle {
  /** Which copy this is: `wide` is printed; `narrow` replaces it on a screen up to 600 px wide. */
  kind: "wide" | "narrow";
  width: number;
  pad: number;
  name: number;
  axis: number;
  marker: number;
  legend: number;
  bar: number;
}

/** Printed on A4 (186 mm = 703 px across) the wide picture is scaled by 1.1: 10 units are 8.2 pt. */
const WIDE: ChartStyle = { kind: "wide", width: 640, pad: 4, name: 11, axis: 10, marker: 11, legend: 10, bar: 10 };
/** At 320 px (304 px inside the margins) the narrow one is scaled by 0.95: 11 units are 10.5 px. */
const NARROW: ChartStyle = { kind: "narrow", width: 320, pad: 2, name: 13, axis: 11, marker: 12, legend: 12, bar: 10 };

const FONT = `font-family="Segoe UI, Calibri, Arial, sans-serif"`;

/** Both copies of a picture: the wide one prints, the narrow one shows on a phone. */
function bothWidths(draw: (style: ChartStyle) => string): string {
  return draw(WIDE) + draw(NARROW);
}

/** A legend of coloured swatches, flowing onto further lines when it does not fit. Returns the SVG and its bottom. */
function legendSvg(items: ReadonlyArray<[string, string]>, y: number, style: ChartStyle, line = false): { svg: string; bottom: number } {
  const { width, pad, legend: size } = style;
  const lineH = Math.round(size * 1.5);
  let x = pad;
  let top = y;
  const parts: string[] = [];
  for (const [label, colour] of items) {
    const itemW = 16 + textWidth(label, size);
    if (x > pad && x + itemW > width - pad) {
      x = pad;
      top += lineH;
    }
    const swatch = line
      ? `<line x1="${x}" y1="${top + size * 0.45}" x2="${x + 12}" y2="${top + size * 0.45}" stroke="${colour}" stroke-width="2.5"${colour === "#C00000" ? ` stroke-dasharray="5 3"` : ""}/>`
      : `<rect x="${x}" y="${top}" width="12" height="${size}" fill="${colour}"/>`;
    parts.push(`${swatch}<text x="${x + 16}" y="${(top + size * 0.85).toFixed(1)}" font-size="${size}">${escapeHtml(label)}</text>`);
    x += itemW + 14;
  }
  return { svg: parts.join(""), bottom: top + lineH };
}

/** The trend of open errors and warnings as a small line chart, or a sentence when there is no history. */
export function trendSvg(trend: ReadonlyArray<HistoryRow>, lang: Lang): string {
  if (trend.length === 0) return `<p>${S.noHistory[lang]}</p>`;
  const last = trend[trend.length - 1];
  const desc = `${S.trend[lang]}: ${last.errors + last.warnings} (${last.errors} ${R.errors[lang]}, ${last.warnings} ${R.warnings[lang]}) ${formatDay(last.day, lang)}`;
  const draw = (style: ChartStyle) => {
    const { width: W, axis } = style;
    const maxY = Math.max(1, ...trend.map((r) => r.errors + r.warnings));
    const yLabelW = textWidth(String(maxY), axis);
    const dateW = Math.max(...trend.map((r) => textWidth(formatDay(r.day, lang), axis)));
    const left = Math.max(yLabelW + 8, dateW / 2 + 2);
    const right = dateW / 2 + 2;
    const top = 12;
    const plotH = style.kind === "wide" ? 110 : 120;
    const baseline = top + plotH;
    const x = (i: number) => (trend.length === 1 ? left + (W - left - right) / 2 : left + (i * (W - left - right)) / (trend.length - 1));
    const y = (v: number) => top + plotH * (1 - v / maxY);
    const line = (value: (r: HistoryRow) => number, colour: string, dash = "") =>
      `<polyline fill="none" stroke="${colour}" stroke-width="2.5"${dash ? ` stroke-dasharray="${dash}"` : ""} points="${trend.map((r, i) => `${x(i).toFixed(1)},${y(value(r)).toFixed(1)}`).join(" ")}"/>` +
      trend.map((r, i) => `<circle cx="${x(i).toFixed(1)}" cy="${y(value(r)).toFixed(1)}" r="3" fill="${colour}"/>`).join("");
    // A date under every point that has room for one (the last always).
    const step = trend.length === 1 ? Infinity : (W - left - right) / (trend.length - 1);
    const every = Math.max(1, Math.ceil((dateW + 8) / step));
    const xLabels = trend
      .map((r, i) => {
        const shown = i === trend.length - 1 || (i % every === 0 && trend.length - 1 - i >= every);
        return shown ? `<text x="${x(i).toFixed(1)}" y="${(baseline + axis * 1.4).toFixed(1)}" text-anchor="middle" font-size="${axis}">${escapeHtml(formatDay(r.day, lang))}</text>` : "";
      })
      .join("");
    const yLabels = [0, maxY].map((v) => `<text x="${left - 6}" y="${(y(v) + axis * 0.35).toFixed(1)}" text-anchor="end" font-size="${axis}">${v}</text>`).join("");
    const legend = legendSvg(
      [
        [`${S.errors[lang]} + ${S.warnings[lang]}`, "#1b1b1b"],
        [S.errors[lang], "#C00000"],
      ],
      baseline + axis * 1.4 + 8,
      style,
      true,
    );
    const H = Math.ceil(legend.bottom + 2);
    return (
      `<div class="chart ${style.kind}"><svg viewBox="0 0 ${W} ${H}" role="img" aria-label="${escapeHtml(desc)}" ${FONT}>` +
      `<line x1="${left}" y1="${baseline}" x2="${W - right}" y2="${baseline}" stroke="#888"/>` +
      line((r) => r.errors + r.warnings, "#1b1b1b") +
      line((r) => r.errors, "#C00000", "5 3") +
      xLabels +
      yLabels +
      legend.svg +
      `</svg></div>`
    );
  };
  return `<figure class="keep">${bothWidths(draw)}<p class="note">${escapeHtml(desc)}.</p></figure>`;
}

const dayOf = (serial: number): Day | null => fromSerial(serial);

/** At most this many contracts in one picture: 25 rows and the axis fill most of an A4 page. */
export const BARS_PER_CHART = 25;

/** The name a bar carries: vendor and system, or the row. */
function barName(c: ContractBar["contract"], lang: Lang): string {
  const name = [c.vendor, c.system].filter((s) => !!s && s.trim() !== "").join(" – ");
  return name || `${lang === "da" ? "Kontrakt i række" : "Contract in row"} ${c.row}`;
}

/**
 * The contract timeline as inline SVG, with the Excel chart's geometry (`chartGeometry`): per contract
 * the term before the notice deadline, the notice period and the extension; go-live and today as
 * labelled vertical lines; dates on the axis. More than BARS_PER_CHART contracts are drawn as several
 * pictures on the same axis, each with its own axis and legend and kept on one page; every picture
 * comes twice, wide (printed) and narrow (a phone), and no label overlaps another or leaves its picture.
 */
export function timelineSvg(timeline: Timeline, today: Day, lang: Lang): string {
  const g = chartGeometry(timeline);
  if (!g) return `<p>${R.noChart[lang]}</p>`;
  const groups = Math.ceil(g.bars.length / BARS_PER_CHART);
  const size = Math.ceil(g.bars.length / groups);
  const figures: string[] = [];
  for (let k = 0; k < groups; k++) {
    const bars = g.bars.slice(k * size, (k + 1) * size);
    const caption =
      groups > 1
        ? `<p class="note">${lang === "da" ? "Kontrakter" : "Contracts"} ${k * size + 1}–${k * size + bars.length} ${lang === "da" ? "af" : "of"} ${g.bars.length}</p>`
        : "";
    figures.push(`<figure class="keep">${caption}${bothWidths((style) => timelinePicture(g, bars, today, lang, style))}</figure>`);
  }
  return figures.join("");
}

function timelinePicture(g: ChartGeometry, bars: ReadonlyArray<ContractBar>, today: Day, lang: Lang, style: ChartStyle): string {
  const { width: W, pad, axis } = style;
  const ticks: Array<{ serial: number; label: string }> = [];
  for (let s = g.minimum; s <= g.maximum; s += g.majorUnit) ticks.push({ serial: s, label: formatDay(dayOf(Math.round(s)), lang) });
  const dateW = Math.max(...ticks.map((t) => textWidth(t.label, axis)));
  // The plot leaves half a date label on either side, so the first and last dates are not cut.
  const left = pad + dateW / 2;
  const right = pad + dateW / 2;
  const span = g.maximum - g.minimum;
  const x = (serial: number) => left + ((serial - g.minimum) / span) * (W - left - right);
  const markerH = Math.round(style.marker * 1.35);
  const top = 2 * markerH + 6;
  const labelH = Math.round(style.name * 1.3);
  const rowH = labelH + style.bar + 6;
  const rows = bars.length + (g.goLive ? 1 : 0);
  const axisY = top + rows * rowH + 2;
  const parts: string[] = [];
  // Axis and grid: a line at every major unit, a date at every one there is room for.
  const tickGap = (g.majorUnit / span) * (W - left - right);
  const every = Math.max(1, Math.ceil((dateW + 8) / tickGap));
  ticks.forEach((t, i) => {
    const tx = x(t.serial).toFixed(1);
    parts.push(`<line x1="${tx}" y1="${top - 4}" x2="${tx}" y2="${axisY}" stroke="#e0e0e0"/>`);
    if (i % every === 0) parts.push(`<text x="${tx}" y="${(axisY + axis * 1.3).toFixed(1)}" text-anchor="middle" font-size="${axis}">${escapeHtml(t.label)}</text>`);
  });
  parts.push(`<line x1="${left}" y1="${axisY}" x2="${(W - right).toFixed(1)}" y2="${axisY}" stroke="#888"/>`);
  const nameMax = W - 2 * pad;
  bars.forEach((b, i) => {
    const y = top + i * rowH;
    const name = barName(b.contract, lang);
    parts.push(
      `<text x="${pad}" y="${(y + style.name).toFixed(1)}" font-size="${style.name}"><title>${escapeHtml(clip(name, 500))}</title>${escapeHtml(fit(name, nameMax, style.name))}</text>`,
    );
    const segments: Array<[number, number, string]> = [
      [b.start, b.notice, SEGMENT_COLOURS[0]],
      [b.notice, b.expires, SEGMENT_COLOURS[1]],
      [b.expires, b.end, SEGMENT_COLOURS[2]],
    ];
    for (const [from, to, colour] of segments) {
      if (to <= from) continue;
      parts.push(`<rect x="${x(from).toFixed(1)}" y="${y + labelH}" width="${Math.max(1, x(to) - x(from)).toFixed(1)}" height="${style.bar}" fill="${colour}"/>`);
    }
  });
  if (g.goLive) {
    const y = top + bars.length * rowH;
    parts.push(`<text x="${pad}" y="${(y + style.name).toFixed(1)}" font-size="${style.name}">${escapeHtml(R.goLiveWindow[lang])}</text>`);
    parts.push(`<rect x="${x(g.goLive.from).toFixed(1)}" y="${y + labelH}" width="${Math.max(1, x(g.goLive.to) - x(g.goLive.from)).toFixed(1)}" height="${style.bar}" fill="${SEGMENT_COLOURS[3]}"/>`);
  }
  // Go-live and today as labelled vertical lines (today only when it falls on the axis), each label on its own line.
  const marker = (serial: number, label: string, colour: string, dash: string, line: number) => {
    if (serial < g.minimum || serial > g.maximum) return;
    const mx = x(serial);
    const labelW = textWidth(label, style.marker, true);
    const lx = Math.min(Math.max(mx - labelW / 2, pad), W - pad - labelW);
    parts.push(`<line x1="${mx.toFixed(1)}" y1="${top - 6}" x2="${mx.toFixed(1)}" y2="${axisY}" stroke="${colour}" stroke-width="2" stroke-dasharray="${dash}"/>`);
    parts.push(`<text x="${lx.toFixed(1)}" y="${(line * markerH + style.marker * 0.9).toFixed(1)}" font-size="${style.marker}" font-weight="bold" fill="${colour}">${escapeHtml(label)}</text>`);
  };
  if (g.goLive) marker(g.goLive.from, `${R.goLive[lang]} ${formatDay(dayOf(g.goLive.from), lang)}`, "#2E7D32", "6 3", 0);
  marker(toSerial(today), `${R.today[lang]} ${formatDay(today, lang)}`, "#C00000", "2 2", 1);
  const items: Array<[string, string]> = [...R.series.map((s, i): [string, string] => [s[lang], SEGMENT_COLOURS[i]]), ...(g.goLive ? [[R.goLiveWindow[lang], SEGMENT_COLOURS[3]] as [string, string]] : [])];
  const legend = legendSvg(items, axisY + axis * 1.3 + 8, style);
  parts.push(legend.svg);
  const H = Math.ceil(legend.bottom + 2);
  const aria = `${R.timeline[lang]}: ${bars.length}`;
  return `<div class="chart ${style.kind}"><svg viewBox="0 0 ${W} ${H}" role="img" aria-label="${escapeHtml(aria)}" ${FONT}>${parts.join("")}</svg></div>`;
}

function place(f: Finding, lang: Lang): string {
  const sheet = f.sheet ?? R.workbook[lang];
  const where = f.cell ?? (f.row ? `${R.row[lang]} ${f.row}` : "");
  return `${w(sheet)}${where ? ` ${w(where)}` : ""}`;
}

function findingRow(f: Finding, lang: Lang): string {
  const { message, hint } = render(f, { lang, surface: "cli" });
  const accepted = f.accepted
    ? `<br><span class="hint"><b>${R.reason[lang]}:</b> ${w(f.accepted.reason)}${f.accepted.by ? ` (${R.by[lang]} ${w(f.accepted.by)}${f.accepted.on ? `, ${w(f.accepted.on)}` : ""})` : f.accepted.on ? ` (${w(f.accepted.on)})` : ""}</span>`
    : "";
  return (
    `<tr><td class="d i"><b>${escapeHtml(f.rule)}</b>${f.section ? ` <span class="note sec">§${escapeHtml(f.section)}</span>` : ""}</td>` +
    `<td class="i">${SEVERITY_LABEL[f.severity][lang]}</td><td class="i"${labelled(R.place[lang])}>${place(f, lang)}</td>` +
    `<td>${w(message)}<br><span class="hint">${w(hint)}</span>${accepted}</td></tr>`
  );
}

function findingsSection(findings: ReadonlyArray<Finding>, lang: Lang): string {
  if (findings.length === 0) return `<p>${R.noFindings[lang]}</p>`;
  const open = findings.filter(isOpen).sort((a, b) => compareSeverity(a.severity, b.severity));
  const accepted = findings.filter((f) => !isOpen(f));
  const head = `<thead><tr><th>${R.rule[lang]}</th><th>${R.severity[lang]}</th><th>${R.place[lang]}</th><th>${R.message[lang]}</th></tr></thead>`;
  // Fixed columns: the rule, severity and place keep their width (no word broken in two) and the finding takes the rest.
  const cols = `<colgroup><col style="width:7em"><col style="width:6.4em"><col style="width:9.5em"><col></colgroup>`;
  const table = (list: ReadonlyArray<Finding>) => `<table class="fixed cards">${cols}${head}<tbody>${list.map((f) => findingRow(f, lang)).join("")}</tbody></table>`;
  return (
    `<h3>${R.openFindings[lang]} (${open.length})</h3>${open.length ? table(open) : `<p>${R.noOpen[lang]}</p>`}` +
    (accepted.length ? `<h3>${R.acceptedFindings[lang]} (${accepted.length})</h3>${table(accepted)}` : "")
  );
}

function fileSection(entry: Extract<ReportEntry, { ok: true }>, lang: Lang, first: boolean): string {
  const s = entry.status;
  const days =
    s.daysToGoLive === null ? S.notSet[lang] : s.daysToGoLive < 0 ? `${S.passed[lang]} (${-s.daysToGoLive})` : String(s.daysToGoLive);
  return (
    `<section class="file${first ? " first" : ""}">` +
    `<h2>${escapeHtml(S.title[lang])}: ${municipalityName(s, lang)}</h2>` +
    `<ul class="meta"><li><b>${S.municipality[lang]}:</b> ${municipalityName(s, lang)}</li>` +
    `<li><b>${S.date[lang]}:</b> ${escapeHtml(formatDay(s.today, lang))}</li>` +
    `<li><b>${S.goLive[lang]}:</b> ${s.goLive ? escapeHtml(formatDay(s.goLive, lang)) : S.notSet[lang]}</li>` +
    `<li><b>${S.daysToGoLive[lang]}:</b> ${days}</li>` +
    `<li><b>${R.file[lang]}:</b> ${w(entry.file)}</li></ul>` +
    chapterTable(s.chapters, s, lang) +
    `<h3>${S.due[lang]}</h3>${dueTable(s, lang)}` +
    `<h3>${S.trend[lang]}</h3>${trendSvg(s.trend, lang)}` +
    `<h3>${R.timeline[lang]}</h3>${timelineSvg(entry.timeline, s.today, lang)}` +
    `<h3>${R.findings[lang]}</h3>${findingsSection(entry.findings, lang)}` +
    `</section>`
  );
}

export function renderReport(entries: ReadonlyArray<ReportEntry>, lang: Lang, today: Day): string {
  const ok = entries.filter((e): e is Extract<ReportEntry, { ok: true }> => e.ok);
  const bad = entries.filter((e): e is Extract<ReportEntry, { ok: false }> => !e.ok);
  const several = entries.length > 1;
  const title =
    ok.length === 1 && !several
      ? `${R.documentTitle[lang]}: ${ok[0].status.municipality?.trim() || ok[0].file}`
      : `${R.documentTitle[lang]} ${formatDay(today, lang)}`;
  const body = [
    several ? `<h1>${escapeHtml(title)}</h1>${overview(entries, lang)}` : "",
    // One file that could not be read: the page still has its heading (the report's title and date).
    !several && ok.length === 0 ? `<h1>${escapeHtml(title)}</h1>` : "",
    ...ok.map((e, i) => fileSection(e, lang, !several && i === 0)),
    !several && bad.length
      ? `<section><h2>${R.unreadableHeading[lang]}</h2><ul>${bad.map((b) => `<li>${w(b.file)}: ${w(b.reason)}</li>`).join("")}</ul></section>`
      : "",
  ].join("\n");
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(clip(title, 200))}</title>
<style>${CSS}</style>
</head>
<body>
${body}
<footer>${R.made[lang]} · ${escapeHtml(formatDay(today, lang))}</footer>
</body>
</html>
`;
}
