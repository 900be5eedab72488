/**
 * A fake `Excel.RequestContext` over the in-memory workbook of workbook.ts, strict where Office.js is:
 * - calls queue commands; nothing happens until `sync()`, which runs them in order;
 * - a property can be read only after `load` and `sync` (else it throws PropertyNotLoaded, stricter
 *   than office-addin-mock, which returns a string, so a test fails when the adapter forgets a load);
 * - `isNullObject` is known only after a sync; proxies are resolved again in each batch, by path;
 * - a command that fails rejects the sync and drops the commands after it (those before it stay done);
 * - optional (FakeOptions; ./profiles.ts bundles them per host): Excel on the web's limits and
 *   habits, how calls on a null object behave, members a host refuses.
 * It implements the members listed in src/excel/API-SURFACE.md, and nothing else.
 */
import {
  FakeError,
  MAX_COLUMNS,
  MAX_ROWS,
  areaAddress,
  areaSize,
  intersects,
  parseAddress,
  type Area,
  type FakeChart,
  type FakeConditionalFormat,
  type FakeName,
  type FakeSheet,
  type FakeTable,
  type FakeWorkbook,
  type Scalar,
  type TextEntry,
} from "./workbook";

export interface FakeOptions {
  /** A call on a null object: "propagate" gives another null object (the adapter's assumption); "throw" fails the sync. */
  nullChaining?: "propagate" | "throw";
  /** Largest response, in characters of JSON (Excel on the web: 5 MB). */
  responseLimit?: number;
  /**
   * "live" (default): conditional formats always show what their formula gives. "when-forced": an
   * API-made formula rule is painted when added or rewritten, and again only after a batch that
   * called `application.suspendScreenUpdatingUntilNextSync()` (office-js #5299, #1157, #5572).
   */
  repaint?: "live" | "when-forced";
  /** How text written through `values` (and `rows.add`) is parsed; see FakeSheet.setValue. */
  textEntry?: TextEntry;
  /** A load of `values`, `valueTypes`, `formulas` or `numberFormat` of a range of more cells than this gives null. */
  nullValuesAbove?: number;
  /** `columns.add` fails with OperationCellsExceedLimit when table rows × (16383 − table columns) passes this. */
  operationCellLimit?: number;
  /** Members the host refuses, as "Type.member" (e.g. "Chart.legendEntries.visible"): ApiNotFound. */
  refuse?: ReadonlyArray<string>;
}

interface Tx {
  bytes: number;
  publish: Array<() => void>;
  /** Conditional formats added or rewritten in this batch (painted at its end). */
  painted: Array<{ sheet: FakeSheet; format: FakeConditionalFormat }>;
  /** The batch asked for the screen to be updated at its end. */
  repaintAll: boolean;
}
type Op = (tx: Tx) => void;
type Resolver<T> = () => T | null;

interface RangeTarget {
  sheet: FakeSheet;
  area: Area;
}

export class FakeContext {
  readonly workbook: WorkbookProxy;
  /** Number of completed or failed `sync()` calls. */
  syncs = 0;
  /** Increases at each sync: proxies resolve their path again in every batch. */
  batch = 0;
  private queue: Op[] = [];
  /** The batch being run (during sync). */
  running: Tx | null = null;

  constructor(
    readonly model: FakeWorkbook,
    readonly options: FakeOptions = {},
  ) {
    this.workbook = new WorkbookProxy(this);
  }

  enqueue(op: Op): void {
    this.queue.push(op);
  }

  /** Commands waiting for the next sync. */
  get pending(): number {
    return this.queue.length;
  }

  async sync(): Promise<void> {
    await Promise.resolve();
    this.syncs++;
    this.batch++;
    const ops = this.queue;
    this.queue = [];
    if (this.model.cellEditMode) throw new FakeError("InvalidOperationInCellEditMode", "Excel is in cell-editing mode.");
    const tx: Tx = { bytes: 0, publish: [], painted: [], repaintAll: false };
    this.running = tx;
    try {
      for (const op of ops) op(tx);
    } finally {
      this.running = null;
      this.updateScreen(tx);
    }
    const limit = this.options.responseLimit;
    if (limit !== undefined && tx.bytes > limit) {
      throw new FakeError("ResponsePayloadSizeLimitExceeded", `The response payload size (${tx.bytes}) has exceeded the limit.`);
    }
    for (const publish of tx.publish) publish();
  }

  /** After a batch: what the screen shows of the conditional formats (see FakeOptions.repaint). */
  private updateScreen(tx: Tx): void {
    const model = this.model;
    if (this.options.repaint !== "when-forced") {
      model.screen.clear();
      return;
    }
    for (const sheet of model.sheets) {
      for (const format of sheet.conditionalFormats) {
        if (tx.repaintAll || !model.screen.has(format)) model.paint(sheet, format);
      }
    }
    for (const { sheet, format } of tx.painted) model.paint(sheet, format);
  }

  /** Fail a command the host refuses (FakeOptions.refuse). */
  assertSupported(member: string): void {
    if (this.options.refuse?.includes(member)) throw new FakeError("ApiNotFound", `This host does not support ${member}.`, member);
  }
}

function parseLoad(spec: unknown): string[] {
  if (spec === undefined) throw new FakeError("InvalidArgument", "fake: load() without properties loads everything; name what you read");
  const text = Array.isArray(spec) ? spec.join(",") : typeof spec === "object" && spec !== null ? String((spec as { select?: string }).select ?? "") : String(spec);
  return text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Base of every proxy: lazy resolution, queued loads and writes, strict reads. */
abstract class Proxy<T> {
  private memo: { batch: number; target: T | null } | null = null;
  private readonly loaded = new Map<string, unknown>();
  private nullState: boolean | undefined;

  constructor(
    readonly context: FakeContext,
    private readonly resolver: Resolver<T>,
    protected readonly typeName: string,
    orNull = false,
  ) {
    if (orNull) {
      context.enqueue((tx) => {
        const t = this.target();
        tx.publish.push(() => {
          this.nullState = t === null;
        });
      });
    }
  }

  /** The object this proxy stands for, in the current batch; null for a null object. */
  target(): T | null {
    if (!this.memo || this.memo.batch !== this.context.batch) this.memo = { batch: this.context.batch, target: this.resolver() };
    return this.memo.target;
  }

  protected need(what: string): T {
    const t = this.target();
    if (t === null) throw new FakeError("ItemNotFound", `The requested ${this.typeName} does not exist.`, `${this.typeName}.${what}`);
    return t;
  }

  /** A resolver for an object reached from this one. */
  protected child<U>(what: string, make: (t: T) => U | null): Resolver<U> {
    return () => {
      const t = this.target();
      if (t === null) {
        if (this.context.options.nullChaining === "throw") {
          throw new FakeError("ItemNotFound", `The requested ${this.typeName} does not exist.`, `${this.typeName}.${what}`);
        }
        return null;
      }
      return make(t);
    };
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw new FakeError("PropertyNotLoaded", `${this.typeName}.isNullObject is not available before context.sync().`);
    return this.nullState;
  }

  /** What a load of `property` returns for `target`. */
  protected read(target: T, property: string): unknown {
    void target;
    throw new FakeError("PropertyNotLoaded", `fake: ${this.typeName}.${property} cannot be loaded (not in API-SURFACE.md)`);
  }

  load(spec?: unknown): this {
    const properties = parseLoad(spec);
    this.context.enqueue((tx) => {
      const t = this.target();
      const values = new Map<string, unknown>();
      for (const p of properties) values.set(p, t === null ? null : this.read(t, p));
      tx.bytes += JSON.stringify([...values]).length;
      tx.publish.push(() => {
        for (const [k, v] of values) this.loaded.set(k, v);
        this.nullState = t === null;
      });
    });
    return this;
  }

  /** Mark properties as loaded with known values (items of a loaded collection). */
  setLoaded(values: Map<string, unknown>): void {
    for (const [k, v] of values) this.loaded.set(k, v);
    this.nullState = false;
  }

  protected get<V>(property: string): V {
    if (!this.loaded.has(property)) {
      throw new FakeError("PropertyNotLoaded", `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()".`, `${this.typeName}.${property}`);
    }
    return this.loaded.get(property) as V;
  }

  protected queue(what: string, apply: (t: T) => void): void {
    this.context.enqueue(() => {
      this.context.assertSupported(`${this.typeName}.${what}`);
      apply(this.need(what));
    });
  }
}

/** A collection whose `items` can be loaded ("items/name,items/type"). */
abstract class CollectionProxy<T, I, P extends Proxy<I>> extends Proxy<T> {
  private loadedItems: P[] | undefined;

  protected abstract list(target: T): I[];
  protected abstract itemProxy(item: I): P;
  protected abstract readItem(item: I, property: string): unknown;

  override load(spec?: unknown): this {
    const properties = parseLoad(spec).map((p) => {
      if (!p.startsWith("items/")) throw new FakeError("InvalidArgument", `fake: ${this.typeName} loads items/… only`);
      return p.slice("items/".length);
    });
    this.context.enqueue((tx) => {
      const t = this.target();
      const items = (t === null ? [] : this.list(t)).map((item) => {
        const values = new Map(properties.map((p) => [p, this.readItem(item, p)]));
        tx.bytes += JSON.stringify([...values]).length;
        return { item, values };
      });
      tx.publish.push(() => {
        this.loadedItems = items.map(({ item, values }) => {
          const proxy = this.itemProxy(item);
          proxy.setLoaded(values);
          return proxy;
        });
      });
    });
    return this;
  }

  get items(): P[] {
    if (!this.loadedItems) throw new FakeError("PropertyNotLoaded", `${this.typeName}.items is not loaded.`, `${this.typeName}.items`);
    return this.loadedItems;
  }
}

// ---- Workbook and worksheets ---------------------------------------------------------------------

class WorkbookProxy {
  readonly worksheets: WorksheetCollectionProxy;
  readonly names: NamedItemCollectionProxy;
  readonly tables: TableCollectionProxy;
  readonly application: { suspendScreenUpdatingUntilNextSync(): void };
  constructor(readonly context: FakeContext) {
    this.application = {
      suspendScreenUpdatingUntilNextSync: () =>
        context.enqueue((tx) => {
          context.assertSupported("Application.suspendScreenUpdatingUntilNextSync");
          tx.repaintAll = true;
        }),
    };
    const wb = () => context.model;
    this.worksheets = new WorksheetCollectionProxy(context, wb, "WorksheetCollection");
    this.names = new NamedItemCollectionProxy(context, () => ({ map: context.model.names, sheet: null }), "NamedItemCollection");
    this.tables = new TableCollectionProxy(context, () => ({ workbook: context.model, sheet: null }), "TableCollection");
  }
}

class WorksheetCollectionProxy extends CollectionProxy<FakeWorkbook, FakeSheet, WorksheetProxy> {
  protected list(wb: FakeWorkbook): FakeSheet[] {
    return wb.sheets;
  }
  protected itemProxy(sheet: FakeSheet): WorksheetProxy {
    return new WorksheetProxy(this.context, () => (sheet.workbook.sheets.includes(sheet) ? sheet : null), "Worksheet");
  }
  protected readItem(sheet: FakeSheet, property: string): unknown {
    return readWorksheet(sheet, property);
  }
  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(
      this.context,
      this.child("getItem", (wb) => {
        const s = wb.sheet(name);
        if (!s) throw new FakeError("ItemNotFound", `The requested worksheet "${name}" does not exist.`, "WorksheetCollection.getItem");
        return s;
      }),
      "Worksheet",
    );
  }
  getItemOrNullObject(name: string): WorksheetProxy {
    return new WorksheetProxy(this.context, this.child("getItemOrNullObject", (wb) => wb.sheet(name) ?? null), "Worksheet", true);
  }
  add(name: string): WorksheetProxy {
    let created: FakeSheet | null = null;
    this.queue("add", (wb) => {
      created = wb.addSheet(name);
    });
    return new WorksheetProxy(this.context, () => created, "Worksheet");
  }
}

function readWorksheet(sheet: FakeSheet, property: string): unknown {
  switch (property) {
    case "name":
      return sheet.name;
    case "id":
      return sheet.id;
    case "visibility":
      return sheet.visibility;
  }
  throw new FakeError("PropertyNotLoaded", `fake: Worksheet.${property} cannot be loaded`);
}

class WorksheetProxy extends Proxy<FakeSheet> {
  protected override read(sheet: FakeSheet, property: string): unknown {
    return readWorksheet(sheet, property);
  }
  get name(): string {
    return this.get("name");
  }
  set name(value: string) {
    this.queue("name", (s) => {
      const other = s.workbook.sheet(value);
      if (other && other !== s) throw new FakeError("ItemAlreadyExists", `A sheet named "${value}" already exists.`, "Worksheet.name");
      s.name = value;
    });
  }
  get id(): string {
    return this.get("id");
  }
  set visibility(value: FakeSheet["visibility"]) {
    this.queue("visibility", (s) => {
      s.visibility = value;
    });
  }
  get visibility(): FakeSheet["visibility"] {
    return this.get("visibility");
  }
  getRange(address?: string): RangeProxy {
    return new RangeProxy(
      this.context,
      this.child("getRange", (sheet) => ({ sheet, area: address ? parseAddress(address) : { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLUMNS - 1 } })),
    );
  }
  getRangeByIndexes(row: number, column: number, rows: number, columns: number): RangeProxy {
    if (rows < 1 || columns < 1) throw new FakeError("InvalidArgument", `fake: getRangeByIndexes(${row}, ${column}, ${rows}, ${columns})`);
    return new RangeProxy(this.context, this.child("getRangeByIndexes", (sheet) => ({ sheet, area: { r0: row, c0: column, r1: row + rows - 1, c1: column + columns - 1 } })));
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    return new RangeProxy(
      this.context,
      this.child("getUsedRangeOrNullObject", (sheet) => {
        const area = sheet.usedArea(valuesOnly === true);
        return area ? { sheet, area } : null;
      }),
      true,
    );
  }
  getUsedRange(valuesOnly?: boolean): RangeProxy {
    return new RangeProxy(
      this.context,
      this.child("getUsedRange", (sheet) => ({ sheet, area: sheet.usedArea(valuesOnly === true) ?? { r0: 0, c0: 0, r1: 0, c1: 0 } })),
    );
  }
  activate(): void {
    this.queue("activate", (s) => {
      if (s.visibility !== "Visible") throw new FakeError("InvalidOperation", `The sheet "${s.name}" is hidden.`, "Worksheet.activate");
      s.workbook.active = s;
    });
  }
  delete(): void {
    this.queue("delete", (s) => {
      const wb = s.workbook;
      wb.sheets.splice(wb.sheets.indexOf(s), 1);
      for (let i = wb.tables.length - 1; i >= 0; i--) if (wb.tables[i].sheet === s) wb.tables.splice(i, 1);
      if (wb.active === s) wb.active = wb.sheets.find((x) => x.visibility === "Visible") ?? null;
    });
  }
  get freezePanes(): FreezePanesProxy {
    return new FreezePanesProxy(this.context, this.child("freezePanes", (s) => s), "WorksheetFreezePanes");
  }
  get names(): NamedItemCollectionProxy {
    return new NamedItemCollectionProxy(this.context, this.child("names", (s) => ({ map: s.names, sheet: s })), "NamedItemCollection");
  }
  get tables(): TableCollectionProxy {
    return new TableCollectionProxy(this.context, this.child("tables", (s) => ({ workbook: s.workbook, sheet: s })), "TableCollection");
  }
  get charts(): ChartCollectionProxy {
    return new ChartCollectionProxy(this.context, this.child("charts", (s) => s), "ChartCollection");
  }
  get pageLayout(): PageLayoutProxy {
    return new PageLayoutProxy(this.context, this.child("pageLayout", (s) => s), "PageLayout");
  }
  get protection(): WorksheetProtectionProxy {
    return new WorksheetProtectionProxy(this.context, this.child("protection", (s) => s), "WorksheetProtection");
  }
}

/**
 * `Worksheet.protection` (ExcelApi 1.2): `load("protected")` only. It reads FakeSheet.protected,
 * the flag that makes writes to the sheet fail with AccessDenied. Of a null worksheet it loads null
 * (or, with nullChaining "throw", fails the batch like any call on a null object).
 */
class WorksheetProtectionProxy extends Proxy<FakeSheet> {
  protected override read(sheet: FakeSheet, property: string): unknown {
    return property === "protected" ? sheet.protected : super.read(sheet, property);
  }
  get protected(): boolean {
    return this.get("protected");
  }
}

/** `Worksheet.pageLayout` (ExcelApi 1.9): set-only, as the add-in uses it. */
class PageLayoutProxy extends Proxy<FakeSheet> {
  private set(what: string, apply: (layout: FakeSheet["pageLayout"]) => void): void {
    this.queue(what, (s) => apply(s.pageLayout));
  }
  set orientation(value: "Portrait" | "Landscape") {
    this.set("orientation", (l) => (l.orientation = value));
  }
  set paperSize(value: string) {
    this.set("paperSize", (l) => (l.paperSize = value));
  }
  set zoom(value: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number }) {
    if (value.scale !== undefined && (value.horizontalFitToPages !== undefined || value.verticalFitToPages !== undefined)) {
      throw new FakeError("InvalidArgument", "fake: zoom takes a scale or pages to fit, not both", "PageLayout.zoom");
    }
    this.set("zoom", (l) => (l.zoom = { ...value }));
  }
  set centerHorizontally(value: boolean) {
    this.set("centerHorizontally", (l) => (l.centerHorizontally = value));
  }
  setPrintArea(area: RangeProxy | string): void {
    this.queue("setPrintArea", (s) => {
      const address = typeof area === "string" ? area : (() => {
        const t = area.target();
        if (!t || t.sheet !== s) throw new FakeError("InvalidArgument", "fake: the print area must be a range of this sheet", "PageLayout.setPrintArea");
        return areaAddress(t.area);
      })();
      s.pageLayout.printArea = address;
    });
  }
  get headersFooters(): { defaultForAllPages: { centerHeader: string; rightFooter: string } } {
    const set = (what: string, apply: (l: FakeSheet["pageLayout"]) => void) => this.set(what, apply);
    const refuse = (): string => {
      throw new FakeError("PropertyNotLoaded", "fake: headers and footers are not loadable here");
    };
    return {
      defaultForAllPages: {
        set centerHeader(text: string) {
          if (text.length > 255) throw new FakeError("InvalidArgument", "fake: a header takes at most 255 characters", "HeaderFooter.centerHeader");
          set("centerHeader", (l) => (l.centerHeader = text));
        },
        get centerHeader(): string {
          return refuse();
        },
        set rightFooter(text: string) {
          set("rightFooter", (l) => (l.rightFooter = text));
        },
        get rightFooter(): string {
          return refuse();
        },
      },
    };
  }
}

class FreezePanesProxy extends Proxy<FakeSheet> {
  freezeRows(count: number): void {
    this.queue("freezeRows", (s) => {
      s.frozenRows = count;
    });
  }
  getLocationOrNullObject(): RangeProxy {
    return new RangeProxy(
      this.context,
      this.child("getLocationOrNullObject", (sheet) => (sheet.frozenRows > 0 ? { sheet, area: { r0: 0, c0: 0, r1: sheet.frozenRows - 1, c1: MAX_COLUMNS - 1 } } : null)),
      true,
    );
  }
}

// ---- Ranges ----------------------------------------------------------------------------------------

function valueType(cell: { value: Scalar | null; error: string | null }): string {
  if (cell.error) return "Error";
  if (cell.value === null) return "Empty";
  if (typeof cell.value === "number") return "Double";
  if (typeof cell.value === "boolean") return "Boolean";
  return "String";
}

function grid<V>(t: RangeTarget, cell: (r: number, c: number) => V): V[][] {
  if (areaSize(t.area) > 3_000_000) throw new FakeError("RangeExceedsLimit", `fake: ${areaAddress(t.area)} is too large to load`);
  const rows: V[][] = [];
  for (let r = t.area.r0; r <= t.area.r1; r++) {
    const row: V[] = [];
    for (let c = t.area.c0; c <= t.area.c1; c++) row.push(cell(r, c));
    rows.push(row);
  }
  return rows;
}

function assertShape(t: RangeTarget, values: unknown, what: string): unknown[][] {
  const rows = t.area.r1 - t.area.r0 + 1;
  const cols = t.area.c1 - t.area.c0 + 1;
  if (!Array.isArray(values) || values.length !== rows || values.some((r) => !Array.isArray(r) || r.length !== cols)) {
    throw new FakeError("InvalidArgument", `The number of rows or columns in the input array doesn't match the size or dimensions of the range ${areaAddress(t.area)}.`, what);
  }
  return values as unknown[][];
}

/** Properties with one entry per cell. */
const CELL_PROPERTIES = new Set(["values", "valueTypes", "formulas", "numberFormat"]);

class RangeProxy extends Proxy<RangeTarget> {
  constructor(context: FakeContext, resolver: Resolver<RangeTarget>, orNull = false) {
    super(context, resolver, "Range", orNull);
  }
  protected override read(t: RangeTarget, property: string): unknown {
    const nullAbove = this.context.options.nullValuesAbove;
    if (nullAbove !== undefined && areaSize(t.area) > nullAbove && CELL_PROPERTIES.has(property)) return null;
    switch (property) {
      case "values":
        return grid(t, (r, c) => t.sheet.cell(r, c).value ?? "");
      case "valueTypes":
        return grid(t, (r, c) => valueType(t.sheet.cell(r, c)));
      case "formulas":
        return grid(t, (r, c) => t.sheet.cell(r, c).formula ?? t.sheet.cell(r, c).value ?? "");
      case "numberFormat":
        return grid(t, (r, c) => t.sheet.cell(r, c).numberFormat);
      case "rowIndex":
        return t.area.r0;
      case "columnIndex":
        return t.area.c0;
      case "rowCount":
        return t.area.r1 - t.area.r0 + 1;
      case "columnCount":
        return t.area.c1 - t.area.c0 + 1;
      case "address":
        return `${t.sheet.name}!${areaAddress(t.area)}`;
    }
    return super.read(t, property);
  }
  get values(): Scalar[][] {
    return this.get("values");
  }
  set values(values: unknown[][]) {
    this.queue("values", (t) => {
      t.sheet.assertWritable("Range.values");
      assertShape(t, values, "Range.values").forEach((row, r) =>
        row.forEach((v, c) => {
          if (v !== null) t.sheet.setValue(t.area.r0 + r, t.area.c0 + c, v, this.context.options.textEntry);
        }),
      );
    });
  }
  set hyperlink(link: { documentReference?: string; address?: string; textToDisplay?: string; screenTip?: string }) {
    this.queue("hyperlink", (t) => {
      t.sheet.assertWritable("Range.hyperlink");
      if (!link || (!link.documentReference && !link.address)) throw new FakeError("InvalidArgument", "fake: a hyperlink needs an address or a document reference", "Range.hyperlink");
      const cell = t.sheet.mutable(t.area.r0, t.area.c0);
      cell.hyperlink = { ...link };
      if (link.textToDisplay !== undefined) {
        cell.formula = null;
        cell.error = null;
        cell.value = link.textToDisplay === "" ? null : link.textToDisplay;
      }
    });
  }
  get valueTypes(): string[][] {
    return this.get("valueTypes");
  }
  get formulas(): unknown[][] {
    return this.get("formulas");
  }
  set formulas(formulas: unknown[][]) {
    this.queue("formulas", (t) => {
      t.sheet.assertWritable("Range.formulas");
      assertShape(t, formulas, "Range.formulas").forEach((row, r) =>
        row.forEach((f, c) => {
          if (f !== null) t.sheet.setFormula(t.area.r0 + r, t.area.c0 + c, String(f));
        }),
      );
    });
  }
  get numberFormat(): string[][] {
    return this.get("numberFormat");
  }
  set numberFormat(formats: unknown[][]) {
    this.queue("numberFormat", (t) => {
      t.sheet.assertWritable("Range.numberFormat");
      assertShape(t, formats, "Range.numberFormat").forEach((row, r) =>
        row.forEach((f, c) => {
          if (f !== null) t.sheet.mutable(t.area.r0 + r, t.area.c0 + c).numberFormat = String(f);
        }),
      );
    });
  }
  get rowIndex(): number {
    return this.get("rowIndex");
  }
  get columnIndex(): number {
    return this.get("columnIndex");
  }
  get rowCount(): number {
    return this.get("rowCount");
  }
  get columnCount(): number {
    return this.get("columnCount");
  }
  get address(): string {
    return this.get("address");
  }
  clear(applyTo: "All" | "Contents" | "Formats" | "Hyperlinks" = "All"): void {
    this.queue("clear", (t) => {
      t.sheet.assertWritable("Range.clear");
      t.sheet.forEachStored(t.area, (_r, _c, cell) => {
        if (applyTo === "All" || applyTo === "Hyperlinks") cell.hyperlink = null;
        if (applyTo === "Hyperlinks") return;
        if (applyTo !== "Formats") Object.assign(cell, { value: null, formula: null, error: null });
        if (applyTo !== "Contents") Object.assign(cell, { numberFormat: "General", fill: null, bold: false, fontColor: null, fontSize: null, wrap: false, horizontalAlignment: "General", verticalAlignment: "Bottom" });
      });
    });
  }
  /** Delete the cells, moving the cells below up (only "Up"); a table whose row this is shrinks by it. */
  delete(shift: string): void {
    this.queue("delete", (t) => {
      if (shift !== "Up") throw new FakeError("InvalidArgument", "fake: cells are deleted upwards only", "Range.delete");
      t.sheet.assertWritable("Range.delete");
      const count = t.area.r1 - t.area.r0 + 1;
      for (const table of t.sheet.tables()) {
        const crosses = intersects(table.area, t.area);
        if (!crosses) continue;
        const whole = t.area.c0 <= table.area.c0 && t.area.c1 >= table.area.c1 && t.area.r0 > table.area.r0 && t.area.r1 <= table.area.r1;
        if (!whole || table.area.r1 - table.area.r0 - count < 1) {
          throw new FakeError("InvalidOperation", "This operation is not allowed: it would move cells in a table on your worksheet.", "Range.delete");
        }
      }
      t.sheet.shiftUp(t.area.r0, t.area.c0, t.area.c1, count);
      for (const table of t.sheet.tables()) {
        if (t.area.c0 <= table.area.c0 && t.area.c1 >= table.area.c1 && t.area.r0 <= table.area.r1 && t.area.r0 > table.area.r0) table.area.r1 -= count;
        else if (t.area.r1 < table.area.r0 && t.area.c0 <= table.area.c0 && t.area.c1 >= table.area.c1) {
          table.area.r0 -= count;
          table.area.r1 -= count;
        }
      }
    });
  }
  select(): void {
    this.queue("select", (t) => {
      if (t.sheet.workbook.active !== t.sheet) throw new FakeError("InvalidSelection", "fake: select() on a sheet that is not active", "Range.select");
      t.sheet.workbook.selection = { sheet: t.sheet.name, address: areaAddress(t.area) };
    });
  }
  getCell(row: number, column: number): RangeProxy {
    return new RangeProxy(this.context, this.child("getCell", (t) => ({ sheet: t.sheet, area: { r0: t.area.r0 + row, c0: t.area.c0 + column, r1: t.area.r0 + row, c1: t.area.c0 + column } })));
  }
  get format(): RangeFormatProxy {
    return new RangeFormatProxy(this.context, this.child("format", (t) => t), "RangeFormat");
  }
  get dataValidation(): DataValidationProxy {
    return new DataValidationProxy(this.context, this.child("dataValidation", (t) => t), "DataValidation");
  }
  get conditionalFormats(): ConditionalFormatCollectionProxy {
    return new ConditionalFormatCollectionProxy(this.context, this.child("conditionalFormats", (t) => t), "ConditionalFormatCollection");
  }
}

function formatCells(t: RangeTarget, what: string, apply: (cell: ReturnType<FakeSheet["mutable"]>) => void): void {
  t.sheet.assertWritable(what);
  t.sheet.forEachPosition(t.area, (r, c) => apply(t.sheet.mutable(r, c)));
}

class RangeFormatProxy extends Proxy<RangeTarget> {
  set columnWidth(points: number) {
    this.queue("columnWidth", (t) => {
      for (let c = t.area.c0; c <= t.area.c1; c++) t.sheet.columnWidths.set(c, points);
    });
  }
  set wrapText(wrap: boolean) {
    this.queue("wrapText", (t) => formatCells(t, "RangeFormat.wrapText", (cell) => (cell.wrap = wrap)));
  }
  set horizontalAlignment(value: "General" | "Left" | "Center" | "Right") {
    if (!["General", "Left", "Center", "Right"].includes(value)) throw new FakeError("InvalidArgument", `fake: horizontalAlignment ${value} is not modelled`);
    this.queue("horizontalAlignment", (t) => formatCells(t, "RangeFormat.horizontalAlignment", (cell) => (cell.horizontalAlignment = value)));
  }
  set verticalAlignment(value: "Top" | "Center" | "Bottom") {
    if (!["Top", "Center", "Bottom"].includes(value)) throw new FakeError("InvalidArgument", `fake: verticalAlignment ${value} is not modelled`);
    this.queue("verticalAlignment", (t) => formatCells(t, "RangeFormat.verticalAlignment", (cell) => (cell.verticalAlignment = value)));
  }
  /** Each row of the range as tall as its text (ExcelApi 1.2); whole columns are refused here (too many rows to fit). */
  autofitRows(): void {
    this.queue("autofitRows", (t) => {
      if (t.area.r1 - t.area.r0 >= 100_000) throw new FakeError("InvalidArgument", `fake: autofitRows over ${areaAddress(t.area)}; fit the rows written`, "RangeFormat.autofitRows");
      for (let r = t.area.r0; r <= t.area.r1; r++) t.sheet.autofitRows.add(r);
    });
  }
  get fill(): { color: string; clear(): void } {
    const queue = (what: string, apply: (t: RangeTarget) => void) => this.queue(what, apply);
    return {
      set color(color: string) {
        queue("fill.color", (t) => formatCells(t, "RangeFill.color", (cell) => (cell.fill = color)));
      },
      get color(): string {
        throw new FakeError("PropertyNotLoaded", "fake: RangeFill.color is not loadable here");
      },
      clear() {
        queue("fill.clear", (t) => formatCells(t, "RangeFill.clear", (cell) => (cell.fill = null)));
      },
    };
  }
  get font(): { bold: boolean; color: string; size: number } {
    const queue = (what: string, apply: (t: RangeTarget) => void) => this.queue(what, apply);
    const notLoadable = () => {
      throw new FakeError("PropertyNotLoaded", "fake: RangeFont properties are not loadable here");
    };
    return {
      set bold(bold: boolean) {
        queue("font.bold", (t) => formatCells(t, "RangeFont.bold", (cell) => (cell.bold = bold)));
      },
      get bold(): boolean {
        return notLoadable();
      },
      set color(color: string) {
        queue("font.color", (t) => formatCells(t, "RangeFont.color", (cell) => (cell.fontColor = color)));
      },
      get color(): string {
        return notLoadable();
      },
      set size(size: number) {
        queue("font.size", (t) => formatCells(t, "RangeFont.size", (cell) => (cell.fontSize = size)));
      },
      get size(): number {
        return notLoadable();
      },
    };
  }
}

const key = (r: number, c: number) => `${r},${c}`;

class DataValidationProxy extends Proxy<RangeTarget> {
  protected override read(t: RangeTarget, property: string): unknown {
    if (property !== "type") return super.read(t, property);
    const types = new Set<string>();
    t.sheet.forEachPosition(t.area, (r, c) => types.add(t.sheet.validations.get(key(r, c))?.type ?? "None"));
    // Excel.DataValidationType: a range whose cells differ reports "MixedCriteria".
    return types.size === 1 ? [...types][0] : "MixedCriteria";
  }
  get type(): string {
    return this.get("type");
  }
  set rule(rule: { list?: { source: string; inCellDropDown?: boolean } }) {
    this.queue("rule", (t) => {
      t.sheet.assertWritable("DataValidation.rule");
      if (!rule.list) throw new FakeError("InvalidArgument", "fake: only list rules are modelled", "DataValidation.rule");
      t.sheet.forEachPosition(t.area, (r, c) => {
        // A new rule keeps the cell's input message, as Excel does.
        const prompt = t.sheet.validations.get(key(r, c))?.prompt;
        t.sheet.validations.set(key(r, c), { type: "List", source: rule.list?.source ?? "", alert: null, ...(prompt ? { prompt } : {}) });
      });
    });
  }
  set prompt(prompt: { showPrompt: boolean; title: string; message: string }) {
    this.queue("prompt", (t) => {
      t.sheet.assertWritable("DataValidation.prompt");
      t.sheet.forEachPosition(t.area, (r, c) => {
        const v = t.sheet.validations.get(key(r, c));
        if (v) v.prompt = prompt;
        else t.sheet.validations.set(key(r, c), { type: "None", source: "", alert: null, prompt });
      });
    });
  }
  set errorAlert(alert: unknown) {
    this.queue("errorAlert", (t) => {
      t.sheet.forEachPosition(t.area, (r, c) => {
        const v = t.sheet.validations.get(key(r, c));
        if (v) v.alert = alert;
      });
    });
  }
  clear(): void {
    this.queue("clear", (t) => t.sheet.forEachPosition(t.area, (r, c) => t.sheet.validations.delete(key(r, c))));
  }
}

// ---- Conditional formats ------------------------------------------------------------------------------

interface CfTarget {
  sheet: FakeSheet;
  format: FakeConditionalFormat;
}

class ConditionalFormatCollectionProxy extends CollectionProxy<RangeTarget, CfTarget, ConditionalFormatProxy> {
  protected list(t: RangeTarget): CfTarget[] {
    return t.sheet.conditionalFormats.filter((f) => intersects(f.area, t.area)).map((format) => ({ sheet: t.sheet, format }));
  }
  protected itemProxy(item: CfTarget): ConditionalFormatProxy {
    return new ConditionalFormatProxy(this.context, () => (item.sheet.conditionalFormats.includes(item.format) ? item : null), "ConditionalFormat");
  }
  protected readItem(item: CfTarget, property: string): unknown {
    return readConditionalFormat(item, property);
  }
  add(type: string): ConditionalFormatProxy {
    let created: CfTarget | null = null;
    this.queue("add", (t) => {
      t.sheet.assertWritable("ConditionalFormatCollection.add");
      const format: FakeConditionalFormat = { id: t.sheet.workbook.newConditionalFormatId(), area: { ...t.area }, type, formula: "", fill: null, fontColor: null };
      t.sheet.conditionalFormats.unshift(format);
      created = { sheet: t.sheet, format };
      this.context.running?.painted.push(created);
    });
    return new ConditionalFormatProxy(this.context, () => created, "ConditionalFormat");
  }
}

function readConditionalFormat(item: CfTarget, property: string): unknown {
  switch (property) {
    case "type":
      return item.format.type;
    case "id":
      return item.format.id;
    case "priority":
      return item.sheet.conditionalFormats.indexOf(item.format);
  }
  throw new FakeError("PropertyNotLoaded", `fake: ConditionalFormat.${property} cannot be loaded`);
}

class ConditionalFormatProxy extends Proxy<CfTarget> {
  protected override read(t: CfTarget, property: string): unknown {
    return readConditionalFormat(t, property);
  }
  get type(): string {
    return this.get("type");
  }
  get id(): string {
    return this.get("id");
  }
  delete(): void {
    this.queue("delete", (t) => {
      t.sheet.conditionalFormats.splice(t.sheet.conditionalFormats.indexOf(t.format), 1);
    });
  }
  get custom(): CustomConditionalFormatProxy {
    return new CustomConditionalFormatProxy(
      this.context,
      this.child("custom", (t) => {
        if (t.format.type !== "Custom") throw new FakeError("InvalidOperation", "The conditional format is not a custom one.", "ConditionalFormat.custom");
        return t;
      }),
      "CustomConditionalFormat",
    );
  }
}

class CustomConditionalFormatProxy extends Proxy<CfTarget> {
  get rule(): ConditionalFormatRuleProxy {
    return new ConditionalFormatRuleProxy(this.context, this.child("rule", (t) => t), "ConditionalFormatRule");
  }
  get format(): { fill: { color: string }; font: { color: string } } {
    const queue = (what: string, apply: (t: CfTarget) => void) => this.queue(what, apply);
    return {
      fill: {
        set color(color: string) {
          queue("format.fill.color", (t) => (t.format.fill = color));
        },
        get color(): string {
          throw new FakeError("PropertyNotLoaded", "fake: not loadable");
        },
      },
      font: {
        set color(color: string) {
          queue("format.font.color", (t) => (t.format.fontColor = color));
        },
        get color(): string {
          throw new FakeError("PropertyNotLoaded", "fake: not loadable");
        },
      },
    };
  }
}

class ConditionalFormatRuleProxy extends Proxy<CfTarget> {
  protected override read(t: CfTarget, property: string): unknown {
    return property === "formula" ? t.format.formula : super.read(t, property);
  }
  get formula(): string {
    return this.get("formula");
  }
  set formula(formula: string) {
    this.queue("formula", (t) => {
      t.format.formula = formula;
      this.context.running?.painted.push(t);
    });
  }
}

// ---- Names -----------------------------------------------------------------------------------------

interface NameScope {
  map: Map<string, FakeName>;
  sheet: FakeSheet | null;
}

interface NameTarget {
  scope: NameScope;
  item: FakeName;
}

class NamedItemCollectionProxy extends Proxy<NameScope> {
  add(name: string, reference: string, comment = ""): NamedItemProxy {
    let created: NameTarget | null = null;
    this.queue("add", (scope) => {
      if (scope.map.has(name.toLowerCase())) throw new FakeError("ItemAlreadyExists", `The name "${name}" already exists.`, "NamedItemCollection.add");
      if (typeof reference !== "string") throw new FakeError("InvalidArgument", "fake: names take a formula string", "NamedItemCollection.add");
      const item: FakeName = { name, formula: reference, visible: true, comment };
      scope.map.set(name.toLowerCase(), item);
      created = { scope, item };
    });
    return new NamedItemProxy(this.context, () => created, "NamedItem");
  }
  getItemOrNullObject(name: string): NamedItemProxy {
    return new NamedItemProxy(
      this.context,
      this.child("getItemOrNullObject", (scope) => {
        const item = scope.map.get(name.toLowerCase());
        return item ? { scope, item } : null;
      }),
      "NamedItem",
      true,
    );
  }
}

class NamedItemProxy extends Proxy<NameTarget> {
  protected override read(t: NameTarget, property: string): unknown {
    switch (property) {
      case "name":
        return t.item.name;
      case "formula":
        return t.item.formula;
      case "visible":
        return t.item.visible;
    }
    return super.read(t, property);
  }
  set visible(visible: boolean) {
    this.queue("visible", (t) => (t.item.visible = visible));
  }
  get visible(): boolean {
    return this.get("visible");
  }
  get formula(): string {
    return this.get("formula");
  }
  delete(): void {
    this.queue("delete", (t) => t.scope.map.delete(t.item.name.toLowerCase()));
  }
}

// ---- Tables ----------------------------------------------------------------------------------------

interface TableScope {
  workbook: FakeWorkbook;
  sheet: FakeSheet | null;
}

class TableCollectionProxy extends CollectionProxy<TableScope, FakeTable, TableProxy> {
  protected list(scope: TableScope): FakeTable[] {
    return scope.workbook.tables.filter((t) => !scope.sheet || t.sheet === scope.sheet);
  }
  protected itemProxy(table: FakeTable): TableProxy {
    return new TableProxy(this.context, () => (table.sheet.workbook.tables.includes(table) ? table : null), "Table");
  }
  protected readItem(table: FakeTable, property: string): unknown {
    if (property === "name") return table.name;
    throw new FakeError("PropertyNotLoaded", `fake: Table.${property} cannot be loaded`);
  }
  getItem(name: string): TableProxy {
    return new TableProxy(
      this.context,
      this.child("getItem", (scope) => {
        const t = this.list(scope).find((x) => x.name.toLowerCase() === name.toLowerCase());
        if (!t) throw new FakeError("ItemNotFound", `The requested table "${name}" does not exist.`, "TableCollection.getItem");
        return t;
      }),
      "Table",
    );
  }
  getItemOrNullObject(name: string): TableProxy {
    return new TableProxy(
      this.context,
      this.child("getItemOrNullObject", (scope) => this.list(scope).find((x) => x.name.toLowerCase() === name.toLowerCase()) ?? null),
      "Table",
      true,
    );
  }
  add(address: RangeProxy | string, hasHeaders: boolean): TableProxy {
    let created: FakeTable | null = null;
    this.queue("add", (scope) => {
      const target = typeof address === "string" ? { sheet: scope.sheet as FakeSheet, area: parseAddress(address) } : address.target();
      if (!target || !hasHeaders) throw new FakeError("InvalidArgument", "fake: tables need a range and headers", "TableCollection.add");
      const { sheet } = target;
      sheet.assertWritable("TableCollection.add");
      if (scope.workbook.tables.some((t) => t.sheet === sheet && intersects(t.area, target.area))) {
        throw new FakeError("InvalidOperation", "A table can't overlap another table.", "TableCollection.add");
      }
      const area = { ...target.area };
      if (area.r1 === area.r0) area.r1 += 1; // a table always has a body row
      const seen = new Set<string>();
      for (let c = area.c0; c <= area.c1; c++) {
        let header = String(sheet.cell(area.r0, c).value ?? "");
        if (header === "") header = `Column${c - area.c0 + 1}`;
        let unique = header;
        for (let n = 2; seen.has(unique.toLowerCase()); n++) unique = `${header}${n}`;
        seen.add(unique.toLowerCase());
        if (unique !== sheet.cell(area.r0, c).value) sheet.setValue(area.r0, c, unique);
      }
      let n = scope.workbook.tables.length + 1;
      while (scope.workbook.table(`Table${n}`)) n++;
      created = { name: `Table${n}`, sheet, area };
      scope.workbook.tables.push(created);
    });
    return new TableProxy(this.context, () => created, "Table");
  }
}

class TableProxy extends Proxy<FakeTable> {
  protected override read(t: FakeTable, property: string): unknown {
    return property === "name" ? t.name : super.read(t, property);
  }
  get name(): string {
    return this.get("name");
  }
  set name(name: string) {
    this.queue("name", (t) => {
      const other = t.sheet.workbook.table(name);
      if (other && other !== t) throw new FakeError("ItemAlreadyExists", `A table named "${name}" already exists.`, "Table.name");
      t.name = name;
    });
  }
  getRange(): RangeProxy {
    return new RangeProxy(this.context, this.child("getRange", (t) => ({ sheet: t.sheet, area: { ...t.area } })));
  }
  /** ExcelApi 1.2: the sheet the table is on. */
  get worksheet(): WorksheetProxy {
    return new WorksheetProxy(this.context, this.child("worksheet", (t) => t.sheet), "Worksheet");
  }
  get columns(): { add(index?: number, values?: unknown, name?: string): void } {
    return {
      add: (index?: number, values?: unknown, name?: string) =>
        this.queue("columns.add", (t) => {
          if (index !== undefined && index !== null) throw new FakeError("InvalidArgument", "fake: columns are added at the end only");
          if (values !== undefined && values !== null) throw new FakeError("InvalidArgument", "fake: new columns start empty");
          const column = t.area.c1 + 1;
          t.sheet.assertWritable("TableColumnCollection.add");
          const limit = this.context.options.operationCellLimit;
          const affected = (t.area.r1 - t.area.r0 + 1) * (MAX_COLUMNS - 1 - (t.area.c1 - t.area.c0 + 1));
          if (limit !== undefined && affected > limit) {
            throw new FakeError("OperationCellsExceedLimit", `The attempted operation affects more than the limit of ${limit} cells.`, "TableColumnCollection.add");
          }
          t.sheet.shiftRight(column, t.area.r0, t.area.r1, 1);
          t.sheet.setValue(t.area.r0, column, name ?? `Column${column - t.area.c0 + 1}`);
          t.area.c1 = column;
        }),
    };
  }
  get rows(): { add(index?: number, values?: unknown[][]): void } {
    return {
      add: (index?: number, values?: unknown[][]) =>
        this.queue("rows.add", (t) => {
          if (index !== undefined && index !== null) throw new FakeError("InvalidArgument", "fake: rows are added at the end only");
          const rows = values ?? [[]];
          const width = t.area.c1 - t.area.c0 + 1;
          if (rows.some((r) => r.length !== width)) throw new FakeError("InvalidArgument", "The number of values doesn't match the table's columns.", "TableRowCollection.add");
          t.sheet.assertWritable("TableRowCollection.add");
          const at = t.area.r1 + 1;
          t.sheet.shiftDown(at, t.area.c0, t.area.c1, rows.length);
          rows.forEach((row, r) =>
            row.forEach((v, c) => {
              const column = t.area.c0 + c;
              // Excel carries a table column's number format and data validation into new rows.
              const above = t.sheet.cell(t.area.r1, column);
              t.sheet.mutable(at + r, column).numberFormat = above.numberFormat;
              const rule = t.sheet.validations.get(key(t.area.r1, column));
              if (rule) t.sheet.validations.set(key(at + r, column), { ...rule });
              t.sheet.setValue(at + r, column, v, this.context.options.textEntry);
            }),
          );
          t.area.r1 += rows.length;
        }),
    };
  }
}

// ---- Charts ----------------------------------------------------------------------------------------

interface ChartTarget {
  sheet: FakeSheet;
  chart: FakeChart;
}

function chartData(sheet: FakeSheet, area: Area): Pick<FakeChart, "categories" | "series"> {
  const categories: Array<Scalar | null> = [];
  for (let r = area.r0 + 1; r <= area.r1; r++) categories.push(sheet.cell(r, area.c0).value);
  const series = [];
  for (let c = area.c0 + 1; c <= area.c1; c++) {
    const values: Array<Scalar | null> = [];
    for (let r = area.r0 + 1; r <= area.r1; r++) values.push(sheet.cell(r, c).value);
    series.push({ name: String(sheet.cell(area.r0, c).value ?? `Series${c - area.c0}`), values, fill: "auto" as const, gapWidth: 150 });
  }
  return { categories, series };
}

class ChartCollectionProxy extends Proxy<FakeSheet> {
  add(type: string, source: RangeProxy, seriesBy: string): ChartProxy {
    let created: ChartTarget | null = null;
    this.queue("add", (sheet) => {
      const t = source.target();
      if (!t || seriesBy !== "Columns") throw new FakeError("InvalidArgument", "fake: charts take a range, series by columns", "ChartCollection.add");
      sheet.assertWritable("ChartCollection.add");
      const chart: FakeChart = {
        name: `Chart ${sheet.charts.length + 1}`,
        type,
        data: { ...t.area },
        ...chartData(t.sheet, t.area),
        title: "",
        legendPosition: "Right",
        hiddenLegendEntries: new Set(),
        valueAxis: { minimum: null, maximum: null, majorUnit: null, numberFormat: "General" },
        categoryAxis: { reversePlotOrder: false },
        anchor: null,
        width: 360,
        height: 216,
      };
      sheet.charts.push(chart);
      created = { sheet, chart };
    });
    return new ChartProxy(this.context, () => created, "Chart");
  }
  getItemOrNullObject(name: string): ChartProxy {
    return new ChartProxy(
      this.context,
      this.child("getItemOrNullObject", (sheet) => {
        const chart = sheet.charts.find((c) => c.name.toLowerCase() === name.toLowerCase());
        return chart ? { sheet, chart } : null;
      }),
      "Chart",
      true,
    );
  }
}

class ChartProxy extends Proxy<ChartTarget> {
  private set(what: string, apply: (c: FakeChart) => void): void {
    this.queue(what, (t) => apply(t.chart));
  }
  set name(name: string) {
    this.set("name", (c) => (c.name = name));
  }
  set width(width: number) {
    this.set("width", (c) => (c.width = width));
  }
  set height(height: number) {
    this.set("height", (c) => (c.height = height));
  }
  setData(source: RangeProxy, seriesBy: string): void {
    this.queue("setData", (t) => {
      const range = source.target();
      if (!range || seriesBy !== "Columns") throw new FakeError("InvalidArgument", "fake: setData takes a range, series by columns", "Chart.setData");
      Object.assign(t.chart, { data: { ...range.area }, ...chartData(range.sheet, range.area), hiddenLegendEntries: new Set() });
    });
  }
  setPosition(startCell: string): void {
    this.set("setPosition", (c) => (c.anchor = startCell));
  }
  delete(): void {
    this.queue("delete", (t) => t.sheet.charts.splice(t.sheet.charts.indexOf(t.chart), 1));
  }
  get title(): { text: string } {
    const set = (what: string, apply: (c: FakeChart) => void) => this.set(what, apply);
    return {
      set text(text: string) {
        set("title.text", (c) => (c.title = text));
      },
      get text(): string {
        throw new FakeError("PropertyNotLoaded", "fake: not loadable");
      },
    };
  }
  get legend(): { position: string; legendEntries: { getItemAt(i: number): { visible: boolean } } } {
    const set = (what: string, apply: (c: FakeChart) => void) => this.set(what, apply);
    return {
      set position(position: string) {
        set("legend.position", (c) => (c.legendPosition = position));
      },
      get position(): string {
        throw new FakeError("PropertyNotLoaded", "fake: not loadable");
      },
      legendEntries: {
        getItemAt: (i: number) => ({
          set visible(visible: boolean) {
            set("legendEntries.visible", (c) => {
              if (i >= c.series.length) throw new FakeError("InvalidArgument", `No legend entry ${i}.`, "ChartLegendEntryCollection.getItemAt");
              if (visible) c.hiddenLegendEntries.delete(i);
              else c.hiddenLegendEntries.add(i);
            });
          },
          get visible(): boolean {
            throw new FakeError("PropertyNotLoaded", "fake: not loadable");
          },
        }),
      },
    };
  }
  get series(): { getItemAt(i: number): { gapWidth: number; format: { fill: { clear(): void; setSolidColor(c: string): void } } } } {
    const set = (what: string, i: number, apply: (s: FakeChart["series"][number]) => void) =>
      this.set(what, (c) => {
        const s = c.series[i];
        if (!s) throw new FakeError("InvalidArgument", `The chart has no series ${i}.`, "ChartSeriesCollection.getItemAt");
        apply(s);
      });
    return {
      getItemAt: (i: number) => ({
        set gapWidth(width: number) {
          set("series.gapWidth", i, (s) => (s.gapWidth = width));
        },
        get gapWidth(): number {
          throw new FakeError("PropertyNotLoaded", "fake: not loadable");
        },
        format: {
          fill: {
            clear: () => set("series.fill.clear", i, (s) => (s.fill = null)),
            setSolidColor: (colour: string) => set("series.fill.setSolidColor", i, (s) => (s.fill = colour)),
          },
        },
      }),
    };
  }
  get axes(): {
    valueAxis: { minimum: number; maximum: number; majorUnit: number; numberFormat: string };
    categoryAxis: { reversePlotOrder: boolean };
  } {
    const set = (what: string, apply: (c: FakeChart) => void) => this.set(what, apply);
    const notLoadable = (): never => {
      throw new FakeError("PropertyNotLoaded", "fake: not loadable");
    };
    return {
      valueAxis: {
        set minimum(v: number) {
          set("valueAxis.minimum", (c) => {
            if (c.valueAxis.maximum !== null && v >= c.valueAxis.maximum) {
              throw new FakeError("InvalidArgument", `The minimum (${v}) must be less than the maximum (${c.valueAxis.maximum}).`, "ChartAxis.minimum");
            }
            c.valueAxis.minimum = v;
          });
        },
        get minimum(): number {
          return notLoadable();
        },
        set maximum(v: number) {
          set("valueAxis.maximum", (c) => {
            if (c.valueAxis.minimum !== null && v <= c.valueAxis.minimum) {
              throw new FakeError("InvalidArgument", `The maximum (${v}) must be greater than the minimum (${c.valueAxis.minimum}).`, "ChartAxis.maximum");
            }
            c.valueAxis.maximum = v;
          });
        },
        get maximum(): number {
          return notLoadable();
        },
        set majorUnit(v: number) {
          set("valueAxis.majorUnit", (c) => (c.valueAxis.majorUnit = v));
        },
        get majorUnit(): number {
          return notLoadable();
        },
        set numberFormat(v: string) {
          set("valueAxis.numberFormat", (c) => (c.valueAxis.numberFormat = v));
        },
        get numberFormat(): string {
          return notLoadable();
        },
      },
      categoryAxis: {
        set reversePlotOrder(v: boolean) {
          set("categoryAxis.reversePlotOrder", (c) => (c.categoryAxis.reversePlotOrder = v));
        },
        get reversePlotOrder(): boolean {
          return notLoadable();
        },
      },
    };
  }
}

/** A fake context over `workbook`, typed as the real one for the code under test. */
export function fakeExcel(workbook: FakeWorkbook, options: FakeOptions = {}): { context: Excel.RequestContext; fake: FakeContext } {
  const fake = new FakeContext(workbook, options);
  return { context: fake as unknown as Excel.RequestContext, fake };
}
