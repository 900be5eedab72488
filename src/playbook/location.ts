/** Where a finding points: a sheet, optionally a row and column, as the user sees them. */
export interface Location {
  /** The sheet's name as it stands in the workbook (or the expected name when it is missing). */
  sheet: string | null;
  /** 1-based sheet row. */
  row: number | null;
  /** The header text as it stands in the workbook. */
  column: string | null;
  /** A1 address, e.g. "E3". */
  cell: string | null;
}

const LETTERS: string[] = [];

/** Column index (0-based) to letters: 0 → A, 27 → AB. */
export function columnLetters(index: number): string {
  if (index < 256) return (LETTERS[index] ??= lettersOf(index));
  return lettersOf(index);
}

function lettersOf(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function a1(rowNumber: number, columnIndex: number): string {
  return `${columnLetters(columnIndex)}${rowNumber}`;
}

/** Parse "E3" into 1-based row and 0-based column. */
export function parseA1(address: string): { row: number; column: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/i.exec(address.trim());
  if (!m) return null;
  let column = 0;
  for (const ch of m[1].toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), column: column - 1 };
}

/** Where a cell stands, without its address spelt out: see {@link cellLocation}. */
export interface CellPlace {
  /** The sheet's name as it stands in the workbook (null when there is no such sheet). */
  readonly sheet: string | null;
  /** 1-based sheet row; null for a setting whose row is absent. */
  readonly row: number | null;
  /** The header text as it stands in the workbook; null when the sheet lacks the column. */
  readonly column: string | null;
  /** 0-based column index; null when the sheet lacks the column. */
  readonly columnIndex: number | null;
}

/** A cell's place as a location: its A1 address when it has a row and a column, else the row or the sheet. */
export function cellLocation(place: CellPlace): Location {
  const { sheet, row, column, columnIndex } = place;
  const hasCell = row !== null && column !== null && columnIndex !== null;
  return { sheet, row, column: hasCell ? column : null, cell: hasCell ? a1(row, columnIndex) : null };
}

export function sheetLocation(sheet: string | null): Location {
  return { sheet, row: null, column: null, cell: null };
}
