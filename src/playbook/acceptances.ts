/**
 * Accepted findings (RULES.md, *Accepted findings*; WORKBOOK.md, *Accepterede*): which rows of
 * `Accepterede` apply, which finding each accepts, and which rows cannot apply or accept nothing
 * (what DATA-07 and DATA-08 report). Acceptances are indexed by rule, sheet and subject once, so the
 * cost stays linear in rows and findings however many there are.
 */
import { iso, type Day } from "./dates";
import type { Acceptance, Finding } from "./findings";
import type { AcceptanceRow, Plan } from "./model";
import { cellText } from "./subject";
import {
  ACCEPTED_SHEET,
  DATA_SHEETS,
  ENUMS,
  HISTORY_SHEET,
  OWNERSHIP_RESPONSIBILITIES,
  SETTINGS,
  STATUS_SHEET,
  TIMELINE_SHEET,
  VALIDATION_SHEET,
  YES_NO,
  normalizeHeaderLoose,
  normalizeKey,
  type SheetSpec,
  type Text,
} from "./vocabulary";

/** The rules whose findings are about `Accepterede` itself: they cannot be accepted. */
export const UNACCEPTABLE_RULES: ReadonlySet<string> = new Set(["DATA-07", "DATA-08"]);

/** Why a row of `Accepterede` cannot apply (DATA-07). */
export type AcceptanceProblem = "noRule" | "unknownRule" | "noReason";

export interface AcceptanceReview {
  /** Rows that cannot apply, with each problem (a row may have two). */
  invalid: Array<{ row: AcceptanceRow; problem: AcceptanceProblem }>;
  /** Rows whose `Gælder til` has passed. */
  lapsed: AcceptanceRow[];
  /** Rows that apply but matched no finding of a rule that ran. */
  unused: AcceptanceRow[];
}

/** Case-, space- and composition-insensitive form of a text. */
function key(text: string): string {
  return normalizeKey(text.normalize("NFC"));
}

const SHEET_SPECS: ReadonlyArray<SheetSpec> = [...DATA_SHEETS, ACCEPTED_SHEET, HISTORY_SHEET, STATUS_SHEET, VALIDATION_SHEET, TIMELINE_SHEET];

/** Every fixed name in both languages, mapped to one form: a role, a sector, a sheet, a setting, a column. */
const CANONICAL: Map<string, string> = (() => {
  const map = new Map<string, string>();
  const add = (text: Text): void => {
    const da = key(text.da);
    if (!map.has(da)) map.set(da, da);
    const en = key(text.en);
    if (!map.has(en)) map.set(en, da);
  };
  for (const list of Object.values(ENUMS)) list.forEach(add);
  SETTINGS.forEach(add);
  SHEET_SPECS.forEach(add);
  for (const spec of SHEET_SPECS) spec.columns.forEach(add);
  OWNERSHIP_RESPONSIBILITIES.forEach(add);
  add(YES_NO.yes);
  add(YES_NO.no);
  return map;
})();

function canonicalValue(part: string): string {
  const k = key(part);
  return CANONICAL.get(k) ?? k;
}

/** A subject as a key: each ` / `-separated part in one language, case and spaces ignored. */
export function subjectKey(subject: string | null): string {
  if (subject === null) return "";
  return subject
    .split("/")
    .map((p) => p.trim())
    .filter((p) => p !== "")
    .map(canonicalValue)
    .join("/");
}

function sheetSpecOf(name: string): SheetSpec | undefined {
  const k = key(name);
  return SHEET_SPECS.find((s) => key(s.da) === k || key(s.en) === k);
}

/** A sheet's name as a key: a known sheet by its Danish or English name; "" for the whole workbook. */
export function sheetKey(name: string | null): string {
  if (name === null || name.trim() === "") return "";
  const spec = sheetSpecOf(name);
  return spec ? `§${spec.key}` : key(name);
}

/** A column's header as a key, in either language, on the sheet named `sheet`. */
function columnKey(sheet: string | null, column: string): string {
  const spec = sheet === null ? undefined : sheetSpecOf(sheet);
  const k = key(column);
  const loose = normalizeHeaderLoose(column.normalize("NFC"));
  const found = spec?.columns.find(
    (c) => key(c.da) === k || key(c.en) === k || (loose !== "" && (normalizeHeaderLoose(c.da) === loose || normalizeHeaderLoose(c.en) === loose)),
  );
  return found ? `§${found.key}` : k;
}

interface Entry {
  row: AcceptanceRow;
  /** null: any column. */
  column: string | null;
  acceptance: Acceptance;
  used: boolean;
}

const UNTIL_END = (d: Day): number => d.getTime();

/**
 * Mark the findings the applying rows of `Accepterede` accept (`accepted`), in place, and return
 * the rows that cannot apply, have lapsed, or matched nothing. `ranRules`: the ids of the rules that
 * ran; a row for a rule that did not run (--pick/--skip) is not "matching nothing".
 */
export function applyAcceptances(plan: Plan, findings: ReadonlyArray<Finding>, ranRules: ReadonlySet<string>, today: Day, knownRules: ReadonlySet<string>): AcceptanceReview {
  const review: AcceptanceReview = { invalid: [], lapsed: [], unused: [] };
  const sheetName = plan.sheets.accepted?.name ?? ACCEPTED_SHEET.da;
  const index = new Map<string, Entry[]>();
  const entries: Entry[] = [];
  for (const row of plan.acceptances) {
    const ruleText = cellText(row.rule.raw);
    const ruleId = ruleText === null ? null : ruleText.toUpperCase().replace(/\s+/g, "");
    const reason = cellText(row.reason.raw);
    let valid = true;
    if (ruleId === null) {
      review.invalid.push({ row, problem: "noRule" });
      valid = false;
    } else if (!knownRules.has(ruleId)) {
      review.invalid.push({ row, problem: "unknownRule" });
      valid = false;
    }
    if (reason === null) {
      review.invalid.push({ row, problem: "noReason" });
      valid = false;
    }
    if (!valid || ruleId === null || reason === null) continue;
    const until = row.until.value;
    if (until !== null && UNTIL_END(until) < today.getTime()) {
      review.lapsed.push(row);
      continue;
    }
    if (UNACCEPTABLE_RULES.has(ruleId) || !ranRules.has(ruleId)) {
      // DATA-07/08 cannot be accepted: such a row accepts nothing. A rule that did not run: unknown.
      if (UNACCEPTABLE_RULES.has(ruleId) && ranRules.has(ruleId)) review.unused.push(row);
      continue;
    }
    const sheet = cellText(row.sheet.raw);
    const column = cellText(row.column.raw);
    const entry: Entry = {
      row,
      column: column === null ? null : columnKey(sheet, column),
      acceptance: {
        reason,
        by: cellText(row.acceptedBy.raw),
        on: iso(row.date.value),
        until: iso(until),
        sheet: sheetName,
        row: row.row,
      },
      used: false,
    };
    entries.push(entry);
    const k = `${ruleId}\u0000${sheetKey(sheet)}\u0000${subjectKey(cellText(row.subject.raw))}`;
    const list = index.get(k);
    if (list) list.push(entry);
    else index.set(k, [entry]);
  }
  if (entries.length > 0) {
    for (const finding of findings) {
      if (UNACCEPTABLE_RULES.has(finding.rule)) continue;
      const base = `${finding.rule}\u0000${sheetKey(finding.sheet)}\u0000`;
      const exact = index.get(base + subjectKey(finding.subject));
      const any = finding.subject === null ? undefined : index.get(base);
      const column = finding.column === null ? null : columnKey(finding.sheet, finding.column);
      const match = firstMatch(exact, column) ?? firstMatch(any, column);
      if (!match) continue;
      match.used = true;
      finding.accepted = match.acceptance;
    }
  }
  for (const entry of entries) if (!entry.used) review.unused.push(entry.row);
  return review;
}

function firstMatch(entries: Entry[] | undefined, column: string | null): Entry | undefined {
  if (!entries) return undefined;
  for (const e of entries) if (e.column === null || e.column === column) return e;
  return undefined;
}
