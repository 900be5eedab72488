/**
 * Drop-down lists of a generated workbook, shared by both writers (the command line's `init` and the
 * pane's "Generate sheets"), so a workbook made by one is completed by the other without clashes.
 * Excel takes at most 255 characters in a list typed into a data-validation rule; longer lists (the
 * roles: about 280 characters) are kept on a very hidden sheet `_fbs_lists`, one column per list and
 * language from row 1, and referred to by a hidden workbook name (`FBS_LIST_ROLE_DA`).
 */
import { columnLetters } from "./location";
import { ENUMS, type EnumName, type Lang } from "./vocabulary";

export const LISTS_SHEET = "_fbs_lists";
export const MAX_LIST_SOURCE = 255;

export interface LongList {
  name: string;
  values: string[];
  /** 0-based column on the lists sheet. */
  column: number;
}

/** Every fixed list, in both languages, that is too long to type into a rule. */
export const LONG_LISTS: ReadonlyArray<LongList> = (Object.keys(ENUMS) as EnumName[])
  .flatMap((name) => (["da", "en"] as Lang[]).map((lang) => ({ name, lang, values: ENUMS[name].map((v) => v[lang]) })))
  .filter((l) => l.values.join(",").length > MAX_LIST_SOURCE)
  .map((l, column) => ({ name: `FBS_LIST_${l.name.toUpperCase()}_${l.lang.toUpperCase()}`, values: l.values, column }));

function sameValues(a: ReadonlyArray<string>, b: ReadonlyArray<string>): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** The long list these values are, if they are one. */
export function longListOf(values: ReadonlyArray<string>): LongList | undefined {
  return LONG_LISTS.find((l) => sameValues(l.values, values));
}

/** A sheet name as a formula reference: always quoted, quotes doubled (`'Kim''s ark'`). */
export function sheetRef(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** A list's source as Office.js takes it (`ListDataValidation.source`): the values typed in, or `=NAME`. */
export function listSource(values: ReadonlyArray<string>): string {
  const long = longListOf(values);
  return long ? `=${long.name}` : values.join(",");
}

/** The range a long list's name refers to, without the leading "=": `'_fbs_lists'!$A$1:$A$14`. */
export function longListRange(list: LongList): string {
  const column = columnLetters(list.column);
  return `${sheetRef(LISTS_SHEET)}!$${column}$1:$${column}$${list.values.length}`;
}

/** What a long list's name refers to, as Office.js takes it. */
export function longListReference(list: LongList): string {
  return `=${longListRange(list)}`;
}
