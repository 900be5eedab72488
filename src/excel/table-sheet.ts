/**
 * The add-in's own table sheets that grow by one row at a time (`Accepterede`, `Historik`): finding
 * one, its header row and columns and its table, appending a row to it, and creating it as
 * "Generate sheets" would (generate-plan.ts's planFreshSheet, generate.ts's applySheet).
 */
import type { CellValue } from "../playbook/snapshot";
import { historyLayout, workbookLayout } from "../playbook/workbook-layout";
import { HISTORY_SHEET, normalizeHeaderLoose, type Lang, type SheetSpec } from "../playbook/vocabulary";
import { matchesSheet, sameSheetName, type OfficeValue } from "./cells";
import { applySheet } from "./generate";
import { planFreshSheet } from "./generate-plan";
import { placeBlock } from "./read-snapshot";

/** Where a table sheet's data is, 0-based. */
export interface SheetLayout {
  headerRow: number;
  /** Column key (vocabulary) → 0-based column, for the headers found. */
  columns: Map<string, number>;
  /** The last row holding a value (the header row when there is no data). */
  lastRow: number;
}

export interface TableRange {
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

/** What one read of a table sheet queued (loaded after the sync). */
export interface TableSheetRead {
  worksheet: Excel.Worksheet;
  used: Excel.Range;
  table: Excel.Table | null;
  tableRange: Excel.Range | null;
  /** The table's own sheet, when it was found through the workbook (it may be on another sheet). */
  tableSheet: Excel.Worksheet | null;
}

/** The sheet's name as it stands in the workbook, if it is there (Danish or English, loosely). */
export function findSheetName(sheetNames: ReadonlyArray<string>, spec: SheetSpec): string | null {
  return sheetNames.find((n) => matchesSheet(n, spec)) ?? null;
}

/**
 * Queue: the used values of a sheet and the range of its table named `tableName`. With
 * `tableNames` null the table is asked of the sheet, a null object when absent, and its range
 * through it (a call on a possibly null object, which some hosts refuse). With the workbook's table
 * names known (loaded in an earlier sync), it is asked of the workbook only when one of that name
 * exists, and its own sheet is loaded to check that it is this one. No sync.
 */
export function queueTableSheetRead(
  worksheet: Excel.Worksheet,
  tableName: string | null,
  tableNames: { context: Excel.RequestContext; names: ReadonlyArray<string> } | null = null,
): TableSheetRead {
  const used = worksheet.getUsedRangeOrNullObject(true);
  used.load(["values", "valueTypes", "rowIndex", "columnIndex"]);
  if (tableName === null) return { worksheet, used, table: null, tableRange: null, tableSheet: null };
  let table: Excel.Table;
  let tableSheet: Excel.Worksheet | null = null;
  if (tableNames === null) table = worksheet.tables.getItemOrNullObject(tableName);
  else if (!tableNames.names.some((n) => n.toLowerCase() === tableName.toLowerCase())) return { worksheet, used, table: null, tableRange: null, tableSheet: null };
  else {
    table = tableNames.context.workbook.tables.getItem(tableName);
    worksheet.load("name");
    tableSheet = table.worksheet;
    tableSheet.load("name");
  }
  table.load("name");
  const tableRange = table.getRange();
  tableRange.load(["rowIndex", "columnIndex", "rowCount", "columnCount"]);
  return { worksheet, used, table, tableRange, tableSheet };
}

/** The loaded rows (A1 origin) of a {@link queueTableSheetRead}. */
export function rowsOfRead(read: TableSheetRead): CellValue[][] {
  const rows: CellValue[][] = [];
  if (!read.used.isNullObject) placeBlock(rows, read.used.values, read.used.valueTypes, read.used.rowIndex, read.used.columnIndex);
  return rows;
}

/** The loaded table range of a {@link queueTableSheetRead}, or null when the sheet has no such table. */
export function tableOfRead(read: TableSheetRead): (TableRange & { name: string }) | null {
  if (!read.table || !read.tableRange || read.table.isNullObject || read.tableRange.isNullObject) return null;
  if (read.tableSheet && !sameSheetName(read.tableSheet.name, read.worksheet.name)) return null;
  const { rowIndex, columnIndex, rowCount, columnCount } = read.tableRange;
  return { name: read.table.name, rowIndex, columnIndex, rowCount, columnCount };
}

const isBlank = (v: CellValue | undefined) => v === null || v === undefined || v === "";

/** The header row (the first row holding every required header of `spec`) and the columns found; null when none. */
export function layoutOf(rows: ReadonlyArray<ReadonlyArray<CellValue>>, spec: SheetSpec): SheetLayout | null {
  const keys = new Map<string, string>();
  for (const c of spec.columns) {
    keys.set(normalizeHeaderLoose(c.da), c.key);
    keys.set(normalizeHeaderLoose(c.en), c.key);
  }
  let lastRow = -1;
  rows.forEach((row, r) => {
    if (row.some((v) => !isBlank(v))) lastRow = r;
  });
  for (let r = 0; r < rows.length; r++) {
    const columns = new Map<string, number>();
    rows[r].forEach((v, c) => {
      const key = typeof v === "string" ? keys.get(normalizeHeaderLoose(v)) : undefined;
      if (key && !columns.has(key)) columns.set(key, c);
    });
    if (spec.columns.every((c) => !c.columnRequired || columns.has(c.key))) return { headerRow: r, columns, lastRow: Math.max(lastRow, r) };
  }
  return null;
}

/** Where the next row goes: into the table's empty last body row, below the table (growing it), or below the data. */
export function nextRow(
  layout: SheetLayout,
  table: TableRange | null,
  rows: ReadonlyArray<ReadonlyArray<CellValue>>,
): { row: number; growTable: boolean } {
  if (table && table.rowIndex === layout.headerRow) {
    const last = table.rowIndex + table.rowCount - 1;
    const lastCells = (rows[last] ?? []).slice(table.columnIndex, table.columnIndex + table.columnCount);
    if (last > table.rowIndex && lastCells.every(isBlank)) return { row: last, growTable: false };
    return { row: last + 1, growTable: true };
  }
  return { row: layout.lastRow + 1, growTable: false };
}

export interface RowCell {
  column: number;
  value: OfficeValue;
  /** Number format to give the cell before its value, or null to leave it. */
  format: string | null;
}

/** Queue: write one row's cells at `row` (growing the table by one empty row first when asked). No sync. */
export function queueRowWrite(
  worksheet: Excel.Worksheet,
  table: { name: string; columns: number } | null,
  place: { row: number; growTable: boolean },
  cells: ReadonlyArray<RowCell>,
): void {
  if (table && place.growTable) worksheet.tables.getItem(table.name).rows.add(undefined, [new Array<OfficeValue>(table.columns).fill("")]);
  for (const cell of cells) {
    const range = worksheet.getRangeByIndexes(place.row, cell.column, 1, 1);
    if (cell.format !== null) range.numberFormat = [[cell.format]];
    range.values = [[cell.value]];
  }
}

/**
 * Queue: a new sheet for `spec` holding its header and one row, as "Generate sheets" makes it (a
 * table named as in WORKBOOK.md unless the name is taken, drop-downs, date formats, widths, a frozen
 * header row). No sync.
 */
export function queueNewTableSheet(
  context: Excel.RequestContext,
  spec: SheetSpec,
  lang: Lang,
  cells: CellValue[],
  tableNameTaken: boolean,
): { worksheet: Excel.Worksheet; name: string } {
  // The workbook's one description of the sheet (src/playbook/workbook-layout.ts), with this one row.
  const described = spec.key === HISTORY_SHEET.key ? historyLayout(lang) : workbookLayout(lang).sheets.find((s) => s.key === spec.key);
  if (!described) throw new Error(`No layout for the sheet ${spec.da}`);
  const template = { ...described, rows: [{ cells }] };
  const changes = planFreshSheet(template, template.name, true, tableNameTaken ? null : template.table);
  applySheet(context, changes, undefined);
  return { worksheet: context.workbook.worksheets.getItem(template.name), name: template.name };
}
