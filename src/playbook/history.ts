/**
 * The `Historik` sheet (WORKBOOK.md, *Historik*), read from a snapshot: one row per validation made in
 * Excel. Pure. The add-in appends the rows (another module); the status and the report only read them.
 */
import { fromDateCell, fromSerial, parseDateText, parseIsoDay, type Day } from "./dates";
import { isCellError, isDate, type CellValue, type WorkbookSnapshot } from "./snapshot";
import { HISTORY_SHEET, matchesSheet, normalizeHeaderLoose } from "./vocabulary";

export interface HistoryRow {
  /** 1-based sheet row. */
  row: number;
  /** The calendar day of the validation. */
  day: Day;
  errors: number;
  warnings: number;
  info: number;
  accepted: number;
  new: number;
  resolved: number;
}

type CountKey = "errors" | "warnings" | "info" | "accepted" | "new" | "resolved";
const COUNT_KEYS: ReadonlyArray<CountKey> = ["errors", "warnings", "info", "accepted", "new", "resolved"];

/** How far down a header row may stand (a title line above it is allowed). */
const HEADER_SEARCH_ROWS = 10;

function timeOf(value: CellValue): Day | null {
  if (isDate(value)) return fromDateCell(value);
  if (typeof value === "number") return fromSerial(value);
  if (typeof value === "string") {
    const text = value.trim();
    // "2026-11-02 14:05", "2026-11-02T14:05:00", "02-11-2026 14:05": the day is what the trend needs.
    const datePart = text.split(/[ T]/)[0];
    return parseIsoDay(datePart) ?? parseDateText(datePart);
  }
  return null;
}

function countOf(value: CellValue): number {
  if (typeof value === "number" && Number.isFinite(value) && value >= 0) return Math.round(value);
  if (typeof value === "string" && /^\s*\d+\s*$/.test(value)) return Number(value);
  return 0;
}

/** The validations recorded in `Historik`, oldest first; rows without a readable time are left out. */
export function readHistory(snapshot: WorkbookSnapshot): HistoryRow[] {
  const sheet = snapshot.sheets.find((s) => matchesSheet(s.name, HISTORY_SHEET));
  if (!sheet) return [];
  const keyOf = new Map<string, string>();
  for (const column of HISTORY_SHEET.columns) {
    keyOf.set(normalizeHeaderLoose(column.da), column.key);
    keyOf.set(normalizeHeaderLoose(column.en), column.key);
  }
  let headerRow = -1;
  let columns: Partial<Record<string, number>> = {};
  for (let r = 0; r < Math.min(sheet.rows.length, HEADER_SEARCH_ROWS) && headerRow < 0; r++) {
    const found: Partial<Record<string, number>> = {};
    (sheet.rows[r] ?? []).forEach((cell, c) => {
      const key = typeof cell === "string" ? keyOf.get(normalizeHeaderLoose(cell)) : undefined;
      if (key && found[key] === undefined) found[key] = c;
    });
    if (found.time !== undefined && (found.errors !== undefined || found.warnings !== undefined)) {
      headerRow = r;
      columns = found;
    }
  }
  if (headerRow < 0) return [];
  const rows: HistoryRow[] = [];
  for (let r = headerRow + 1; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r] ?? [];
    const raw = cells[columns.time as number] ?? null;
    const day = isCellError(raw) ? null : timeOf(raw);
    if (!day) continue;
    const row: HistoryRow = { row: r + 1, day, errors: 0, warnings: 0, info: 0, accepted: 0, new: 0, resolved: 0 };
    for (const key of COUNT_KEYS) {
      const c = columns[key];
      if (c !== undefined) row[key] = countOf(cells[c] ?? null);
    }
    rows.push(row);
  }
  return rows.sort((a, b) => a.day.getTime() - b.day.getTime() || a.row - b.row);
}
