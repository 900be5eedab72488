/**
 * The validation report sheet (`Validering` / `Validation`): one row per finding, errors first, each
 * with a link to its cell. Written in the same batch as the highlights; the old report is replaced.
 */
import { formatDay, type Day } from "../playbook/dates";
import { SEVERITY_LABEL, type Finding, type Severity, type Summary } from "../playbook/findings";
import { VALIDATION_SHEET, type Lang, type Text } from "../playbook/vocabulary";
import { formulaString, sheetRef, TEXT_FORMAT, widthInPoints } from "./cells";
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

export interface ReportRow {
  severity: Severity | null;
  /** Rule, severity, section, sheet (written as text). */
  lead: [string, string, string, string];
  /** A HYPERLINK formula, or plain text when there is nothing to link to. */
  link: string;
  /** Message and hint (written as text). */
  tail: [string, string];
}

export interface ReportContent {
  title: string;
  header: string[];
  rows: ReportRow[];
  /** Findings left out to stay under the payload limit. */
  omitted: number;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

const COUNT_WORDS: Record<Severity, { da: [string, string]; en: [string, string] }> = {
  error: { da: ["fejl", "fejl"], en: ["error", "errors"] },
  warning: { da: ["advarsel", "advarsler"], en: ["warning", "warnings"] },
  info: { da: ["info", "info"], en: ["info", "info"] },
};

export function summaryLine(summary: Summary, lang: Lang): string {
  return (Object.keys(COUNT_WORDS) as Severity[])
    .map((s) => `${summary[s]} ${COUNT_WORDS[s][lang][summary[s] === 1 ? 0 : 1]}`)
    .join(" · ");
}

/** Where a finding's link goes and what it says; null when its sheet is not in the workbook. */
function linkOf(finding: Finding, lang: Lang, sheetExists: (name: string) => boolean): string {
  const label = finding.cell ?? (finding.row !== null ? `${lang === "da" ? "Række" : "Row"} ${finding.row}` : "");
  if (finding.sheet === null || !sheetExists(finding.sheet)) return label;
  const target = finding.cell ?? `A${finding.row ?? 1}`;
  const text = label || (lang === "da" ? "Gå til arket" : "Go to sheet");
  return `=HYPERLINK(${formulaString(`#${sheetRef(finding.sheet)}!${target}`)},${formulaString(text)})`;
}

function rowLength(row: ReportRow): number {
  return row.lead.join("").length + row.link.length + row.tail.join("").length + 40;
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
        SEVERITY_ORDER[a.finding.severity] - SEVERITY_ORDER[b.finding.severity] ||
        a.index - b.index,
    )
    .map((x) => x.finding);
  const rows: ReportRow[] = [];
  let budget = REPORT_CHARACTER_BUDGET;
  for (const f of sorted) {
    const acceptedBy = f.accepted ? (lang === "da" ? `Accepteret: ${f.accepted.reason}` : `Accepted: ${f.accepted.reason}`) : null;
    const row: ReportRow = {
      severity: f.accepted ? null : f.severity,
      lead: [f.rule, `${SEVERITY_LABEL[f.severity][lang]}${f.accepted ? (lang === "da" ? " (accepteret)" : " (accepted)") : ""}`, f.section ?? "", f.sheet ?? ""],
      link: linkOf(f, lang, sheetExists),
      tail: [f.message[lang], acceptedBy ?? f.hint[lang]],
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
    rows.push({ severity: null, lead: ["", "", "", ""], link: "", tail: [more, ""] });
  }
  if (findings.length === 0) {
    const none =
      lang === "da"
        ? "Ingen fund: planen overholder alle de regler, der blev tjekket."
        : "No findings: the plan meets every rule that was checked.";
    rows.push({ severity: null, lead: ["", "", "", ""], link: "", tail: [none, ""] });
  }
  return { title, header: COLUMNS.map((c) => c.header[lang]), rows, omitted };
}

export function reportSheetName(lang: Lang): string {
  return VALIDATION_SHEET[lang];
}

function textBlock(rows: string[][]): { formats: string[][]; values: string[][] } {
  return { formats: rows.map((r) => r.map(() => TEXT_FORMAT)), values: rows };
}

/** Queue: write the report onto `sheet` (cleared first when it held an old report). No sync. */
export function queueReport(sheet: Excel.Worksheet, content: ReportContent, clearFirst: boolean): void {
  if (clearFirst) sheet.getRange().clear();
  const width = COLUMNS.length;
  const title = sheet.getRangeByIndexes(0, 0, 1, 1);
  title.values = [[content.title]];
  title.format.font.bold = true;
  title.format.font.size = 14;
  const header = sheet.getRangeByIndexes(1, 0, 1, width);
  header.values = [content.header];
  header.format.font.bold = true;
  header.format.fill.color = HEADER_FILL;

  const n = content.rows.length;
  if (n > 0) {
    // Text columns get the text format before their values, so "4.10" stays "4.10" and a message
    // that starts with "=" is never taken for a formula.
    const lead = textBlock(content.rows.map((r) => [...r.lead]));
    const leadRange = sheet.getRangeByIndexes(FIRST_ROW, 0, n, LINK_COLUMN);
    leadRange.numberFormat = lead.formats;
    leadRange.values = lead.values;
    sheet.getRangeByIndexes(FIRST_ROW, LINK_COLUMN, n, 1).formulas = content.rows.map((r) => [r.link]);
    const tail = textBlock(content.rows.map((r) => [...r.tail]));
    const tailRange = sheet.getRangeByIndexes(FIRST_ROW, LINK_COLUMN + 1, n, 2);
    tailRange.numberFormat = tail.formats;
    tailRange.values = tail.values;
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
