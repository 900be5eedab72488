/**
 * Reads a workbook snapshot into the typed plan (WORKBOOK.md, "How a reader finds the data").
 * Pure: no Office, no file I/O. Never throws on cell content; what does not fit is recorded as an
 * invalid cell (DATA-03) and read as empty.
 */
import type { Day } from "./dates";
import { a1, sheetLocation, type Location } from "./location";
import type {
  Contract,
  Field,
  FoundColumn,
  HostedMunicipality,
  Institution,
  InvalidCell,
  Ownership,
  Person,
  Plan,
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
  isPlaceholderName,
  parseDate,
  parseEnum,
  parseNumber,
  parseText,
  parseYesNo,
  type EnumIndex,
  type Parsed,
} from "./values";
import {
  DATA_SHEETS,
  ENUMS,
  OWNERSHIP_RESPONSIBILITIES,
  PROJECT_SHEET,
  ROLES,
  SETTINGS,
  normalizeHeaderLoose,
  normalizeKey,
  type ColumnSpec,
  type EnumName,
  type OwnershipKey,
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
  const wanted = new Set([normalizeKey(spec.da), normalizeKey(spec.en)]);
  return snapshot.sheets.find((s) => wanted.has(normalizeKey(s.name)));
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
  /** Non-empty data rows: 1-based row number and the cells. */
  rows: Array<{ row: number; cells: ReadonlyArray<CellValue> }>;
}

function readSheet(snapshot: WorkbookSnapshot, spec: SheetSpec): SheetRead | null {
  const sheet = findSheet(snapshot, spec);
  if (!sheet) return null;
  const header = locateHeader(sheet, spec);
  const columns = header?.columns ?? {};
  const missingColumns = spec.columns.filter((c) => c.columnRequired && !columns[c.key]);
  const rows: SheetRead["rows"] = [];
  if (header) {
    const indexes = Object.values(columns).map((c) => c.index);
    for (let r = header.row; r < sheet.rows.length; r++) {
      const cells = sheet.rows[r] ?? [];
      if (indexes.every((i) => isEmpty(cells[i]))) continue;
      rows.push({ row: r + 1, cells });
    }
  }
  return {
    info: { spec, name: sheet.name, headerRow: header?.row ?? null, columns, missingColumns, rowCount: rows.length },
    rows,
  };
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

/**
 * A data cell's field. Its location is made only when asked for (a finding needs it): a large plan
 * has a hundred thousand fields, and most never become a finding.
 */
class CellField<T> implements Field<T> {
  private location: Location | undefined;

  constructor(
    readonly value: T | null,
    readonly present: boolean,
    readonly invalid: boolean,
    readonly raw: CellValue,
    private readonly sheet: string,
    private readonly row: number,
    private readonly column: FoundColumn,
  ) {}

  get at(): Location {
    return (this.location ??= { sheet: this.sheet, row: this.row, column: this.column.header, cell: a1(this.row, this.column.index) });
  }
}

class PlanReader {
  readonly invalidCells: InvalidCell[] = [];

  /** A field for a cell of a data row; records DATA-03 when the value does not fit. */
  field<T>(sheet: SheetInfo, row: number, cells: ReadonlyArray<CellValue>, key: string): Field<T> {
    const column = sheet.columns[key];
    if (!column) {
      return { value: null, present: false, invalid: false, raw: null, at: { sheet: sheet.name, row, column: null, cell: null } };
    }
    const raw = cells[column.index] ?? null;
    const parsed = parseByType(raw, column.spec.type, column.spec.enum);
    const present = !isEmpty(raw);
    if (parsed === INVALID) {
      const field = new CellField<T>(null, present, true, raw, sheet.name, row, column);
      this.invalidCells.push({ at: field.at, raw, expected: column.spec.type, allowed: column.spec.enum ? ENUMS[column.spec.enum] : undefined });
      return field;
    }
    const field = new CellField<T>(parsed as T | null, present, false, raw, sheet.name, row, column);
    if (column.spec.valueRequired && !present && column.spec.key !== "name") {
      this.invalidCells.push({ at: field.at, raw, expected: "required" });
    }
    return field;
  }
}

function rowLocation(sheet: SheetInfo, row: number): Location {
  return { sheet: sheet.name, row, column: null, cell: null };
}

function readSettings(
  reader: PlanReader,
  read: SheetRead | null,
): { settings: Settings; settingRows: Partial<Record<SettingKey, SettingRow>> } {
  const settingRows: Partial<Record<SettingKey, SettingRow>> = {};
  const fields: Partial<Record<SettingKey, Field<unknown>>> = {};
  const sheetName = read?.info.name ?? PROJECT_SHEET.da;
  if (read) {
    const fieldColumn = read.info.columns["field"];
    const valueColumn = read.info.columns["value"];
    if (fieldColumn) {
      for (const { row, cells } of read.rows) {
        const name = headerText(cells[fieldColumn.index]);
        if (name === null) continue;
        const spec = SETTINGS.find((s) => matchesHeader(name, s));
        if (!spec || settingRows[spec.key]) continue;
        settingRows[spec.key] = { spec, row };
        if (!valueColumn) continue;
        const raw = cells[valueColumn.index] ?? null;
        const at: Location = { sheet: read.info.name, row, column: valueColumn.header, cell: a1(row, valueColumn.index) };
        const present = !isEmpty(raw);
        let parsed: Parsed<unknown> = parseByType(raw, spec.type);
        if (spec.key === "currentSystems" && typeof parsed === "string") {
          parsed = parsed
            .split(/[;\n]/)
            .map((s) => s.trim())
            .filter((s) => s !== "");
        }
        const invalid = parsed === INVALID;
        if (invalid) reader.invalidCells.push({ at, raw, expected: spec.type });
        const value = invalid ? null : parsed;
        fields[spec.key] = { value: value ?? (present ? null : spec.default), present, invalid, raw, at };
      }
    }
  }
  const settings = {} as Record<SettingKey, Field<unknown>>;
  for (const spec of SETTINGS) {
    settings[spec.key] = fields[spec.key] ?? {
      value: spec.default,
      present: false,
      invalid: false,
      raw: null,
      at: sheetLocation(read ? sheetName : null),
    };
  }
  return { settings: settings as unknown as Settings, settingRows };
}

const OWNERSHIP_KEYS = new Map(OWNERSHIP_RESPONSIBILITIES.map((r) => [normalizeKey(r.key), r.key]));
const ROLE_BODY = new Map(ROLES.map((r) => [r.key, r.body]));

/** Read a workbook snapshot into the plan. Never throws on cell content. */
export function readPlan(snapshot: WorkbookSnapshot): Plan {
  const reader = new PlanReader();
  const reads = {} as Record<SheetKey, SheetRead | null>;
  for (const spec of DATA_SHEETS) reads[spec.key] = readSheet(snapshot, spec);
  const sheets = { validation: null, timeline: null } as Record<SheetKey, SheetInfo | null>;
  for (const spec of DATA_SHEETS) sheets[spec.key] = reads[spec.key]?.info ?? null;
  const missingSheets = DATA_SHEETS.filter((s) => s.required && !reads[s.key]);

  const { settings, settingRows } = readSettings(reader, reads.project);

  function rowsOf<T>(key: SheetKey, make: (f: <V>(k: string) => Field<V>, row: number, at: Location) => T): T[] {
    const read = reads[key];
    if (!read) return [];
    return read.rows.map(({ row, cells }) => {
      const f = <V>(k: string): Field<V> => reader.field<V>(read.info, row, cells, k);
      return make(f, row, rowLocation(read.info, row));
    });
  }

  const people = rowsOf<Person>("people", (f, row, at) => {
    const name = f<string>("name");
    const body = f<Person["body"] extends Field<infer B> ? B : never>("body");
    const role = f<Person["role"] extends Field<infer R> ? R : never>("role");
    return {
      row,
      at,
      name,
      nameKey: name.value ? normalizeKey(name.value) : null,
      named: !name.invalid && !isPlaceholderName(name.value),
      email: f("email"),
      sector: f("sector"),
      body,
      effectiveBody: body.value ?? (role.value ? (ROLE_BODY.get(role.value) ?? null) : null),
      role,
      decisionAuthority: f("decisionAuthority"),
      chair: f("chair"),
      overallLead: f("overallLead"),
      contact: f("contact"),
      hoursPerWeek: f("hoursPerWeek"),
      currentSystem: f("currentSystem"),
      prerequisitesMet: f("prerequisitesMet"),
    };
  });

  const units = rowsOf<Unit>("units", (f, row, at) => ({ row, at, unit: f("unit"), type: f("type"), superUser: f("superUser") }));

  const ownership = rowsOf<Ownership>("ownership", (f, row, at) => {
    const key = f<string>("key");
    const ownershipKey: OwnershipKey | null = key.value ? (OWNERSHIP_KEYS.get(normalizeKey(key.value)) ?? null) : null;
    return { row, at, key, ownershipKey, responsibility: f("responsibility"), owner: f("owner") };
  });

  const seats = rowsOf<Seat>("seats", (f, row, at) => ({
    row,
    at,
    course: f("course"),
    participant: f("participant"),
    seatType: f("seatType"),
    courseDate: f<Day>("courseDate"),
  }));

  const contracts = rowsOf<Contract>("contracts", (f, row, at) => ({
    row,
    at,
    vendor: f("vendor"),
    system: f("system"),
    type: f("type"),
    start: f("start"),
    expires: f("expires"),
    noticeMonths: f("noticeMonths"),
    extensionMonths: f("extensionMonths"),
    terminatedOn: f("terminatedOn"),
    vendorEndOfSupport: f("vendorEndOfSupport"),
    joinedContingency: f("joinedContingency"),
  }));

  const institutions = rowsOf<Institution>("institutions", (f, row, at) => ({
    row,
    at,
    institution: f("institution"),
    agreement: f("agreement"),
    notifiedOn: f("notifiedOn"),
    decision: f("decision"),
  }));

  const hostedMunicipalities = rowsOf<HostedMunicipality>("operationsCentre", (f, row, at) => ({
    row,
    at,
    municipality: f("municipality"),
    coordinator: f("coordinator"),
    plannedTransition: f("plannedTransition"),
  }));

  const peopleByName = new Map<string, Person[]>();
  for (const p of people) {
    if (!p.nameKey) continue;
    const list = peopleByName.get(p.nameKey);
    if (list) list.push(p);
    else peopleByName.set(p.nameKey, [p]);
  }

  return {
    sheets,
    missingSheets,
    invalidCells: reader.invalidCells,
    settings,
    settingRows,
    people,
    units,
    ownership,
    seats,
    contracts,
    institutions,
    hostedMunicipalities,
    peopleByName,
  };
}
