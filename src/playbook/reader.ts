/**
 * Reads a workbook snapshot into the typed plan (WORKBOOK.md, "How a reader finds the data").
 * Pure: no Office, no file I/O. Never throws on cell content; what does not fit is recorded as an
 * invalid cell (DATA-03) and read as empty.
 */
import { cellLocation, type Location } from "./location";
import type {
  AcceptanceRow,
  Contract,
  Field,
  FoundColumn,
  HostedMunicipality,
  Institution,
  InvalidCell,
  Ownership,
  Person,
  Plan,
  RowBase,
  Seat,
  SettingRow,
  Settings,
  SheetInfo,
  Unit,
} from "./model";
import { isCellError, isDate, type CellValue, type SheetSnapshot, type WorkbookSnapshot } from "./snapshot";
import {
  INVALID,
  enumIndex,
  isEmpty,
  isPlaceholderKey,
  parseDate,
  parseEnum,
  parseNumber,
  parseText,
  parseYesNo,
  type EnumIndex,
  type Parsed,
} from "./values";
import {
  ACCEPTED_SHEET,
  DATA_SHEETS,
  ENUMS,
  OWNERSHIP_RESPONSIBILITIES,
  PROJECT_SHEET,
  ROLES,
  SETTINGS,
  matchesSheet,
  normalizeHeaderLoose,
  normalizeKey,
  type ColumnSpec,
  type EnumName,
  type Lang,
  type SettingKey,
  type SettingSpec,
  type SheetKey,
  type SheetSpec,
} from "./vocabulary";

const ENUM_INDEXES = Object.fromEntries(
  (Object.keys(ENUMS) as EnumName[]).map((name) => [name, enumIndex(ENUMS[name])]),
) as Record<EnumName, EnumIndex<string>>;

const HEADER_SCAN_ROWS = 100;

/** Find a sheet by its Danish name or English alias, case- and space-insensitively. */
export function findSheet(snapshot: WorkbookSnapshot, spec: { da: string; en: string }): SheetSnapshot | undefined {
  return snapshot.sheets.find((s) => matchesSheet(s.name, spec));
}

function headerText(raw: CellValue | undefined): string | null {
  if (raw === null || raw === undefined || isCellError(raw) || isDate(raw)) return null;
  const s = String(raw).trim();
  return s === "" ? null : s;
}

function matchesHeader(text: string, spec: { da: string; en: string }): boolean {
  const k = normalizeKey(text);
  if (k === normalizeKey(spec.da) || k === normalizeKey(spec.en)) return true;
  const loose = normalizeHeaderLoose(text);
  return loose !== "" && (loose === normalizeHeaderLoose(spec.da) || loose === normalizeHeaderLoose(spec.en));
}

/** Map a row's cells to the spec's columns; the first matching cell wins. */
function mapColumns(row: ReadonlyArray<CellValue> | undefined, columns: ReadonlyArray<ColumnSpec>): Record<string, FoundColumn> {
  const found: Record<string, FoundColumn> = {};
  if (!row) return found;
  for (let c = 0; c < row.length; c++) {
    const text = headerText(row[c]);
    if (text === null) continue;
    for (const spec of columns) {
      if (found[spec.key]) continue;
      if (matchesHeader(text, spec)) {
        found[spec.key] = { spec, index: c, header: text };
        break;
      }
    }
  }
  return found;
}

/** The header row is the first row that holds the sheet's headers (two or more, or one for tiny sheets). */
function locateHeader(sheet: SheetSnapshot, spec: SheetSpec): { row: number; columns: Record<string, FoundColumn> } | null {
  const limit = Math.min(sheet.rows.length, HEADER_SCAN_ROWS);
  const wanted = Math.min(2, spec.columns.length);
  let fallback: { row: number; columns: Record<string, FoundColumn> } | null = null;
  for (let r = 0; r < limit; r++) {
    const columns = mapColumns(sheet.rows[r], spec.columns);
    const n = Object.keys(columns).length;
    if (n >= wanted) return { row: r + 1, columns };
    if (n > 0 && !fallback) fallback = { row: r + 1, columns };
  }
  return fallback;
}

interface SheetRead {
  info: SheetInfo;
  sheet: SheetSnapshot;
  /** 1-based numbers of the non-empty data rows. */
  rows: number[];
}

function readSheet(snapshot: WorkbookSnapshot, spec: SheetSpec): SheetRead | null {
  const sheet = findSheet(snapshot, spec);
  if (!sheet) return null;
  const header = locateHeader(sheet, spec);
  const columns = header?.columns ?? {};
  const missingColumns = spec.columns.filter((c) => c.columnRequired && !columns[c.key]);
  const rows: number[] = [];
  if (header) {
    const indexes = Object.values(columns).map((c) => c.index);
    for (let r = header.row; r < sheet.rows.length; r++) {
      if (!allEmpty(sheet.rows[r] ?? [], indexes)) rows.push(r + 1);
    }
  }
  return {
    info: { spec, name: sheet.name, headerRow: header?.row ?? null, columns, missingColumns, rowCount: rows.length },
    sheet,
    rows,
  };
}

/** How a sheet of `spec` stands in the workbook (its name, header row and columns); null when it is absent. */
export function sheetInfo(snapshot: WorkbookSnapshot, spec: SheetSpec): SheetInfo | null {
  return readSheet(snapshot, spec)?.info ?? null;
}

function allEmpty(cells: ReadonlyArray<CellValue>, indexes: ReadonlyArray<number>): boolean {
  for (let i = 0; i < indexes.length; i++) if (!isEmpty(cells[indexes[i]])) return false;
  return true;
}

function cellsOf(read: SheetRead, row: number): ReadonlyArray<CellValue> {
  return read.sheet.rows[row - 1] ?? [];
}

function parseByType(raw: CellValue | undefined, type: ColumnSpec["type"] | SettingSpec["type"], enumName?: EnumName): Parsed<unknown> {
  if (isCellError(raw)) return INVALID;
  switch (type) {
    case "text":
    case "person":
      return parseText(raw);
    case "date":
      return parseDate(raw);
    case "number":
      return parseNumber(raw);
    case "yesno":
      return parseYesNo(raw);
    case "enum":
      return parseEnum(raw, ENUM_INDEXES[enumName as EnumName]);
  }
}

/** An empty field: a column or setting the workbook lacks (its place: the row, or the sheet). */
function emptyField(sheet: string | null, row: number | null, value: unknown = null): Field<unknown> {
  return Object.freeze({ value, present: false, invalid: false, raw: null, sheet, row, column: null, columnIndex: null });
}

/** One cell, parsed by its column's type; what does not fit is recorded as an invalid cell (DATA-03). */
function readField(sheet: string, row: number, column: FoundColumn, cells: ReadonlyArray<CellValue>, invalidCells: InvalidCell[]): Field<unknown> {
  const { spec } = column;
  const raw = cells[column.index] ?? null;
  const present = !isEmpty(raw);
  const parsed = parseByType(raw, spec.type, spec.enum);
  const field = Object.freeze({
    value: parsed === INVALID ? null : parsed,
    present,
    invalid: parsed === INVALID,
    raw,
    sheet,
    row,
    column: column.header,
    columnIndex: column.index,
  });
  if (field.invalid) invalidCells.push({ at: cellLocation(field), raw, expected: spec.type, list: spec.enum });
  else if (spec.valueRequired && !present && spec.key !== "name") invalidCells.push({ at: cellLocation(field), raw, expected: "required" });
  return field;
}

type DataRow = RowBase & Record<string, unknown>;

/**
 * A data sheet's rows: one plain object per row, with one Field per column of the sheet's spec (an
 * empty one at the row for a column the sheet lacks), and what `derive` adds from those fields.
 */
function readRows<R extends RowBase>(read: SheetRead | null, invalidCells: InvalidCell[], derive?: (row: DataRow) => void): R[] {
  if (!read) return [];
  const { info } = read;
  const columns = info.spec.columns.map((spec) => ({ key: spec.key, found: info.columns[spec.key] }));
  return read.rows.map((row) => {
    const cells = cellsOf(read, row);
    const at: Location = { sheet: info.name, row, column: null, cell: null };
    const data: DataRow = { row, at };
    let absent: Field<unknown> | undefined;
    for (const { key, found } of columns) data[key] = found ? readField(info.name, row, found, cells, invalidCells) : (absent ??= emptyField(info.name, row));
    derive?.(data);
    return data as unknown as R;
  });
}

function readSettings(
  invalidCells: InvalidCell[],
  read: SheetRead | null,
): { settings: Settings; settingRows: Partial<Record<SettingKey, SettingRow>> } {
  const settingRows: Partial<Record<SettingKey, SettingRow>> = {};
  const fields: Partial<Record<SettingKey, Field<unknown>>> = {};
  const sheetName = read?.info.name ?? PROJECT_SHEET.da;
  if (read) {
    const fieldColumn = read.info.columns["field"];
    const valueColumn = read.info.columns["value"];
    if (fieldColumn) {
      for (const row of read.rows) {
        const cells = cellsOf(read, row);
        const name = headerText(cells[fieldColumn.index]);
        if (name === null) continue;
        const spec = SETTINGS.find((s) => matchesHeader(name, s));
        if (!spec || settingRows[spec.key]) continue;
        settingRows[spec.key] = { spec, row, label: name };
        if (!valueColumn) {
          fields[spec.key] = emptyField(read.info.name, row, spec.default);
          continue;
        }
        const raw = cells[valueColumn.index] ?? null;
        const place = { sheet: read.info.name, row, column: valueColumn.header, columnIndex: valueColumn.index };
        const present = !isEmpty(raw);
        let parsed: Parsed<unknown> = parseByType(raw, spec.type);
        if (spec.key === "currentSystems" && typeof parsed === "string") {
          parsed = parsed
            .split(/[;\n]/)
            .map((s) => s.trim())
            .filter((s) => s !== "");
        }
        const invalid = parsed === INVALID;
        if (invalid) invalidCells.push({ at: cellLocation(place), raw, expected: spec.type });
        const value = invalid ? null : parsed;
        fields[spec.key] = Object.freeze({ value: value ?? (present ? null : spec.default), present, invalid, raw, ...place });
      }
    }
  }
  const settings = {} as Record<SettingKey, Field<unknown>>;
  for (const spec of SETTINGS) {
    settings[spec.key] = fields[spec.key] ?? emptyField(read ? sheetName : null, null, spec.default);
  }
  return { settings: settings as unknown as Settings, settingRows };
}

const OWNERSHIP_KEYS = new Map(OWNERSHIP_RESPONSIBILITIES.map((r) => [normalizeKey(r.key), r.key]));
const ROLE_BODY = new Map(ROLES.map((r) => [r.key, r.body]));

/** What the rules use of a Personer row besides its cells: the name as a key, and the body it sits in. */
function derivePerson(row: DataRow): void {
  const p = row as unknown as Person;
  p.nameKey = p.name.value ? normalizeKey(p.name.value) : null;
  p.named = p.nameKey !== null && !isPlaceholderKey(p.nameKey);
  const role = p.role.value;
  p.effectiveBody = p.body.value ?? (role ? (ROLE_BODY.get(role) ?? null) : null);
}

/** An Ejerskab row's responsibility key, when it names one of the playbook's. */
function deriveOwnership(row: DataRow): void {
  const o = row as unknown as Ownership;
  const key = o.key.value;
  o.ownershipKey = key ? (OWNERSHIP_KEYS.get(normalizeKey(key)) ?? null) : null;
}

/** English when more of the found sheets are named by their English alias than by their Danish name. */
function workbookLang(found: ReadonlyArray<SheetInfo | null>): Lang {
  let english = 0;
  for (const info of found) {
    if (!info) continue;
    const name = normalizeKey(info.name);
    if (name === normalizeKey(info.spec.en) && name !== normalizeKey(info.spec.da)) english++;
    else if (name === normalizeKey(info.spec.da) && name !== normalizeKey(info.spec.en)) english--;
  }
  return english > 0 ? "en" : "da";
}

/** Read a workbook snapshot into the plan. Never throws on cell content. */
export function readPlan(snapshot: WorkbookSnapshot): Plan {
  const invalidCells: InvalidCell[] = [];
  const reads = {} as Record<SheetKey, SheetRead | null>;
  for (const spec of DATA_SHEETS) reads[spec.key] = readSheet(snapshot, spec);
  const sheets = { accepted: null, validation: null, timeline: null, history: null, status: null } as Record<SheetKey, SheetInfo | null>;
  for (const spec of DATA_SHEETS) sheets[spec.key] = reads[spec.key]?.info ?? null;
  const missingSheets = DATA_SHEETS.filter((s) => s.required && !reads[s.key]);

  const { settings, settingRows } = readSettings(invalidCells, reads.project);
  const people = readRows<Person>(reads.people, invalidCells, derivePerson);
  const units = readRows<Unit>(reads.units, invalidCells);
  const ownership = readRows<Ownership>(reads.ownership, invalidCells, deriveOwnership);
  const seats = readRows<Seat>(reads.seats, invalidCells);
  const contracts = readRows<Contract>(reads.contracts, invalidCells);
  const institutions = readRows<Institution>(reads.institutions, invalidCells);
  const hostedMunicipalities = readRows<HostedMunicipality>(reads.operationsCentre, invalidCells);
  // Accepterede is optional; a date that cannot be read is DATA-03, an empty Regel or Begrundelse is DATA-07.
  const acceptedRead = readSheet(snapshot, ACCEPTED_SHEET);
  sheets.accepted = acceptedRead?.info ?? null;
  const acceptedInvalid: InvalidCell[] = [];
  const acceptances = readRows<AcceptanceRow>(acceptedRead, acceptedInvalid);
  for (const cell of acceptedInvalid) if (cell.expected !== "required") invalidCells.push(cell);

  const peopleByName = new Map<string, Person[]>();
  for (const p of people) {
    if (!p.nameKey) continue;
    const list = peopleByName.get(p.nameKey);
    if (list) list.push(p);
    else peopleByName.set(p.nameKey, [p]);
  }

  return {
    lang: workbookLang(DATA_SHEETS.map((spec) => sheets[spec.key])),
    sheets,
    missingSheets,
    invalidCells,
    settings,
    settingRows,
    people,
    units,
    ownership,
    seats,
    contracts,
    institutions,
    hostedMunicipalities,
    acceptances,
    peopleByName,
  };
}
