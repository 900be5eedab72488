/**
 * Fixes on one click (RULES.md, *Fixes*) and their undo. One sync reads what the edits name (each
 * edited cell; for an appended row its sheet's values and table; every sheet's protection), one
 * writes, and the validation after it takes its usual two. Nothing is written unless every `from`
 * still holds and no sheet the edits touch is protected: a cell the user changed meanwhile, a sheet
 * renamed, deleted or protected, a header gone, and the workbook is left untouched (Excel does not
 * roll a failed batch back, so a protected second sheet must be seen before the first is written).
 * A fix writes only the cells it names.
 */
import { isAppendEdit, type AppendEdit, type CellEdit, type Fix } from "../playbook/findings";
import { joinList } from "../playbook/i18n";
import { parseA1 } from "../playbook/location";
import { isCellError, type CellValue } from "../playbook/snapshot";
import { normalizeKey, type Text } from "../playbook/vocabulary";
import type { FixOutcome, StaleEdit, UndoOutcome, UndoToken } from "../port/pane-actions";
import { fromOffice, keptAsTyped, sameSheetName, TEXT_FORMAT, toOffice, type OfficeValue } from "./cells";
import { PlaybookExcelError } from "./errors";
import { loadNames, specOfSheet } from "./read-snapshot";
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

/** Text that Excel could read as something else goes into a text cell (see cells.keptAsTyped). */
function needsTextFormat(value: OfficeValue): boolean {
  return typeof value === "string" && value !== "" && !keptAsTyped(value);
}

/** A sheet the edits name, looked up once in the read batch. */
interface SheetLookup {
  /** Null when the sheet is known not to exist (its name is not among the workbook's). */
  worksheet: Excel.Worksheet | null;
  protection: Excel.WorksheetProtection | null;
}

const exists = (lookup: SheetLookup): lookup is { worksheet: Excel.Worksheet; protection: Excel.WorksheetProtection } =>
  lookup.worksheet !== null && !lookup.worksheet.isNullObject;

interface CellCheck {
  edit: CellEdit;
  lookup: SheetLookup;
  range: Excel.Range | null;
}

interface SheetCheck {
  lookup: SheetLookup;
  read: TableSheetRead | null;
}

type Removal = UndoToken["appended"][number];

interface EditPlan {
  set: ReadonlyArray<CellEdit>;
  append: ReadonlyArray<AppendEdit>;
  remove: ReadonlyArray<Removal>;
  /** Number formats to put back (an undo of a fix that gave cells the text format). */
  formats?: UndoToken["formats"];
}

interface EditReads {
  sheets: Map<string, SheetLookup>;
  cells: CellCheck[];
  tableSheets: Map<string, SheetCheck>;
}

const sheetKey = (sheet: string) => sheet.toLocaleLowerCase("da-DK");
const cellKey = (sheet: string, cell: string) => `${sheetKey(sheet)}!${cell.toUpperCase()}`;

/**
 * Queue the read of everything the edits name. `names` null: every sheet through
 * `getItemOrNullObject`, chaining on sheets (and tables) that may not exist (one sync). With the
 * workbook's sheet and table names known (a host that refused that), only those that exist are looked up.
 */
function queueReads(
  context: Excel.RequestContext,
  plan: EditPlan,
  names: { sheetNames: ReadonlyArray<string>; tableNames: ReadonlyArray<string> } | null,
): EditReads {
  const sheets = new Map<string, SheetLookup>();
  const lookup = (sheet: string): SheetLookup => {
    let found = sheets.get(sheetKey(sheet));
    if (!found) {
      if (names && !names.sheetNames.some((n) => sameSheetName(n, sheet))) found = { worksheet: null, protection: null };
      else {
        const worksheet = context.workbook.worksheets.getItemOrNullObject(sheet);
        worksheet.load("name");
        // ExcelApi 1.2. Writes to a protected sheet fail mid-batch, after the ones before them are done.
        const protection = worksheet.protection;
        protection.load("protected");
        found = { worksheet, protection };
      }
      sheets.set(sheetKey(sheet), found);
    }
    return found;
  };
  const cells: CellCheck[] = plan.set.map((edit) => {
    const sheet = lookup(edit.sheet);
    let range: Excel.Range | null = null;
    if (sheet.worksheet && parseA1(edit.cell)) {
      range = sheet.worksheet.getRange(edit.cell);
      range.load(["values", "valueTypes", "numberFormat"]);
    }
    return { edit, lookup: sheet, range };
  });
  const tableSheets = new Map<string, SheetCheck>();
  for (const sheet of [...plan.append.map((a) => a.sheet), ...plan.remove.map((r) => r.sheet)]) {
    if (tableSheets.has(sheet)) continue;
    const found = lookup(sheet);
    const tables = names ? { context, names: names.tableNames } : null;
    const read = found.worksheet ? queueTableSheetRead(found.worksheet, specOfSheet(sheet)?.table ?? null, tables) : null;
    tableSheets.set(sheet, { lookup: found, read });
  }
  return { sheets, cells, tableSheets };
}

/** One sync; a host that fails it over a sheet that is gone is asked again, for the sheets that exist (two more, reads only). */
async function readEdits(context: Excel.RequestContext, plan: EditPlan): Promise<EditReads> {
  const reads = queueReads(context, plan, null);
  try {
    await context.sync();
    return reads;
  } catch {
    // Nothing was written: read the names, then only what exists.
    const again = queueReads(context, plan, await loadNames(context));
    await context.sync();
    return again;
  }
}

const t = (da: string, en: string): Text => ({ da, en });

/** The sentence for a fix or an undo refused because sheets it touches are protected; nothing was written. */
function protectedSheets(sheets: ReadonlyArray<string>, others: boolean, action: "fix" | "undo"): PlaybookExcelError {
  const list = (lang: "da" | "en") => joinList(sheets.map((s) => `«${s}»`), lang);
  const one = sheets.length === 1;
  const da = `${one ? "Arket" : "Arkene"} ${list("da")} er beskyttet`;
  const en = `${one ? "The sheet" : "The sheets"} ${list("en")} ${one ? "is" : "are"} protected`;
  const what =
    action === "fix"
      ? t(`så rettelsen blev ikke skrevet${others ? ", heller ikke i de andre ark, den retter i" : ""}`, `so the fix was not written${others ? ", nor to the other sheets it changes" : ""}`)
      : t(`så rettelsen blev ikke fortrudt${others ? ", heller ikke i de andre ark" : ""}`, `so the fix was not undone${others ? ", nor on the other sheets" : ""}`);
  return new PlaybookExcelError({
    title: t(da, en),
    detail: t(
      `${da}, ${what.da}. Fjern beskyttelsen (Gennemse > Fjern arkbeskyttelse), og prøv igen.`,
      `${en}, ${what.en}. Remove the protection (Review > Unprotect Sheet) and try again.`,
    ),
  });
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

/**
 * Check every edit against the workbook (one read) and, when all hold and no sheet they touch is
 * protected, write them (one sync). A protected sheet rejects with a sentence that names it.
 */
async function runEdits(
  context: Excel.RequestContext,
  plan: EditPlan,
  action: "fix" | "undo",
): Promise<{ stale: StaleEdit[]; undo: UndoToken | null }> {
  const { sheets, cells, tableSheets } = await readEdits(context, plan);
  const stale: StaleEdit[] = [];

  for (const { edit, lookup, range } of cells) {
    const expected = shown(edit.from);
    if (!exists(lookup) || range === null) {
      stale.push({ sheet: edit.sheet, cell: edit.cell, expected, found: null });
      continue;
    }
    const found = fromOffice(range.values[0][0], range.valueTypes[0][0]);
    if (!holds(edit.from, found)) stale.push({ sheet: edit.sheet, cell: edit.cell, expected, found: shown(found) });
  }
  const appends = plan.append.map((edit) => {
    const check = tableSheets.get(edit.sheet) as SheetCheck;
    const headers = Object.keys(edit.append);
    if (!exists(check.lookup) || !check.read) {
      stale.push({ sheet: edit.sheet, cell: null, expected: headers.join(", "), found: null });
      return null;
    }
    const read = check.read;
    const rows = rowsOfRead(read);
    const layout = appendLayout(rows, headers);
    if (!layout) {
      stale.push({ sheet: edit.sheet, cell: null, expected: headers.join(", "), found: null });
      return null;
    }
    return { edit, read, rows, layout };
  });
  const removals = plan.remove.map((removal) => {
    const check = tableSheets.get(removal.sheet) as SheetCheck;
    const read = exists(check.lookup) ? check.read : null;
    const rows = read ? rowsOfRead(read) : [];
    const row = rows[removal.row - 1] ?? [];
    const still = removal.values.every((v, i) => holds(v, row[removal.column + i] ?? null));
    if (!read || !still) {
      stale.push({ sheet: removal.sheet, cell: null, expected: removal.values.map(String).join(", "), found: null });
    }
    return { removal, read };
  });
  if (stale.length > 0) return { stale, undo: null };

  const present = [...sheets.values()].filter(exists);
  const locked = present.filter((s) => s.protection.protected === true).map((s) => s.worksheet.name);
  if (locked.length > 0) throw protectedSheets(locked, locked.length < present.length, action);

  const restore = new Map((plan.formats ?? []).map((f) => [cellKey(f.sheet, f.cell), f.numberFormat]));
  const undo: UndoToken = { edits: [], appended: [] };
  const formats: NonNullable<UndoToken["formats"]> = [];
  for (const { edit, range } of cells) {
    const cell = range as Excel.Range;
    const value = toOffice(edit.to);
    const back = restore.get(cellKey(edit.sheet, edit.cell));
    if (needsTextFormat(value)) {
      // Into a text cell, so «=…» or «4.10» lands as written; text stays text when the format is put back after it.
      const current = String(cell.numberFormat[0][0]);
      if (current !== TEXT_FORMAT) {
        cell.numberFormat = [[TEXT_FORMAT]];
        if (back === undefined) formats.push({ sheet: edit.sheet, cell: edit.cell, numberFormat: current });
      }
      cell.values = [[value]];
      if (back !== undefined && back !== TEXT_FORMAT) cell.numberFormat = [[back]];
    } else {
      if (back !== undefined) cell.numberFormat = [[back]];
      cell.values = [[value]];
    }
    undo.edits.push({ sheet: edit.sheet, cell: edit.cell, from: edit.to, to: edit.from });
  }
  if (formats.length > 0) undo.formats = formats;
  // Several rows appended to one sheet go one below the other.
  const grown = new Map<string, number>();
  for (const a of appends) {
    if (!a) continue;
    const table = tableOfRead(a.read);
    const place = nextRow(a.layout, table, a.rows);
    const offset = grown.get(a.edit.sheet) ?? 0;
    const at = { row: place.row + offset, growTable: place.growTable || offset > 0 };
    grown.set(a.edit.sheet, offset + 1);
    const columns = [...a.layout.columns.values()];
    const left = Math.min(...columns);
    const values: OfficeValue[] = new Array(Math.max(...columns) - left + 1).fill("");
    const rowCells = [...a.layout.columns].map(([header, column]) => {
      const value = a.edit.append[header];
      values[column - left] = value;
      return { column, value, format: needsTextFormat(value) ? TEXT_FORMAT : null };
    });
    queueRowWrite(a.read.worksheet, table && at.growTable ? { name: table.name, columns: table.columnCount } : null, at, rowCells);
    undo.appended.push({ sheet: a.edit.sheet, row: at.row + 1, column: left, values });
  }
  // Bottom rows first, so the rows above keep their numbers.
  removals.sort((a, b) => b.removal.row - a.removal.row);
  for (const { removal, read } of removals) {
    const worksheet = (read as TableSheetRead).worksheet;
    const table = tableOfRead(read as TableSheetRead);
    const r = removal.row - 1;
    const inTable = table !== null && r > table.rowIndex && r < table.rowIndex + table.rowCount;
    const range = inTable
      ? worksheet.getRangeByIndexes(r, table.columnIndex, 1, table.columnCount)
      : worksheet.getRangeByIndexes(r, removal.column, 1, removal.values.length);
    if (inTable && table.rowCount <= 2) range.clear("Contents");
    else range.delete("Up");
  }
  await context.sync();
  return { stale: [], undo };
}

/**
 * Apply `fixes` (all or nothing), then validate again. Resolves to the new validation and what undo
 * needs, or, when a `from` no longer holds, to the cells that changed and a fresh validation. Rejects
 * with a sentence naming the sheet, having written nothing and not validated, when a sheet the fixes
 * touch is protected.
 */
export async function applyFixes(context: Excel.RequestContext, fixes: ReadonlyArray<Fix>, options: ValidateWorkbookOptions): Promise<FixOutcome> {
  const edits = fixes.flatMap((f) => f.edits);
  const { stale, undo } = await runEdits(context, {
    set: edits.filter((e): e is CellEdit => !isAppendEdit(e)),
    append: edits.filter(isAppendEdit),
    remove: [],
  }, "fix");
  const outcome = await validateWorkbook(context, options);
  return undo ? { applied: true, outcome, undo } : { applied: false, stale, outcome };
}

/**
 * Write back what a fix replaced (and the number formats it changed) and remove the rows it appended,
 * if the fix's values still stand; then validate again. Rejects like {@link applyFixes} on a protected sheet.
 */
export async function undoFixes(context: Excel.RequestContext, token: UndoToken, options: ValidateWorkbookOptions): Promise<UndoOutcome> {
  const { stale } = await runEdits(context, { set: token.edits, append: [], remove: token.appended, formats: token.formats }, "undo");
  const outcome = await validateWorkbook(context, options);
  return stale.length === 0 ? { undone: true, outcome } : { undone: false, stale, outcome };
}
