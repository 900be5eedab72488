/**
 * Validate: read the workbook (one sync), run the engine, then in ONE more sync replace the
 * highlights and the report sheet and append the `Historik` row. Two syncs in all on the usual workbook.
 *
 * Protected sheets are seen in the read (`Worksheet.protection`, ExcelApi 1.2), since a write to
 * one fails the batch with what came before it done: a protected `Historik` gets no row (nor chart
 * and keys), a protected report is left as it was, and a protected data sheet not yet set up for
 * highlights gets none; the rest is written, and `notWritten` says what was left out. A data sheet set
 * up before is highlighted all the same: only the very hidden `_fbs_flags` changes then.
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
import type { UnwrittenPart, ValidationOutcome } from "../port/pane-actions";
import { matchesSheet, sameSheetName } from "./cells";
import { WRITES, writeSync } from "./errors";
import { FLAG_SHEET, flagCells, queueHighlights, queueMarkerLoad, type HighlightTarget } from "./highlights";
import { readWorkbook } from "./read-snapshot";
import { queueReport, reportContent } from "./report";
import { historyEntry, previousKeys, protectedHistory, queueHistoryLoads, queueHistoryWrite } from "./history";
import { existingOrNewSheet, isProtected, queueProtectionLoad, queueProtectionLookups } from "./sheets";

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
    perSheet: (worksheet) => ({ marker: queueMarkerLoad(worksheet), protection: queueProtectionLoad(worksheet) }),
    workbook: (ctx, sheetNames, tableNames) => ({
      history: queueHistoryLoads(ctx, sheetNames, tableNames),
      report: queueProtectionLookups(ctx, sheetNames, [VALIDATION_SHEET.da, VALIDATION_SHEET.en]),
    }),
    // The data sheets and Accepterede, whose rows accept findings (WORKBOOK.md).
    sheets: GENERATED_SHEETS,
  });
  const { plan, findings } = validateSnapshot(read.snapshot, { today: options.today, pick: options.pick, skip: options.skip });
  // Accepted findings are shown, but not counted as open.
  const entry = historyEntry(findings, previousKeys(read.workbook.history));
  const summary = entry.open;
  const notWritten: UnwrittenPart[] = [];

  // Highlights go on the sheets the engine read (the first of a Danish/English pair).
  const targets: HighlightTarget[] = [];
  const unhighlighted = new Set<number>();
  const allCells = flagCells(findings, plan);
  DATA_SHEETS.forEach((spec, specIndex) => {
    const info = plan.sheets[spec.key];
    const sheet = info && read.dataSheets.find((s) => sameSheetName(s.name, info.name));
    if (!sheet) return;
    const installed = !sheet.extra.marker.isNullObject;
    // Setting a sheet up writes a name and conditional formats to it, which a protected sheet refuses.
    if (!installed && sheet.extra.protection.protected === true) {
      unhighlighted.add(specIndex);
      // Said only where a finding goes unhighlighted: a sheet without findings loses nothing yet.
      if (allCells.some((c) => c.specIndex === specIndex)) notWritten.push({ part: "highlights", sheet: sheet.name });
      return;
    }
    targets.push({ specIndex, worksheet: sheet.worksheet, installed });
  });
  // A report whose name matches only loosely («Validering ») was not looked up by name in the read:
  // its protection takes one more read here, before anything is queued to write (rare).
  const reportLookups = [...read.workbook.report];
  const loose = read.sheetNames.filter(
    (n) => matchesSheet(n, VALIDATION_SHEET) && !reportLookups.some((l) => !l.worksheet.isNullObject && sameSheetName(l.worksheet.name, n)),
  );
  if (loose.length > 0) {
    reportLookups.push(...queueProtectionLookups(context, read.sheetNames, loose));
    await context.sync();
  }
  context.workbook.application.suspendScreenUpdatingUntilNextSync();
  const cells = allCells.filter((c) => !unhighlighted.has(c.specIndex));
  const hasSheet = (name: string) => read.sheetNames.some((n) => sameSheetName(n, name));
  queueHighlights(context, hasSheet(FLAG_SHEET), targets, cells);

  const report = existingOrNewSheet(context, read.sheetNames, VALIDATION_SHEET, options.lang);
  let reportSheet = report.name;
  if (report.existingName !== null && isProtected(reportLookups, report.existingName)) {
    // Left as it was (not renamed either); the pane lists the findings.
    reportSheet = report.existingName;
    notWritten.push({ part: "report", sheet: report.existingName });
  } else {
    queueReport(report.worksheet, reportContent(findings, summary, options.lang, options.today, hasSheet), report.existed);
    report.finish();
  }
  const lockedHistory = protectedHistory(read.workbook.history);
  if (lockedHistory !== null) notWritten.push({ part: "history", sheet: lockedHistory });
  else queueHistoryWrite(context, read.workbook.history, findings, entry, options.now ?? new Date(), options.lang);
  await writeSync(context, WRITES.validate);

  const people = [...new Map(plan.people.flatMap((p) => (p.named && p.name.value ? [[p.nameKey, p.name.value.trim()] as const] : []))).values()];
  return {
    findings,
    summary,
    reportSheet,
    highlighted: cells.length,
    people,
    since: entry.since,
    ...(notWritten.length > 0 ? { notWritten } : {}),
  };
}
