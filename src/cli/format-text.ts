/** The command line's text output, for people reading a terminal: grouped by sheet, counts last. */
import { formatDay, type Day } from "../playbook/dates";
import type { Finding, Severity, Summary } from "../playbook/findings";
import { SEVERITIES, SEVERITY_LABEL, countsLine as countsWords } from "../playbook/i18n";
import { render } from "../playbook/render";
import type { Timeline } from "../playbook/timeline";
import { CONTRACT_TYPES, enumValue, type Lang, type Text } from "../playbook/vocabulary";
import { pad, type Style } from "./style";

/** One validated file, as the text and JSON formatters take it. */
export interface FileReport {
  file: string;
  today: Day;
  municipality: string | null;
  findings: Finding[];
  summary: Summary;
  /** Rules that ran, and how many there are in all (they differ with --pick/--skip). */
  rulesRun: number;
  rulesTotal: number;
}

const T = {
  workbook: { da: "Projektmappen", en: "Workbook" },
  checkedOn: { da: "kontrol pr.", en: "checked as of" },
  rulesRun: { da: (n: number, total: number) => `${n} af ${total} regler`, en: (n: number, total: number) => `${n} of ${total} rules` },
  acceptedHeading: { da: (n: number) => `Accepterede fund (${n})`, en: (n: number) => `Accepted findings (${n})` },
  acceptedCount: { da: (n: number) => `${n} ${n === 1 ? "accepteret" : "accepterede"}`, en: (n: number) => `${n} accepted` },
  acceptedBecause: { da: "Accepteret", en: "Accepted" },
  by: { da: "af", en: "by" },
  until: { da: "til", en: "until" },
  row: { da: "række", en: "row" },
  noOpenFindings: {
    da: "Ingen åbne fund: alt, hvad der er fundet, er accepteret.",
    en: "No open findings: everything found has been accepted.",
  },
  noFindings: {
    da: "Ingen fund: planen følger drejebogen på alle kontrollerede punkter.",
    en: "No findings: the plan follows the playbook on every point checked.",
  },
  total: { da: (n: number) => `I alt, ${n} filer:`, en: (n: number) => `Total, ${n} files:` },
  milestones: { da: "Milepæle", en: "Milestones" },
  noMilestones: { da: "Ingen datoer i Projekt endnu.", en: "No dates in Project yet." },
  contracts: { da: "Kontrakter", en: "Contracts" },
  noContracts: { da: "Ingen kontrakter.", en: "No contracts." },
  timeline: { da: "tidslinje", en: "timeline" },
  today: { da: "i dag", en: "today" },
  passed: { da: "overskredet", en: "passed" },
  passedNote: {
    da: (n: number, today: string) =>
      `${n} opsigelsesfrist${n === 1 ? "" : "er"} er overskredet pr. ${today}, og kontrakten er ikke opsagt.`,
    en: (n: number, today: string) => `${n} notice deadline${n === 1 ? " has" : "s have"} passed as of ${today} without notice given.`,
  },
};

const CONTRACT_HEADERS: Record<"row" | "vendor" | "system" | "type" | "expires" | "notice" | "extended" | "terminated", Text> = {
  row: { da: "Række", en: "Row" },
  vendor: { da: "Leverandør", en: "Vendor" },
  system: { da: "System", en: "System" },
  type: { da: "Type", en: "Type" },
  expires: { da: "Udløber", en: "Expires" },
  notice: { da: "Opsigelsesfrist", en: "Notice deadline" },
  extended: { da: "Slut m. forlængelse", en: "End with extension" },
  terminated: { da: "Opsagt", en: "Terminated" },
};

/** "2 fejl · 5 advarsler · 1 info", each count coloured by its severity when it is not zero. */
export function countsLine(summary: Summary, lang: Lang, style: Style): string {
  const open = countsWords(summary, lang, (s, words) => (summary[s] > 0 ? style.severity(s, words) : words));
  return summary.accepted > 0 ? `${open} · ${style.dim(T.acceptedCount[lang](summary.accepted))}` : open;
}

/** The total over several files, printed after their blocks. */
export function formatTotal(reports: ReadonlyArray<FileReport>, lang: Lang, style: Style): string {
  const total: Summary = { error: 0, warning: 0, info: 0, accepted: 0 };
  for (const r of reports) {
    for (const s of SEVERITIES) total[s] += r.summary[s];
    total.accepted += r.summary.accepted;
  }
  return `${style.bold(T.total[lang](reports.length))} ${countsLine(total, lang, style)}\n`;
}

/** One file's findings: a header line, the findings grouped by sheet, the counts. */
export function formatFileReport(report: FileReport, lang: Lang, style: Style): string {
  const lines: string[] = [];
  const details = [report.municipality, `${T.checkedOn[lang]} ${formatDay(report.today, lang)}`];
  if (report.rulesRun !== report.rulesTotal) details.push(T.rulesRun[lang](report.rulesRun, report.rulesTotal));
  lines.push(`${style.bold(report.file)} ${style.dim(`— ${details.filter((d) => d).join(" · ")}`)}`);

  const open = report.findings.filter((f) => !f.accepted);
  const accepted = report.findings.filter((f) => f.accepted);
  if (report.findings.length === 0) {
    lines.push("", `  ${style.green(T.noFindings[lang])}`);
  } else if (open.length === 0) {
    lines.push("", `  ${style.green(T.noOpenFindings[lang])}`);
  }
  const labels = Object.fromEntries(SEVERITIES.map((s) => [s, SEVERITY_LABEL[s][lang].toUpperCase()])) as Record<Severity, string>;
  // Column widths over the whole file, so every group lines up the same way.
  const width = (texts: string[]) => Math.max(0, ...texts.map((t) => t.length));
  const severityWidth = width(SEVERITIES.map((s) => labels[s]));
  const ruleWidth = width(report.findings.map((f) => f.rule));
  const placeWidth = width(report.findings.map((f) => place(f, lang)));
  const sectionWidth = width(report.findings.map(section));
  const indent = " ".repeat(4 + severityWidth + 2 + ruleWidth + 2 + placeWidth + 2 + (sectionWidth > 0 ? sectionWidth + 2 : 0));
  const findingLines = (f: Finding): void => {
      const { message, hint } = render(f, { lang, surface: "cli" });
      const columns = [
        style.severity(f.severity, pad(labels[f.severity], severityWidth)),
        pad(f.rule, ruleWidth),
        style.bold(pad(place(f, lang), placeWidth)),
        ...(sectionWidth > 0 ? [style.dim(pad(section(f), sectionWidth))] : []),
        message,
      ];
      lines.push(`    ${columns.join("  ")}`);
      if (f.accepted) lines.push(`${indent}${style.dim(`✓ ${acceptedLine(f.accepted, lang)}`)}`);
      else if (hint) lines.push(`${indent}${style.dim(`→ ${hint}`)}`);
  };
  for (const group of groupBySheet(open)) {
    lines.push("", `  ${style.bold(group.sheet ?? T.workbook[lang])}`);
    group.findings.forEach(findingLines);
  }
  // Accepted findings apart, after the open ones, each with its reason (RULES.md, *Accepted findings*).
  if (accepted.length > 0) {
    lines.push("", `  ${style.bold(T.acceptedHeading[lang](accepted.length))}`);
    for (const group of groupBySheet(accepted)) {
      lines.push(`   ${style.dim(group.sheet ?? T.workbook[lang])}`);
      group.findings.forEach(findingLines);
    }
  }
  lines.push("", `  ${countsLine(report.summary, lang, style)}`);
  return `${lines.join("\n")}\n`;
}

/** "Accepteret: <reason> (af Maja Friis, til 01-03-2027; Accepterede række 4)". */
function acceptedLine(a: NonNullable<Finding["accepted"]>, lang: Lang): string {
  const details = [
    a.by ? `${T.by[lang]} ${a.by}` : null,
    a.until ? `${T.until[lang]} ${formatIsoDate(a.until, lang)}` : null,
  ].filter((d) => d !== null);
  const where = `${a.sheet} ${T.row[lang]} ${a.row}`;
  return `${T.acceptedBecause[lang]}: ${a.reason} (${[details.join(", "), where].filter((d) => d !== "").join("; ")})`;
}

function formatIsoDate(text: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return m && lang === "da" ? `${m[3]}-${m[2]}-${m[1]}` : text;
}

/** The cell address, or the row, or a dash when the finding is about the sheet as a whole. */
function place(f: Finding, lang: Lang): string {
  if (f.cell) return f.cell;
  if (f.row !== null) return lang === "da" ? `række ${f.row}` : `row ${f.row}`;
  return "—";
}

function section(f: Finding): string {
  return f.section ? `§${f.section}` : "";
}

/** Consecutive findings on the same sheet (the engine sorts findings by sheet). */
function groupBySheet(findings: ReadonlyArray<Finding>): Array<{ sheet: string | null; findings: Finding[] }> {
  const groups: Array<{ sheet: string | null; findings: Finding[] }> = [];
  for (const f of findings) {
    const last = groups[groups.length - 1];
    if (last && last.sheet === f.sheet) last.findings.push(f);
    else groups.push({ sheet: f.sheet, findings: [f] });
  }
  return groups;
}

/** A contract whose notice deadline lies before today and that has not been terminated. */
export function noticePassed(c: Timeline["contracts"][number], today: Day): boolean {
  return c.noticeDeadline !== null && c.terminatedOn === null && c.noticeDeadline.getTime() < today.getTime();
}

export function formatTimelineText(file: string, timeline: Timeline, today: Day, lang: Lang, style: Style): string {
  const date = (d: Day | null) => (d ? formatDay(d, lang) : "—");
  const lines: string[] = [`${style.bold(file)} ${style.dim(`— ${T.timeline[lang]}, ${T.today[lang]} ${date(today)}`)}`, ""];

  lines.push(`  ${style.bold(T.milestones[lang])}`);
  if (timeline.milestones.length === 0) lines.push(`    ${T.noMilestones[lang]}`);
  for (const m of timeline.milestones) lines.push(`    ${date(m.date)}  ${m.label[lang]}`);

  lines.push("", `  ${style.bold(T.contracts[lang])}`);
  if (timeline.contracts.length === 0) lines.push(`    ${T.noContracts[lang]}`);
  else {
    const passedLabel = `! ${T.passed[lang]}`;
    const rows = timeline.contracts.map((c) => {
      const passed = noticePassed(c, today);
      return {
        passed,
        cells: [
          String(c.row),
          c.vendor ?? "",
          c.system ?? "",
          c.type ? enumValue(CONTRACT_TYPES, c.type)[lang] : "",
          date(c.expires),
          `${date(c.noticeDeadline)}${passed ? ` ${passedLabel}` : ""}`,
          date(c.extendedUntil),
          date(c.terminatedOn),
        ],
      };
    });
    const headers = (["row", "vendor", "system", "type", "expires", "notice", "extended", "terminated"] as const).map(
      (k) => CONTRACT_HEADERS[k][lang],
    );
    const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r.cells[i].length)));
    lines.push(`    ${style.dim(headers.map((h, i) => pad(h, widths[i])).join("  ").trimEnd())}`);
    for (const r of rows) {
      const cells = r.cells.map((c, i) => pad(c, widths[i]));
      if (r.passed) cells[5] = style.red(cells[5]);
      lines.push(`    ${cells.join("  ").trimEnd()}`);
    }
    const passedCount = rows.filter((r) => r.passed).length;
    if (passedCount > 0) lines.push("", `  ${style.red(T.passedNote[lang](passedCount, date(today)))}`);
  }
  return `${lines.join("\n")}\n`;
}
