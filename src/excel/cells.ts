/** Small conversions between Office.js cell values and the engine's snapshot values. Pure. */
import { fromDateCell, toSerial } from "../playbook/dates";
import { isCellError, isDate, type CellValue } from "../playbook/snapshot";

/** What Office.js takes and gives in `Range.values`. */
export type OfficeValue = string | number | boolean;

/** A value read by Office.js, with its `valueTypes` entry, as the engine's raw cell value. */
export function fromOffice(value: unknown, valueType: string | undefined): CellValue {
  if (valueType === "Error") return { error: String(value) };
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  return String(value);
}

/** A template or plan value as Office.js writes it: dates become serial numbers, empty becomes "". */
export function toOffice(value: CellValue | undefined): OfficeValue {
  if (value === null || value === undefined) return "";
  if (isDate(value)) {
    const day = fromDateCell(value);
    return day ? toSerial(day) : "";
  }
  if (isCellError(value)) return value.error;
  return value;
}

export { sheetRef } from "../playbook/lists";

/** Excel's column width is in points; the vocabulary gives widths in characters of the default font. */
export const POINTS_PER_CHARACTER = 6;

export function widthInPoints(characters: number): number {
  return Math.round(characters * POINTS_PER_CHARACTER);
}

/** Excel compares sheet names case-insensitively. */
export function sameSheetName(a: string, b: string): boolean {
  return a.toLocaleLowerCase("da-DK") === b.toLocaleLowerCase("da-DK");
}

/** WORKBOOK.md compares sheet names case- and space-insensitively. */
export { matchesSheet } from "../playbook/vocabulary";

/** The `Range.numberFormat` Excel uses for text. */
export const TEXT_FORMAT = "@";

/** The words Excel's cell entry takes for a boolean (English and Danish Excel). */
const BOOLEAN_WORDS = new Set(["TRUE", "FALSE", "SAND", "FALSK"]);

/**
 * Does Excel keep `text` as it is when it goes through `values` into a cell that is not
 * text-formatted? Only plain words are sure to: a letter first, no digit anywhere, not a boolean
 * word. Anything else ("=…", "+45 …", "-", "4.10", "2027-01-01", "1/2", "#N/A") may become a
 * formula, a number, a date or an error, so it must go into a text ("@") cell to land as written.
 * Used where the adapter writes into the user's cells (fixes), whose formats it leaves alone when it can.
 */
export function keptAsTyped(text: string): boolean {
  return /^\p{L}[^0-9]*$/u.test(text) && !BOOLEAN_WORDS.has(text.trim().toLocaleUpperCase("da-DK"));
}

/**
 * The number formats to give `rows` before writing them through `values`: text cells get the text
 * format, so Excel keeps them as typed (a vendor "-", "+45 …" or "=…" would otherwise become a
 * formula, "2027-01-01" a date, "4.10" a number); every other cell gets `other(row, column)`.
 */
export function formatsFor(
  rows: ReadonlyArray<ReadonlyArray<OfficeValue>>,
  other: (row: number, column: number) => string = () => "General",
): string[][] {
  return rows.map((row, r) => row.map((v, c) => (typeof v === "string" && v !== "" ? TEXT_FORMAT : other(r, c))));
}

/** Queue: write `rows` into `range` (their size), text as text (see {@link formatsFor}). No sync. */
export function writeCells(
  range: Excel.Range,
  rows: OfficeValue[][],
  other?: (row: number, column: number) => string,
): void {
  range.numberFormat = formatsFor(rows, other);
  range.values = rows;
}
