/**
 * The pane's actions over Office.js: each runs in its own `Excel.run`. One of the two files that use
 * the `Excel` global (with host.ts). Errors are passed on as Excel raised them; the pane shows them
 * with `describeOfficeError` (errors.ts).
 */
import { today as machineToday, type Day } from "../playbook/dates";
import type { PaneActions } from "../port/pane-actions";
import { acceptFinding, reopenAcceptance } from "./accepted";
import { applyFixes, undoFixes } from "./fixes";
import { generateSheets } from "./generate";
import { clearHighlights } from "./highlights";
import { goToCell } from "./navigate";
import { calendarFile, writeStatusSheet } from "./status";
import { drawTimeline } from "./timeline";
import { validateWorkbook } from "./validate";

export interface ExcelActionOptions {
  /** "Today" for date-relative rules and the timeline; the machine's date when absent. */
  today?: () => Day;
  /** The moment a validation writes to `Historik`; the machine's clock when absent. */
  now?: () => Date;
}

export function createExcelActions(options: ExcelActionOptions = {}): PaneActions {
  const today = options.today ?? machineToday;
  const now = options.now ?? (() => new Date());
  const run = <T>(action: (context: Excel.RequestContext) => Promise<T>): Promise<T> => Excel.run((context) => action(context));
  return {
    generate: (lang) => run((context) => generateSheets(context, lang)),
    validate: (lang) => run((context) => validateWorkbook(context, { lang, today: today(), now: now() })),
    clearHighlights: () => run((context) => clearHighlights(context)),
    goTo: ({ sheet, cell }) => run((context) => goToCell(context, sheet, cell)),
    timeline: (lang) => run((context) => drawTimeline(context, lang, today())),
    statusReport: (lang) => run((context) => writeStatusSheet(context, { lang, today: today() })),
    calendar: (lang) => run((context) => calendarFile(context, lang)),
    accept: (finding, input, lang) => run((context) => acceptFinding(context, finding, input, lang, today())),
    reopen: (acceptance) => run((context) => reopenAcceptance(context, acceptance)),
    applyFix: (fixes, lang) => run((context) => applyFixes(context, fixes, { lang, today: today(), now: now() })),
    undoFix: (token, lang) => run((context) => undoFixes(context, token, { lang, today: today(), now: now() })),
  };
}
