/**
 * Highlighting the cells that findings point at, without touching the user's own formatting.
 *
 * Design (chosen over saving and restoring fills, which breaks as soon as the user formats a flagged
 * cell between two validations, and costs a read of every flagged cell's format):
 * - A very hidden sheet `_fbs_flags` holds a flag (1 error, 2 warning, 3 info) at the same address as
 *   each flagged cell. It is split into one band of {@link FLAG_ROWS_PER_SHEET} rows per data sheet
 *   (the 8 data sheets × 2^17 rows fill Excel's 2^20 rows), so one flag sheet serves them all.
 * - Each data sheet gets a sheet-scoped hidden name `FBS_FLAGS` for its band, and three conditional
 *   formats over the whole sheet, `=INDEX(FBS_FLAGS,ROW(),COLUMN())=1` (=2, =3), with the severity's
 *   fill. A defined name is used because conditional formats in older Excel versions cannot refer to
 *   another sheet directly; a name works in every version.
 * - The name doubles as the marker "this sheet has our conditional formats", so validation installs
 *   them once and afterwards only rewrites flags: no read of conditional formats is needed in the one
 *   sync validation may spend on writing.
 * - Validating again clears the flags and writes the new ones; the user's fills, fonts and their own
 *   conditional formats are never read or written. `clearHighlights` removes exactly what this file
 *   made: the conditional formats whose formula names `FBS_FLAGS`, the names, and the flag sheet.
 * Rows below 131,072 of a data sheet are not highlighted (they are still reported).
 */
import { SEVERITIES, type Finding, type Severity } from "../playbook/findings";
import { parseA1 } from "../playbook/location";
import type { Plan } from "../playbook/model";
import { DATA_SHEETS } from "../playbook/vocabulary";
import { sameSheetName, sheetRef } from "./cells";
import { WRITES, writeSync } from "./errors";
import { readWorkbook } from "./read-snapshot";

export const FLAG_SHEET = "_fbs_flags";
export const FLAG_NAME = "FBS_FLAGS";
export const FLAG_ROWS_PER_SHEET = 131_072;
const LAST_COLUMN = "XFD";

export const FLAG_CODE: Record<Severity, number> = { error: 1, warning: 2, info: 3 };

/** Excel's own "light red / yellow / light blue fill" presets, readable in light and dark themes. */
export const HIGHLIGHT_FILL: Record<Severity, string> = { error: "#FFC7CE", warning: "#FFEB9C", info: "#DDEBF7" };

const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/** A flagged cell: 1-based row, 0-based column, on the data sheet at `specIndex` of DATA_SHEETS. */
export interface FlagCell {
  specIndex: number;
  row: number;
  column: number;
  severity: Severity;
}

/** A dense block of flag values to write to the flag sheet (0-based position there). */
export interface FlagBand {
  row: number;
  column: number;
  values: Array<Array<number | "">>;
}

/** Rows of the flag sheet that mirror the data sheet at `specIndex`. */
export function flagRows(specIndex: number): { first: number; last: number } {
  return { first: specIndex * FLAG_ROWS_PER_SHEET + 1, last: (specIndex + 1) * FLAG_ROWS_PER_SHEET };
}

export function flagNameReference(specIndex: number): string {
  const { first, last } = flagRows(specIndex);
  return `=${sheetRef(FLAG_SHEET)}!$A$${first}:$${LAST_COLUMN}$${last}`;
}

export function highlightFormula(severity: Severity): string {
  return `=INDEX(${FLAG_NAME},ROW(),COLUMN())=${FLAG_CODE[severity]}`;
}

/** Is this conditional-format formula one of ours? */
export function isHighlightFormula(formula: string): boolean {
  return formula.toUpperCase().includes(FLAG_NAME);
}

/**
 * The cells to flag: a finding's cell, or for a finding about a whole row the row's first column.
 * One flag per cell, the most severe finding's. Findings about a sheet as a whole flag nothing.
 */
export function flagCells(findings: ReadonlyArray<Finding>, plan: Plan): FlagCell[] {
  const byCell = new Map<string, FlagCell>();
  for (const finding of findings) {
    if (finding.sheet === null || finding.row === null) continue;
    const specIndex = DATA_SHEETS.findIndex((spec) => {
      const info = plan.sheets[spec.key];
      return info !== null && sameSheetName(info.name, finding.sheet as string);
    });
    if (specIndex < 0) continue;
    const info = plan.sheets[DATA_SHEETS[specIndex].key];
    const at = finding.cell ? parseA1(finding.cell) : null;
    const indexes = Object.values(info?.columns ?? {}).map((c) => c?.index ?? 0);
    const column = at ? at.column : indexes.length > 0 ? Math.min(...indexes) : 0;
    const row = at ? at.row : finding.row;
    if (row < 1 || row > FLAG_ROWS_PER_SHEET) continue;
    const key = `${specIndex}:${row}:${column}`;
    const previous = byCell.get(key);
    if (!previous || SEVERITY_RANK[finding.severity] > SEVERITY_RANK[previous.severity]) {
      byCell.set(key, { specIndex, row, column, severity: finding.severity });
    }
  }
  return [...byCell.values()];
}

/** Rows further apart than this start a new band (fewer writes vs. fewer empty cells written). */
const BAND_GAP = 8;
const BAND_MAX_ROWS = 2_000;

/** Group flags into dense rectangles, so thousands of flags take a few writes, not thousands. */
export function flagBands(cells: ReadonlyArray<FlagCell>): FlagBand[] {
  const sorted = cells
    .map((c) => ({ row: flagRows(c.specIndex).first - 1 + (c.row - 1), column: c.column, code: FLAG_CODE[c.severity] }))
    .sort((a, b) => a.row - b.row || a.column - b.column);
  const bands: FlagBand[] = [];
  let group: typeof sorted = [];
  const flush = () => {
    if (group.length === 0) return;
    const top = group[0].row;
    const bottom = group[group.length - 1].row;
    const left = Math.min(...group.map((g) => g.column));
    const right = Math.max(...group.map((g) => g.column));
    const values: FlagBand["values"] = Array.from({ length: bottom - top + 1 }, () => new Array(right - left + 1).fill(""));
    for (const g of group) values[g.row - top][g.column - left] = g.code;
    bands.push({ row: top, column: left, values });
    group = [];
  };
  for (const cell of sorted) {
    const last = group[group.length - 1];
    if (last && (cell.row - last.row > BAND_GAP || cell.row - group[0].row >= BAND_MAX_ROWS)) flush();
    group.push(cell);
  }
  flush();
  return bands;
}

export interface HighlightTarget {
  specIndex: number;
  worksheet: Excel.Worksheet;
  /** The sheet already carries the FBS_FLAGS name and our conditional formats. */
  installed: boolean;
}

/** The marker to load for each data sheet while reading it (see `readWorkbook`'s `perSheet`). */
export function queueMarkerLoad(worksheet: Excel.Worksheet): Excel.NamedItem {
  return worksheet.names.getItemOrNullObject(FLAG_NAME);
}

/** Queue: replace all flags with `cells`, and install the conditional formats where missing. No sync. */
export function queueHighlights(
  context: Excel.RequestContext,
  flagSheetExists: boolean,
  targets: ReadonlyArray<HighlightTarget>,
  cells: ReadonlyArray<FlagCell>,
): void {
  if (!flagSheetExists && targets.length === 0) return; // no data sheet to highlight on
  const worksheets = context.workbook.worksheets;
  let flags: Excel.Worksheet;
  if (flagSheetExists) {
    flags = worksheets.getItem(FLAG_SHEET);
    flags.getRange().clear("Contents");
  } else {
    flags = worksheets.add(FLAG_SHEET);
    flags.visibility = "VeryHidden";
  }
  for (const band of flagBands(cells)) {
    flags.getRangeByIndexes(band.row, band.column, band.values.length, band.values[0].length).values = band.values;
  }
  for (const target of targets) {
    if (target.installed) continue;
    const name = target.worksheet.names.add(
      FLAG_NAME,
      flagNameReference(target.specIndex),
      "fbs-playbook: flags for highlighting validation findings",
    );
    name.visible = false;
    const whole = target.worksheet.getRange();
    for (const severity of SEVERITIES) {
      const format = whole.conditionalFormats.add("Custom");
      format.custom.rule.formula = highlightFormula(severity);
      format.custom.format.fill.color = HIGHLIGHT_FILL[severity];
    }
  }
}

/**
 * Remove every highlight this add-in made: its conditional formats (recognised by their formula),
 * its names and its flag sheet. The user's formatting is not touched. Three syncs.
 */
export async function clearHighlights(context: Excel.RequestContext): Promise<void> {
  const read = await readWorkbook(context, {
    values: false,
    perSheet: (worksheet) => {
      const formats = worksheet.getRange().conditionalFormats;
      formats.load("items/type");
      return { marker: queueMarkerLoad(worksheet), formats };
    },
    workbook: (ctx) => ctx.workbook.worksheets.getItemOrNullObject(FLAG_SHEET),
  });
  const marked = read.dataSheets.filter((s) => !s.extra.marker.isNullObject);
  const custom = marked.flatMap((s) =>
    s.extra.formats.items
      .filter((f) => f.type === "Custom")
      .map((format) => {
        const rule = format.custom.rule;
        rule.load("formula");
        return { format, rule };
      }),
  );
  if (custom.length > 0) await context.sync();
  let changed = false;
  for (const { format, rule } of custom) {
    if (!isHighlightFormula(rule.formula)) continue;
    format.delete();
    changed = true;
  }
  for (const s of marked) {
    s.extra.marker.delete();
    changed = true;
  }
  if (!read.workbook.isNullObject) {
    read.workbook.delete();
    changed = true;
  }
  if (changed) await writeSync(context, WRITES.clearHighlights);
}
