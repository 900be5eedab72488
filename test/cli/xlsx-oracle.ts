/**
 * The comparison oracle (tests only): the command line's former reader, exceljs-based, kept as it
 * was so that test/cli/xlsx-reader-oracle.test.ts can show that src/cli/xlsx-reader.ts reads every
 * workbook fixture cell for cell as it did, the known differences aside.
 *
 * Reads an .xlsx file into the engine's WorkbookSnapshot (src/playbook/snapshot.ts) with exceljs.
 *
 * How cells are read:
 * - numbers, text, booleans as they are; date cells as `Date` (exceljs gives UTC midnight, which is
 *   the snapshot's convention); dates typed as text stay text (the engine parses them);
 * - formula errors (#N/A, #REF! …) → `{ error }`;
 * - rich text → its plain text; hyperlink cells → their text;
 * - formula cells → their cached result (Excel and LibreOffice always store one). A formula saved
 *   without a result (files written by scripts that do not calculate) is read as an EMPTY cell and
 *   listed in `uncomputedFormulas`, so the command line can tell the user to open and save the file
 *   once in Excel or LibreOffice: guessing a value would be wrong, and an error would blame the user's
 *   data for what is a file-format matter;
 * - merged cells → every cell of the merged range reads the master cell's value (what the user sees
 *   spanning those cells; a vertically merged `Organ` applies to each row it spans).
 *
 * Files that are not readable workbooks throw a {@link WorkbookReadError} with a reason code.
 */
import { promises as fs } from "node:fs";
import ExcelJS from "exceljs";
import { isDate, type CellValue, type SheetSnapshot, type WorkbookSnapshot } from "../../src/playbook/snapshot";
import { a1 } from "../../src/playbook/location";
import { WorkbookReadError } from "../../src/cli/errors";

export interface OracleRead {
  snapshot: WorkbookSnapshot;
  /** Formula cells without a stored result, as `Sheet!A1`; they were read as empty. */
  uncomputedFormulas: string[];
}

const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** The zip's end-of-central-directory record: the last thing in a complete zip file. */
const ZIP_END_SIGNATURE = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const ZIP_END_MAX_DISTANCE = 22 + 0xffff;
/** OLE compound file (CFB): password-protected OOXML and legacy .xls both use it. */
const CFB_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** Stream names in a CFB directory are UTF-16LE. */
const ENCRYPTED_PACKAGE = Buffer.from("EncryptedPackage", "utf16le");

/**
 * Worksheet parts the snapshot does not need; skipping them makes reading large files faster.
 * Hyperlinks are skipped too, so a hyperlink cell reads as its plain text.
 */
const IGNORED_NODES = [
  "dataValidations",
  "conditionalFormatting",
  "hyperlinks",
  "drawing",
  "picture",
  "pageSetup",
  "pageMargins",
  "headerFooter",
  "printOptions",
  "rowBreaks",
  "sheetProtection",
  "extLst",
];

/** Read a workbook from a path, or from bytes (then `name` is the file name used in messages). */
export async function readXlsxWithExceljs(source: string | Buffer, name = typeof source === "string" ? source : "workbook"): Promise<OracleRead> {
  const bytes = typeof source === "string" ? await readFileBytes(source) : source;
  checkContainer(bytes, name);
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs' types omit the load options it accepts (ignoreNodes).
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer, { ignoreNodes: IGNORED_NODES } as ExcelJS.XlsxReadOptions);
  } catch (error) {
    throw new WorkbookReadError(name, "corrupt", error instanceof Error ? error.message : String(error));
  }
  if (workbook.worksheets.length === 0) throw new WorkbookReadError(name, "not-workbook");
  const uncomputedFormulas: string[] = [];
  const sheets = workbook.worksheets.map((ws) => readSheet(ws, uncomputedFormulas));
  return { snapshot: { sheets }, uncomputedFormulas };
}

async function readFileBytes(path: string): Promise<Buffer> {
  let stat;
  try {
    stat = await fs.stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") throw new WorkbookReadError(path, "missing");
    throw new WorkbookReadError(path, "unreadable", code);
  }
  if (!stat.isFile()) throw new WorkbookReadError(path, "not-a-file");
  try {
    return await fs.readFile(path);
  } catch (error) {
    throw new WorkbookReadError(path, "unreadable", (error as NodeJS.ErrnoException).code);
  }
}

/** Tell the kinds of non-workbook apart by their first bytes, before exceljs sees them. */
function checkContainer(bytes: Buffer, name: string): void {
  if (bytes.length === 0) throw new WorkbookReadError(name, "empty");
  if (startsWith(bytes, CFB_SIGNATURE)) {
    throw new WorkbookReadError(name, bytes.includes(ENCRYPTED_PACKAGE) ? "encrypted" : "legacy-xls");
  }
  if (startsWith(bytes, ZIP_END_SIGNATURE)) throw new WorkbookReadError(name, "not-workbook"); // an empty zip
  if (!startsWith(bytes, ZIP_SIGNATURE)) throw new WorkbookReadError(name, "not-zip");
  // A zip cut short (an interrupted copy or download) has no end record.
  if (!bytes.subarray(Math.max(0, bytes.length - ZIP_END_MAX_DISTANCE)).includes(ZIP_END_SIGNATURE)) {
    throw new WorkbookReadError(name, "truncated");
  }
  // Zip entry names are stored uncompressed; every .xlsx has its workbook part at this path.
  if (!bytes.includes("xl/workbook.xml")) throw new WorkbookReadError(name, "not-workbook");
}

function startsWith(bytes: Buffer, prefix: Buffer): boolean {
  return bytes.length >= prefix.length && bytes.subarray(0, prefix.length).equals(prefix);
}

function readSheet(ws: ExcelJS.Worksheet, uncomputed: string[]): SheetSnapshot {
  const rows: CellValue[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const value = cellValue(cell.value, () => uncomputed.push(`${ws.name}!${a1(rowNumber, colNumber - 1)}`));
      if (value !== null) cells[colNumber - 1] = value;
    });
    if (cells.length === 0) return;
    for (let c = 0; c < cells.length; c++) if (cells[c] === undefined) cells[c] = null;
    rows[rowNumber - 1] = cells;
  });
  for (let r = 0; r < rows.length; r++) if (rows[r] === undefined) rows[r] = [];
  return { name: ws.name, rows };
}

/** One exceljs cell value as a snapshot value. */
export function cellValue(value: ExcelJS.CellValue | undefined, onUncomputed: () => void = () => {}): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (isDate(value)) return value;
  if (typeof value !== "object") return null;
  if ("error" in value) return { error: String(value.error) };
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    if (result === undefined || result === null) {
      onUncomputed();
      return null;
    }
    return cellValue(result as ExcelJS.CellValue);
  }
  if ("hyperlink" in value) return cellValue(value.text as ExcelJS.CellValue);
  return null;
}
