/**
 * Validate: read the workbook (one sync), run the engine, then in ONE more sync replace the
 * highlights and the report sheet and append the `Historik` row. Two syncs in all on the usual workbook.
 *
 * The write batch starts with `application.suspendScreenUpdatingUntilNextSync()` (ExcelApi 1.9):
 * a later validation only rewrites the flag cells the conditional formats read, and Excel may not
 * repaint API-made formula rules until the user scrolls (office-js #5299, #1157, #5572); resuming the
 * screen at the sync repaints them, the workaround reported there.
 */
import type { Day } from "../playbook/dates";
import { validateSnapshot } from "../playbook/engine";
import { GENERATED_SHEETS } from "../playbook/workbook-layout";
import { DATA_SHEETS, VALIDATION_SHEET, type Lang } from "../playbook/vocabulary";
import type { ValidationOutcome } from "../port/pane-actions";
import { sameSheetName } from "./cells";
import { WRITES, writeSync } from "./errors";
import { FLAG_SHEET, flagCells, queueHighlights, queueMarkerLoad, type HighlightTarget } from "./highlights";
import { readWorkbook } from "./read-snapshot";
import { queueReport, reportContent } from "./report";
import { historyEntry, previousKeys, queueHistoryLoads, queueHistoryWrite } from "./history";
import { existingOrNewSheet } from "./sheets";

export interface ValidateWorkbookOptions {
  lang: Lang;
  today: Day;
  /** Rule ids or prefixes to run; all when absent. */
  pick?: ReadonlyArray<string>;
  /** Rule ids or prefixes to leave out. */
  skip?: ReadonlyArray<string>;
  /** The moment written to `Historik`; the machine's clock when absent. */
  now?: Date;
}

export async function validateWorkbook(context: Excel.RequestContext, options: ValidateWorkbookOptions): Promise<ValidationOutcome> {
  const read = await readWorkbook(context, {
    perSheet: (worksheet) => ({ marker: queueMarkerLoad(worksheet) }),
    workbook: queueHistoryLoads,
    // The data sheets and Accepterede, whose rows accept findings (WORKBOOK.md).
    sheets: GENERATED_SHEETS,
  });
  const { plan, findings } = validateSnapshot(read.snapshot, { today: options.today, pick: options.pick, skip: options.skip });
  // Accepted findings are shown, but not counted as open.
  const entry = historyEntry(findings, previousKeys(read.workbook));
  const summary = entry.open;

  // Highlights go on the sheets the engine read (the first of a Danish/English pair).
  const targets: HighlightTarget[] = [];
  DATA_SHEETS.forEach((spec, specIndex) => {
    const info = plan.sheets[spec.key];
    const sheet = info && read.dataSheets.find((s) => sameSheetName(s.name, info.name));
    if (sheet) targets.push({ specIndex, worksheet: sheet.worksheet, installed: !sheet.extra.marker.isNullObject });
  });
  context.workbook.application.suspendScreenUpdatingUntilNextSync();
  const cells = flagCells(findings, plan);
  const hasSheet = (name: string) => read.sheetNames.some((n) => sameSheetName(n, name));
  queueHighlights(context, hasSheet(FLAG_SHEET), targets, cells);

  const report = existingOrNewSheet(context, read.sheetNames, VALIDATION_SHEET, options.lang);
  queueReport(report.worksheet, reportContent(findings, summary, options.lang, options.today, hasSheet), report.existed);
  report.finish();
  queueHistoryWrite(context, read.workbook, findings, entry, options.now ?? new Date(), options.lang);
  await writeSync(context, WRITES.validate);

  const people = [...new Map(plan.people.flatMap((p) => (p.named && p.name.value ? [[p.nameKey, p.name.value.trim()] as const] : []))).values()];
  return { findings, summary, reportSheet: report.name, highlighted: cells.length, people, since: entry.since };
}
