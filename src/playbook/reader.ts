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
  CONTRACTS_SHEET,
  DATA_SHEETS,
  ENUMS,
  INSTITUTIONS_SHEET,
  OPERATIONS_CENTRE_SHEET,
  OWNERSHIP_SHEET,
  PEOPLE_SHEET,
  SEATS_SHEET,
  UNITS_SHEET,
  OWNERSHIP_RESPONSIBILITIES,
  PROJECT_SHEET,
  ROLES,
  SETTINGS,
  matchesSheet,
  normalizeHeaderLoose,
  normalizeKey,
  type Body,
  type ColumnSpec,
  type ContractType,
  type Course,
  type Decision,
  type EnumName,
  type OwnershipKey,
  type Role,
  type SeatType,
  type Sector,
  type SettingKey,
  type SettingSpec,
  type SheetKey,
  type SheetSpec,
  type UnitType,
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

/** The keys of a row type that are its cells' fields. */
type ColumnKey<R> = { [K in keyof R]: R[K] extends Field<unknown> ? K : never }[keyof R];

/** Each column's slot in a row of the sheet (its place among the spec's columns), for the row classes. */
function slotsOf<R>(spec: SheetSpec): Record<ColumnKey<R>, number> {
  return Object.fromEntries(spec.columns.map((c, slot) => [c.key, slot])) as Record<ColumnKey<R>, number>;
}

/**
 * A data sheet's cells as read, in one table: every row's parsed values in one array (row after row, a
 * slot per column in the spec's order), and one bit per cell for "present" and for "invalid".
 *
 * Built for speed: a large plan has ten thousand rows and a hundred thousand cells, and every small
 * object kept for the plan's life is copied by the garbage collector as the plan ages. An object per
 * cell made the engine spend half its time there; one table per sheet and a small object per row
 * (see {@link DataRow}) leave it little to copy.
 */
class SheetTable {
  /** The found column for each slot (undefined when the column is absent). */
  readonly columns: ReadonlyArray<FoundColumn | undefined>;
  /** Each row's cells from the snapshot, by row index. */
  readonly cells: ReadonlyArray<ReadonlyArray<CellValue>>;
  /** Each row's 1-based sheet row number, by row index. */
  readonly rowNumbers: ReadonlyArray<number>;
  private readonly width: number;
  private readonly values: unknown[];
  private readonly presentBits: Int32Array;
  private readonly invalidBits: Int32Array;

  readonly info: SheetInfo;

  constructor(read: SheetRead, invalidCells: InvalidCell[]) {
    const { info } = read;
    this.info = info;
    this.columns = info.spec.columns.map((c) => info.columns[c.key]);
    this.width = this.columns.length;
    if (this.width > 31) throw new Error(`${info.spec.en}: a row's bits hold at most 31 columns`);
    this.rowNumbers = read.rows;
    this.cells = read.rows.map((row) => cellsOf(read, row));
    this.values = new Array<unknown>(read.rows.length * this.width).fill(null);
    this.presentBits = new Int32Array(read.rows.length);
    this.invalidBits = new Int32Array(read.rows.length);
    for (let index = 0; index < read.rows.length; index++) this.parseRow(index, invalidCells);
  }

  private parseRow(index: number, invalidCells: InvalidCell[]): void {
    const cells = this.cells[index];
    for (let slot = 0; slot < this.width; slot++) {
      const column = this.columns[slot];
      if (!column) continue;
      const { spec } = column;
      const raw = cells[column.index] ?? null;
      const present = !isEmpty(raw);
      if (present) this.presentBits[index] |= 1 << slot;
      const parsed = parseByType(raw, spec.type, spec.enum);
      if (parsed === INVALID) {
        this.invalidBits[index] |= 1 << slot;
        invalidCells.push({ at: this.cellAt(index, slot), raw, expected: spec.type, allowed: spec.enum ? ENUMS[spec.enum] : undefined });
        continue;
      }
      this.values[index * this.width + slot] = parsed;
      if (spec.valueRequired && !present && spec.key !== "name") invalidCells.push({ at: this.cellAt(index, slot), raw, expected: "required" });
    }
  }

  /** A cell's parsed value (null when empty, invalid or the column is absent). */
  value(index: number, slot: number): unknown {
    return this.values[index * this.width + slot];
  }

  isPresent(index: number, slot: number): boolean {
    return (this.presentBits[index] & (1 << slot)) !== 0;
  }

  isInvalid(index: number, slot: number): boolean {
    return (this.invalidBits[index] & (1 << slot)) !== 0;
  }

  raw(index: number, slot: number): CellValue {
    const column = this.columns[slot];
    return column ? (this.cells[index][column.index] ?? null) : null;
  }

  /** Where a cell stands; the row alone when the column is absent. */
  cellAt(index: number, slot: number): Location {
    const row = this.rowNumbers[index];
    const column = this.columns[slot];
    if (!column) return rowLocation(this.info, row);
    return { sheet: this.info.name, row, column: column.header, cell: a1(row, column.index) };
  }
}

/**
 * A data row: its index in its sheet's {@link SheetTable}. Its fields (`person.name` …) are views made
 * when a rule reads them and dropped right after, not objects kept with the plan.
 */
abstract class DataRow implements RowBase {
  // Declared, and assigned in the constructor: as class fields, defined by an initializer that the
  // seven row classes share, they made building a row several times slower.
  declare readonly row: number;
  declare private readonly table: SheetTable;
  declare private readonly index: number;

  constructor(table: SheetTable, index: number) {
    this.table = table;
    this.index = index;
    this.row = table.rowNumbers[index];
  }

  /** The row as a location on its sheet (no column). */
  get at(): Location {
    return rowLocation(this.table.info, this.row);
  }

  /** A column's parsed value (null when empty, invalid or the column is absent). */
  protected value<T>(slot: number): T | null {
    return this.table.value(this.index, slot) as T | null;
  }

  protected field<T>(slot: number): Field<T> {
    return new CellField<T>(this.table, this.index, slot);
  }
}

/**
 * A data cell's field: a view of one cell of a {@link SheetTable}, made when a rule reads it
 * (`person.role.value`) and dropped right after. Small and flat on purpose, so that V8 can optimise
 * it away; for the same reason its fields are declared and assigned in the constructor, not class
 * fields (a class field's definition keeps V8 from it).
 */
class CellField<T> implements Field<T> {
  declare private readonly table: SheetTable;
  declare private readonly index: number;
  declare private readonly slot: number;

  constructor(table: SheetTable, index: number, slot: number) {
    this.table = table;
    this.index = index;
    this.slot = slot;
  }

  get value(): T | null {
    return this.table.value(this.index, this.slot) as T | null;
  }

  get present(): boolean {
    return this.table.isPresent(this.index, this.slot);
  }

  get invalid(): boolean {
    return this.table.isInvalid(this.index, this.slot);
  }

  get raw(): CellValue {
    return this.table.raw(this.index, this.slot);
  }

  get at(): Location {
    return this.table.cellAt(this.index, this.slot);
  }
}

function rowLocation(sheet: SheetInfo, row: number): Location {
  return { sheet: sheet.name, row, column: null, cell: null };
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
        if (invalid) invalidCells.push({ at, raw, expected: spec.type });
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

// Column slots by key, for the getters below.
const PEOPLE = slotsOf<Person>(PEOPLE_SHEET);
const UNITS = slotsOf<Unit>(UNITS_SHEET);
const OWNERSHIP = slotsOf<Ownership>(OWNERSHIP_SHEET);
const SEATS = slotsOf<Seat>(SEATS_SHEET);
const CONTRACTS = slotsOf<Contract>(CONTRACTS_SHEET);
const INSTITUTIONS = slotsOf<Institution>(INSTITUTIONS_SHEET);
const HOSTED = slotsOf<HostedMunicipality>(OPERATIONS_CENTRE_SHEET);

class PersonRow extends DataRow implements Person {
  readonly nameKey: string | null;
  readonly named: boolean;
  readonly effectiveBody: Body | null;

  constructor(table: SheetTable, index: number) {
    super(table, index);
    const name = this.value<string>(PEOPLE.name);
    const role = this.value<Role>(PEOPLE.role);
    this.nameKey = name ? normalizeKey(name) : null;
    this.named = this.nameKey !== null && !isPlaceholderKey(this.nameKey);
    this.effectiveBody = this.value<Body>(PEOPLE.body) ?? (role ? (ROLE_BODY.get(role) ?? null) : null);
  }

  get name(): Field<string> {
    return this.field(PEOPLE.name);
  }
  get email(): Field<string> {
    return this.field(PEOPLE.email);
  }
  get sector(): Field<Sector> {
    return this.field(PEOPLE.sector);
  }
  get body(): Field<Body> {
    return this.field(PEOPLE.body);
  }
  get role(): Field<Role> {
    return this.field(PEOPLE.role);
  }
  get decisionAuthority(): Field<boolean> {
    return this.field(PEOPLE.decisionAuthority);
  }
  get chair(): Field<boolean> {
    return this.field(PEOPLE.chair);
  }
  get overallLead(): Field<boolean> {
    return this.field(PEOPLE.overallLead);
  }
  get contact(): Field<boolean> {
    return this.field(PEOPLE.contact);
  }
  get hoursPerWeek(): Field<number> {
    return this.field(PEOPLE.hoursPerWeek);
  }
  get currentSystem(): Field<string> {
    return this.field(PEOPLE.currentSystem);
  }
  get prerequisitesMet(): Field<boolean> {
    return this.field(PEOPLE.prerequisitesMet);
  }
}

class UnitRow extends DataRow implements Unit {
  get unit(): Field<string> {
    return this.field(UNITS.unit);
  }
  get type(): Field<UnitType> {
    return this.field(UNITS.type);
  }
  get superUser(): Field<string> {
    return this.field(UNITS.superUser);
  }
}

class OwnershipRow extends DataRow implements Ownership {
  readonly ownershipKey: OwnershipKey | null;

  constructor(table: SheetTable, index: number) {
    super(table, index);
    const key = this.value<string>(OWNERSHIP.key);
    this.ownershipKey = key ? (OWNERSHIP_KEYS.get(normalizeKey(key)) ?? null) : null;
  }

  get key(): Field<string> {
    return this.field(OWNERSHIP.key);
  }
  get responsibility(): Field<string> {
    return this.field(OWNERSHIP.responsibility);
  }
  get owner(): Field<string> {
    return this.field(OWNERSHIP.owner);
  }
}

class SeatRow extends DataRow implements Seat {
  get course(): Field<Course> {
    return this.field(SEATS.course);
  }
  get participant(): Field<string> {
    return this.field(SEATS.participant);
  }
  get seatType(): Field<SeatType> {
    return this.field(SEATS.seatType);
  }
  get courseDate(): Field<Day> {
    return this.field(SEATS.courseDate);
  }
}

class ContractRow extends DataRow implements Contract {
  get vendor(): Field<string> {
    return this.field(CONTRACTS.vendor);
  }
  get system(): Field<string> {
    return this.field(CONTRACTS.system);
  }
  get type(): Field<ContractType> {
    return this.field(CONTRACTS.type);
  }
  get start(): Field<Day> {
    return this.field(CONTRACTS.start);
  }
  get expires(): Field<Day> {
    return this.field(CONTRACTS.expires);
  }
  get noticeMonths(): Field<number> {
    return this.field(CONTRACTS.noticeMonths);
  }
  get extensionMonths(): Field<number> {
    return this.field(CONTRACTS.extensionMonths);
  }
  get terminatedOn(): Field<Day> {
    return this.field(CONTRACTS.terminatedOn);
  }
  get vendorEndOfSupport(): Field<Day> {
    return this.field(CONTRACTS.vendorEndOfSupport);
  }
  get joinedContingency(): Field<boolean> {
    return this.field(CONTRACTS.joinedContingency);
  }
}

class InstitutionRow extends DataRow implements Institution {
  get institution(): Field<string> {
    return this.field(INSTITUTIONS.institution);
  }
  get agreement(): Field<string> {
    return this.field(INSTITUTIONS.agreement);
  }
  get notifiedOn(): Field<Day> {
    return this.field(INSTITUTIONS.notifiedOn);
  }
  get decision(): Field<Decision> {
    return this.field(INSTITUTIONS.decision);
  }
}

class HostedMunicipalityRow extends DataRow implements HostedMunicipality {
  get municipality(): Field<string> {
    return this.field(HOSTED.municipality);
  }
  get coordinator(): Field<string> {
    return this.field(HOSTED.coordinator);
  }
  get plannedTransition(): Field<Day> {
    return this.field(HOSTED.plannedTransition);
  }
}

type RowClass<T> = new (table: SheetTable, index: number) => T;

/** Read a workbook snapshot into the plan. Never throws on cell content. */
export function readPlan(snapshot: WorkbookSnapshot): Plan {
  const invalidCells: InvalidCell[] = [];
  const reads = {} as Record<SheetKey, SheetRead | null>;
  for (const spec of DATA_SHEETS) reads[spec.key] = readSheet(snapshot, spec);
  const sheets = { validation: null, timeline: null } as Record<SheetKey, SheetInfo | null>;
  for (const spec of DATA_SHEETS) sheets[spec.key] = reads[spec.key]?.info ?? null;
  const missingSheets = DATA_SHEETS.filter((s) => s.required && !reads[s.key]);

  const { settings, settingRows } = readSettings(invalidCells, reads.project);

  function rowsOf<T>(key: SheetKey, Row: RowClass<T>): T[] {
    const read = reads[key];
    if (!read) return [];
    const table = new SheetTable(read, invalidCells);
    return read.rows.map((_, index) => new Row(table, index));
  }

  const people: Person[] = rowsOf("people", PersonRow);
  const units: Unit[] = rowsOf("units", UnitRow);
  const ownership: Ownership[] = rowsOf("ownership", OwnershipRow);
  const seats: Seat[] = rowsOf("seats", SeatRow);
  const contracts: Contract[] = rowsOf("contracts", ContractRow);
  const institutions: Institution[] = rowsOf("institutions", InstitutionRow);
  const hostedMunicipalities: HostedMunicipality[] = rowsOf("operationsCentre", HostedMunicipalityRow);

  const peopleByName = new Map<string, Person[]>();
  people.forEach((p) => {
    if (!p.nameKey) return;
    const list = peopleByName.get(p.nameKey);
    if (list) list.push(p);
    else peopleByName.set(p.nameKey, [p]);
  });

  return {
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
    peopleByName,
  };
}
