/**
 * A worksheet part as snapshot rows: the cells of `sheetData` and the ranges of `mergeCells`, nothing
 * else (columns, dimensions, defined names, validations, drawings are never looked at, so no range a
 * file declares is ever expanded).
 *
 * Why a hand-written state machine over the scanner's events: a sheet is most of a workbook's bytes,
 * and a cell needs only its address, type, style, formula presence and value. Cell values:
 * - `s` shared string (rich text as its plain text), `inlineStr` (also rich), `str` formula text;
 * - `b` boolean ("1"/"true"), `e` formula error → `{ error }`, `d` ISO 8601 date → Date;
 * - `n` (or no type) number, a Date when the cell's format is a date format (dates.ts), in the
 *   workbook's date system;
 * - a formula's cached result of any type is its value, 0, FALSE and "" included; a formula with no
 *   cached result at all is empty and listed, so the user can be told;
 * - rows and cells without `r` follow the previous one (the first row is 1, the first cell A);
 *   a row beyond 1,048,576 or a column beyond XFD is refused.
 * Merged ranges then give every cell the top-left cell's value, but only in the rows and the columns
 * that hold data (a value in some cell), and within a budget of steps, so a merge over the whole sheet
 * costs what the data costs.
 */
import type { CellValue, SheetSnapshot } from "../../playbook/snapshot";
import { a1 } from "../../playbook/location";
import { isoToDate, serialToDate } from "./dates";
import { StringItem, transparent } from "./parts";
import { MAX_COLUMN, MAX_ROW, XlsxProblem, type ReadLimits } from "./problem";
import { NS_MAIN, scanXml, type Attributes, type XmlHandler } from "./xml";

/** What the reader knows of the whole workbook while it reads a sheet. */
export interface WorkbookContext {
  sharedStrings: string[];
  /** Per cell format index: 1 when it shows a date. */
  dateStyles: Uint8Array;
  date1904: boolean;
  limits: ReadLimits;
  /** The snapshot's estimated size and the merge steps so far, over all sheets. */
  spent: { snapshotBytes: number; mergeSteps: number };
  /** Formula cells saved without a result, as `Sheet!A1`. */
  uncomputed: string[];
}

const ROW_BYTES = 48;
const SLOT_BYTES = 8;

function tooLarge(context: WorkbookContext, sheet: string): never {
  throw new XlsxProblem("too-large", `the cells of the sheet ${sheet} and those before it take more than ${context.limits.snapshotBytes} bytes`);
}

/** Parse "B12" (or "B" when the row is not given) into a 0-based column and a 1-based row (0: none). */
function parseAddress(ref: string, out: { column: number; row: number }, from = 0, to = ref.length): boolean {
  let i = from;
  let column = 0;
  const n = to;
  for (; i < n; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) column = column * 26 + (c - 64);
    else if (c >= 97 && c <= 122) column = column * 26 + (c - 96);
    else break;
    if (column > MAX_COLUMN) return false;
  }
  if (i === from) return false;
  let row = 0;
  const digitsAt = i;
  for (; i < n; i++) {
    const c = ref.charCodeAt(i);
    if (c < 48 || c > 57) return false;
    row = row * 10 + (c - 48);
    if (row > MAX_ROW) return false;
  }
  if (i > digitsAt && row === 0) return false;
  out.column = column - 1;
  out.row = row;
  return true;
}

class SheetHandler implements XmlHandler {
  wantText = false;
  private skip = 0;
  private inSheetData = false;
  private inMerges = false;
  private rowNumber = 0;
  private nextColumn = 0;
  // The cell being read.
  private inCell = false;
  private cellRow = 0;
  private cellColumn = 0;
  private type: string | undefined = undefined;
  private style = 0;
  private hasFormula = false;
  private inValue = false;
  private value: string | null = null;
  private inInline = false;
  private inline: StringItem | null = null;
  private inlineText: string | null = null;
  private readonly address = { column: 0, row: 0 };

  readonly rows: CellValue[][] = [];
  readonly columnsWithData = new Uint8Array(MAX_COLUMN);
  readonly merges: string[] = [];

  constructor(
    private readonly name: string,
    private readonly context: WorkbookContext,
  ) {}

  open(ns: number, local: string, attrs: Attributes): void {
    if (this.skip > 0 || ns !== NS_MAIN) {
      if (this.skip > 0 || !transparent(ns, local)) this.skip++;
      return;
    }
    if (this.inCell) {
      if (this.inInline) {
        this.wantText = (this.inline as StringItem).open(ns, local);
      } else if (local === "v") {
        this.inValue = true;
        this.wantText = true;
        this.value = "";
      } else if (local === "f") {
        this.hasFormula = true;
      } else if (local === "is") {
        this.inInline = true;
        (this.inline ??= new StringItem()).reset();
        this.inlineText = "";
      }
      return;
    }
    if (this.inSheetData) {
      if (local === "row") this.openRow(attrs);
      else if (local === "c") this.openCell(attrs);
      return;
    }
    if (local === "sheetData") this.inSheetData = true;
    else if (local === "mergeCells") this.inMerges = true;
    else if (local === "mergeCell" && this.inMerges) {
      const ref = attrs.get("ref");
      if (ref) this.merges.push(ref);
    }
  }

  private openRow(attrs: Attributes): void {
    const r = attrs.get("r");
    if (r === undefined) this.rowNumber++;
    else {
      const n = Number(r);
      if (!Number.isInteger(n) || n < 1) throw new XlsxProblem("corrupt", `the sheet ${this.name} has a row numbered ${r}`);
      if (n > MAX_ROW) throw new XlsxProblem("corrupt", `the sheet ${this.name} has a row ${n}, beyond the last row (1048576)`);
      this.rowNumber = n;
    }
    if (this.rowNumber > MAX_ROW) throw new XlsxProblem("corrupt", `the sheet ${this.name} has a row beyond the last row (1048576)`);
    this.nextColumn = 0;
  }

  private openCell(attrs: Attributes): void {
    let ref = -1;
    let type: string | undefined;
    let style: string | undefined;
    for (let i = 0; i < attrs.count; i++) {
      if (attrs.ns[i] !== 0) continue;
      const a = attrs.local[i];
      if (a === "r") ref = i;
      else if (a === "t") type = attrs.value(i);
      else if (a === "s") style = attrs.value(i);
    }
    if (this.rowNumber === 0) this.rowNumber = 1; // a cell before any row
    if (ref < 0) {
      if (this.nextColumn >= MAX_COLUMN) throw new XlsxProblem("corrupt", `the sheet ${this.name} has a cell beyond column XFD in row ${this.rowNumber}`);
      this.cellColumn = this.nextColumn;
      this.cellRow = this.rowNumber;
    } else {
      // Parsed where it stands in the document (no string per cell) unless it had entities.
      const decoded = attrs.decoded[ref];
      const ok = decoded === null ? parseAddress(attrs.xml, this.address, attrs.start[ref], attrs.end[ref]) : parseAddress(decoded, this.address);
      if (!ok) throw new XlsxProblem("corrupt", `the sheet ${this.name} has a cell at ${attrs.value(ref)}, which is no cell (beyond XFD1048576?)`);
      this.cellColumn = this.address.column;
      this.cellRow = this.address.row === 0 ? this.rowNumber : this.address.row;
    }
    this.nextColumn = this.cellColumn + 1;
    this.inCell = true;
    this.type = type;
    this.style = style === undefined ? 0 : Number(style) | 0;
    this.hasFormula = false;
    this.value = null;
    this.inlineText = null;
  }

  close(ns: number, local: string): void {
    if (this.skip > 0) {
      this.skip--;
      return;
    }
    if (ns !== NS_MAIN) return;
    if (this.inCell) {
      if (this.inInline) {
        const item = this.inline as StringItem;
        if (item.depth === 0) {
          this.inInline = false;
          this.inlineText = item.value();
        } else {
          item.close(ns, local);
          this.wantText = false;
        }
      } else if (local === "v") {
        this.inValue = false;
        this.wantText = false;
      } else if (local === "c") {
        this.inCell = false;
        this.store(this.cellValue());
      }
      return;
    }
    if (local === "sheetData") this.inSheetData = false;
    else if (local === "mergeCells") this.inMerges = false;
  }

  text(piece: string): void {
    if (this.inValue) this.value += piece;
    else if (this.inInline) (this.inline as StringItem).text += piece;
  }

  private cellValue(): CellValue {
    const v = this.value;
    switch (this.type) {
      case "s": {
        if (v === null || v.trim() === "") return this.noResult();
        const s = this.context.sharedStrings[Number(v)];
        if (s === undefined) throw new XlsxProblem("corrupt", `the cell ${this.name}!${a1(this.cellRow, this.cellColumn)} names shared string ${v}, which is not there`);
        return s;
      }
      case "inlineStr":
        return this.inlineText ?? v ?? this.noResult();
      case "str":
        return v ?? this.noResult();
      case "b":
        if (v === null || v.trim() === "") return this.noResult();
        return v.trim() === "1" || v.trim() === "true";
      case "e":
        if (v === null || v.trim() === "") return this.noResult();
        return { error: v.trim() };
      case "d": {
        if (v === null || v.trim() === "") return this.noResult();
        return isoToDate(v) ?? v;
      }
      default: {
        if (v === null || v.trim() === "") return this.inlineText ?? this.noResult();
        const n = Number(v);
        if (this.context.dateStyles[this.style] === 1) {
          const date = serialToDate(n, this.context.date1904);
          if (date) return date;
        }
        return n;
      }
    }
  }

  /** A cell without a value: empty, and listed when it is a formula. */
  private noResult(): null {
    if (this.hasFormula) this.context.uncomputed.push(`${this.name}!${a1(this.cellRow, this.cellColumn)}`);
    return null;
  }

  private store(value: CellValue): void {
    if (value === null) return;
    const r = this.cellRow - 1;
    const c = this.cellColumn;
    const spent = this.context.spent;
    let cells = this.rows[r];
    if (cells === undefined) {
      const gap = r >= this.rows.length ? r + 1 - this.rows.length : 1;
      spent.snapshotBytes += gap * ROW_BYTES;
      cells = this.rows[r] = [];
    }
    if (c >= cells.length) {
      spent.snapshotBytes += (c + 1 - cells.length) * SLOT_BYTES;
      if (spent.snapshotBytes > this.context.limits.snapshotBytes) tooLarge(this.context, this.name);
    }
    cells[c] = value;
    this.columnsWithData[c] = 1;
  }

  /** Merged ranges: each cell reads the top-left value, in the rows and columns that hold data. */
  applyMerges(): void {
    if (this.merges.length === 0) return;
    const { rows, columnsWithData, context } = this;
    const spent = context.spent;
    const maxSteps = context.limits.mergeSteps;
    let lastColumn = MAX_COLUMN - 1;
    while (lastColumn >= 0 && columnsWithData[lastColumn] === 0) lastColumn--;
    const rowsWithData = rows.length; // rows[r] !== undefined ⇔ row r+1 holds data (set before any merge)
    const holds = new Uint8Array(rowsWithData);
    for (let r = 0; r < rowsWithData; r++) if (rows[r] !== undefined) holds[r] = 1;
    const from = { column: 0, row: 0 };
    const to = { column: 0, row: 0 };
    for (const ref of this.merges) {
      const colon = ref.indexOf(":");
      const first = colon < 0 ? ref : ref.slice(0, colon);
      const last = colon < 0 ? ref : ref.slice(colon + 1);
      if (!parseAddress(first.trim(), from) || !parseAddress(last.trim(), to) || from.row === 0 || to.row === 0) {
        throw new XlsxProblem("corrupt", `the sheet ${this.name} merges ${ref}, which is no range (beyond XFD1048576?)`);
      }
      const r1 = Math.min(from.row, to.row) - 1;
      const r2 = Math.min(Math.max(from.row, to.row) - 1, rowsWithData - 1);
      const c1 = Math.min(from.column, to.column);
      const c2 = Math.min(Math.max(from.column, to.column), lastColumn);
      const master = rows[r1]?.[c1] ?? null;
      for (let r = r1; r <= r2; r++) {
        if (++spent.mergeSteps > maxSteps) {
          throw new XlsxProblem("too-large", `the merged ranges of the sheet ${this.name} and those before it take more than ${maxSteps} steps`);
        }
        if (holds[r] === 0) continue;
        const cells = rows[r];
        for (let c = c1; c <= c2; c++) {
          if (columnsWithData[c] === 0 || (r === r1 && c === c1)) continue;
          if (++spent.mergeSteps > maxSteps) {
            throw new XlsxProblem("too-large", `the merged ranges of the sheet ${this.name} and those before it take more than ${maxSteps} steps`);
          }
          if (c >= cells.length) {
            if (master === null) continue;
            spent.snapshotBytes += (c + 1 - cells.length) * SLOT_BYTES;
            if (spent.snapshotBytes > context.limits.snapshotBytes) tooLarge(context, this.name);
          }
          cells[c] = master;
        }
      }
    }
  }

  /** The rows as the snapshot has them: no holes, no trailing empty cells or rows. */
  snapshot(): SheetSnapshot {
    const rows = this.rows;
    let length = rows.length;
    for (let r = 0; r < length; r++) {
      const cells = rows[r];
      if (cells === undefined) {
        rows[r] = [];
        continue;
      }
      let n = cells.length;
      while (n > 0 && (cells[n - 1] === null || cells[n - 1] === undefined)) n--;
      if (n !== cells.length) cells.length = n;
      for (let c = 0; c < n; c++) if (cells[c] === undefined) cells[c] = null;
    }
    while (length > 0 && rows[length - 1].length === 0) length--;
    rows.length = length;
    return { name: this.name, rows };
  }
}

/** Read one worksheet part's XML into a snapshot sheet. */
export function readSheet(xml: string, name: string, context: WorkbookContext): SheetSnapshot {
  const handler = new SheetHandler(name, context);
  scanXml(xml, handler);
  handler.applyMerges();
  return handler.snapshot();
}
