/**
 * A finding's subject (WORKBOOK.md, *a finding's subject*): what it is about, as the user sees it in
 * the workbook, so that an acceptance follows its row when rows are sorted, inserted or deleted.
 */
import type { Location } from "./location";
import type { Field, Plan, RowBase } from "./model";
import { isCellError, isDate, type CellValue } from "./snapshot";
import { iso } from "./dates";
import type { Text } from "./i18n";
import type { SheetKey } from "./vocabulary";

/** A cell's text as it stands (trimmed); null when it holds nothing to show. */
export function cellText(raw: CellValue): string | null {
  if (raw === null || isCellError(raw)) return null;
  if (isDate(raw)) return Number.isNaN(raw.getTime()) ? null : iso(raw);
  const text = String(raw).trim();
  return text === "" ? null : text;
}

/** Values joined by " / ", the empty ones left out; null when all are empty. */
function joined(fields: ReadonlyArray<Field<unknown>>): string | null {
  const parts = fields.map((f) => cellText(f.raw)).filter((t): t is string => t !== null);
  return parts.length > 0 ? parts.join(" / ") : null;
}

type RowsWithSubject = { rows: ReadonlyArray<RowBase>; subjectOf: (row: never) => string | null };

/** Each data sheet's rows and the values that identify one of them. */
function subjectTables(plan: Plan): Partial<Record<SheetKey, RowsWithSubject>> {
  const table = <R extends RowBase>(rows: ReadonlyArray<R>, subjectOf: (row: R) => string | null): RowsWithSubject => ({
    rows,
    subjectOf: subjectOf as (row: never) => string | null,
  });
  return {
    people: table(plan.people, (p) => joined([p.name, p.role])),
    units: table(plan.units, (u) => joined([u.unit])),
    ownership: table(plan.ownership, (o) => joined([o.key]) ?? joined([o.responsibility])),
    seats: table(plan.seats, (s) => joined([s.course, s.participant])),
    contracts: table(plan.contracts, (c) => joined([c.vendor, c.system])),
    institutions: table(plan.institutions, (i) => joined([i.institution])),
    operationsCentre: table(plan.hostedMunicipalities, (h) => joined([h.municipality])),
  };
}

/** The row with sheet row number `row` (rows are in sheet order), or undefined. */
function rowNumbered<R extends RowBase>(rows: ReadonlyArray<R>, row: number): R | undefined {
  let low = 0;
  let high = rows.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (rows[mid].row === row) return rows[mid];
    if (rows[mid].row < row) low = mid + 1;
    else high = mid - 1;
  }
  return undefined;
}

/**
 * The subject of a finding at `at`, for the findings of one plan: on a data row, that row's
 * identifying values (Personer `Navn / Rolle` …); on a setting of Projekt, its `Felt` as it stands;
 * otherwise `missing` (the missing thing's name, in the workbook's language), or null.
 */
export function subjectsOf(plan: Plan): (at: Location, missing?: Text | string) => string | null {
  const tables = subjectTables(plan);
  const bySheetName = new Map<string, RowsWithSubject>();
  for (const key of Object.keys(tables) as SheetKey[]) {
    const name = plan.sheets[key]?.name;
    if (name !== undefined && tables[key]) bySheetName.set(name, tables[key]);
  }
  const settingLabels = new Map<number, string>();
  for (const setting of Object.values(plan.settingRows)) if (setting) settingLabels.set(setting.row, setting.label);
  const projectSheet = plan.sheets.project?.name;

  return (at, missing) => {
    if (at.sheet !== null && at.row !== null) {
      if (at.sheet === projectSheet) {
        const label = settingLabels.get(at.row);
        if (label !== undefined) return label;
      }
      const table = bySheetName.get(at.sheet);
      const row = table && rowNumbered(table.rows, at.row);
      if (table && row) return table.subjectOf(row as never);
    }
    if (missing === undefined) return null;
    return typeof missing === "string" ? missing : missing[plan.lang];
  };
}
