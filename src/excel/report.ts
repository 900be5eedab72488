/**
 * The validation report sheet (`Validering` / `Validation`): one row per finding, errors first, each
 * with a link to its cell. Written in the same batch as the highlights; the old report is replaced.
 *
 * The links are `Range.hyperlink` document references (ExcelApi 1.7), which work in every Excel; a
 * `=HYPERLINK("#'Ark'!E3", …)` formula does nothing in Excel on the web, where HYPERLINK "is valid
 * for web addresses (URLs) only" (Microsoft Support, HYPERLINK function).
 */
import { formatDay, type Day } from "../playbook/dates";
import type { Finding, Severity, Summary } from "../playbook/findings";
import { SEVERITY_LABEL, compareSeverity, countsLine } from "../playbook/i18n";
import { render } from "../playbook/render";
import { VALIDATION_SHEET, type Lang, type Text } from "../playbook/vocabulary";
import { sheetRef, TEXT_FORMAT, widthInPoints, writeCells } from "./cells";
import { HIGHLIGHT_FILL } from "./highlights";

const COLUMNS: ReadonlyArray<{ header: Text; width: number }> = [
  { header: { da: "Regel", en: "Rule" }, width: 10 },
  { header: { da: "Alvor", en: "Severity" }, width: 10 },
  { header: { da: "Afsnit", en: "Section" }, width: 8 },
  { header: { da: "Ark", en: "Sheet" }, width: 16 },
  { header: { da: "Celle", en: "Cell" }, width: 10 },
  { header: { da: "Besked", en: "Message" }, width: 70 },
  { header: { da: "Sådan retter du", en: "How to fix" }, width: 60 },
];
const LINK_COLUMN = 4;
const FIRST_ROW = 2; // 0-based: title in row 1, header in row 2, findings from row 3
const HEADER_FILL = "#D9D9D9";

/**
 * Excel on the web takes at most 5 MB per request, and the highlights share the request; past this
 * many characters the report lists the first findings and says how many more the pane shows.
 */
export const REPORT_CHARACTER_BUDGET = 2_500_000;

/** A link cell: its text, and where it goes (`'Ark'!E3`), or null when there is nothing to go to. */
export interface ReportLink {
  text: string;
  target: string | null;
}

export interface ReportRow {
  severity: Severity | null;
  /** Rule, severity, section, sheet (written as text). */
  lead: [string, string, string, string];
  link: ReportLink;
  /** Message and hint (written as text). */
  tail: [string, string];
}

/** What one hyperlink adds to the request besides its text (the range and the command). */
const LINK_OVERHEAD = 160;

export interface ReportContent {
  title: string;
  header: string[];
  rows: ReportRow[];
  /** Findings left out to stay under the payload limit. */
  omitted: number;
}

export function summaryLine(summary: Summary, lang: Lang): string {
  return countsLine(summary, lang);
}

/** Where a finding's link goes and what it says; no target when its sheet is not in the workbook. */
function linkOf(finding: Finding, lang: Lang, sheetExists: (name: string) => boolean): ReportLink {
  const label = finding.cell ?? (finding.row !== null ? `${lang === "da" ? "Række" : "Row"} ${finding.row}` : "");
  if (finding.sheet === null || !sheetExists(finding.sheet)) return { text: label, target: null };
  const cell = finding.cell ?? `A${finding.row ?? 1}`;
  return { text: label || (lang === "da" ? "Gå til arket" : "Go to sheet"), target: `${sheetRef(finding.sheet)}!${cell}` };
}

function rowLength(row: ReportRow): number {
  const link = row.link.text.length + (row.link.target ? row.link.target.length + LINK_OVERHEAD : 0);
  return row.lead.join("").length + link + row.tail.join("").length + 40;
}

/** The report's text, errors first (the engine's order kept within a severity). Pure. */
export function reportContent(
  findings: ReadonlyArray<Finding>,
  summary: Summary,
  lang: Lang,
  today: Day,
  sheetExists: (name: string) => boolean,
): ReportContent {
  // `summary` counts open findings; accepted ones are listed last, apart, with their reasons.
  const acceptedCount = findings.filter((f) => f.accepted).length;
  const accepted = acceptedCount === 0 ? "" : lang === "da" ? ` · ${acceptedCount} accepterede` : ` · ${acceptedCount} accepted`;
  const title =
    lang === "da"
      ? `Validering af FBS-planen ${formatDay(today, lang)}: ${summaryLine(summary, lang)}${accepted}`
      : `FBS plan validation ${formatDay(today, lang)}: ${summaryLine(summary, lang)}${accepted}`;
  const sorted = findings
    .map((finding, index) => ({ finding, index }))
    .sort(
      (a, b) =>
        Number(Boolean(a.finding.accepted)) - Number(Boolean(b.finding.accepted)) ||
        compareSeverity(a.finding.severity, b.finding.severity) ||
        a.index - b.index,
    )
    .map((x) => x.finding);
  const rows: ReportRow[] = [];
  let budget = REPORT_CHARACTER_BUDGET;
  for (const f of sorted) {
    const { message, hint } = render(f, { lang, surface: "pane" });
    const acceptedBy = f.accepted ? (lang === "da" ? `Accepteret: ${f.accepted.reason}` : `Accepted: ${f.accepted.reason}`) : null;
    const row: ReportRow = {
      severity: f.accepted ? null : f.severity,
      lead: [f.rule, `${SEVERITY_LABEL[f.severity][lang]}${f.accepted ? (lang === "da" ? " (accepteret)" : " (accepted)") : ""}`, f.section ?? "", f.sheet ?? ""],
      link: linkOf(f, lang, sheetExists),
      tail: [message, acceptedBy ?? hint],
    };
    budget -= rowLength(row);
    if (budget < 0) break;
    rows.push(row);
  }
  const omitted = sorted.length - rows.length;
  if (omitted > 0) {
    const more =
      lang === "da"
        ? `… og ${omitted} fund mere, som opgaveruden viser. Ret de første, og validér igen.`
        : `… and ${omitted} more findings, shown in the task pane. Fix the first ones and validate again.`;
    rows.push({ severity: null, lead: ["", "", "", ""], link: { text: "", target: null }, tail: [more, ""] });
  }
  if (findings.length === 0) {
    const none =
      lang === "da"
        ? "Ingen fund: planen overholder alle de regler, der blev tjekket."
        : "No findings: the plan meets every rule that was checked.";
    rows.push({ severity: null, lead: ["", "", "", ""], link: { text: "", target: null }, tail: [none, ""] });
  }
  return { title, header: COLUMNS.map((c) => c.header[lang]), rows, omitted };
}

export function reportSheetName(lang: Lang): string {
  return VALIDATION_SHEET[lang];
}

/** Queue: write the report onto `sheet` (cleared first when it held an old report). No sync. */
export function queueReport(sheet: Excel.Worksheet, content: ReportContent, clearFirst: boolean): void {
  if (clearFirst) sheet.getRange().clear();
  const width = COLUMNS.length;
  const title = sheet.getRangeByIndexes(0, 0, 1, 1);
  writeCells(title, [[content.title]]);
  title.format.font.bold = true;
  title.format.font.size = 14;
  const header = sheet.getRangeByIndexes(1, 0, 1, width);
  writeCells(header, [content.header]);
  header.format.font.bold = true;
  header.format.fill.color = HEADER_FILL;

  const n = content.rows.length;
  if (n > 0) {
    // Every column is text: "4.10" stays "4.10", a message that starts with "=" is never a formula.
    const text = () => TEXT_FORMAT;
    writeCells(sheet.getRangeByIndexes(FIRST_ROW, 0, n, LINK_COLUMN), content.rows.map((r) => [...r.lead]), text);
    writeCells(sheet.getRangeByIndexes(FIRST_ROW, LINK_COLUMN, n, 1), content.rows.map((r) => [r.link.text]), text);
    content.rows.forEach((r, i) => {
      if (!r.link.target) return;
      sheet.getRangeByIndexes(FIRST_ROW + i, LINK_COLUMN, 1, 1).hyperlink = {
        documentReference: r.link.target,
        textToDisplay: r.link.text,
      };
    });
    const tailRange = sheet.getRangeByIndexes(FIRST_ROW, LINK_COLUMN + 1, n, 2);
    writeCells(tailRange, content.rows.map((r) => [...r.tail]), text);
    tailRange.format.wrapText = true;
    // Rows are sorted by severity, so each severity's colour is one block.
    let start = 0;
    for (let i = 1; i <= n; i++) {
      const severity = content.rows[start].severity;
      if (i < n && content.rows[i].severity === severity) continue;
      if (severity) sheet.getRangeByIndexes(FIRST_ROW + start, 1, i - start, 1).format.fill.color = HIGHLIGHT_FILL[severity];
      start = i;
    }
  }
  COLUMNS.forEach((c, i) => {
    sheet.getRangeByIndexes(0, i, 1, 1).format.columnWidth = widthInPoints(c.width);
  });
  sheet.freezePanes.freezeRows(FIRST_ROW);
}
