/**
 * Which numbers are dates, and which dates they are.
 *
 * A cell holds a date in one of two ways: a number whose cell format's number format is a date format
 * (how Excel and LibreOffice store them), or an ISO 8601 text in a cell of type `d` (Strict OOXML,
 * openpyxl, SheetJS). Excel decides "date format" from the number format alone:
 * - built-in formats 14–22 and 45–47 (dates, times, date-times; their codes are not in the file);
 * - any other format whose code has d, m or y outside quotes, brackets (colours, conditions, locales,
 *   elapsed `[h]`) and escapes (`\d`, `_m` padding, `*y` fill). `h:mm` counts through its m, as in
 *   Excel; `0.0 "dage"` does not.
 * Dates come out as the snapshot wants them: a `Date` whose UTC fields are the day (and time) the
 * workbook shows, in the workbook's date system (1900, with Excel's phantom 29 February 1900, or
 * 1904). They never depend on the machine's time zone.
 */

const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** Whether a number format (by id, with the workbook's custom codes) shows a date or time. */
export function isDateFormat(id: number, code: string | undefined): boolean {
  if (BUILTIN_DATE_FORMATS.has(id)) return true;
  return code !== undefined && isDateFormatCode(code);
}

export function isDateFormatCode(code: string): boolean {
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    if (c === '"') {
      const end = code.indexOf('"', i + 1);
      if (end < 0) return false;
      i = end;
    } else if (c === "[") {
      const end = code.indexOf("]", i + 1);
      if (end < 0) return false;
      i = end;
    } else if (c === "\\" || c === "_" || c === "*") {
      i++; // the next character is shown (or used as padding), not a code
    } else if (c === "d" || c === "D" || c === "m" || c === "M" || c === "y" || c === "Y") {
      return true;
    }
  }
  return false;
}

const DAY_MS = 86_400_000;
/** 1970-01-01 as an Excel serial in the 1900 date system (from serial 61, 1 March 1900, on). */
const UNIX_EPOCH_1900 = 25_569;
/** Days from 1900-system serials to 1904-system serials. */
const DAYS_1904 = 1_462;

/**
 * A serial date as a Date (UTC fields = the day shown), or null when Excel would show no date
 * (negative, or after 9999). Serials 1–60 in the 1900 system are one day later than from 61 on,
 * because Excel counts a 29 February 1900 that never was (serial 60; it comes out as 1 March).
 */
export function serialToDate(serial: number, date1904: boolean): Date | null {
  if (!Number.isFinite(serial) || serial < 0) return null;
  const s = date1904 ? serial + DAYS_1904 : serial < 61 ? serial + 1 : serial;
  const date = new Date(Math.round((s - UNIX_EPOCH_1900) * DAY_MS));
  return date.getUTCFullYear() > 9999 ? null : date;
}

const ISO = /^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?)?\s*$/;
const ISO_TIME = /^\s*T?(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?)?\s*$/;

/**
 * An ISO 8601 date cell (`t="d"`): its date and time as written, as UTC fields. A zone offset, which
 * Excel never writes, is not applied: the cell shows the time as written. A time alone is a time on
 * Excel's day 0 (30 December 1899). Null for text that is no date (31 February, month 13 …).
 */
export function isoToDate(text: string): Date | null {
  let m = ISO.exec(text);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const ms = m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0;
    const date = new Date(Date.UTC(y, mo - 1, d, Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), ms));
    date.setUTCFullYear(y); // years 0–99 are not 1900–1999
    if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
    if (Number(m[4] ?? 0) > 24 || Number(m[5] ?? 0) > 59 || Number(m[6] ?? 0) > 60) return null;
    return date;
  }
  m = ISO_TIME.exec(text);
  if (m) {
    if (Number(m[1]) > 24 || Number(m[2]) > 59 || Number(m[3] ?? 0) > 60) return null;
    const ms = m[4] ? Math.round(Number(`0.${m[4]}`) * 1000) : 0;
    return new Date(Date.UTC(1899, 11, 30, Number(m[1]), Number(m[2]), Number(m[3] ?? 0), ms));
  }
  return null;
}
