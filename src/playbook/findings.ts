import type { Location } from "./location";
import type { Lang, Text } from "./vocabulary";

export type Severity = "error" | "warning" | "info";

export const SEVERITIES: ReadonlyArray<Severity> = ["error", "warning", "info"];

/** One breach of the playbook, at the place where the user must act. */
export interface Finding extends Location {
  rule: string;
  severity: Severity;
  /** The playbook section, e.g. "4.1"; null for the workbook's own data rules. */
  section: string | null;
  message: Text;
  hint: Text;
}

export type Summary = Record<Severity, number>;

export function summarize(findings: ReadonlyArray<Finding>): Summary {
  const summary: Summary = { error: 0, warning: 0, info: 0 };
  findings.forEach((f) => summary[f.severity]++);
  return summary;
}

/** A finding in one language, as the command line's JSON prints it. */
export interface LocalizedFinding extends Location {
  rule: string;
  severity: Severity;
  section: string | null;
  message: string;
  hint: string;
}

export function localize(finding: Finding, lang: Lang): LocalizedFinding {
  return {
    rule: finding.rule,
    severity: finding.severity,
    section: finding.section,
    sheet: finding.sheet,
    row: finding.row,
    column: finding.column,
    cell: finding.cell,
    message: finding.message[lang],
    hint: finding.hint[lang],
  };
}

export const SEVERITY_LABEL: Record<Severity, Text> = {
  error: { da: "Fejl", en: "Error" },
  warning: { da: "Advarsel", en: "Warning" },
  info: { da: "Info", en: "Info" },
};

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Sort findings by the sheet's rank, then row, severity, rule id and cell (ranks computed once per sheet name). */
export function sortFindings(findings: Finding[], sheetRank: (sheet: string | null) => number): Finding[] {
  const ranks = new Map<string | null, number>();
  const rank = (sheet: string | null): number => {
    let r = ranks.get(sheet);
    if (r === undefined) ranks.set(sheet, (r = sheetRank(sheet)));
    return r;
  };
  return findings.sort(
    (a, b) =>
      rank(a.sheet) - rank(b.sheet) ||
      (a.row ?? 0) - (b.row ?? 0) ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      cmp(a.rule, b.rule) ||
      cmp(a.cell ?? "", b.cell ?? ""),
  );
}
