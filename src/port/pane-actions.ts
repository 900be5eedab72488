/**
 * What the pane can ask the host to do. The pane's components receive an implementation as props;
 * `src/excel/actions.ts` implements it over Office.js (Excel.run), tests pass fakes.
 * No Office types here.
 */
import type { Acceptance, CellEdit, Finding, Fix, Summary } from "../playbook/findings";
import type { Lang } from "../playbook/vocabulary";

export interface GenerateSummary {
  /** Sheets created (names as written). */
  createdSheets: string[];
  /** Columns added to sheets that existed but lacked them, as "Sheet: Header". */
  addedColumns: string[];
  /** Rows added (Projekt settings, ownership rows) that were missing. */
  addedRows: number;
  /** True when the workbook already had everything: nothing was changed. */
  unchanged: boolean;
  /** Data sheets left alone because they hold content but none of the expected headers. */
  skippedSheets?: string[];
}

export interface ValidationOutcome {
  findings: Finding[];
  summary: Summary;
  /** The report sheet's name as written ("Validering"/"Validation"). */
  reportSheet: string;
  /** Number of cells highlighted. */
  highlighted: number;
  /** The plan's people (`Personer`: Navn), each once, for the *Accepteret af* drop-down. */
  people?: string[];
  /**
   * Findings new and resolved since the validation before (by rule, sheet and subject), as written
   * to `Historik`; null when there was no validation before to compare with.
   */
  since?: { new: number; resolved: number } | null;
  /**
   * Parts of the validation left unwritten because their sheet is protected (seen in the read, so
   * the rest was written whole); absent when everything was written.
   */
  notWritten?: UnwrittenPart[];
}

/**
 * A part of a validation that was not written because its sheet is protected: the `Historik` row
 * (with its chart and the keys new/resolved are counted from, so the next validation still compares
 * with the last one recorded), the `Validering` report (it still shows the validation before), or the
 * highlights of a data sheet that has none yet.
 */
export interface UnwrittenPart {
  part: "history" | "report" | "highlights";
  /** The protected sheet, as named in the workbook. */
  sheet: string;
}

/** The chart's finishing touches, which a host may refuse without the chart being wrong. */
export type TimelineStyle = "title" | "legend" | "colours" | "barWidth";

/** What the user fills in to accept a finding (WORKBOOK.md, *Accepterede*). */
export interface AcceptanceInput {
  /** Required: why the project accepts it. */
  reason: string;
  /** A name from `Personer`, or null. */
  by: string | null;
  /** ISO date (YYYY-MM-DD) through which the acceptance holds, or null. */
  until: string | null;
}

/** What applying fixes wrote, so that {@link PaneActions.undoFix} can put the old values back. */
export interface UndoToken {
  /** The cells written: `from` is the value the fix wrote, `to` the value it replaced. */
  edits: CellEdit[];
  /** Rows appended to a sheet: sheet, 1-based row and the first column (0-based) and values written. */
  appended: Array<{ sheet: string; row: number; column: number; values: Array<string | number | boolean> }>;
  /**
   * Cells the fix gave the text format so that its value landed as written (a value such as «=…»,
   * «-» or «4.10» in a General cell), with the number format undo puts back. Absent when none.
   */
  formats?: Array<{ sheet: string; cell: string; numberFormat: string }>;
}

/** A cell whose value is no longer what the fix expects (the user changed it since validation). */
export interface StaleEdit {
  sheet: string;
  /** The cell's address, or null for an append whose sheet or header is gone. */
  cell: string | null;
  /** The value the fix expected, and the value found (null when the sheet or cell is gone). */
  expected: string;
  found: string | null;
}

export type FixOutcome =
  /** Every `from` held: the edits are written, and the workbook validated again. */
  | { applied: true; outcome: ValidationOutcome; undo: UndoToken }
  /** Something changed since validation: nothing was written, and the workbook validated again. */
  | { applied: false; stale: StaleEdit[]; outcome: ValidationOutcome };

export type UndoOutcome =
  | { undone: true; outcome: ValidationOutcome }
  /** A cell no longer holds what the fix wrote: nothing was written back. */
  | { undone: false; stale: StaleEdit[]; outcome: ValidationOutcome };

export interface TimelineSummary {
  sheet: string;
  contracts: number;
  milestones: number;
  /** False when there was nothing to draw (no dated contracts): the sheet explains why. */
  chart: boolean;
  /** Finishing touches Excel refused: the chart is drawn without them. Absent when all were applied. */
  unstyled?: TimelineStyle[];
}

export interface StatusSummary {
  /** The name of the sheet written (`Status`). */
  sheet: string;
}

export interface CalendarFile {
  /** A file name to save it under, e.g. "frister.ics". */
  fileName: string;
  /** The iCalendar (RFC 5545) text, as `fbs-playbook calendar` writes it. */
  text: string;
  /** Events in it, and how many of them are notice deadlines (with reminders). */
  events: number;
  notices: number;
}

export interface PaneActions {
  generate(lang: Lang): Promise<GenerateSummary>;
  validate(lang: Lang): Promise<ValidationOutcome>;
  clearHighlights(): Promise<void>;
  /** Activate the sheet and select the cell (or the sheet's used range start when cell is null). */
  goTo(target: { sheet: string | null; cell: string | null }): Promise<void>;
  timeline(lang: Lang): Promise<TimelineSummary>;
  /** Write (or rewrite) the one-page `Status` sheet for the steering group. */
  statusReport(lang: Lang): Promise<StatusSummary>;
  /** The plan's dates as an .ics file (one read, nothing written to the workbook). */
  calendar(lang: Lang): Promise<CalendarFile>;
  /**
   * Write one row to `Accepterede` (creating the sheet and its table when missing) that accepts
   * `finding`; resolves to the acceptance as the engine reports it. Writes nothing else.
   */
  accept(finding: Finding, input: AcceptanceInput, lang: Lang): Promise<Acceptance>;
  /** Remove the `Accepterede` row of `acceptance` (refused when the row no longer holds it). */
  reopen(acceptance: Acceptance): Promise<void>;
  /**
   * Apply fixes in one write while every `from` still holds, then validate again. Rejects, writing
   * nothing, when a sheet the fixes touch is protected (an error that names the sheet).
   */
  applyFix(fixes: ReadonlyArray<Fix>, lang: Lang): Promise<FixOutcome>;
  /** Write back what a fix replaced, where the fix's values still stand, then validate again; rejects like applyFix on a protected sheet. */
  undoFix(token: UndoToken, lang: Lang): Promise<UndoOutcome>;
}
