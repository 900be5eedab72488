/** Finding or making the sheets the add-in owns (the report and the timeline). */
import type { Lang, Text } from "../playbook/vocabulary";
import { matchesSheet, sameSheetName } from "./cells";

export interface OwnedSheet {
  worksheet: Excel.Worksheet;
  /** The sheet's name after {@link OwnedSheet.finish}. */
  name: string;
  /** The sheet was there before (its old content must be replaced). */
  existed: boolean;
  /** Its name before this batch (null when it is new): {@link OwnedSheet.name} differs when it is renamed. */
  existingName: string | null;
  /**
   * Queue the rename to the current language, if one is due. Call it last in the batch: proxies
   * reached through the old name (a chart loaded earlier) must be used before the name changes.
   */
  finish(): void;
}

/**
 * Queue: the add-in's own sheet in the user's language. An existing one under either language's name
 * is reused (and renamed to the current language when that name is free), so switching language
 * never leaves two report sheets. No sync; `sheetNames` are the workbook's names as loaded.
 */
export function existingOrNewSheet(context: Excel.RequestContext, sheetNames: ReadonlyArray<string>, names: Text, lang: Lang): OwnedSheet {
  const wanted = names[lang];
  const exact = sheetNames.find((n) => sameSheetName(n, wanted));
  const existing = exact ?? sheetNames.find((n) => matchesSheet(n, names));
  if (!existing) return { worksheet: context.workbook.worksheets.add(wanted), name: wanted, existed: false, existingName: null, finish: () => {} };
  const worksheet = context.workbook.worksheets.getItem(existing);
  if (exact) return { worksheet, name: existing, existed: true, existingName: existing, finish: () => {} };
  return {
    worksheet,
    name: wanted,
    existed: true,
    existingName: existing,
    finish: () => {
      worksheet.name = wanted;
    },
  };
}

/**
 * Queue (in a read batch) the lookup of the chart `chartName` on the add-in's own sheet `names`
 * (Danish or English). On the one-sync path (`sheetNames` null) through a sheet that may not exist,
 * a null object; with the names known (a host that refused that), only on a sheet that exists.
 */
export function queueOwnChartLookup(
  context: Excel.RequestContext,
  sheetNames: ReadonlyArray<string> | null,
  names: Text,
  chartName: string,
): Array<Excel.Chart | null> {
  return [names.da, names.en].map((name) =>
    sheetNames && !sheetNames.some((n) => sameSheetName(n, name))
      ? null
      : context.workbook.worksheets.getItemOrNullObject(name).charts.getItemOrNullObject(chartName),
  );
}

/** The chart a {@link queueOwnChartLookup} found on the sheet as it is named in the workbook, if any. */
export function ownChartFound(sheetNames: ReadonlyArray<string>, names: Text, lookups: ReadonlyArray<Excel.Chart | null>): Excel.Chart | null {
  const both = [names.da, names.en];
  const previousName = sheetNames.find((n) => both.some((m) => sameSheetName(n, m)));
  const index = previousName ? both.findIndex((m) => sameSheetName(m, previousName)) : -1;
  const found = index >= 0 ? lookups[index] : null;
  return found && !found.isNullObject ? found : null;
}

/**
 * The add-in's own chart over `data`: the one found earlier with its data replaced (so it keeps what
 * the user did to it), or a new chart of `type` named `name`. `created` says which, for what only a
 * new chart gets (its place and size).
 */
export function ownChart(
  worksheet: Excel.Worksheet,
  existing: Excel.Chart | null,
  data: Excel.Range,
  type: Parameters<Excel.ChartCollection["add"]>[0],
  name: string,
): { chart: Excel.Chart; created: boolean } {
  if (existing) {
    existing.setData(data, "Columns");
    return { chart: existing, created: false };
  }
  const chart = worksheet.charts.add(type, data, "Columns");
  chart.name = name;
  return { chart, created: true };
}

/** A sheet's protection, looked up in a read batch. */
export interface ProtectionLookup {
  worksheet: Excel.Worksheet;
  protection: Excel.WorksheetProtection;
}

/** Queue (in a read batch) the protection of `worksheet` (ExcelApi 1.2); read `.protected` after the sync. */
export function queueProtectionLoad(worksheet: Excel.Worksheet): Excel.WorksheetProtection {
  const protection = worksheet.protection;
  protection.load("protected");
  return protection;
}

/**
 * Queue (in a read batch) the protection of the sheets called `names`, through sheets that may not
 * exist on the one-sync path (`sheetNames` null), else only of those that do. Writes to a protected
 * sheet fail mid-batch, after the commands before them are done (no rollback), so a write batch that
 * should not be left half done checks first.
 */
export function queueProtectionLookups(
  context: Excel.RequestContext,
  sheetNames: ReadonlyArray<string> | null,
  names: ReadonlyArray<string>,
): ProtectionLookup[] {
  const unique = names.filter((name, i) => names.findIndex((n) => sameSheetName(n, name)) === i);
  return unique
    .filter((name) => sheetNames === null || sheetNames.some((n) => sameSheetName(n, name)))
    .map((name) => {
      const worksheet = context.workbook.worksheets.getItemOrNullObject(name);
      worksheet.load("name");
      return { worksheet, protection: queueProtectionLoad(worksheet) };
    });
}

/** Is the sheet called `name` protected, as the lookups saw it? A sheet they did not look up counts as unprotected. */
export function isProtected(lookups: ReadonlyArray<ProtectionLookup>, name: string): boolean {
  return lookups.some((l) => !l.worksheet.isNullObject && sameSheetName(l.worksheet.name, name) && l.protection.protected === true);
}
