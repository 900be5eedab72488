/** Looking inside a generated workbook with exceljs (a reader independent of our own). */
import ExcelJS from "exceljs";
import JSZip from "jszip";

export async function loadWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

export interface TableInfo {
  name: string;
  ref: string;
  headers: string[];
}

/** The sheet's Excel tables (ListObjects): name, range and header texts. */
export function tablesOf(ws: ExcelJS.Worksheet): TableInfo[] {
  const tables = (ws as unknown as { getTables(): Array<{ table: { name: string; tableRef: string; columns: Array<{ name: string }> } }> }).getTables();
  return tables.map(({ table }) => ({ name: table.name, ref: table.tableRef, headers: table.columns.map((c) => c.name) }));
}

interface Validation {
  type: string;
  formulae: string[];
  errorStyle?: string;
}

export function validationAt(ws: ExcelJS.Worksheet, address: string): Validation | undefined {
  return (ws as unknown as { dataValidations: { model: Record<string, Validation | undefined> } }).dataValidations.model[address];
}

/** The values a cell's drop-down offers, resolving a workbook name or a range on another sheet; null when there is none. */
export function dropDownAt(workbook: ExcelJS.Workbook, ws: ExcelJS.Worksheet, address: string): string[] | null {
  const v = validationAt(ws, address);
  if (!v || v.type !== "list") return null;
  let formula = v.formulae[0];
  if (formula.startsWith('"')) return formula.slice(1, -1).split(",");
  if (/^[A-Z_][A-Z0-9_]*$/i.test(formula)) {
    const ranges = (workbook.definedNames as unknown as { getRanges(name: string): { ranges: string[] } }).getRanges(formula).ranges;
    if (ranges.length !== 1) throw new Error(`the name ${formula} does not refer to one range`);
    formula = ranges[0];
  }
  const m = /^'?(.+?)'?!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)$/.exec(formula);
  if (!m) throw new Error(`unexpected list source ${formula}`);
  const source = workbook.getWorksheet(m[1]);
  if (!source) throw new Error(`list sheet ${m[1]} is missing`);
  const values: string[] = [];
  for (let r = Number(m[3]); r <= Number(m[5]); r++) values.push(String(source.getCell(`${m[2]}${r}`).value));
  return values;
}

/** The workbook's defined names as written in xl/workbook.xml: name → {text, hidden}. */
export async function definedNames(bytes: Buffer): Promise<Record<string, { text: string; hidden: boolean }>> {
  const xml = (await (await JSZip.loadAsync(bytes)).file("xl/workbook.xml")?.async("string")) ?? "";
  const names: Record<string, { text: string; hidden: boolean }> = {};
  for (const m of xml.matchAll(/<definedName\b([^>]*)>([^<]*)<\/definedName>/g)) {
    const name = /\bname="([^"]+)"/.exec(m[1])?.[1];
    if (name) names[name] = { text: m[2], hidden: /\bhidden="(1|true)"/.test(m[1]) };
  }
  return names;
}
