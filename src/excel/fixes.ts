/**
 * Fixes on one click (RULES.md, *Fixes*) and their undo. One sync reads what the edits name (each
 * edited cell; for an appended row its sheet's values and table), one writes, and the validation
 * after it takes its usual two. Nothing is written unless every `from` still holds: a cell the user
 * changed meanwhile, a sheet renamed or deleted, a header gone, and the workbook is left untouched.
 * A fix writes only the cells it names.
 */
import { isAppendEdit, type AppendEdit, type CellEdit, type Fix } from "../playbook/findings";
import { parseA1 } from "../playbook/location";
import { isCellError, type CellValue } from "../playbook/snapshot";
import { normalizeKey } from "../playbook/vocabulary";
import type { FixOutcome, StaleEdit, UndoOutcome, UndoToken } from "../port/pane-actions";
import { fromOffice, toOffice, type OfficeValue } from "./cells";
import { specOfSheet } from "./read-snapshot";
import { nextRow, queueRowWrite, queueTableSheetRead, rowsOfRead, tableOfRead, type SheetLayout, type TableSheetRead } from "./table-sheet";
import { validateWorkbook, type ValidateWorkbookOptions } from "./validate";

/** A value as the user sees it, for the sentence that says what changed. */
function shown(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (isCellError(value)) return value.error;
  return String(toOffice(value));
}

/** Does the cell still hold `expected`? Text compared exactly (after NFC), numbers and booleans as they are. */
function holds(expected: CellValue, found: CellValue): boolean {
  const a = toOffice(expected);
  const b = toOffice(found);
  if (typeof a === "string" && typeof b === "string") return a.normalize("NFC") === b.normalize("NFC");
  return a === b;
}

interface CellCheck {
  edit: CellEdit;
  worksheet: Excel.Worksheet;
  range: Excel.Range | null;
}

interface SheetCheck {
  sheet: string;
  read: TableSheetRead;
}

type Removal = UndoToken["appended"][number];

interface EditPlan {
  set: ReadonlyArray<CellEdit>;
  append: ReadonlyArray<AppendEdit>;
  remove: ReadonlyArray<Removal>;
}

function sheetProxy(context: Excel.RequestContext, cache: Map<string, Excel.Worksheet>, sheet: string): Excel.Worksheet {
  let ws = cache.get(sheet);
  if (!ws) {
    ws = context.workbook.worksheets.getItemOrNullObject(sheet);
    ws.load("name");
    cache.set(sheet, ws);
  }
  return ws;
}

/** The first row holding every header of an appended row; the headers' columns. */
function appendLayout(rows: ReadonlyArray<ReadonlyArray<CellValue>>, headers: ReadonlyArray<string>): SheetLayout | null {
  let lastRow = -1;
  rows.forEach((row, r) => {
    if (row.some((v) => v !== null && v !== undefined && v !== "")) lastRow = r;
  });
  for (let r = 0; r < rows.length; r++) {
    const columns = new Map<string, number>();
    for (const h of headers) {
      const c = rows[r].findIndex((v) => typeof v === "string" && normalizeKey(v) === normalizeKey(h));
      if (c >= 0) columns.set(h, c);
    }
    if (columns.size === headers.length) return { headerRow: r, columns, lastRow: Math.max(lastRow, r) };
  }
  return null;
}

/** Check every edit against the workbook (one sync) and, when all hold, write them (one sync). */
async function runEdits(context: Excel.RequestContext, plan: EditPlan): Promise<{ stale: StaleEdit[]; undo: UndoToken | null }> {
  const sheets = new Map<string, Excel.Worksheet>();
  const stale: StaleEdit[] = [];
  const cells: CellCheck[] = plan.set.map((edit) => {
    const worksheet = sheetProxy(context, sheets, edit.sheet);
    const address = parseA1(edit.cell);
    let range: Excel.Range | null = null;
    if (address) {
      range = worksheet.getRange(edit.cell);
      range.load(["values", "valueTypes"]);
    }
    return { edit, worksheet, range };
  });
  const tableSheets = new Map<string, SheetCheck>();
  for (const sheet of [...plan.append.map((a) => a.sheet), ...plan.remove.map((r) => r.sheet)]) {
    if (tableSheets.has(sheet)) continue;
    const spec = specOfSheet(sheet);
    const worksheet = sheetProxy(context, sheets, sheet);
    const read = queueTableSheetRead(worksheet, spec?.table ?? null);
    tableSheets.set(sheet, { sheet, read });
  }
  await context.sync();

  for (const { edit, worksheet, range } of cells) {
    const expected = shown(edit.from);
    if (worksheet.isNullObject || range === null) {
      stale.push({ sheet: edit.sheet, cell: edit.cell, expected, found: null });
      continue;
    }
    const found = fromOffice(range.values[0][0], range.valueTypes[0][0]);
    if (!holds(edit.from, found)) stale.push({ sheet: edit.sheet, cell: edit.cell, expected, found: shown(found) });
  }
  const appends = plan.append.map((edit) => {
    const check = tableSheets.get(edit.sheet) as SheetCheck;
    const headers = Object.keys(edit.append);
    if (check.read.worksheet.isNullObject) {
      stale.push({ sheet: edit.sheet, cell: null, expected: headers.join(", "), found: null });
      return null;
    }
    const rows = rowsOfRead(check.read);
    const layout = appendLayout(rows, headers);
    if (!layout) {
      stale.push({ sheet: edit.sheet, cell: null, expected: headers.join(", "), found: null });
      return null;
    }
    return { edit, check, rows, layout };
  });
  const removals = plan.remove.map((removal) => {
    const check = tableSheets.get(removal.sheet) as SheetCheck;
    const rows = check.read.worksheet.isNullObject ? [] : rowsOfRead(check.read);
    const row = rows[removal.row - 1] ?? [];
    const still = removal.values.every((v, i) => holds(v, row[removal.column + i] ?? null));
    if (!still) {
      stale.push({ sheet: removal.sheet, cell: null, expected: removal.values.map(String).join(", "), found: null });
    }
    return { removal, check };
  });
  if (stale.length > 0) return { stale, undo: null };

  const undo: UndoToken = { edits: [], appended: [] };
  for (const { edit, range } of cells) {
    (range as Excel.Range).values = [[toOffice(edit.to)]];
    undo.edits.push({ sheet: edit.sheet, cell: edit.cell, from: edit.to, to: edit.from });
  }
  // Several rows appended to one sheet go one below the other.
  const grown = new Map<string, number>();
  for (const a of appends) {
    if (!a) continue;
    const table = tableOfRead(a.check.read);
    const place = nextRow(a.layout, table, a.rows);
    const offset = grown.get(a.edit.sheet) ?? 0;
    const at = { row: place.row + offset, growTable: place.growTable || offset > 0 };
    grown.set(a.edit.sheet, offset + 1);
    const columns = [...a.layout.columns.values()];
    const left = Math.min(...columns);
    const values: OfficeValue[] = new Array(Math.max(...columns) - left + 1).fill("");
    const rowCells = [...a.layout.columns].map(([header, column]) => {
      values[column - left] = a.edit.append[header];
      return { column, value: a.edit.append[header], format: null };
    });
    queueRowWrite(a.check.read.worksheet, table && at.growTable ? { name: table.name, columns: table.columnCount } : null, at, rowCells);
    undo.appended.push({ sheet: a.edit.sheet, row: at.row + 1, column: left, values });
  }
  // Bottom rows first, so the rows above keep their numbers.
  removals.sort((a, b) => b.removal.row - a.removal.row);
  for (const { removal, check } of removals) {
    const table = tableOfRead(check.read);
    const r = removal.row - 1;
    const inTable = table !== null && r > table.rowIndex && r < table.rowIndex + table.rowCount;
    const range = inTable
      ? check.read.worksheet.getRangeByIndexes(r, table.columnIndex, 1, table.columnCount)
      : check.read.worksheet.getRangeByIndexes(r, removal.column, 1, removal.values.length);
    if (inTable && table.rowCount <= 2) range.clear("Contents");
    else range.delete("Up");
  }
  await context.sync();
  return { stale: [], undo };
}

/**
 * Apply `fixes` (all or nothing), then validate again. Resolves to the new validation and what undo
 * needs, or, when a `from` no longer holds, to the cells that changed and a fresh validation.
 */
export async function applyFixes(context: Excel.RequestContext, fixes: ReadonlyArray<Fix>, options: ValidateWorkbookOptions): Promise<FixOutcome> {
  const edits = fixes.flatMap((f) => f.edits);
  const { stale, undo } = await runEdits(context, {
    set: edits.filter((e): e is CellEdit => !isAppendEdit(e)),
    append: edits.filter(isAppendEdit),
    remove: [],
  });
  const outcome = await validateWorkbook(context, options);
  return undo ? { applied: true, outcome, undo } : { applied: false, stale, outcome };
}

/** Write back what a fix replaced and remove the rows it appended, if the fix's values still stand; then validate again. */
export async function undoFixes(context: Excel.RequestContext, token: UndoToken, options: ValidateWorkbookOptions): Promise<UndoOutcome> {
  const { stale } = await runEdits(context, { set: token.edits, append: [], remove: token.appended });
  const outcome = await validateWorkbook(context, options);
  return stale.length === 0 ? { undone: true, outcome } : { undone: false, stale, outcome };
}
