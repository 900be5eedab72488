/**
 * Writes a planning workbook (`init`) from the template in src/playbook/template.ts with exceljs:
 * every data sheet as a formatted Excel table named as WORKBOOK.md says, a drop-down on every column
 * with a fixed list (and on yes/no settings in Projekt), dd-mm-yyyy on date cells, frozen header rows,
 * readable column widths, and the workbook format version as the hidden defined name
 * `FBS_FORMAT_VERSION` (the Excel add-in reads and writes the same name).
 */
import { promises as fs } from "node:fs";
import { dirname, resolve } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { LISTS_SHEET, LONG_LISTS, MAX_LIST_SOURCE, longListOf, longListRange } from "../playbook/lists";
import { columnLetters } from "../playbook/location";
import { DATE_FORMAT, workbookTemplate, type PlanData, type TemplateColumn, type TemplateSheet } from "../playbook/template";
import { FORMAT_VERSION_NAME, SETTINGS, WORKBOOK_FORMAT_VERSION, YES_NO, type Lang, type Text } from "../playbook/vocabulary";
import { WorkbookWriteError } from "./errors";

export { FORMAT_VERSION_NAME };

/** Drop-downs and date formats reach at least this sheet row, so rows the user adds get them too. */
export const FORMATTED_ROWS = 500;

export { LISTS_SHEET };

const TABLE_STYLE = "TableStyleMedium2";
const HEADER_FILL = "FF1F4E79";
const HEADER_TEXT = "FFFFFFFF";

const PICK_FROM_LIST: Text = {
  da: "Vælg en værdi fra listen. Andre værdier bliver meldt som fejl, når planen kontrolleres.",
  en: "Choose a value from the list. Other values are reported as errors when the plan is checked.",
};
const PICK_TITLE: Text = { da: "Værdi uden for listen", en: "Value not on the list" };
const SETTING_PROMPT: Record<"date" | "number" | "text" | "yesno", Text> = {
  date: { da: "En dato, dd-mm-åååå", en: "A date, dd-mm-yyyy" },
  number: { da: "Et tal", en: "A number" },
  text: { da: "Tekst", en: "Text" },
  yesno: { da: `${YES_NO.yes.da} eller ${YES_NO.no.da}`, en: `${YES_NO.yes.en} or ${YES_NO.no.en}` },
};
const REQUIRED: Text = { da: "skal udfyldes", en: "required" };

export interface BuildOptions {
  lang: Lang;
  /** A filled-in plan (the example); the empty template when absent. */
  data?: PlanData;
}

/** The workbook as exceljs builds it (without the defined name, which exceljs cannot write). */
export function buildWorkbook({ lang, data }: BuildOptions): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "fbs-playbook";
  workbook.created = new Date();
  // Without a workbook view LibreOffice ignores the sheets' frozen panes.
  workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: "visible" }];
  const sheets = workbookTemplate(lang, data);
  const lists = new ListSheet();
  for (const sheet of sheets) addSheet(workbook, sheet, lang, lists);
  lists.write(workbook);
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

function addSheet(workbook: ExcelJS.Workbook, sheet: TemplateSheet, lang: Lang, lists: ListSheet): void {
  const ws = workbook.addWorksheet(sheet.name, { views: [{ state: "frozen", xSplit: 0, ySplit: 1, topLeftCell: "A2", activeCell: "A2" }] });
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
  const lastRow = Math.max(FORMATTED_ROWS, rows.length + 1 + 100);
  sheet.columns.forEach((column, index) => {
    const col = ws.getColumn(index + 1);
    col.width = readableWidth(column);
    if (column.numberFormat) {
      // The column's own style formats the cells users type later; the written cells get it too.
      col.numFmt = column.numberFormat;
      for (let r = 2; r <= rows.length + 1; r++) ws.getCell(r, index + 1).numFmt = column.numberFormat;
    }
    if (column.list) {
      const letters = columnLetters(index);
      validations(ws).add(`${letters}2:${letters}${lastRow}`, listValidation(lists.source(column), lang));
    }
  });
  if (sheet.key === "project") formatSettingValues(ws, sheet, lang);
  styleHeader(ws, sheet.columns);
  // Printed: landscape, one page wide, the header repeated on every page.
  ws.pageSetup = { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:1" };
}

/** The column's width, widened so that no word of its header is broken across lines. */
export function readableWidth(column: TemplateColumn): number {
  return Math.max(column.width, ...column.header.split(/\s+/).map((word) => word.length + 2));
}

/**
 * The header row's own format, on top of the table style: programs that do not draw Excel's table
 * styles (LibreOffice before 7.5) still show a clear header. Long headers wrap within their width.
 */
function styleHeader(ws: ExcelJS.Worksheet, columns: TemplateColumn[]): void {
  const row = ws.getRow(1);
  columns.forEach((column, i) => {
    const cell = row.getCell(i + 1);
    cell.font = { name: "Calibri", size: 11, bold: true, color: { argb: HEADER_TEXT } };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: HEADER_FILL } };
    cell.alignment = { vertical: "middle", wrapText: true };
  });
  const lines = Math.max(...columns.map((c) => Math.ceil((c.header.length + 2) / readableWidth(c))));
  row.height = Math.max(1, lines) * 15 + 5;
}

/** Projekt is a key/value table: each value cell gets its setting's format, drop-down and prompt. */
function formatSettingValues(ws: ExcelJS.Worksheet, sheet: TemplateSheet, lang: Lang): void {
  const yesNo = `"${[YES_NO.yes[lang], YES_NO.no[lang]].join(",")}"`;
  sheet.rows.forEach((row, i) => {
    const r = i + 2;
    const label = String(row.cells[0] ?? "");
    const setting = SETTINGS.find((s) => s[lang] === label);
    const type = row.valueType ?? setting?.type ?? "text";
    if (type === "date") ws.getCell(r, 2).numFmt = DATE_FORMAT;
    const prompt = `${SETTING_PROMPT[type][lang]}${setting?.required ? ` (${REQUIRED[lang]})` : ""}`;
    const base: ExcelJS.DataValidation =
      type === "yesno" ? listValidation(yesNo, lang) : { type: "any" as ExcelJS.DataValidation["type"], formulae: [] };
    // Excel limits an input message's title to 32 characters.
    validations(ws).add(`B${r}`, { ...base, showInputMessage: true, promptTitle: label.slice(0, 32), prompt });
  });
}

/** exceljs has `worksheet.dataValidations` (ranges allowed), but its type definitions omit it. */
interface DataValidations {
  add(address: string, validation: ExcelJS.DataValidation): void;
}

function validations(ws: ExcelJS.Worksheet): DataValidations {
  return (ws as unknown as { dataValidations: DataValidations }).dataValidations;
}

function listValidation(formula: string, lang: Lang): ExcelJS.DataValidation {
  return {
    type: "list",
    allowBlank: true,
    formulae: [formula],
    showErrorMessage: true,
    // A warning, not a stop: a reader also accepts the other language and variants such as "X".
    errorStyle: "warning",
    errorTitle: PICK_TITLE[lang],
    error: PICK_FROM_LIST[lang],
  };
}

/**
 * The drop-down lists: inline when Excel allows it (255 characters), else the hidden lists sheet and
 * its names, laid out as src/playbook/lists.ts says (the pane's generator uses the same sheet and names).
 */
class ListSheet {
  private used = false;

  /** The drop-down's source formula: `"a,b,c"`, or the long list's name. */
  source(column: TemplateColumn): string {
    const values = column.list ?? [];
    const long = longListOf(values);
    if (long) {
      this.used = true;
      return long.name;
    }
    const inline = values.join(",");
    if (inline.length > MAX_LIST_SOURCE || values.some((v) => /[,"]/.test(v))) {
      throw new Error(`the drop-down list of "${column.header}" cannot be written inline and is not a known long list`);
    }
    return `"${inline}"`;
  }

  write(workbook: ExcelJS.Workbook): void {
    if (!this.used) return;
    const ws = workbook.addWorksheet(LISTS_SHEET, { state: "veryHidden" });
    for (const list of LONG_LISTS) list.values.forEach((v, r) => (ws.getCell(r + 1, list.column + 1).value = v));
  }
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
