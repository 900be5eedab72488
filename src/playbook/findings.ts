import { compareSeverity, type Text } from "./i18n";
import type { Location } from "./location";
import type { CellValue } from "./snapshot";

export type Severity = "error" | "warning" | "info";

export { SEVERITIES, SEVERITY_LABEL } from "./i18n";

/** The values a message is made from (CLI.md: `data`): names, ISO dates, numbers, lists of names. */
export type MessageData = Readonly<Record<string, string | number | boolean | null | ReadonlyArray<string>>>;

/** A fix's edit that sets one cell, applied only while the cell still holds `from` (RULES.md, *Fixes*). */
export interface CellEdit {
  sheet: string;
  cell: string;
  from: CellValue;
  to: CellValue;
}

/** A fix's edit that appends one row to a sheet's table: values by header as it stands in the workbook. */
export interface AppendEdit {
  sheet: string;
  append: Readonly<Record<string, string | number | boolean>>;
}

export type FixEdit = CellEdit | AppendEdit;

export function isAppendEdit(edit: FixEdit): edit is AppendEdit {
  return (edit as AppendEdit).append !== undefined;
}

/** The one sensible correction of a finding (RULES.md, *Fixes*). */
export interface Fix {
  label: Text;
  edits: ReadonlyArray<FixEdit>;
}

/** The `Accepterede` row that accepts a finding (WORKBOOK.md, *Accepterede*). */
export interface Acceptance {
  reason: string;
  by: string | null;
  /** ISO date (YYYY-MM-DD) the decision was made, or null. */
  on: string | null;
  /** ISO date through which the acceptance holds, or null. */
  until: string | null;
  /** The `Accepterede` sheet's name as it stands in the workbook. */
  sheet: string;
  /** 1-based sheet row of the acceptance. */
  row: number;
}

/**
 * One breach of the playbook, at the place where the user must act.
 *
 * Contract shared by the engine, the command line and the pane (CLI.md, `validate --format json`):
 * `messageId` ("CON-03/too-short"), `data`, `subject` (WORKBOOK.md, *a finding's subject*), `fix` and
 * `accepted`. A finding holds no finished text: `render` (render.ts) makes its message and hint from
 * `messageId` and `data`, in the language and for the surface asked for.
 */
export interface Finding extends Location {
  rule: string;
  severity: Severity;
  /** The playbook section, e.g. "4.1"; null for the workbook's own data rules. */
  section: string | null;
  /** Which message of the rule this is: `RULE-ID/message-id`, stable across versions and languages. */
  messageId: string;
  /** The values the message is made from. */
  data: MessageData;
  /** What the finding is about, as the user sees it (WORKBOOK.md); null when empty. */
  subject: string | null;
  fix?: Fix | null;
  /** The acceptance that applies, or null: an accepted finding is not open. */
  accepted?: Acceptance | null;
}

/** Open findings per severity, and how many are accepted (RULES.md, *Accepted findings*). */
export type Summary = Record<Severity, number> & { accepted: number };

export function summarize(findings: ReadonlyArray<Finding>): Summary {
  const summary: Summary = { error: 0, warning: 0, info: 0, accepted: 0 };
  findings.forEach((f) => (f.accepted ? summary.accepted++ : summary[f.severity]++));
  return summary;
}

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
      compareSeverity(a.severity, b.severity) ||
      cmp(a.rule, b.rule) ||
      cmp(a.cell ?? "", b.cell ?? ""),
  );
}
