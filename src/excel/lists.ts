/**
 * Drop-down lists. Excel takes at most 255 characters in a list typed into a data-validation rule;
 * longer lists (the roles: about 280 characters) are kept on a very hidden sheet `_fbs_lists` and
 * referred to by a workbook name, one per list and language (`FBS_LIST_ROLE_DA`).
 */
import { columnLetters } from "../playbook/location";
import { ENUMS, type EnumName, type Lang } from "../playbook/vocabulary";
import { sheetRef } from "./cells";

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

/** A `ListDataValidation.source`: the values typed in, or a reference to the long list's name. */
export function listSource(values: ReadonlyArray<string>): string {
  const long = longListOf(values);
  return long ? `=${long.name}` : values.join(",");
}

/** What a name for a long list refers to. */
export function longListReference(list: LongList): string {
  const column = columnLetters(list.column);
  return `=${sheetRef(LISTS_SHEET)}!$${column}$1:$${column}$${list.values.length}`;
}
