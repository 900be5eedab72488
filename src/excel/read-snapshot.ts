/**
 * Reading the workbook into the engine's snapshot, in as few `context.sync()` calls as possible.
 *
 * Fast path, ONE sync: every data sheet is asked for by its Danish and its English name with
 * `worksheets.getItemOrNullObject(name)`, and its used range (values only) is loaded through that
 * proxy in the same batch: a null object needs no earlier sync, and a used range asked of a sheet
 * that does not exist comes back as a null object too. The worksheet names are loaded in the same
 * batch, for the workbook order and to spot sheets whose names match only loosely ("Kontrakter "
 * with a trailing space, which `getItemOrNullObject` does not find).
 *
 * Extra syncs happen only when needed:
 * - a sheet matched only loosely: one more sync reads those sheets by their exact names;
 * - the batch fails for any other reason (an Excel that will not chain calls on a null object):
 *   the safe path loads the names first and then reads the sheets that exist (two syncs);
 * - the response would pass Excel on the web's 5 MB payload limit, or a used range is so large (over
 *   5 million cells) that Excel gives `values = null` instead of an error: one sync loads the sizes of
 *   the used ranges, then each sheet is read in row chunks of about {@link CHUNK_CELLS} cells, halving
 *   a chunk that is still too large. Only huge workbooks (hundreds of thousands of cells) get here.
 *
 * Callers can queue their own loads into the same batch (`perSheet`, `workbook`), so that e.g.
 * validation reads the data and the state of its highlights in the one sync.
 */
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../playbook/snapshot";
import { DATA_SHEETS, type SheetSpec } from "../playbook/vocabulary";
import { fromOffice, matchesSheet, sameSheetName } from "./cells";
import { PlaybookExcelError } from "./errors";

/** About 40,000 cells of values and value types stay well under 5 MB unless cells hold long texts. */
export const CHUNK_CELLS = 40_000;

const VALUE_PROPERTIES = ["values", "valueTypes", "rowIndex", "columnIndex"];
const SIZE_PROPERTIES = ["rowIndex", "columnIndex", "rowCount", "columnCount"];
const PAYLOAD_CODES = new Set(["RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded"]);

export interface ReadOptions<T, W> {
  /** Queue loads for each data sheet found (called with the sheet's proxy, before the sync). */
  perSheet?: (worksheet: Excel.Worksheet, spec: SheetSpec) => T;
  /**
   * Queue loads on the workbook (called before the sync that reads the sheets). `sheetNames` and
   * `tableNames` are the workbook's sheet and table names when already known (null on the one-sync
   * path): a host that refuses calls on null objects gets here again with the names, so look things
   * up only on sheets (and tables) that exist.
   */
  workbook?: (context: Excel.RequestContext, sheetNames: ReadonlyArray<string> | null, tableNames: ReadonlyArray<string> | null) => W;
  /** False: find the data sheets and run the callbacks, but read no cell values (snapshot rows stay empty). */
  values?: boolean;
  /** The sheets to read: the data sheets by default ("Generate sheets" reads Accepterede too). */
  sheets?: ReadonlyArray<SheetSpec>;
}

export interface DataSheetRead<T> {
  /** The sheet's name as it stands in the workbook. */
  name: string;
  spec: SheetSpec;
  /** The proxy, for queueing writes later in the same `Excel.run`. */
  worksheet: Excel.Worksheet;
  /** What `perSheet` queued, loaded. */
  extra: T;
}

export interface WorkbookRead<T, W> {
  snapshot: WorkbookSnapshot;
  /** Every worksheet's name, in workbook order (hidden ones included). */
  sheetNames: string[];
  /** The data sheets found, in workbook order. */
  dataSheets: Array<DataSheetRead<T>>;
  /** What `workbook` queued, loaded. */
  workbook: W;
}

interface Pending<T> {
  spec: SheetSpec;
  worksheet: Excel.Worksheet;
  used: Excel.Range | null;
  extra: T;
}

interface ReadSheet<T> extends DataSheetRead<T> {
  rows: CellValue[][];
}

export function isPayloadLimitError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && PAYLOAD_CODES.has(code);
}

/** A used range came back with `values = null`: too many cells for one read; read it in chunks. */
class ValuesWithheld extends Error {
  constructor() {
    super("Excel gave no values for a range (too many cells for one read)");
  }
}

/** Read again in chunks: the response was too large, or a range too large to give values. */
function needsChunks(error: unknown): boolean {
  return isPayloadLimitError(error) || error instanceof ValuesWithheld;
}

/** The data sheet (or, with `specs`, the sheet of those) a worksheet name stands for, if any. */
export function specOfSheet(name: string, specs: ReadonlyArray<SheetSpec> = DATA_SHEETS): SheetSpec | undefined {
  return specs.find((spec) => matchesSheet(name, spec));
}

/** Read the data sheets into a snapshot (one sync on the usual workbook). */
export async function readSnapshot(context: Excel.RequestContext): Promise<WorkbookSnapshot> {
  return (await readWorkbook(context)).snapshot;
}

/** Read the data sheets, plus whatever the caller queues into the same batch. */
export async function readWorkbook<T = undefined, W = undefined>(
  context: Excel.RequestContext,
  options: ReadOptions<T, W> = {},
): Promise<WorkbookRead<T, W>> {
  try {
    return await readFast(context, options);
  } catch (error) {
    if (needsChunks(error)) return readChunked(context, options);
    return readSafe(context, options);
  }
}

function queueSheet<T>(worksheet: Excel.Worksheet, spec: SheetSpec, options: ReadOptions<T, unknown>, properties: string[]): Pending<T> {
  worksheet.load("name");
  let used: Excel.Range | null = null;
  if (options.values !== false) {
    used = worksheet.getUsedRangeOrNullObject(true);
    used.load(properties);
  }
  const extra = (options.perSheet ? options.perSheet(worksheet, spec) : undefined) as T;
  return { spec, worksheet, used, extra };
}

function candidateNames(spec: SheetSpec): string[] {
  return sameSheetName(spec.da, spec.en) ? [spec.da] : [spec.da, spec.en];
}

async function readFast<T, W>(context: Excel.RequestContext, options: ReadOptions<T, W>): Promise<WorkbookRead<T, W>> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  const workbook = (options.workbook ? options.workbook(context, null, null) : undefined) as W;
  const pending = (options.sheets ?? DATA_SHEETS).flatMap((spec) =>
    candidateNames(spec).map((name) => queueSheet(worksheets.getItemOrNullObject(name), spec, options, VALUE_PROPERTIES)),
  );
  await context.sync();

  const sheetNames = worksheets.items.map((ws) => ws.name);
  const read: Array<ReadSheet<T>> = [];
  for (const p of pending) {
    if (p.worksheet.isNullObject || read.some((r) => sameSheetName(r.name, p.worksheet.name))) continue;
    read.push({ name: p.worksheet.name, spec: p.spec, worksheet: p.worksheet, extra: p.extra, rows: rowsOf(p.used) });
  }
  const strays = sheetNames.filter((name) => specOfSheet(name, options.sheets) && !read.some((r) => sameSheetName(r.name, name)));
  if (strays.length > 0) read.push(...(await readByName(context, strays, options)));
  return assemble(sheetNames, read, workbook);
}

/** Two syncs: the names first, then the sheets that exist. */
async function readSafe<T, W>(context: Excel.RequestContext, options: ReadOptions<T, W>): Promise<WorkbookRead<T, W>> {
  const { sheetNames, tableNames } = await loadNames(context);
  const workbook = (options.workbook ? options.workbook(context, sheetNames, tableNames) : undefined) as W;
  try {
    const read = await readByName(context, sheetNames.filter((name) => specOfSheet(name, options.sheets)), options);
    return assemble(sheetNames, read, workbook);
  } catch (error) {
    if (needsChunks(error)) return readChunked(context, options);
    throw error;
  }
}

/** One sync: the names of the workbook's sheets and tables. */
export async function loadNames(context: Excel.RequestContext): Promise<{ sheetNames: string[]; tableNames: string[] }> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  const tables = context.workbook.tables;
  tables.load("items/name");
  await context.sync();
  return { sheetNames: worksheets.items.map((ws) => ws.name), tableNames: tables.items.map((t) => t.name) };
}

async function readByName<T>(context: Excel.RequestContext, names: string[], options: ReadOptions<T, unknown>): Promise<Array<ReadSheet<T>>> {
  const pending = names.map((name) =>
    queueSheet(context.workbook.worksheets.getItem(name), specOfSheet(name, options.sheets) as SheetSpec, options, VALUE_PROPERTIES),
  );
  await context.sync();
  return pending.map((p) => ({ name: p.worksheet.name, spec: p.spec, worksheet: p.worksheet, extra: p.extra, rows: rowsOf(p.used) }));
}

/** For workbooks whose data would pass the 5 MB payload limit in one response. */
async function readChunked<T, W>(context: Excel.RequestContext, options: ReadOptions<T, W>): Promise<WorkbookRead<T, W>> {
  const { sheetNames, tableNames } = await loadNames(context);
  const workbook = (options.workbook ? options.workbook(context, sheetNames, tableNames) : undefined) as W;
  const pending = sheetNames
    .filter((name) => specOfSheet(name, options.sheets))
    .map((name) => queueSheet(context.workbook.worksheets.getItem(name), specOfSheet(name, options.sheets) as SheetSpec, options, SIZE_PROPERTIES));
  await context.sync();
  const read: Array<ReadSheet<T>> = [];
  for (const p of pending) {
    const rows = p.used && !p.used.isNullObject ? await readRowChunks(context, p.worksheet, p.used) : [];
    read.push({ name: p.worksheet.name, spec: p.spec, worksheet: p.worksheet, extra: p.extra, rows });
  }
  return assemble(sheetNames, read, workbook);
}

async function readRowChunks(context: Excel.RequestContext, worksheet: Excel.Worksheet, used: Excel.Range): Promise<CellValue[][]> {
  const { rowIndex, columnIndex, rowCount, columnCount } = used;
  const rows: CellValue[][] = [];
  let perChunk = Math.max(1, Math.floor(CHUNK_CELLS / Math.max(1, columnCount)));
  let offset = 0;
  while (offset < rowCount) {
    const count = Math.min(perChunk, rowCount - offset);
    const chunk = worksheet.getRangeByIndexes(rowIndex + offset, columnIndex, count, columnCount);
    chunk.load(["values", "valueTypes"]);
    let failure: unknown = null;
    try {
      await context.sync();
      if (chunk.values === null || chunk.valueTypes === null) failure = new ValuesWithheld();
    } catch (error) {
      if (!isPayloadLimitError(error)) throw error;
      failure = error;
    }
    if (failure !== null) {
      if (count === 1) throw tooLarge(worksheet.name, rowIndex + offset + 1, failure);
      perChunk = Math.ceil(count / 2);
      continue;
    }
    placeBlock(rows, chunk.values, chunk.valueTypes, rowIndex + offset, columnIndex);
    offset += count;
  }
  return rows;
}

function tooLarge(sheet: string, row: number, cause: unknown): PlaybookExcelError {
  return new PlaybookExcelError(
    {
      title: { da: "En række er for stor til at blive læst", en: "A row is too large to be read" },
      detail: {
        da: `Række ${row} i arket «${sheet}» fylder mere, end Excel på nettet kan overføre (5 MB). Gør de meget lange tekster i rækken kortere, og prøv igen.`,
        en: `Row ${row} of the sheet «${sheet}» holds more than Excel on the web can transfer (5 MB). Shorten the very long texts in that row and try again.`,
      },
    },
    cause,
  );
}

function rowsOf(used: Excel.Range | null): CellValue[][] {
  const rows: CellValue[][] = [];
  if (!used || used.isNullObject) return rows;
  // Over 5 million cells Excel may answer values = null rather than fail (a ranged read then works).
  if (used.values === null || used.valueTypes === null) throw new ValuesWithheld();
  placeBlock(rows, used.values, used.valueTypes, used.rowIndex, used.columnIndex);
  return rows;
}

/** Put a block read at (rowIndex, columnIndex) into A1-origin rows; rows above it stay empty. */
export function placeBlock(rows: CellValue[][], values: unknown[][], valueTypes: string[][], rowIndex: number, columnIndex: number): void {
  while (rows.length < rowIndex) rows.push([]);
  for (let r = 0; r < values.length; r++) {
    const source = values[r];
    const types = valueTypes[r] ?? [];
    const row: CellValue[] = new Array(columnIndex + source.length);
    for (let c = 0; c < columnIndex; c++) row[c] = null;
    for (let c = 0; c < source.length; c++) row[columnIndex + c] = fromOffice(source[c], types[c]);
    rows[rowIndex + r] = row;
  }
}

function assemble<T, W>(sheetNames: string[], read: Array<ReadSheet<T>>, workbook: W): WorkbookRead<T, W> {
  const order = (name: string) => sheetNames.findIndex((n) => sameSheetName(n, name));
  const sorted = [...read].sort((a, b) => order(a.name) - order(b.name));
  const sheets: SheetSnapshot[] = sorted.map((r) => ({ name: r.name, rows: r.rows }));
  return {
    snapshot: { sheets },
    sheetNames,
    dataSheets: sorted.map(({ name, spec, worksheet, extra }) => ({ name, spec, worksheet, extra })),
    workbook,
  };
}
