/** Parsing raw cell values into typed values, as WORKBOOK.md describes. Never throws. */
import { fromDateCell, fromSerial, parseDateText, type Day } from "./dates";
import { isCellError, isDate, type CellValue } from "./snapshot";
import { normalizeKey, type EnumValue } from "./vocabulary";

/** What a cell that does not fit its column parses to (a DATA-03 finding). */
export const INVALID: unique symbol = Symbol("invalid");

/** A parsed cell: its value, null when empty, or {@link INVALID}. (No wrapper object: a plan has a hundred thousand cells.) */
export type Parsed<T> = T | null | typeof INVALID;

const EMPTY = null;
const BAD: typeof INVALID = INVALID;

export function isEmpty(raw: CellValue | undefined): boolean {
  if (raw === null || raw === undefined) return true;
  if (typeof raw !== "string") return false;
  // A visible ASCII character first is no space: no need to trim (this runs twice for every cell).
  const first = raw.charCodeAt(0);
  return first > 0x20 && first < 0x7f ? false : raw.trim() === "";
}

// Regular expressions used per cell are constants: a literal in a function makes a new RegExp on every call.
const UNUSUAL_SPACE = /\s\s|[\t\n\r\u00a0]/;
const SPACES = /\s+/g;

export function parseText(raw: CellValue | undefined): Parsed<string> {
  if (isEmpty(raw)) return EMPTY;
  if (typeof raw === "string") {
    const t = raw.trim();
    return UNUSUAL_SPACE.test(t) ? t.replace(SPACES, " ") : t;
  }
  if (typeof raw === "number" && Number.isFinite(raw)) return String(raw);
  return BAD;
}

export function parseDate(raw: CellValue | undefined): Parsed<Day> {
  if (isEmpty(raw)) return EMPTY;
  let d: Day | null = null;
  if (isDate(raw)) d = fromDateCell(raw);
  else if (typeof raw === "number") d = fromSerial(raw);
  else if (typeof raw === "string") d = parseDateText(raw);
  return d ?? BAD;
}

const NUMBER_TEXT = /^[+]?(\d+)(?:[.,](\d+))?$/;

/** A non-negative number: a number cell, or text with a Danish or English decimal separator. */
export function parseNumber(raw: CellValue | undefined): Parsed<number> {
  if (isEmpty(raw)) return EMPTY;
  if (typeof raw === "number") return Number.isFinite(raw) && raw >= 0 ? raw : BAD;
  if (typeof raw === "string") {
    const m = NUMBER_TEXT.exec(raw.trim().replace(SPACES, ""));
    if (!m) return BAD;
    const value = Number(m[2] === undefined ? m[1] : `${m[1]}.${m[2]}`);
    return Number.isFinite(value) ? value : BAD;
  }
  return BAD;
}

const YES = ["ja", "j", "yes", "y", "x", "true", "sand", "1"];
const NO = ["nej", "n", "no", "false", "falsk", "0"];

/** The yes/no words by normalised text, and as usually typed ("Ja", "NEJ"), so most cells need no normalising. */
const YES_NO = new Map<string, boolean>(
  [...YES.map((w) => [w, true] as const), ...NO.map((w) => [w, false] as const)].flatMap(([w, v]) => [
    [w, v],
    [w[0].toUpperCase() + w.slice(1), v],
    [w.toUpperCase(), v],
  ]),
);

/** Ja/Nej, Yes/No, J/N, X, TRUE/FALSE in any case; empty is no. */
export function parseYesNo(raw: CellValue | undefined): Parsed<boolean> {
  if (isEmpty(raw)) return false;
  if (typeof raw === "boolean") return raw;
  if (typeof raw === "number") return raw === 1 ? true : raw === 0 ? false : BAD;
  if (typeof raw === "string") return YES_NO.get(raw) ?? YES_NO.get(normalizeKey(raw)) ?? BAD;
  return BAD;
}

/** Index of an enum list by normalised Danish and English text. */
export type EnumIndex<K extends string> = Map<string, K>;

export function enumIndex<K extends string>(list: ReadonlyArray<EnumValue<K>>): EnumIndex<K> {
  const index = new Map<string, K>();
  for (const v of list) {
    // The exact texts too, so the usual cell (typed from the drop-down) needs no normalising.
    for (const text of [v.da, v.en]) {
      index.set(text, v.key);
      index.set(normalizeKey(text), v.key);
    }
  }
  return index;
}

export function parseEnum<K extends string>(raw: CellValue | undefined, index: EnumIndex<K>): Parsed<K> {
  if (isEmpty(raw)) return EMPTY;
  if (typeof raw !== "string") return BAD;
  const key = index.get(raw) ?? index.get(normalizeKey(raw));
  return key ?? BAD;
}

export function describeRaw(raw: CellValue | undefined): string {
  if (raw === null || raw === undefined) return "";
  if (isCellError(raw)) return raw.error;
  if (isDate(raw)) return isNaN(raw.getTime()) ? "?" : raw.toISOString().slice(0, 10);
  const s = String(raw);
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

const PLACEHOLDERS = new Set([
  "tbd",
  "tba",
  "nn",
  "n.n",
  "n.n.",
  "?",
  "??",
  "???",
  "xx",
  "xxx",
  "x",
  "ukendt",
  "unknown",
  "vakant",
  "vacant",
  "ledig",
  "mangler",
  "missing",
  "-",
  "--",
  "—",
  "ikkeudpeget",
  "notassigned",
  "tilbeslutning",
  "todo",
  "?.?",
  "na",
  "n/a",
  "nobody",
  "ingen",
]);

const PLACEHOLDER_START = /^(tbd|nn|xx+|\?+|vakant|ledig|ukendt|mangler)\b/;

/** A role held by nobody in particular: empty, "TBD", "NN", "Vakant" … (ORG-12). */
export function isPlaceholderName(name: string | null): boolean {
  return name === null || isPlaceholderKey(normalizeKey(name));
}

/** {@link isPlaceholderName} for a name already made a key with `normalizeKey`. */
export function isPlaceholderKey(k: string): boolean {
  if (k === "") return true;
  if (PLACEHOLDERS.has(k)) return true;
  return PLACEHOLDER_START.test(k) && k.length <= 12;
}
