/**
 * Writes a planning workbook (`init`) with exceljs, as src/playbook/workbook-layout.ts describes it:
 * every sheet as a formatted Excel table named as WORKBOOK.md says, its drop-downs, date formats,
 * prompts, frozen header row and column widths, the hidden lists sheet when a drop-down needs it, and
 * the workbook format version as the hidden defined name `FBS_FORMAT_VERSION` (the Excel add-in
 * reads and writes the same name). The pane's "Generate sheets" applies the same layout.
 */
import { promises as fs } from "node:fs";
import { dirname, resolve } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { LISTS_SHEET, LONG_LISTS, MAX_LIST_SOURCE, longListOf, longListRange } from "../playbook/lists";
import { columnLetters } from "../playbook/location";
import type { PlanData } from "../playbook/template";
import { FORMAT_VERSION_NAME, WORKBOOK_FORMAT_VERSION, type Lang } from "../playbook/vocabulary";
import { FORMATTED_ROWS, workbookLayout, type DropDown, type SheetLayout, type WorkbookLayout } from "../playbook/workbook-layout";
import { WorkbookWriteError } from "./errors";

export { FORMAT_VERSION_NAME, FORMATTED_ROWS, LISTS_SHEET };

// How exceljs draws the header; Excel draws its own table style in the pane's workbooks.
const TABLE_STYLE = "TableStyleMedium2";
const HEADER_FILL = "FF1F4E79";
const HEADER_TEXT = "FFFFFFFF";

export interface BuildOptions {
  lang: Lang;
  /** A filled-in plan (the example); the empty template when absent. */
  data?: PlanData;
}

/** The workbook as exceljs builds it (without the defined names, which exceljs cannot write). */
export function buildWorkbook({ lang, data }: BuildOptions): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "fbs-playbook";
  workbook.created = new Date();
  // Without a workbook view LibreOffice ignores the sheets' frozen panes.
  workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: "visible" }];
  const layout = workbookLayout(lang, data);
  for (const sheet of layout.sheets) addSheet(workbook, sheet);
  writeLists(workbook, layout);
  return workbook;
}

/** The .xlsx bytes of a new planning workbook. */
export async function workbookBytes(options: BuildOptions): Promise<Buffer> {
  const workbook = buildWorkbook(options);
  const written = await workbook.xlsx.writeBuffer();
  const names = [{ name: FORMAT_VERSION_NAME, formula: String(WORKBOOK_FORMAT_VERSION) }];
  if (workbook.getWorksheet(LISTS_SHEET)) names.push(...LONG_LISTS.map((l) => ({ name: l.name, formula: longListRange(l) })));
  return addHiddenNames(Buffer.from(written as ArrayBuffer), names);
}

export interface WriteOptions extends BuildOptions {
  /** Overwrite an existing file. */
  force?: boolean;
}

/**
 * Write a new planning workbook to `file`. Refuses to overwrite unless `force`; the workbook is built
 * in memory first and written in one go, so a failure leaves no half-written file behind.
 */
export async function writeWorkbookFile(file: string, options: WriteOptions): Promise<void> {
  if (!/\.xlsx$/i.test(file)) throw new WorkbookWriteError(file, "not-xlsx");
  const folder = dirname(resolve(file));
  const folderStat = await fs.stat(folder).catch(() => null);
  if (!folderStat?.isDirectory()) throw new WorkbookWriteError(file, "no-folder", folder);
  if (!options.force && (await fs.stat(file).catch(() => null))) throw new WorkbookWriteError(file, "exists");
  const bytes = await workbookBytes(options);
  try {
    // `wx` fails if the file appeared meanwhile: never overwrite without --force.
    await fs.writeFile(file, bytes, { flag: options.force ? "w" : "wx" });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new WorkbookWriteError(file, code === "EEXIST" ? "exists" : "io", code === "EEXIST" ? undefined : code);
  }
}

function addSheet(workbook: ExcelJS.Workbook, sheet: SheetLayout): void {
  const frozen = sheet.frozenRows;
  const topLeft = `A${frozen + 1}`;
  const ws = workbook.addWorksheet(sheet.name, { views: [{ state: "frozen", xSplit: 0, ySplit: frozen, topLeftCell: topLeft, activeCell: topLeft }] });
  const rows = sheet.rows.length > 0 ? sheet.rows.map((r) => r.cells) : [sheet.columns.map(() => null)];
  ws.addTable({
    name: sheet.table,
    displayName: sheet.table,
    ref: "A1",
    headerRow: true,
    totalsRow: false,
    style: { theme: TABLE_STYLE, showRowStripes: true },
    columns: sheet.columns.map((c) => ({ name: c.header, filterButton: true })),
    rows,
  });
  sheet.columns.forEach((column, index) => {
    const col = ws.getColumn(index + 1);
    col.width = column.width;
    if (column.numberFormat) {
      // The column's own style formats the cells users type later; the written cells get it too.
      col.numFmt = column.numberFormat;
      for (let r = 2; r <= rows.length + 1; r++) ws.getCell(r, index + 1).numFmt = column.numberFormat;
    }
    if (column.dropDown) {
      const letters = columnLetters(index);
      validations(ws).add(`${letters}2:${letters}${sheet.formattedThrough}`, listValidation(column.dropDown));
    }
  });
  sheet.settingCells.forEach((setting, i) => {
    const r = i + 2;
    if (setting.numberFormat) ws.getCell(r, 2).numFmt = setting.numberFormat;
    const base: ExcelJS.DataValidation = setting.dropDown
      ? listValidation(setting.dropDown)
      : { type: "any" as ExcelJS.DataValidation["type"], formulae: [] };
    validations(ws).add(`B${r}`, { ...base, showInputMessage: true, promptTitle: setting.prompt.title, prompt: setting.prompt.message });
  });
  styleHeader(ws, sheet);
  // Printed: landscape, one page wide, the header repeated on every page.
  ws.pageSetup = { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:1" };
}

/**
 * The header row's own format, on top of the table style: programs that do not draw Excel's table
 * styles (LibreOffice before 7.5) still show a clear header. Long headers wrap within their width.
 */
function styleHeader(ws: ExcelJS.Worksheet, sheet: SheetLayout): void {
  const row = ws.getRow(1);
  sheet.columns.forEach((_, i) => {
    const cell = row.getCell(i + 1);
    cell.font = { name: "Calibri", size: 11, bold: true, color: { argb: HEADER_TEXT } };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: HEADER_FILL } };
    cell.alignment = { vertical: "middle", wrapText: true };
  });
  const lines = Math.max(...sheet.columns.map((c) => Math.ceil((c.header.length + 2) / c.width)));
  row.height = Math.max(1, lines) * 15 + 5;
}

/** exceljs has `worksheet.dataValidations` (ranges allowed), but its type definitions omit it. */
interface DataValidations {
  add(address: string, validation: ExcelJS.DataValidation): void;
}

function validations(ws: ExcelJS.Worksheet): DataValidations {
  return (ws as unknown as { dataValidations: DataValidations }).dataValidations;
}

function listValidation(dropDown: DropDown): ExcelJS.DataValidation {
  return {
    type: "list",
    allowBlank: true,
    formulae: [listFormula(dropDown.list)],
    showErrorMessage: true,
    // A warning, not a stop: a reader also accepts the other language and variants such as "X".
    errorStyle: "warning",
    errorTitle: dropDown.alert.title,
    error: dropDown.alert.message,
  };
}

/** A drop-down's source formula: `"a,b,c"` when Excel allows it (255 characters), else the long list's name. */
function listFormula(values: ReadonlyArray<string>): string {
  const long = longListOf(values);
  if (long) return long.name;
  const inline = values.join(",");
  if (inline.length > MAX_LIST_SOURCE || values.some((v) => /[,"]/.test(v))) {
    throw new Error(`the drop-down list ${inline.slice(0, 40)}… cannot be written inline and is not a known long list`);
  }
  return `"${inline}"`;
}

/** The very hidden lists sheet, laid out as src/playbook/lists.ts says (the pane uses the same sheet and names). */
function writeLists(workbook: ExcelJS.Workbook, layout: WorkbookLayout): void {
  if (!layout.lists) return;
  const ws = workbook.addWorksheet(layout.lists.sheet, { state: "veryHidden" });
  for (const list of layout.lists.lists) list.values.forEach((v, r) => (ws.getCell(r + 1, list.column + 1).value = v));
}

const xmlText = (text: string): string => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * Add hidden workbook names to xl/workbook.xml (exceljs cannot write hidden or constant names):
 * `<definedName name="FBS_FORMAT_VERSION" hidden="1">1</definedName>` and the long lists' names.
 */
async function addHiddenNames(bytes: Buffer, names: ReadonlyArray<{ name: string; formula: string }>): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const part = zip.file("xl/workbook.xml");
  if (!part) throw new Error("exceljs wrote no xl/workbook.xml");
  const xml = await part.async("string");
  const name = names.map((n) => `<definedName name="${n.name}" hidden="1">${xmlText(n.formula)}</definedName>`).join("");
  let patched: string;
  if (/<definedNames\s*\/>/.test(xml)) patched = xml.replace(/<definedNames\s*\/>/, `<definedNames>${name}</definedNames>`);
  else if (xml.includes("</definedNames>")) patched = xml.replace("</definedNames>", `${name}</definedNames>`);
  else patched = xml.replace("</sheets>", `</sheets><definedNames>${name}</definedNames>`);
  if (patched === xml) throw new Error("could not record the workbook's hidden names in xl/workbook.xml");
  zip.file("xl/workbook.xml", patched);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } });
}
