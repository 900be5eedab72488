/**
 * Calendar dates. The engine works on calendar days, represented as `Date` objects at local
 * midnight so that date-fns' calendar arithmetic (months with the end of the month clamped) applies.
 */
import { addMonths } from "date-fns/addMonths";

export type Day = Date;

/** A Date that holds a time (date-fns' `isValid` for a Date, without the copy it makes: this runs for every date cell). */
function isValid(d: Date): boolean {
  return !Number.isNaN(d.getTime());
}

export function day(year: number, month1: number, date: number): Day | null {
  const d = new Date(year, month1 - 1, date);
  // Reject impossible dates such as 31-02-2027 instead of letting them roll over into March.
  if (!isValid(d) || d.getFullYear() !== year || d.getMonth() !== month1 - 1 || d.getDate() !== date) return null;
  if (year < 1900 || year > 9999) return null;
  return d;
}

/** A `Date` cell from a workbook reader: its calendar day is its UTC date (exceljs' convention). */
export function fromDateCell(value: Date): Day | null {
  if (!isValid(value)) return null;
  return day(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
}

/** Excel serial date in the 1900 date system (what Office.js returns for a date cell). */
export function fromSerial(serial: number): Day | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2958466) return null;
  const whole = Math.floor(serial);
  // Excel counts 1900-02-29, which never existed; serials from 61 on are one day ahead.
  const offset = whole >= 61 ? whole - 1 : whole;
  const base = new Date(Date.UTC(1899, 11, 31));
  base.setUTCDate(base.getUTCDate() + offset);
  return day(base.getUTCFullYear(), base.getUTCMonth() + 1, base.getUTCDate());
}

/** The Excel serial number of a calendar day (for writing dates through Office.js). */
export function toSerial(d: Day): number {
  const utc = Date.UTC(d.getFullYear(), d.getMonth(), d.getDate());
  const days = Math.round((utc - Date.UTC(1899, 11, 31)) / 86_400_000);
  return days >= 60 ? days + 1 : days;
}

/** A UTC-midnight Date for the calendar day (what exceljs writes as a date cell). */
export function toUtcDate(d: Day): Date {
  return new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()));
}

const TEXT_FORMATS: ReadonlyArray<{ re: RegExp; order: "dmy" | "ymd" }> = [
  { re: /^(\d{1,2})-(\d{1,2})-(\d{4})$/, order: "dmy" }, // dd-mm-yyyy
  { re: /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/, order: "dmy" }, // dd.mm.yyyy
  { re: /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/, order: "dmy" }, // d/m/yyyy
  { re: /^(\d{4})-(\d{1,2})-(\d{1,2})$/, order: "ymd" }, // yyyy-mm-dd
];

/** A date typed as text in one of the formats WORKBOOK.md lists; null for anything else. */
export function parseDateText(text: string): Day | null {
  const t = text.trim();
  for (const { re, order } of TEXT_FORMATS) {
    const m = re.exec(t);
    if (!m) continue;
    const [a, b, c] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return order === "dmy" ? day(c, b, a) : day(a, b, c);
  }
  return null;
}

/** Calendar-month arithmetic with the end of the month clamped (31 May − 3 months = 28/29 Feb). */
export function addCalendarMonths(d: Day, months: number): Day {
  return addMonths(d, months);
}

/** Whole calendar days from `earlier` to `later` (negative when `later` is before). */
export function daysBetween(later: Day, earlier: Day): number {
  const a = Date.UTC(later.getFullYear(), later.getMonth(), later.getDate());
  const b = Date.UTC(earlier.getFullYear(), earlier.getMonth(), earlier.getDate());
  return Math.round((a - b) / 86_400_000);
}

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

/** YYYY-MM-DD (JSON, `--today`). */
export function iso(d: Day | null): string | null {
  return d ? `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}` : null;
}

/** dd-mm-yyyy in Danish (as the workbook shows dates), ISO in English. */
export function formatDay(d: Day | null, lang: "da" | "en"): string {
  if (!d) return "";
  return lang === "da" ? `${pad(d.getDate())}-${pad(d.getMonth() + 1)}-${pad(d.getFullYear(), 4)}` : (iso(d) as string);
}

/** Today's calendar day, or the day an ISO string names (`--today`). */
export function parseIsoDay(text: string): Day | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  return m ? day(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

export function today(): Day {
  const now = new Date();
  return new Date(now.getFullYear(), now.getMonth(), now.getDate());
}
