/**
 * "Generate / update sheets": add what the workbook lacks of WORKBOOK.md, as
 * src/playbook/workbook-layout.ts describes it (the command line's `init` writes the same), and
 * change nothing else.
 *
 * Syncs, whatever the workbook's size: one to read the data sheets, their tables and frozen panes,
 * the workbook's tables and the format-version name; one to read the table ranges and the data
 * validation and number formats of the existing list and date columns (skipped when there are none);
 * one to write (skipped when nothing is missing, so a second run changes nothing).
 */
import { readPlan, sheetInfo } from "../playbook/reader";
import { FORMAT_VERSION_NAME, WORKBOOK_FORMAT_VERSION, type Lang } from "../playbook/vocabulary";
import { GENERATED_SHEETS, workbookLayout } from "../playbook/workbook-layout";
import type { GenerateSummary } from "../port/pane-actions";
import { sameSheetName } from "./cells";
import {
  extent,
  hasChanges,
  planExistingSheet,
  planFreshSheet,
  probeRequests,
  type ExistingSheet,
  type ExistingSheetInput,
  type GenerationPlan,
  type ProbeResult,
  type Rect,
  type SheetChanges,
  type TableRect,
} from "./generate-plan";
import { LISTS_SHEET, LONG_LISTS, listSource, longListOf, longListReference } from "../playbook/lists";
import { WRITES, writeSync } from "./errors";
import { readWorkbook } from "./read-snapshot";

/** Hidden workbook name holding the format version of WORKBOOK.md the workbook was generated for. */
export { FORMAT_VERSION_NAME };

interface SheetExtra {
  tables: Excel.TableCollection;
  freeze: Excel.Range;
}

interface WorkbookExtra {
  version: Excel.NamedItem;
  tables: Excel.TableCollection;
  /** The names of the long drop-down lists (lists.ts), in LONG_LISTS order. */
  lists: Excel.NamedItem[];
}

function range(worksheet: Excel.Worksheet, rect: Rect): Excel.Range {
  return worksheet.getRangeByIndexes(rect.row, rect.column, rect.rows, rect.columns);
}

export async function generateSheets(context: Excel.RequestContext, lang: Lang): Promise<GenerateSummary> {
  const templates = workbookLayout(lang).sheets;

  // Read 1: the data sheets, their tables and frozen panes; the workbook's tables and version name.
  const read = await readWorkbook<SheetExtra, WorkbookExtra>(context, {
    sheets: GENERATED_SHEETS,
    perSheet: (worksheet) => {
      const tables = worksheet.tables;
      tables.load("items/name");
      // Only isNullObject is read: is any pane frozen?
      const freeze = worksheet.freezePanes.getLocationOrNullObject();
      return { tables, freeze };
    },
    workbook: (ctx) => {
      const tables = ctx.workbook.tables;
      tables.load("items/name");
      return {
        version: ctx.workbook.names.getItemOrNullObject(FORMAT_VERSION_NAME),
        tables,
        lists: LONG_LISTS.map((l) => ctx.workbook.names.getItemOrNullObject(l.name)),
      };
    },
  });
  const plan = readPlan(read.snapshot);
  const takenTables = new Set(read.workbook.tables.items.map((t) => t.name.toLowerCase()));

  // Read 2: table ranges, and the drop-downs and formats already on existing columns.
  const result: GenerationPlan = {
    sheets: [],
    createdSheets: [],
    addedColumns: [],
    addedRows: 0,
    skippedSheets: [],
    addFormatVersion: read.workbook.version.isNullObject,
  };
  const worksheets = new Map<string, Excel.Worksheet>();
  const pending: Array<{ input: ExistingSheetInput } & QueuedProbes> = [];
  for (const template of templates) {
    // The reader's plan holds the data sheets; Accepterede is located the same way.
    const info = plan.sheets[template.key] ?? sheetInfo(read.snapshot, template.spec);
    const data = info ? read.dataSheets.find((s) => sameSheetName(s.name, info.name)) : undefined;
    const tableName = takenTables.has(template.table.toLowerCase()) ? null : template.table;
    if (!info || !data) {
      result.sheets.push(planFreshSheet(template, template.name, true, tableName));
      result.createdSheets.push(template.name);
      takenTables.add(template.table.toLowerCase());
      continue;
    }
    worksheets.set(data.name, data.worksheet);
    const rows = read.snapshot.sheets.find((s) => sameSheetName(s.name, data.name))?.rows ?? [];
    if (extent(rows).lastRow === 0) {
      result.sheets.push(planFreshSheet(template, data.name, false, tableName));
      result.addedColumns.push(...template.columns.map((c) => `${data.name}: ${c.header}`));
      takenTables.add(template.table.toLowerCase());
      continue;
    }
    if (info.headerRow === null) {
      result.skippedSheets.push(data.name);
      continue;
    }
    const sheet: ExistingSheet = { name: data.name, rows, info, table: null, frozen: !data.extra.freeze.isNullObject };
    const input: ExistingSheetInput = {
      template,
      sheet,
      lang,
      settingRows: Object.values(plan.settingRows).map((r) => ({ key: r.spec.key, row: r.row })),
      ownershipKeys: new Set(plan.ownership.flatMap((o) => (o.ownershipKey ? [o.ownershipKey] : []))),
      keylessOwnership: plan.ownership
        .filter((o) => !o.key.present)
        .map((o) => ({ row: o.row, responsibility: o.responsibility.value })),
    };
    pending.push({ input, ...queueProbes(data.worksheet, data.extra.tables, input) });
  }
  if (pending.some((p) => p.tables.length > 0 || p.probes.length > 0)) await context.sync();

  for (const { input, tables, probes } of pending) {
    input.sheet.table = tableAtHeader(input.sheet, tables);
    const results = new Map<string, ProbeResult>(
      probes.map((p) => [p.key, { validation: p.validation?.type, formats: p.formats ? p.range.numberFormat : undefined }]),
    );
    const planned = planExistingSheet(input, results);
    if (hasChanges(planned.changes)) result.sheets.push(planned.changes);
    result.addedColumns.push(...planned.addedColumns);
    result.addedRows += planned.addedRows;
  }

  // Write: one batch. Long lists first: the drop-downs refer to their names.
  const changed = result.sheets.filter(hasChanges);
  const listsAdded = queueLongLists(context, changed, read.sheetNames, read.workbook.lists);
  for (const changes of changed) applySheet(context, changes, worksheets.get(changes.sheet));
  if (result.addFormatVersion) {
    const name = context.workbook.names.add(
      FORMAT_VERSION_NAME,
      `=${WORKBOOK_FORMAT_VERSION}`,
      "fbs-playbook: version of the planning workbook's format (WORKBOOK.md)",
    );
    name.visible = false;
  }
  const unchanged = changed.length === 0 && !result.addFormatVersion && !listsAdded;
  if (!unchanged) await writeSync(context, WRITES.generate);

  return {
    createdSheets: result.createdSheets,
    addedColumns: result.addedColumns,
    addedRows: result.addedRows,
    unchanged,
    ...(result.skippedSheets.length > 0 ? { skippedSheets: result.skippedSheets } : {}),
  };
}

interface QueuedProbes {
  tables: Array<{ name: string; range: Excel.Range }>;
  probes: Array<{ key: string; range: Excel.Range; validation: Excel.DataValidation | null; formats: boolean }>;
}

/** Queue the loads planning needs on an existing sheet: its tables' ranges, its columns' drop-downs and formats. */
function queueProbes(worksheet: Excel.Worksheet, tables: Excel.TableCollection, input: ExistingSheetInput): QueuedProbes {
  return {
    tables: tables.items.map((t) => {
      const r = worksheet.tables.getItem(t.name).getRange();
      r.load(["rowIndex", "columnIndex", "rowCount", "columnCount"]);
      return { name: t.name, range: r };
    }),
    probes: probeRequests(input).map((request) => {
      const r = range(worksheet, request.rect);
      if (request.formats) r.load("numberFormat");
      const validation = request.validation ? r.dataValidation : null;
      validation?.load("type");
      return { key: request.key, range: r, validation, formats: request.formats };
    }),
  };
}

/** Queue the hidden sheet and names of the long lists the planned drop-downs use, where missing. */
function queueLongLists(
  context: Excel.RequestContext,
  changes: ReadonlyArray<SheetChanges>,
  sheetNames: ReadonlyArray<string>,
  names: ReadonlyArray<Excel.NamedItem>,
): boolean {
  const used = changes.some((c) => c.dropDowns.some((d) => longListOf(d.dropDown.list)));
  if (!used) return false;
  let added = false;
  if (!sheetNames.some((n) => sameSheetName(n, LISTS_SHEET))) {
    const sheet = context.workbook.worksheets.add(LISTS_SHEET);
    sheet.visibility = "VeryHidden";
    for (const list of LONG_LISTS) {
      sheet.getRangeByIndexes(0, list.column, list.values.length, 1).values = list.values.map((v) => [v]);
    }
    added = true;
  }
  LONG_LISTS.forEach((list, i) => {
    if (!names[i].isNullObject) return;
    context.workbook.names.add(list.name, longListReference(list), "fbs-playbook: drop-down list").visible = false;
    added = true;
  });
  return added;
}

/** The table whose header row is the sheet's header row and which holds every column found. */
function tableAtHeader(sheet: ExistingSheet, tables: Array<{ name: string; range: Excel.Range }>): TableRect | null {
  const headerRow = sheet.info.headerRow as number;
  const found = Object.values(sheet.info.columns).map((c) => c?.index ?? 0);
  const left = Math.min(...found);
  const right = Math.max(...found);
  for (const { name, range: r } of tables) {
    if (r.rowIndex !== headerRow - 1) continue;
    if (r.columnIndex > left || r.columnIndex + r.columnCount - 1 < right) continue;
    return { name, row: r.rowIndex, column: r.columnIndex, rows: r.rowCount, columns: r.columnCount };
  }
  return null;
}

export function applySheet(context: Excel.RequestContext, changes: SheetChanges, existing: Excel.Worksheet | undefined): void {
  const worksheet = changes.create || !existing ? context.workbook.worksheets.add(changes.sheet) : existing;
  for (const w of changes.writes) range(worksheet, w.rect).values = w.values;
  if (changes.newTable) {
    const table = worksheet.tables.add(range(worksheet, changes.newTable.rect), true);
    if (changes.newTable.name) table.name = changes.newTable.name;
  }
  if (changes.tableColumns) {
    const table = worksheet.tables.getItem(changes.tableColumns.table);
    for (const header of changes.tableColumns.headers) table.columns.add(undefined, undefined, header);
  }
  if (changes.tableRows) worksheet.tables.getItem(changes.tableRows.table).rows.add(undefined, changes.tableRows.values);
  for (const f of changes.numberFormats) range(worksheet, f.rect).numberFormat = f.formats;
  for (const d of changes.dropDowns) {
    const validation = range(worksheet, d.rect).dataValidation;
    validation.rule = { list: { inCellDropDown: true, source: listSource(d.dropDown.list) } };
    // A warning, not a stop: a reader also accepts the other language and variants such as "X".
    validation.errorAlert = { showAlert: true, style: "Warning", ...d.dropDown.alert };
  }
  for (const p of changes.prompts) range(worksheet, p.rect).dataValidation.prompt = { showPrompt: true, ...p.prompt };
  for (const w of changes.widths) worksheet.getRangeByIndexes(0, w.column, 1, 1).format.columnWidth = w.points;
  if (changes.freezeRows !== null) worksheet.freezePanes.freezeRows(changes.freezeRows);
}
