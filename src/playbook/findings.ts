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
  for (const f of findings) summary[f.severity]++;
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

/** Sort by sheet order given, then row, then severity, then rule id. */
export function compareFindings(sheetOrder: (sheet: string | null) => number) {
  return (a: Finding, b: Finding): number =>
    sheetOrder(a.sheet) - sheetOrder(b.sheet) ||
    (a.row ?? 0) - (b.row ?? 0) ||
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    a.rule.localeCompare(b.rule) ||
    (a.cell ?? "").localeCompare(b.cell ?? "");
}
