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
import { chartGeometry, SEGMENT_COLOURS, type Timeline } from "../playbook/timeline";
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

/** Text from a workbook: escaped and isolated from the text around it. */
const w = (text: string | null | undefined): string => `<bdi>${escapeHtml(text ?? "")}</bdi>`;

/** At most `max` characters, for labels inside a picture (the full text is in its tooltip and tables). */
function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join("")}…` : text;
}

const CSS = `
:root{color-scheme:light}
*{box-sizing:border-box}
body{font-family:"Segoe UI",Calibri,Arial,sans-serif;font-size:11pt;line-height:1.35;color:#1b1b1b;margin:0 auto;padding:16px;max-width:1000px}
h1{font-size:18pt;margin:0 0 6px}
h2{font-size:15pt;margin:18px 0 6px;border-bottom:2px solid #4472C4;padding-bottom:2px}
h3{font-size:12pt;margin:14px 0 4px}
p{margin:4px 0}
.meta{margin:0 0 8px;padding:0;list-style:none}
.meta li{display:inline-block;margin-right:18px}
.scroll{overflow-x:auto;max-width:100%}
table{border-collapse:collapse;width:100%;margin:4px 0 8px}
th,td{border:1px solid #c8c8c8;padding:3px 6px;text-align:left;vertical-align:top;overflow-wrap:anywhere;word-break:break-word}
th{background:#eef2fa}
td.n{text-align:right;white-space:nowrap}
td.d{white-space:nowrap}
.light{display:inline-block;min-width:4.6em;padding:1px 6px;border:1px solid #777;border-radius:3px;font-weight:600;text-align:center;color:#000;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.light-red{background:${LIGHT_COLOUR.red}}
.light-amber{background:${LIGHT_COLOUR.amber}}
.light-green{background:${LIGHT_COLOUR.green}}
.note{color:#444;font-size:9.5pt}
.hint{color:#333;font-size:10pt}
.chart svg{display:block;width:100%;min-width:480px;height:auto;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.file{page-break-before:always;break-before:page}
.file:first-of-type.first{page-break-before:auto;break-before:auto}
.keep{break-inside:avoid;page-break-inside:avoid}
tr{break-inside:avoid;page-break-inside:avoid}
footer{margin-top:16px;color:#555;font-size:9pt}
@page{size:A4 portrait;margin:12mm}
@media print{body{padding:0;max-width:none;font-size:10pt}h2{margin-top:0}.scroll{overflow:visible}.chart svg{min-width:0}}
@media (max-width:480px){body{padding:8px;font-size:10.5pt}th,td{padding:2px 4px}.meta li{display:block}}
`;

function lightBadge(light: Light, lang: Lang): string {
  return `<span class="light light-${light}">${LIGHT_LABEL[light][lang]}</span>`;
}

function dateCell(d: Day | null, lang: Lang): string {
  return `<td class="d">${escapeHtml(formatDay(d, lang))}</td>`;
}

function municipalityName(status: StatusModel, lang: Lang): string {
  return status.municipality?.trim() ? w(status.municipality) : escapeHtml(R.unnamed[lang]);
}

function overview(entries: ReadonlyArray<ReportEntry>, lang: Lang): string {
  const ok = entries.filter((e): e is Extract<ReportEntry, { ok: true }> => e.ok);
  const chapters = ok[0]?.status.chapters ?? [];
  const head = [
    `<th>${S.municipality[lang]}</th>`,
    ...chapters.map((c) => `<th>${escapeHtml(c.chapter.label[lang])}</th>`),
    `<th>${S.errors[lang]}</th><th>${S.warnings[lang]}</th><th>${S.accepted[lang]}</th><th>${R.nearest[lang]}</th>`,
  ].join("");
  const rows = entries.map((e) => {
    if (!e.ok) {
      return `<tr><td>${w(e.file)}</td><td colspan="${chapters.length + 4}">${R.unreadable[lang]}: ${w(e.reason)}</td></tr>`;
    }
    const s = e.status;
    const nearest = s.nearest ? `${escapeHtml(formatDay(s.nearest.date, lang))}: ${w(s.nearest.summary[lang])}` : R.none[lang];
    return (
      `<tr><td>${municipalityName(s, lang)}<br><span class="note">${w(e.file)}</span></td>` +
      s.chapters.map((c) => `<td>${lightBadge(c.light, lang)}</td>`).join("") +
      `<td class="n">${s.totals.errors}</td><td class="n">${s.totals.warnings}</td><td class="n">${s.totals.accepted}</td><td>${nearest}</td></tr>`
    );
  });
  return `<section class="overview"><h2>${R.overview[lang]}</h2><div class="scroll"><table><thead><tr>${head}</tr></thead><tbody>${rows.join("")}</tbody></table></div><p class="note">${S.lightsNote[lang]}</p></section>`;
}

function chapterTable(chapters: ReadonlyArray<ChapterStatus>, status: StatusModel, lang: Lang): string {
  const rows = chapters.map(
    (c) =>
      `<tr><td>${escapeHtml(c.chapter.label[lang])}</td><td>${lightBadge(c.light, lang)}</td><td class="n">${c.errors}</td><td class="n">${c.warnings}</td><td class="n">${c.accepted}</td></tr>`,
  );
  const tt = status.totals;
  rows.push(
    `<tr><th>${S.total[lang]}</th><th>${lightBadge(status.light, lang)}</th><th class="n">${tt.errors}</th><th class="n">${tt.warnings}</th><th class="n">${tt.accepted}</th></tr>`,
  );
  return `<table class="keep"><thead><tr><th>${S.chapter[lang]}</th><th>${S.light[lang]}</th><th>${S.errors[lang]}</th><th>${S.warnings[lang]}</th><th>${S.accepted[lang]}</th></tr></thead><tbody>${rows.join("")}</tbody></table><p class="note">${S.lightsNote[lang]}</p>`;
}

function dueTable(status: StatusModel, lang: Lang): string {
  if (status.due.length === 0) return `<p>${S.noneDue[lang]}</p>`;
  const rows = status.due.map(
    (d) =>
      `<tr>${dateCell(d.date, lang)}<td class="n">${d.inDays}</td><td>${w(d.summary[lang])}</td><td>${w(d.todo[lang])}</td><td class="d">${d.section ? `§${escapeHtml(d.section)}` : ""}</td></tr>`,
  );
  return `<table><thead><tr><th>${S.dueDate[lang]}</th><th>${S.inDays[lang]}</th><th>${S.what[lang]}</th><th>${S.todo[lang]}</th><th>${S.section[lang]}</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

/** The trend of open errors and warnings as a small line chart, or a sentence when there is no history. */
export function trendSvg(trend: ReadonlyArray<HistoryRow>, lang: Lang): string {
  if (trend.length === 0) return `<p>${S.noHistory[lang]}</p>`;
  const W = 640;
  const H = 150;
  const left = 36;
  const right = 12;
  const top = 12;
  const bottom = 28;
  const maxY = Math.max(1, ...trend.map((r) => r.errors + r.warnings));
  const x = (i: number) => (trend.length === 1 ? left + (W - left - right) / 2 : left + (i * (W - left - right)) / (trend.length - 1));
  const y = (v: number) => top + (H - top - bottom) * (1 - v / maxY);
  const line = (value: (r: HistoryRow) => number, colour: string, dash = "") =>
    `<polyline fill="none" stroke="${colour}" stroke-width="2.5"${dash ? ` stroke-dasharray="${dash}"` : ""} points="${trend.map((r, i) => `${x(i).toFixed(1)},${y(value(r)).toFixed(1)}`).join(" ")}"/>` +
    trend.map((r, i) => `<circle cx="${x(i).toFixed(1)}" cy="${y(value(r)).toFixed(1)}" r="3" fill="${colour}"/>`).join("");
  const labelEvery = Math.max(1, Math.ceil(trend.length / 6));
  const xLabels = trend
    .map((r, i) => (i % labelEvery === 0 || i === trend.length - 1 ? `<text x="${x(i).toFixed(1)}" y="${H - 8}" text-anchor="middle">${escapeHtml(formatDay(r.day, lang))}</text>` : ""))
    .join("");
  const yLabels = [0, maxY].map((v) => `<text x="${left - 6}" y="${y(v) + 4}" text-anchor="end">${v}</text>`).join("");
  const last = trend[trend.length - 1];
  const desc = `${S.trend[lang]}: ${last.errors + last.warnings} (${last.errors} ${R.errors[lang]}, ${last.warnings} ${R.warnings[lang]}) ${formatDay(last.day, lang)}`;
  return (
    `<div class="chart"><svg viewBox="0 0 ${W} ${H}" role="img" aria-label="${escapeHtml(desc)}" font-family="Segoe UI, Calibri, Arial, sans-serif" font-size="11">` +
    `<line x1="${left}" y1="${H - bottom}" x2="${W - right}" y2="${H - bottom}" stroke="#888"/>` +
    line((r) => r.errors + r.warnings, "#1b1b1b") +
    line((r) => r.errors, "#C00000", "5 3") +
    xLabels +
    yLabels +
    `</svg></div><p class="note">— ${S.errors[lang]} + ${S.warnings[lang]} &nbsp; - - ${S.errors[lang]}. ${escapeHtml(desc)}.</p>`
  );
}

const dayOf = (serial: number): Day | null => fromSerial(serial);

/** The contract timeline as inline SVG, with the Excel chart's geometry (`chartGeometry`). */
export function timelineSvg(timeline: Timeline, today: Day, lang: Lang): string {
  const g = chartGeometry(timeline);
  if (!g) return `<p>${R.noChart[lang]}</p>`;
  const W = 640;
  const labelH = 14;
  const barH = 12;
  const rowH = labelH + barH + 8;
  const top = 34;
  const left = 8;
  const right = 8;
  const rows = g.bars.length + (g.goLive ? 1 : 0);
  const axisY = top + rows * rowH + 4;
  const H = axisY + 44;
  const span = g.maximum - g.minimum;
  const x = (serial: number) => left + ((serial - g.minimum) / span) * (W - left - right);
  const parts: string[] = [];
  // Axis and grid: a date at every major unit.
  for (let s = g.minimum; s <= g.maximum; s += g.majorUnit) {
    const d = dayOf(Math.round(s));
    parts.push(`<line x1="${x(s).toFixed(1)}" y1="${top - 4}" x2="${x(s).toFixed(1)}" y2="${axisY}" stroke="#e0e0e0"/>`);
    parts.push(`<text x="${x(s).toFixed(1)}" y="${axisY + 14}" text-anchor="middle" font-size="10">${escapeHtml(formatDay(d, lang))}</text>`);
  }
  parts.push(`<line x1="${left}" y1="${axisY}" x2="${W - right}" y2="${axisY}" stroke="#888"/>`);
  g.bars.forEach((b, i) => {
    const y = top + i * rowH;
    const c = b.contract;
    const name = [c.vendor, c.system].filter((s) => !!s && s.trim() !== "").join(" – ") || `${lang === "da" ? "Kontrakt i række" : "Contract in row"} ${c.row}`;
    parts.push(`<text x="${left}" y="${y + labelH - 3}" font-size="11"><title>${escapeHtml(name)}</title>${escapeHtml(clip(name, 90))}</text>`);
    const segments: Array<[number, number, string]> = [
      [b.start, b.notice, SEGMENT_COLOURS[0]],
      [b.notice, b.expires, SEGMENT_COLOURS[1]],
      [b.expires, b.end, SEGMENT_COLOURS[2]],
    ];
    for (const [from, to, colour] of segments) {
      if (to <= from) continue;
      parts.push(`<rect x="${x(from).toFixed(1)}" y="${y + labelH}" width="${Math.max(1, x(to) - x(from)).toFixed(1)}" height="${barH}" fill="${colour}"/>`);
    }
  });
  if (g.goLive) {
    const y = top + g.bars.length * rowH;
    parts.push(`<text x="${left}" y="${y + labelH - 3}" font-size="11">${escapeHtml(R.goLiveWindow[lang])}</text>`);
    parts.push(`<rect x="${x(g.goLive.from).toFixed(1)}" y="${y + labelH}" width="${Math.max(1, x(g.goLive.to) - x(g.goLive.from)).toFixed(1)}" height="${barH}" fill="${SEGMENT_COLOURS[3]}"/>`);
  }
  // Go-live and today as labelled vertical lines (today only when it falls on the axis).
  const marker = (serial: number, label: string, colour: string, dash: string, anchorY: number) => {
    if (serial < g.minimum || serial > g.maximum) return;
    const mx = x(serial);
    const anchor = mx > W - 90 ? "end" : mx < 90 ? "start" : "middle";
    parts.push(`<line x1="${mx.toFixed(1)}" y1="${top - 6}" x2="${mx.toFixed(1)}" y2="${axisY}" stroke="${colour}" stroke-width="2" stroke-dasharray="${dash}"/>`);
    parts.push(`<text x="${mx.toFixed(1)}" y="${anchorY}" text-anchor="${anchor}" font-size="11" font-weight="bold" fill="${colour}">${escapeHtml(label)}</text>`);
  };
  if (g.goLive) marker(g.goLive.from, `${R.goLive[lang]} ${formatDay(dayOf(g.goLive.from), lang)}`, "#2E7D32", "6 3", 12);
  marker(toSerial(today), `${R.today[lang]} ${formatDay(today, lang)}`, "#C00000", "2 2", 26);
  // Legend.
  const legend = [...R.series.map((s, i) => [s[lang], SEGMENT_COLOURS[i]]), ...(g.goLive ? [[R.goLiveWindow[lang], SEGMENT_COLOURS[3]]] : [])];
  let lx = left;
  for (const [label, colour] of legend) {
    parts.push(`<rect x="${lx}" y="${axisY + 24}" width="12" height="10" fill="${colour}"/><text x="${lx + 16}" y="${axisY + 33}" font-size="10">${escapeHtml(label)}</text>`);
    lx += 24 + label.length * 5.6;
  }
  const aria = `${R.timeline[lang]}: ${g.bars.length}`;
  return `<div class="chart"><svg viewBox="0 0 ${W} ${H}" role="img" aria-label="${escapeHtml(aria)}" font-family="Segoe UI, Calibri, Arial, sans-serif">${parts.join("")}</svg></div>`;
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
    `<tr><td class="d">${escapeHtml(f.rule)}${f.section ? `<br><span class="note">§${escapeHtml(f.section)}</span>` : ""}</td>` +
    `<td>${SEVERITY_LABEL[f.severity][lang]}</td><td>${place(f, lang)}</td>` +
    `<td>${w(message)}<br><span class="hint">${w(hint)}</span>${accepted}</td></tr>`
  );
}

function findingsSection(findings: ReadonlyArray<Finding>, lang: Lang): string {
  if (findings.length === 0) return `<p>${R.noFindings[lang]}</p>`;
  const open = findings.filter(isOpen).sort((a, b) => compareSeverity(a.severity, b.severity));
  const accepted = findings.filter((f) => !isOpen(f));
  const head = `<thead><tr><th>${R.rule[lang]}</th><th>${R.severity[lang]}</th><th>${R.place[lang]}</th><th>${R.message[lang]}</th></tr></thead>`;
  const table = (list: ReadonlyArray<Finding>) => `<table>${head}<tbody>${list.map((f) => findingRow(f, lang)).join("")}</tbody></table>`;
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
<title>${escapeHtml(title)}</title>
<style>${CSS}</style>
</head>
<body>
${body}
<footer>${R.made[lang]} · ${escapeHtml(formatDay(today, lang))}</footer>
</body>
</html>
`;
}
