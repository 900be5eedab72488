/**
 * `Historik` (WORKBOOK.md): one row per validation made in Excel, appended in the validation's own
 * write batch, and a native line chart of open errors and warnings over time, updated in place. Its
 * loads ride in the validation's read sync: no sync of its own.
 *
 * New and resolved are counted against the previous validation's findings, by rule, sheet and
 * subject. Those keys are kept on the very hidden sheet `_fbs_keys` (one key a row, written in the
 * same batch), not read back from the `Validering` report: the report is in the user's language, may
 * be cut short under the payload limit, does not show subjects, and users may edit or delete it.
 * A very hidden sheet only the add-in writes is what the highlights (`_fbs_flags`) already use.
 *
 * A protected `Historik` is seen in the read: the validation then writes no row, chart or keys (so
 * the next one still counts new and resolved from the last validation recorded) and says so.
 */
import { toSerial } from "../playbook/dates";
import { columnLetters } from "../playbook/location";
import { summarize, type Finding, type Summary } from "../playbook/findings";
import type { CellValue } from "../playbook/snapshot";
import { DATE_FORMAT } from "../playbook/template";
import { HISTORY_SHEET, normalizeKey, type Lang } from "../playbook/vocabulary";
import { sameSheetName, TEXT_FORMAT, type OfficeValue } from "./cells";
import { ownChart, queueProtectionLoad } from "./sheets";
import { layoutOf, nextRow, queueNewTableSheet, queueRowWrite, queueTableSheetRead, rowsOfRead, tableOfRead, type TableSheetRead } from "./table-sheet";

export const KEYS_SHEET = "_fbs_keys";
/** The first cell of `_fbs_keys`: tells "a validation with no findings" from "no validation yet". */
const KEYS_MARK = "fbs-playbook keys v1";
export const HISTORY_CHART = "FBS_Historik";
export const TIME_FORMAT = `${DATE_FORMAT} hh:mm`;

interface Candidate {
  worksheet: Excel.Worksheet;
  read: TableSheetRead;
  chart: Excel.Chart;
  protection: Excel.WorksheetProtection;
}

export interface HistoryLoads {
  candidates: Candidate[];
  /** Null when the sheet is known not to exist (nothing is looked up on it then). */
  keysSheet: Excel.Worksheet | null;
  keys: Excel.Range | null;
  tables: Excel.TableCollection;
}

/**
 * Queue (in the validation's read batch): `Historik` under either name, its table, chart and
 * protection, and the previous keys. With the workbook's `sheetNames` and `tableNames` known (the
 * reader's safe path, e.g. on a host that refuses calls on null objects), only sheets and tables that
 * exist are looked up.
 */
export function queueHistoryLoads(
  context: Excel.RequestContext,
  sheetNames: ReadonlyArray<string> | null = null,
  tableNames: ReadonlyArray<string> | null = null,
): HistoryLoads {
  const exists = (name: string) => sheetNames === null || sheetNames.some((n) => sameSheetName(n, name));
  const names = (sameSheetName(HISTORY_SHEET.da, HISTORY_SHEET.en) ? [HISTORY_SHEET.da] : [HISTORY_SHEET.da, HISTORY_SHEET.en]).filter(exists);
  const candidates = names.map((name) => {
    const worksheet = context.workbook.worksheets.getItemOrNullObject(name);
    worksheet.load("name");
    const read = queueTableSheetRead(worksheet, HISTORY_SHEET.table, tableNames ? { context, names: tableNames } : null);
    const chart = worksheet.charts.getItemOrNullObject(HISTORY_CHART);
    return { worksheet, read, chart, protection: queueProtectionLoad(worksheet) };
  });
  const keysSheet = exists(KEYS_SHEET) ? context.workbook.worksheets.getItemOrNullObject(KEYS_SHEET) : null;
  const keys = keysSheet ? keysSheet.getUsedRangeOrNullObject(true) : null;
  keys?.load("values");
  const tables = context.workbook.tables;
  tables.load("items/name");
  return { candidates, keysSheet, keys, tables };
}

/** The name of `Historik` when it is there and protected (no row can be appended), else null. */
export function protectedHistory(loads: HistoryLoads): string | null {
  const found = loads.candidates.find((c) => !c.worksheet.isNullObject);
  return found && found.protection.protected === true ? found.worksheet.name : null;
}

/** A finding's key for new/resolved: rule, sheet and subject, case- and space-insensitive. */
export function findingKey(finding: Finding): string {
  return `${finding.rule}|${normalizeKey(finding.sheet ?? "")}|${normalizeKey(finding.subject ?? "")}`;
}

/** New and resolved between two lists of keys, counted as multisets (a rule may find the same subject twice). */
export function compareKeys(previous: ReadonlyArray<string>, current: ReadonlyArray<string>): { new: number; resolved: number } {
  const counts = new Map<string, number>();
  for (const k of previous) counts.set(k, (counts.get(k) ?? 0) + 1);
  for (const k of current) counts.set(k, (counts.get(k) ?? 0) - 1);
  let added = 0;
  let resolved = 0;
  for (const n of counts.values()) {
    if (n < 0) added -= n;
    else resolved += n;
  }
  return { new: added, resolved };
}

/** The previous validation's keys, or null when there was none. */
export function previousKeys(loads: HistoryLoads): string[] | null {
  if (!loads.keys || loads.keys.isNullObject) return null;
  const rows = loads.keys.values as unknown[][];
  if (rows[0]?.[0] !== KEYS_MARK) return null;
  return rows.slice(1).map((r) => String(r[0] ?? ""));
}

export interface HistoryEntry {
  /** Open findings per severity. */
  open: Summary;
  accepted: number;
  since: { new: number; resolved: number } | null;
}

export function historyEntry(findings: ReadonlyArray<Finding>, previous: ReadonlyArray<string> | null): HistoryEntry {
  // summarize counts open findings per severity and the accepted ones apart.
  const open = summarize(findings);
  const since = previous === null ? null : compareKeys(previous, findings.map(findingKey));
  return { open, accepted: open.accepted, since };
}

/** A moment as an Excel serial date and time (local time, as Excel shows it). */
export function serialOf(now: Date): number {
  return toSerial(now) + (now.getHours() * 3600 + now.getMinutes() * 60 + now.getSeconds()) / 86_400;
}

/**
 * Queue (in the validation's write batch, last): the history row, the chart over it, and this
 * validation's keys. Creates `Historik` (as "Generate sheets" would) and `_fbs_keys` on first use.
 * Not called when `Historik` is protected ({@link protectedHistory}).
 */
export function queueHistoryWrite(
  context: Excel.RequestContext,
  loads: HistoryLoads,
  findings: ReadonlyArray<Finding>,
  entry: HistoryEntry,
  now: Date,
  lang: Lang,
): void {
  const values: Record<string, OfficeValue> = {
    time: serialOf(now),
    errors: entry.open.error,
    warnings: entry.open.warning,
    info: entry.open.info,
    accepted: entry.accepted,
    new: entry.since ? entry.since.new : "",
    resolved: entry.since ? entry.since.resolved : "",
  };
  const found = loads.candidates.find((c) => !c.worksheet.isNullObject);
  const rows: CellValue[][] = found ? rowsOfRead(found.read) : [];
  const layout = found ? layoutOf(rows, HISTORY_SHEET) : null;

  let worksheet: Excel.Worksheet;
  let chartArea: { row: number; column: number; rows: number } | null = null;
  let chart: Excel.Chart | null = null;
  let chartAt = "";
  if (!found || !layout) {
    // No Historik yet (or one without its headers, which is left alone and a fresh one is not possible): create it.
    if (found) return queueKeys(context, loads, findings);
    const cells = HISTORY_SHEET.columns.map((c) => (values[c.key] === "" ? null : (values[c.key] as CellValue)));
    const tableNameTaken = loads.tables.items.some((t) => t.name.toLowerCase() === (HISTORY_SHEET.table as string).toLowerCase());
    const created = queueNewTableSheet(context, HISTORY_SHEET, lang, cells, tableNameTaken);
    worksheet = created.worksheet;
    worksheet.getRangeByIndexes(1, 0, 1, 1).numberFormat = [[TIME_FORMAT]];
    chartArea = { row: 0, column: 0, rows: 2 };
    chartAt = `${columnLetters(HISTORY_SHEET.columns.length + 1)}2`;
  } else {
    worksheet = found.worksheet;
    const table = tableOfRead(found.read);
    const place = nextRow(layout, table, rows);
    const cells = HISTORY_SHEET.columns.flatMap((c) => {
      const column = layout.columns.get(c.key);
      if (column === undefined) return [];
      return [{ column, value: values[c.key], format: c.key === "time" ? TIME_FORMAT : null }];
    });
    queueRowWrite(worksheet, table && place.growTable ? { name: table.name, columns: table.columnCount } : null, place, cells);
    const time = layout.columns.get("time");
    // The chart needs Tidspunkt, Fejl and Advarsler side by side, as generated.
    if (time !== undefined && layout.columns.get("errors") === time + 1 && layout.columns.get("warnings") === time + 2) {
      chartArea = { row: layout.headerRow, column: time, rows: place.row - layout.headerRow + 1 };
    }
    if (!found.chart.isNullObject) chart = found.chart;
    const right = Math.max(...layout.columns.values());
    chartAt = `${columnLetters(right + 2)}${layout.headerRow + 2}`;
  }
  if (chartArea) {
    const data = worksheet.getRangeByIndexes(chartArea.row, chartArea.column, chartArea.rows, 3);
    const made = ownChart(worksheet, chart, data, "Line", HISTORY_CHART);
    if (made.created) {
      made.chart.title.text = lang === "da" ? "Åbne fejl og advarsler over tid" : "Open errors and warnings over time";
      made.chart.legend.position = "Bottom";
      made.chart.setPosition(chartAt);
      made.chart.width = 480;
      made.chart.height = 260;
    }
  }
  queueKeys(context, loads, findings);
}

function queueKeys(context: Excel.RequestContext, loads: HistoryLoads, findings: ReadonlyArray<Finding>): void {
  let sheet: Excel.Worksheet;
  if (!loads.keysSheet || loads.keysSheet.isNullObject) {
    sheet = context.workbook.worksheets.add(KEYS_SHEET);
    sheet.visibility = "VeryHidden";
  } else {
    sheet = context.workbook.worksheets.getItem(KEYS_SHEET);
    if (loads.keys && !loads.keys.isNullObject) sheet.getRange().clear();
  }
  const column = [KEYS_MARK, ...findings.map(findingKey)].map((k) => [k]);
  const range = sheet.getRangeByIndexes(0, 0, column.length, 1);
  range.numberFormat = column.map(() => [TEXT_FORMAT]);
  range.values = column;
}
