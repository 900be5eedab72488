/**
 * The workbook snapshot: what the engine reads. Both the Excel adapter (Office.js) and the
 * command line (.xlsx via exceljs) produce this shape, so the engine never knows where data came from.
 */

/** A spreadsheet formula error such as `#N/A` or `#REF!`. */
export interface CellError {
  error: string;
}

/**
 * A raw cell value.
 * - `Date`: a real date cell. Its calendar day is read from its UTC fields (exceljs' convention).
 * - `number`: a number cell; in a date column an Excel serial date (1900 date system), which is how
 *   Office.js returns date cells.
 */
export type CellValue = string | number | boolean | Date | CellError | null;

export interface SheetSnapshot {
  /** The sheet's name as it stands in the workbook. */
  name: string;
  /** `rows[r][c]` is the cell at sheet row r+1, column c+1 (A1 is rows[0][0]). Rows may be ragged. */
  rows: CellValue[][];
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
}

/** A Date from any realm (a structured clone or another frame fails `instanceof Date`). */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === "[object Date]";
}

export function isCellError(value: unknown): value is CellError {
  return typeof value === "object" && value !== null && !isDate(value) && typeof (value as CellError).error === "string";
}

/** The error literals Excel shows; the adapters turn these into {@link CellError}. */
export const ERROR_LITERALS = [
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
  "#PYTHON!",
];
