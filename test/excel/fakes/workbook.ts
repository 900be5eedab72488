/**
 * An in-memory Excel workbook for the adapter tests: cells with values, formulas and formats, tables,
 * data validation, conditional formats, names, charts and frozen panes. The proxies in context.ts
 * read and change it the way Office.js does (queued, applied at `sync`).
 *
 * It models the Excel behaviour the adapter relies on, and no more: tables grow their formats and
 * drop-downs into added rows, a string written to a General cell that looks like a number becomes a
 * number, HYPERLINK formulas show their label, a conditional format of the form
 * `=INDEX(NAME,ROW(),COLUMN())=n` is evaluated for `displayedFill`.
 *
 * What differs between hosts (see ./profiles.ts) is chosen by the caller: `setValue(…, "excel")`
 * parses text as Excel's cell entry does (a leading `=`, `+` or `-` makes a formula, ISO text a date),
 * `followLink(…, "web")` follows links as Excel on the web does, and `screen` holds what a host that
 * does not repaint API-made formula rules still shows (`paint`, `repaint`).
 */
import { columnLetters, parseA1 } from "../../../src/playbook/location";

export type Scalar = string | number | boolean;

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

export interface Area {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export interface Cell {
  value: Scalar | null;
  formula: string | null;
  error: string | null;
  numberFormat: string;
  fill: string | null;
  bold: boolean;
  fontColor: string | null;
  fontSize: number | null;
  wrap: boolean;
  /** `RangeFormat.horizontalAlignment` ("General" when never set). */
  horizontalAlignment: "General" | "Left" | "Center" | "Right";
  /** `RangeFormat.verticalAlignment` (Excel's default is "Bottom"). */
  verticalAlignment: "Top" | "Center" | "Bottom";
  /** A link set through `Range.hyperlink` (not a HYPERLINK formula). */
  hyperlink: CellHyperlink | null;
}

export interface CellHyperlink {
  /** An in-workbook target such as `'Kontrakter'!E2`. */
  documentReference?: string;
  /** A URL. */
  address?: string;
  textToDisplay?: string;
  screenTip?: string;
}

/** Which host follows a link (HYPERLINK formulas to `#…` do nothing on the web). */
export type Platform = "desktop" | "web";

/** How text written through `values` is taken: "strict" keeps it (but `=` still starts a formula); "excel" parses it as Excel does. */
export type TextEntry = "strict" | "excel";

export interface ValidationRule {
  /** "List", or "None" for a cell that holds only an input message (Excel's "Any value"). */
  type: string;
  source: string;
  alert: unknown;
  /** The input message (`DataValidation.prompt`), if one was set. */
  prompt?: unknown;
}

export interface FakeConditionalFormat {
  id: string;
  area: Area;
  type: string;
  formula: string;
  fill: string | null;
  fontColor: string | null;
}

export interface FakeName {
  name: string;
  formula: string;
  visible: boolean;
  comment: string;
}

export interface FakeTable {
  name: string;
  sheet: FakeSheet;
  area: Area;
}

export interface FakeSeries {
  name: string;
  values: Array<Scalar | null>;
  fill: string | null | "auto";
  gapWidth: number;
}

export interface FakeChart {
  name: string;
  type: string;
  data: Area;
  categories: Array<Scalar | null>;
  series: FakeSeries[];
  title: string;
  legendPosition: string;
  hiddenLegendEntries: Set<number>;
  valueAxis: { minimum: number | null; maximum: number | null; majorUnit: number | null; numberFormat: string };
  categoryAxis: { reversePlotOrder: boolean };
  anchor: string | null;
  width: number;
  height: number;
}

export class FakeError extends Error {
  readonly debugInfo: { errorLocation: string };
  constructor(
    readonly code: string,
    message: string,
    location = "",
  ) {
    super(message);
    this.name = "RichApi.Error";
    this.debugInfo = { errorLocation: location };
  }
}

const EMPTY_CELL: Readonly<Cell> = Object.freeze({
  value: null,
  formula: null,
  error: null,
  numberFormat: "General",
  fill: null,
  bold: false,
  fontColor: null,
  fontSize: null,
  wrap: false,
  horizontalAlignment: "General",
  verticalAlignment: "Bottom",
  hyperlink: null,
});

const ERROR_VALUES = new Set(["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#SPILL!", "#CALC!"]);

export function areaSize(a: Area): number {
  return (a.r1 - a.r0 + 1) * (a.c1 - a.c0 + 1);
}

export function intersects(a: Area, b: Area): boolean {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}

export function contains(a: Area, r: number, c: number): boolean {
  return r >= a.r0 && r <= a.r1 && c >= a.c0 && c <= a.c1;
}

export function areaAddress(a: Area): string {
  const tl = `${columnLetters(a.c0)}${a.r0 + 1}`;
  const br = `${columnLetters(a.c1)}${a.r1 + 1}`;
  return tl === br ? tl : `${tl}:${br}`;
}

/** "B3", "A1:C5", "$A$1", "A:C", "2:4" → area (0-based). */
export function parseAddress(address: string): Area {
  const text = address.replace(/\$/g, "").trim();
  const [first, second = first] = text.split(":");
  const cols = /^[A-Z]+$/i;
  const rows = /^\d+$/;
  if (cols.test(first) && cols.test(second)) {
    const a = parseA1(`${first}1`);
    const b = parseA1(`${second}1`);
    if (a && b) return { r0: 0, c0: a.column, r1: MAX_ROWS - 1, c1: b.column };
  }
  if (rows.test(first) && rows.test(second)) return { r0: Number(first) - 1, c0: 0, r1: Number(second) - 1, c1: MAX_COLUMNS - 1 };
  const a = parseA1(first);
  const b = parseA1(second);
  if (!a || !b) throw new FakeError("InvalidArgument", `The address "${address}" is not valid.`);
  return { r0: Math.min(a.row, b.row) - 1, c0: Math.min(a.column, b.column), r1: Math.max(a.row, b.row) - 1, c1: Math.max(a.column, b.column) };
}

function looksNumeric(s: string): boolean {
  return /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(s.trim());
}

/** The serial number of an ISO date text ("2027-09-01"), as Excel's cell entry reads it; null when not one. */
function isoSerial(s: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s.trim());
  if (!m) return null;
  const time = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const check = new Date(time);
  if (check.getUTCMonth() !== Number(m[2]) - 1 || check.getUTCDate() !== Number(m[3])) return null;
  return Math.round((time - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/** An in-workbook link target ("'Ark'!E3", "Ark!E3") as sheet and address; null for anything else. */
export function parseReference(reference: string): { sheet: string; address: string } | null {
  const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!(\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)$/i.exec(reference.trim());
  if (!m) return null;
  return { sheet: m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2], address: m[3].replace(/\$/g, "").toUpperCase() };
}

let nextId = 1;

export interface FakePageLayout {
  orientation: "Portrait" | "Landscape";
  paperSize: string;
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  centerHorizontally: boolean;
  /** The print area as an address ("A1:E40"), null when none is set. */
  printArea: string | null;
  centerHeader: string;
  rightFooter: string;
}

export class FakeSheet {
  readonly id = `{sheet-${nextId++}}`;
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  protected = false;
  frozenRows = 0;
  readonly cells = new Map<number, Map<number, Cell>>();
  readonly columnWidths = new Map<number, number>();
  /**
   * Rows asked to fit their text (`RangeFormat.autofitRows()`). The fake keeps no heights: a row is
   * Excel's default height, or (asked here) as tall as its wrapped text is in the program showing it.
   */
  readonly autofitRows = new Set<number>();
  readonly validations = new Map<string, ValidationRule>();
  readonly conditionalFormats: FakeConditionalFormat[] = [];
  readonly names = new Map<string, FakeName>();
  readonly charts: FakeChart[] = [];
  /** `Worksheet.pageLayout` (ExcelApi 1.9), as far as the add-in sets it. */
  readonly pageLayout: FakePageLayout = {
    orientation: "Portrait",
    paperSize: "Letter",
    zoom: { scale: 100 },
    centerHorizontally: false,
    printArea: null,
    centerHeader: "",
    rightFooter: "",
  };

  constructor(
    readonly workbook: FakeWorkbook,
    public name: string,
  ) {}

  cell(r: number, c: number): Readonly<Cell> {
    return this.cells.get(r)?.get(c) ?? EMPTY_CELL;
  }

  /** The cell for writing (created when absent). */
  mutable(r: number, c: number): Cell {
    let row = this.cells.get(r);
    if (!row) this.cells.set(r, (row = new Map()));
    let cell = row.get(c);
    if (!cell) row.set(c, (cell = { ...EMPTY_CELL }));
    return cell;
  }

  /** Visit the stored cells inside `area` (never the billions of empty ones). */
  forEachStored(area: Area, visit: (r: number, c: number, cell: Cell) => void): void {
    for (const [r, row] of this.cells) {
      if (r < area.r0 || r > area.r1) continue;
      for (const [c, cell] of row) if (c >= area.c0 && c <= area.c1) visit(r, c, cell);
    }
  }

  /** Visit every cell position of a bounded area. */
  forEachPosition(area: Area, visit: (r: number, c: number) => void): void {
    if (areaSize(area) > 3_000_000) throw new FakeError("RangeExceedsLimit", `fake: the area ${areaAddress(area)} is too large to touch cell by cell`);
    for (let r = area.r0; r <= area.r1; r++) for (let c = area.c0; c <= area.c1; c++) visit(r, c);
  }

  /**
   * Set a value as a user typing it would (a leading "=" makes a formula). With `entry` "excel", as
   * Excel's cell entry does on every host: a leading "+" or "-" also makes a formula (one the fake
   * cannot compute shows #NAME?; a lone sign is refused, failing the batch), and ISO date text
   * becomes a date serial in a date format. A text-formatted ("@") cell keeps any text as it is.
   */
  setValue(r: number, c: number, value: unknown, entry: TextEntry = "strict"): void {
    const cell = this.mutable(r, c);
    cell.formula = null;
    cell.error = null;
    if (value === null || value === undefined || value === "") {
      cell.value = null;
      return;
    }
    if (typeof value === "string") {
      const serial = entry === "excel" && cell.numberFormat !== "@" ? isoSerial(value) : null;
      if (cell.numberFormat === "@") cell.value = value;
      else if (entry === "excel" && /^[=+-]/.test(value) && !looksNumeric(value) && !/^=HYPERLINK\(/i.test(value)) {
        if (value.trim().length === 1) throw new FakeError("InvalidArgument", `Excel takes «${value}» for an incomplete formula.`, "Range.values");
        cell.formula = value.startsWith("=") ? value : `=${value}`;
        cell.value = "#NAME?";
        cell.error = "#NAME?";
      } else if (serial !== null) {
        cell.value = serial;
        if (cell.numberFormat === "General") cell.numberFormat = "yyyy-mm-dd";
      } else if (value.startsWith("=")) this.setFormula(r, c, value);
      else if (value.startsWith("'")) cell.value = value.slice(1);
      else if (ERROR_VALUES.has(value)) {
        cell.value = value;
        cell.error = value;
      } else if (looksNumeric(value)) cell.value = Number(value);
      else cell.value = value;
      return;
    }
    if (typeof value === "number" || typeof value === "boolean") {
      cell.value = value;
      return;
    }
    if (typeof value === "object" && value !== null && "error" in value) {
      cell.value = String((value as { error: unknown }).error);
      cell.error = cell.value;
      return;
    }
    throw new FakeError("InvalidArgument", `fake: cannot store ${JSON.stringify(value)}`);
  }

  setFormula(r: number, c: number, formula: string): void {
    const cell = this.mutable(r, c);
    if (!formula.startsWith("=")) {
      this.setValue(r, c, formula);
      return;
    }
    cell.formula = formula;
    cell.error = null;
    const link = /^=HYPERLINK\((".*?"),\s*(".*")\)$/i.exec(formula);
    cell.value = link ? JSON.parse(link[2].replace(/""/g, '\\"')) : formula;
  }

  /** Rows and columns holding a value (valuesOnly) or anything at all. */
  usedArea(valuesOnly: boolean): Area | null {
    let area: Area | null = null;
    for (const [r, row] of this.cells) {
      for (const [c, cell] of row) {
        const used = cell.value !== null || cell.formula !== null || (!valuesOnly && (cell.fill !== null || cell.bold || cell.numberFormat !== "General"));
        if (!used) continue;
        area = area
          ? { r0: Math.min(area.r0, r), c0: Math.min(area.c0, c), r1: Math.max(area.r1, r), c1: Math.max(area.c1, c) }
          : { r0: r, c0: c, r1: r, c1: c };
      }
    }
    return area;
  }

  /** Insert `count` blank cells at row `at` in columns c0..c1, moving the cells below down. */
  shiftDown(at: number, c0: number, c1: number, count: number): void {
    const moved: Array<[number, number, Cell]> = [];
    this.forEachStored({ r0: at, c0, r1: MAX_ROWS - 1, c1 }, (r, c, cell) => moved.push([r, c, cell]));
    for (const [r, c] of moved) this.cells.get(r)?.delete(c);
    for (const [r, c, cell] of moved) this.place(r + count, c, cell);
  }

  /** Remove `count` rows of cells at row `at` in columns c0..c1, moving the cells below up. */
  shiftUp(at: number, c0: number, c1: number, count: number): void {
    const moved: Array<[number, number, Cell]> = [];
    this.forEachStored({ r0: at, c0, r1: MAX_ROWS - 1, c1 }, (r, c, cell) => moved.push([r, c, cell]));
    for (const [r, c] of moved) this.cells.get(r)?.delete(c);
    for (const [r, c, cell] of moved) if (r >= at + count) this.place(r - count, c, cell);
  }

  /** Insert `count` blank columns at `at` in rows r0..r1, moving the cells to the right. */
  shiftRight(at: number, r0: number, r1: number, count: number): void {
    const moved: Array<[number, number, Cell]> = [];
    this.forEachStored({ r0, c0: at, r1, c1: MAX_COLUMNS - 1 }, (r, c, cell) => moved.push([r, c, cell]));
    for (const [r, c] of moved) this.cells.get(r)?.delete(c);
    for (const [r, c, cell] of moved) this.place(r, c + count, cell);
  }

  private place(r: number, c: number, cell: Cell): void {
    let row = this.cells.get(r);
    if (!row) this.cells.set(r, (row = new Map()));
    row.set(c, cell);
  }

  tables(): FakeTable[] {
    return this.workbook.tables.filter((t) => t.sheet === this);
  }

  assertWritable(what: string): void {
    if (this.protected) throw new FakeError("AccessDenied", `The sheet "${this.name}" is protected.`, what);
  }
}

export class FakeWorkbook {
  readonly sheets: FakeSheet[] = [];
  readonly names = new Map<string, FakeName>();
  readonly tables: FakeTable[] = [];
  active: FakeSheet | null = null;
  selection: { sheet: string; address: string } | null = null;
  cellEditMode = false;
  /**
   * What a host that does not repaint API-made formula rules shows (office-js #5299, #1157): a
   * conditional format found here shows the cells it matched when last painted, not what its
   * formula gives now. Empty on a host that repaints (the strict fake): `displayedFill` is then live.
   */
  readonly screen = new Map<FakeConditionalFormat, (r: number, c: number) => boolean>();
  private conditionalFormatIds = 1;

  /** Add a sheet with values from A1 (null/undefined = empty, {error} = an error cell). */
  addSheet(name: string, rows: ReadonlyArray<ReadonlyArray<unknown>> = []): FakeSheet {
    if (this.sheet(name)) throw new FakeError("ItemAlreadyExists", `A sheet named "${name}" already exists.`);
    const sheet = new FakeSheet(this, name);
    this.sheets.push(sheet);
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null && v !== undefined && v !== "") sheet.setValue(r, c, v);
      }),
    );
    if (!this.active) this.active = sheet;
    return sheet;
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  requireSheet(name: string): FakeSheet {
    const s = this.sheet(name);
    if (!s) throw new Error(`fake: no sheet "${name}"`);
    return s;
  }

  table(name: string): FakeTable | undefined {
    return this.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
  }

  newConditionalFormatId(): string {
    return `{cf-${this.conditionalFormatIds++}}`;
  }

  // ---- test helpers -------------------------------------------------------------------------

  /** The value shown in a cell ("" when empty). */
  value(sheet: string, address: string): Scalar | "" {
    const { r0, c0 } = parseAddress(address);
    return this.requireSheet(sheet).cell(r0, c0).value ?? "";
  }

  cellAt(sheet: string, address: string): Readonly<Cell> {
    const { r0, c0 } = parseAddress(address);
    return this.requireSheet(sheet).cell(r0, c0);
  }

  /** The rows of a sheet's used area from A1, values only (for comparing content). */
  values(sheet: string): Array<Array<Scalar | "">> {
    const s = this.requireSheet(sheet);
    const used = s.usedArea(true);
    if (!used) return [];
    const rows: Array<Array<Scalar | "">> = [];
    for (let r = 0; r <= used.r1; r++) {
      const row: Array<Scalar | ""> = [];
      for (let c = 0; c <= used.c1; c++) row.push(s.cell(r, c).value ?? "");
      rows.push(row);
    }
    return rows;
  }

  /** Everything stored about a sheet's cells, as JSON: equal fingerprints mean nothing changed. */
  fingerprint(sheet: string): string {
    const s = this.requireSheet(sheet);
    const cells: Array<[number, number, Cell]> = [];
    s.forEachStored({ r0: 0, c0: 0, r1: MAX_ROWS, c1: MAX_COLUMNS }, (r, c, cell) => {
      if (JSON.stringify(cell) !== JSON.stringify(EMPTY_CELL)) cells.push([r, c, cell]);
    });
    cells.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    return JSON.stringify({
      name: s.name,
      cells,
      widths: [...s.columnWidths].sort(),
      validations: [...s.validations].sort(),
      conditionalFormats: s.conditionalFormats,
      names: [...s.names],
      frozenRows: s.frozenRows,
      tables: s.tables().map((t) => ({ name: t.name, area: t.area })),
      charts: s.charts.map((c) => ({ ...c, hiddenLegendEntries: [...c.hiddenLegendEntries] })),
    });
  }

  /**
   * The fill a user sees: the first matching conditional format (in priority order), else the cell's
   * own. A conditional format on `screen` shows what it matched when last painted.
   */
  displayedFill(sheet: string, address: string): string | null {
    const s = this.requireSheet(sheet);
    const { r0, c0 } = parseAddress(address);
    for (const cf of s.conditionalFormats) {
      if (!contains(cf.area, r0, c0)) continue;
      const painted = this.screen.get(cf);
      if (painted ? painted(r0, c0) : this.evaluate(s, cf.formula, r0, c0)) return cf.fill;
    }
    return s.cell(r0, c0).fill;
  }

  /** Paint a conditional format as its formula stands now; it keeps showing that until painted again. */
  paint(sheet: FakeSheet, cf: FakeConditionalFormat): void {
    const source = this.flagSource(sheet, cf.formula);
    if (source === "true") {
      this.screen.set(cf, () => true);
      return;
    }
    const hits = new Set<string>();
    if (source) {
      source.target.forEachStored(source.area, (r, c, cell) => {
        if (cell.value === source.code) hits.add(`${r - source.area.r0},${c - source.area.c0}`);
      });
    }
    this.screen.set(cf, (r, c) => hits.has(`${r},${c}`));
  }

  /** What the user's scrolling or editing does: every conditional format is shown as it stands. */
  repaint(): void {
    this.screen.clear();
  }

  private evaluate(sheet: FakeSheet, formula: string, r: number, c: number): boolean {
    const source = this.flagSource(sheet, formula);
    if (source === "true") return true;
    if (!source) return false;
    return source.target.cell(source.area.r0 + r, source.area.c0 + c).value === source.code;
  }

  /** What a highlight formula reads: `=TRUE`, or `=INDEX(NAME,ROW(),COLUMN())=n` resolved to its cells. */
  private flagSource(sheet: FakeSheet, formula: string): "true" | { target: FakeSheet; area: Area; code: number } | null {
    if (/^=TRUE$/i.test(formula)) return "true";
    const m = /^=INDEX\((\w+),ROW\(\),COLUMN\(\)\)=(\d+)$/i.exec(formula);
    if (!m) return null;
    const name = sheet.names.get(m[1].toLowerCase()) ?? this.names.get(m[1].toLowerCase());
    if (!name) return null;
    const ref = /^='?(.+?)'?!(.+)$/.exec(name.formula);
    if (!ref) return null;
    const target = this.sheet(ref[1].replace(/''/g, "'"));
    if (!target) return null;
    return { target, area: parseAddress(ref[2]), code: Number(m[2]) };
  }

  /**
   * Where clicking the cell's link takes the user on `platform`: a `Range.hyperlink` with a
   * document reference works everywhere; a `=HYPERLINK("#'Ark'!E3", …)` formula only on the
   * desktop (on the web HYPERLINK "is valid for web addresses (URLs) only"). Null when it goes nowhere.
   */
  followLink(sheet: string, address: string, platform: Platform): { sheet: string; address: string } | null {
    const cell = this.cellAt(sheet, address);
    const reference = cell.hyperlink?.documentReference ?? (platform === "desktop" ? formulaTarget(cell.formula) : undefined);
    const target = reference ? parseReference(reference) : null;
    if (!target || !this.sheet(target.sheet)) return null;
    return { sheet: this.requireSheet(target.sheet).name, address: target.address };
  }
}

/** The in-workbook target of a `=HYPERLINK("#…", …)` formula. */
function formulaTarget(formula: string | null): string | undefined {
  const m = formula ? /^=HYPERLINK\("#((?:[^"]|"")*)"/i.exec(formula) : null;
  return m ? m[1].replace(/""/g, '"') : undefined;
}
