/**
 * What "Generate / update sheets" must add to a workbook, worked out from what is there and from the
 * workbook's description (src/playbook/workbook-layout.ts, which the command line's `init` applies
 * too). Pure: the Office side (generate.ts) reads the state, asks this file what to change, and
 * applies it.
 *
 * Principle: only add. A value the user typed, a column or sheet of their own, a format or drop-down
 * they chose, is never changed. Existing columns get a drop-down only where the column has no data
 * validation at all, and the date format only on cells still in the General format.
 */
import type { SheetInfo } from "../playbook/model";
import type { CellValue } from "../playbook/snapshot";
import { OWNERSHIP_RESPONSIBILITIES, SETTINGS, normalizeKey, type Lang } from "../playbook/vocabulary";
import { formattedThrough, settingCell, type ColumnLayout, type DropDown, type Prompt, type SettingCellLayout, type SheetLayout } from "../playbook/workbook-layout";
import { toOffice, widthInPoints, type OfficeValue } from "./cells";

/** A rectangle of cells, 0-based. */
export interface Rect {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

const GENERAL = "General";

export interface TableRect extends Rect {
  name: string;
}

/** What the read step found of one data sheet that exists. */
export interface ExistingSheet {
  name: string;
  /** The snapshot rows (A1 origin). */
  rows: ReadonlyArray<ReadonlyArray<CellValue>>;
  /** How the engine's reader sees the sheet. */
  info: SheetInfo;
  /** The table whose header row is the sheet's header row, if any. */
  table: TableRect | null;
  frozen: boolean;
}

/** A probe: the data validation type and/or the number formats of a range, read before planning. */
export interface ProbeRequest {
  key: string;
  rect: Rect;
  validation: boolean;
  formats: boolean;
}

export interface ProbeResult {
  /** `DataValidation.type`: "None" when the range has no validation anywhere. */
  validation?: string;
  formats?: string[][];
}

/** The changes to one sheet, in the order they are applied. */
export interface SheetChanges {
  sheet: string;
  /** Add the worksheet first. */
  create: boolean;
  writes: Array<{ rect: Rect; values: OfficeValue[][] }>;
  /** Make a table over this rectangle (header row included); name null when the name is taken. */
  newTable: { rect: Rect; name: string | null } | null;
  /** Columns to add at the right end of an existing table. */
  tableColumns: { table: string; headers: string[] } | null;
  /** Rows to add at the bottom of an existing table. */
  tableRows: { table: string; values: OfficeValue[][] } | null;
  numberFormats: Array<{ rect: Rect; formats: string[][] }>;
  dropDowns: Array<{ rect: Rect; dropDown: DropDown }>;
  /** Input messages (Projekt values); on cells that have no data validation yet, or with the drop-down just added. */
  prompts: Array<{ rect: Rect; prompt: Prompt }>;
  widths: Array<{ column: number; points: number }>;
  freezeRows: number | null;
}

export interface GenerationPlan {
  sheets: SheetChanges[];
  createdSheets: string[];
  addedColumns: string[];
  addedRows: number;
  /** Sheets that hold content but none of the expected headers: left alone. */
  skippedSheets: string[];
  addFormatVersion: boolean;
}

function emptyChanges(sheet: string, create: boolean): SheetChanges {
  return {
    sheet,
    create,
    writes: [],
    newTable: null,
    tableColumns: null,
    tableRows: null,
    numberFormats: [],
    dropDowns: [],
    prompts: [],
    widths: [],
    freezeRows: null,
  };
}

export function hasChanges(c: SheetChanges): boolean {
  return (
    c.create ||
    c.writes.length > 0 ||
    c.newTable !== null ||
    c.tableColumns !== null ||
    c.tableRows !== null ||
    c.numberFormats.length > 0 ||
    c.dropDowns.length > 0 ||
    c.prompts.length > 0 ||
    c.widths.length > 0 ||
    c.freezeRows !== null
  );
}

function fill<T>(rows: number, columns: number, value: T): T[][] {
  return Array.from({ length: rows }, () => new Array<T>(columns).fill(value));
}

function column(rect: Rect, index: number): Rect {
  return { row: rect.row, column: index, rows: rect.rows, columns: 1 };
}

/** A Projekt value cell of a new row: its setting's format, drop-down and prompt. */
function settingCellFormats(changes: SheetChanges, setting: SettingCellLayout, cell: Rect): void {
  if (setting.numberFormat) changes.numberFormats.push({ rect: cell, formats: [[setting.numberFormat]] });
  if (setting.dropDown) changes.dropDowns.push({ rect: cell, dropDown: setting.dropDown });
  changes.prompts.push({ rect: cell, prompt: setting.prompt });
}

function columnFormats(changes: SheetChanges, c: ColumnLayout, rect: Rect): void {
  if (c.numberFormat) changes.numberFormats.push({ rect, formats: fill(rect.rows, 1, c.numberFormat) });
  if (c.dropDown) changes.dropDowns.push({ rect, dropDown: c.dropDown });
}

/** A whole sheet from the layout, at A1 (a new sheet, or an existing one that is empty). */
export function planFreshSheet(template: SheetLayout, name: string, create: boolean, tableName: string | null): SheetChanges {
  const changes = emptyChanges(name, create);
  const width = template.columns.length;
  const values = [template.columns.map((c) => c.header), ...template.rows.map((r) => r.cells.map(toOffice))];
  changes.writes.push({ rect: { row: 0, column: 0, rows: values.length, columns: width }, values });
  changes.newTable = { rect: { row: 0, column: 0, rows: values.length, columns: width }, name: tableName };
  // Drop-downs and formats from row 2 to the layout's last formatted row, as `init` writes them.
  const body: Rect = { row: 1, column: 0, rows: template.formattedThrough - 1, columns: width };
  template.columns.forEach((c, i) => {
    columnFormats(changes, c, column(body, i));
    changes.widths.push({ column: i, points: widthInPoints(c.width) });
  });
  template.settingCells.forEach((setting, r) => settingCellFormats(changes, setting, { row: 1 + r, column: 1, rows: 1, columns: 1 }));
  changes.freezeRows = template.frozenRows;
  return changes;
}

/** The template rows a sheet lacks (by index): missing Projekt settings, missing OWN-n responsibilities. */
function missingRows(input: ExistingSheetInput): number[] {
  const absent = (keys: ReadonlyArray<string>, has: (key: string) => boolean) => keys.map((k, i) => (has(k) ? -1 : i)).filter((i) => i >= 0);
  if (input.template.key === "project") {
    return absent(
      input.template.rows.map((r) => r.setting as string),
      (key) => input.settingRows.some((r) => r.key === key),
    );
  }
  if (input.template.key === "ownership") {
    return absent(
      OWNERSHIP_RESPONSIBILITIES.map((r) => r.key),
      (key) => input.ownershipKeys.has(key),
    );
  }
  return [];
}

/** Rows of Ejerskab whose key is empty but whose text is one of the playbook's responsibilities. */
export interface KeylessOwnershipRow {
  row: number;
  responsibility: string | null;
}

export interface ExistingSheetInput {
  template: SheetLayout;
  sheet: ExistingSheet;
  lang: Lang;
  /** Projekt: the settings that have a row, and the row (1-based). */
  settingRows: ReadonlyArray<{ key: string; row: number }>;
  /** Ejerskab: the OWN keys present. */
  ownershipKeys: ReadonlySet<string>;
  /** Ejerskab: rows without a key, to recognise by their text. */
  keylessOwnership: ReadonlyArray<KeylessOwnershipRow>;
}

/** Last used row (1-based, 0 when empty) and the used width of a sheet's rows. */
export function extent(rows: ReadonlyArray<ReadonlyArray<CellValue>>): { lastRow: number; width: number } {
  let lastRow = 0;
  let width = 0;
  rows.forEach((row, r) => {
    let last = -1;
    for (let c = row.length - 1; c >= 0; c--) {
      const v = row[c];
      if (v !== null && v !== undefined && v !== "") {
        last = c;
        break;
      }
    }
    if (last >= 0) {
      lastRow = r + 1;
      width = Math.max(width, last + 1);
    }
  });
  return { lastRow, width };
}

/**
 * Where the data of an existing sheet's columns lies: the table's body (Excel carries a table
 * column's drop-down and format into rows added to the table), or the rows under the header down
 * to the layout's last formatted row.
 */
function bodyRect(sheet: ExistingSheet, extraRows: number): { row: number; rows: number } {
  const headerRow = sheet.info.headerRow as number;
  if (sheet.table) return { row: sheet.table.row + 1, rows: Math.max(1, sheet.table.rows - 1 + extraRows) };
  const { lastRow } = extent(sheet.rows);
  return { row: headerRow, rows: formattedThrough(Math.max(lastRow, headerRow)) - headerRow };
}

/** The probes an existing sheet needs before planning: its existing list and date columns, and Projekt values. */
export function probeRequests(input: ExistingSheetInput): ProbeRequest[] {
  const { template, sheet } = input;
  const requests: ProbeRequest[] = [];
  if (sheet.info.headerRow === null) return requests;
  const { lastRow } = extent(sheet.rows);
  const headerRow = sheet.info.headerRow;
  // Probe as far as formats may go (a table's empty rows, the open rows below a plain range).
  const rows = formattedThrough(Math.max(lastRow, headerRow + 1)) - headerRow;
  if (template.key === "project") {
    const valueColumn = sheet.info.columns["value"];
    const fieldColumn = sheet.info.columns["field"];
    if (!valueColumn || !fieldColumn) return requests;
    for (const row of input.settingRows) {
      const spec = SETTINGS.find((s) => s.key === row.key);
      if (!spec || (spec.type !== "date" && spec.type !== "yesno")) continue;
      requests.push({
        key: `setting:${spec.key}`,
        rect: { row: row.row - 1, column: valueColumn.index, rows: 1, columns: 1 },
        validation: spec.type === "yesno",
        formats: spec.type === "date",
      });
    }
    return requests;
  }
  for (const c of template.columns) {
    const found = sheet.info.columns[c.key];
    if (!found || (!c.dropDown && !c.numberFormat)) continue;
    requests.push({
      key: `column:${c.key}`,
      rect: { row: headerRow, column: found.index, rows, columns: 1 },
      validation: c.dropDown !== null,
      formats: c.numberFormat !== null,
    });
  }
  return requests;
}

const OWNERSHIP_BY_TEXT = new Map(
  OWNERSHIP_RESPONSIBILITIES.flatMap((r) => [
    [normalizeKey(r.da), r.key],
    [normalizeKey(r.en), r.key],
  ]),
);

/** What an existing sheet with a header row lacks. */
export function planExistingSheet(input: ExistingSheetInput, probes: ReadonlyMap<string, ProbeResult>): { changes: SheetChanges; addedColumns: string[]; addedRows: number } {
  const { template, sheet, lang } = input;
  const changes = emptyChanges(sheet.name, false);
  const settings = new Map(SETTINGS.map((spec) => [spec.key as string, settingCell(spec, lang)]));
  const headerRow = sheet.info.headerRow as number;
  const { lastRow, width } = extent(sheet.rows);
  const table = sheet.table;

  // 1. Missing columns, at the right end of the table or of the used range.
  const positions: Record<string, number> = {};
  for (const c of template.columns) {
    const found = sheet.info.columns[c.key];
    if (found) positions[c.key] = found.index;
  }
  const missing = template.columns.filter((c) => positions[c.key] === undefined);
  let next = table ? table.column + table.columns : width;
  for (const c of missing) positions[c.key] = next++;
  if (missing.length > 0) {
    if (table) changes.tableColumns = { table: table.name, headers: missing.map((c) => c.header) };
    else {
      const first = positions[missing[0].key];
      changes.writes.push({ rect: { row: headerRow - 1, column: first, rows: 1, columns: missing.length }, values: [missing.map((c) => c.header)] });
    }
    for (const c of missing) changes.widths.push({ column: positions[c.key], points: widthInPoints(c.width) });
  }

  // 2. Missing rows (Projekt settings, OWN-n), and keys for ownership rows recognised by their text.
  const rowIndexes = missingRows(input);
  const keyed = new Set<string>();
  if (template.key === "ownership" && positions["key"] !== undefined) {
    for (const r of input.keylessOwnership) {
      const key = r.responsibility ? OWNERSHIP_BY_TEXT.get(normalizeKey(r.responsibility)) : undefined;
      if (!key || input.ownershipKeys.has(key) || keyed.has(key)) continue;
      keyed.add(key);
      changes.writes.push({ rect: { row: r.row - 1, column: positions["key"], rows: 1, columns: 1 }, values: [[key]] });
    }
  }
  const appended = rowIndexes.filter((i) => !(template.key === "ownership" && keyed.has(OWNERSHIP_RESPONSIBILITIES[i].key)));
  const left = table ? table.column : Math.min(...Object.values(positions));
  const right = table ? table.column + table.columns + missing.length - 1 : Math.max(...Object.values(positions));
  const firstNewRow = table ? table.row + table.rows : Math.max(lastRow, headerRow);
  if (appended.length > 0) {
    const values = appended.map((i) => {
      const row = new Array<OfficeValue>(right - left + 1).fill("");
      template.columns.forEach((c, ci) => {
        row[positions[c.key] - left] = toOffice(template.rows[i].cells[ci]);
      });
      return row;
    });
    if (table) changes.tableRows = { table: table.name, values };
    else changes.writes.push({ rect: { row: firstNewRow, column: left, rows: values.length, columns: values[0].length }, values });
    if (template.key === "project") {
      appended.forEach((i, k) => {
        settingCellFormats(changes, template.settingCells[i], { row: firstNewRow + k, column: positions["value"], rows: 1, columns: 1 });
      });
    }
  }

  // 3. Drop-downs and date formats: on new columns always, on existing ones only where nothing is set.
  if (template.key !== "project") {
    const body = bodyRect(sheet, table ? appended.length : 0);
    for (const c of template.columns) {
      const rect: Rect = { row: body.row, column: positions[c.key], rows: body.rows, columns: 1 };
      if (missing.includes(c)) {
        columnFormats(changes, c, rect);
        continue;
      }
      const probe = probes.get(`column:${c.key}`);
      if (!probe) continue;
      if (c.dropDown && probe.validation === "None") changes.dropDowns.push({ rect, dropDown: c.dropDown });
      if (c.numberFormat && probe.formats) addGeneralCellFormats(changes, probe.formats, rect, c.numberFormat, headerRow);
    }
  }
  if (template.key === "project") {
    // A setting row the user has: its drop-down where the cell has no validation, its date format
    // where the cell is still General; no prompt (a prompt cannot be probed, and one may be there).
    for (const { key, row } of input.settingRows) {
      const setting = settings.get(key);
      const probe = probes.get(`setting:${key}`);
      if (!setting || !probe || positions["value"] === undefined) continue;
      const cell: Rect = { row: row - 1, column: positions["value"], rows: 1, columns: 1 };
      if (setting.dropDown && probe.validation === "None") changes.dropDowns.push({ rect: cell, dropDown: setting.dropDown });
      if (setting.numberFormat && probe.formats?.[0]?.[0] === GENERAL) changes.numberFormats.push({ rect: cell, formats: [[setting.numberFormat]] });
    }
  }

  // 4. A frozen header row, unless the user froze panes their own way.
  if (!sheet.frozen) changes.freezeRows = headerRow;

  return {
    changes,
    addedColumns: missing.map((c) => `${sheet.name}: ${c.header}`),
    addedRows: appended.length,
  };
}

/** Date format on the cells of `rect` that are still General, keeping every other format as it is. */
function addGeneralCellFormats(changes: SheetChanges, probed: string[][], rect: Rect, format: string, probeRow: number): void {
  const formats: string[][] = [];
  let any = false;
  for (let r = 0; r < rect.rows; r++) {
    const current = probed[rect.row + r - probeRow]?.[0];
    if (current === undefined) break; // beyond what was probed: leave it
    if (current === GENERAL) any = true;
    formats.push([current === GENERAL ? format : current]);
  }
  if (any) changes.numberFormats.push({ rect: { ...rect, rows: formats.length }, formats });
}
