/**
 * What the pane can ask the host to do. The pane's components receive an implementation as props;
 * `src/excel/actions.ts` implements it over Office.js (Excel.run), tests pass fakes.
 * No Office types here.
 */
import type { Finding, Summary } from "../playbook/findings";
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
}

/** The chart's finishing touches, which a host may refuse without the chart being wrong. */
export type TimelineStyle = "title" | "legend" | "colours" | "barWidth";

export interface TimelineSummary {
  sheet: string;
  contracts: number;
  milestones: number;
  /** False when there was nothing to draw (no dated contracts): the sheet explains why. */
  chart: boolean;
  /** Finishing touches Excel refused: the chart is drawn without them. Absent when all were applied. */
  unstyled?: TimelineStyle[];
}

export interface PaneActions {
  generate(lang: Lang): Promise<GenerateSummary>;
  validate(lang: Lang): Promise<ValidationOutcome>;
  clearHighlights(): Promise<void>;
  /** Activate the sheet and select the cell (or the sheet's used range start when cell is null). */
  goTo(target: { sheet: string | null; cell: string | null }): Promise<void>;
  timeline(lang: Lang): Promise<TimelineSummary>;
}
