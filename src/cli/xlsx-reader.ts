/**
 * Reads an .xlsx / .xlsm file into the engine's WorkbookSnapshot (src/playbook/snapshot.ts), meeting
 * CLI.md, "Reading any file, safely". It reads only what the snapshot needs: the package and workbook
 * relationships, the workbook (sheet names, date system), the number formats and cell formats of the
 * styles, the shared strings, and each worksheet's cells and merged ranges. Its parts, each with its
 * reasons in its header:
 * - xlsx/zip.ts: the zip's central directory read with care, node:zlib inflating under caps;
 * - xlsx/xml.ts: a streaming XML scanner (entities, CDATA, namespaces, encodings; no DTD ever);
 * - xlsx/parts.ts: relationships, workbook, styles, shared strings;
 * - xlsx/sheet.ts: cells and merged ranges;
 * - xlsx/dates.ts: which numbers are dates, both date systems, ISO date cells;
 * - xlsx/problem.ts: the reasons for refusing a file, and the caps (READ_LIMITS).
 *
 * How cells are read (see xlsx/sheet.ts for each kind):
 * - numbers, text, booleans as they are; date cells as `Date` at the day the workbook shows, in UTC
 *   fields (the snapshot's convention); dates typed as text stay text (the engine parses them);
 * - formula errors (#N/A, #REF! …) → `{ error }`; rich text → its plain text; hyperlink cells → their text;
 * - formula cells → their cached result, whatever it is (0, FALSE and "" too). A formula saved
 *   without a result (files written by scripts that do not calculate) is read as an EMPTY cell and
 *   listed in `uncomputedFormulas`, so the command line can tell the user to open and save the file
 *   once in Excel or LibreOffice: guessing a value would be wrong, and an error would blame the user's
 *   data for what is a file-format matter;
 * - merged cells → every cell of the merged range reads the top-left cell's value (what the user sees
 *   spanning those cells; a vertically merged `Organ` applies to each row it spans), within the rows
 *   and columns that hold data.
 *
 * It opens no network connection, writes no file, and prints nothing: files that are not readable
 * workbooks throw a {@link WorkbookReadError} with a reason code and a technical detail.
 */
import { promises as fs } from "node:fs";
import type { WorkbookSnapshot, SheetSnapshot } from "../playbook/snapshot";
import { WorkbookReadError } from "./errors";
import { readDateStyles, readRelationships, readSharedStrings, readWorkbookPart, relationshipsPartOf, type Relationship } from "./xlsx/parts";
import { READ_LIMITS, XlsxProblem, type ReadLimits } from "./xlsx/problem";
import { readSheet, type WorkbookContext } from "./xlsx/sheet";
import { decodeXml } from "./xlsx/xml";
import { ZipArchive, bufferSource, containerKind, fileSource, isEncryptedPackage, type ByteSource } from "./xlsx/zip";

export { READ_LIMITS, type ReadLimits } from "./xlsx/problem";

export interface XlsxRead {
  snapshot: WorkbookSnapshot;
  /** Formula cells without a stored result, as `Sheet!A1`; they were read as empty. */
  uncomputedFormulas: string[];
}

/** Read a workbook from a path, or from bytes (then `name` is the file name used in messages). */
export async function readXlsx(
  source: string | Buffer,
  name = typeof source === "string" ? source : "workbook",
  limits: ReadLimits = READ_LIMITS,
): Promise<XlsxRead> {
  const bytes = typeof source === "string" ? await openFile(source) : bufferSource(source);
  try {
    return readPackage(bytes, limits);
  } catch (error) {
    if (error instanceof XlsxProblem) throw new WorkbookReadError(name, error.reason, error.detail);
    // A string or array past V8's own limits is a file over a limit too.
    if (error instanceof RangeError && /string length|array length|allocation/i.test(error.message)) {
      throw new WorkbookReadError(name, "too-large", error.message);
    }
    throw new WorkbookReadError(name, "corrupt", error instanceof Error ? error.message : String(error));
  } finally {
    bytes.close();
  }
}

async function openFile(path: string): Promise<ByteSource> {
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
    return fileSource(path, stat.size);
  } catch (error) {
    throw new WorkbookReadError(path, "unreadable", (error as NodeJS.ErrnoException).code);
  }
}

const OFFICE_DOCUMENT = "officeDocument";

function readPackage(source: ByteSource, limits: ReadLimits): XlsxRead {
  if (source.size === 0) throw new XlsxProblem("empty");
  // The first 8 bytes decide what the file is; nothing more is read from a file that is no zip.
  const kind = containerKind(source.read(0, 8));
  if (kind === "cfb") throw new XlsxProblem(isEncryptedPackage(source) ? "encrypted" : "legacy-xls");
  if (kind === "empty-zip") throw new XlsxProblem("not-workbook");
  if (kind !== "zip") throw new XlsxProblem("not-zip");

  const zip = new ZipArchive(source, limits);
  const part = (name: string): string | null => {
    const entry = zip.entry(name);
    return entry ? decodeXml(zip.read(entry)) : null;
  };

  // The workbook is the package's officeDocument, wherever it is named.
  const packageRels = part("_rels/.rels");
  let workbookName = packageRels === null ? undefined : readRelationships(packageRels, "").list.find((r) => r.type === OFFICE_DOCUMENT)?.target;
  if (workbookName === undefined || !zip.entry(workbookName)) workbookName = zip.entry("xl/workbook.xml") ? "xl/workbook.xml" : undefined;
  if (workbookName === undefined) throw new XlsxProblem("not-workbook");
  const workbook = readWorkbookPart(part(workbookName) as string);
  if (!workbook.isWorkbook) throw new XlsxProblem("not-workbook");

  const relsXml = part(relationshipsPartOf(workbookName));
  const rels = relsXml === null ? { byId: new Map<string, Relationship>(), list: [] as Relationship[] } : readRelationships(relsXml, workbookName);
  const related = (type: string) => rels.list.find((r) => r.type === type && zip.entry(r.target))?.target;
  const stylesName = related("styles");
  const stringsName = related("sharedStrings");
  // Every entry still to be read, declared sizes added up, must fit the budget before one is inflated.
  const sheetParts = workbook.sheets.map((s) => rels.byId.get(s.relId)).filter((r) => r?.type === "worksheet").map((r) => (r as Relationship).target);
  zip.checkBudget([stylesName, stringsName, ...sheetParts].flatMap((n) => (n && zip.entry(n) ? [zip.entry(n) as NonNullable<ReturnType<typeof zip.entry>>] : [])));

  const context: WorkbookContext = {
    sharedStrings: stringsName ? readSharedStrings(part(stringsName) as string) : [],
    dateStyles: stylesName ? readDateStyles(part(stylesName) as string) : new Uint8Array(0),
    date1904: workbook.date1904,
    limits,
    spent: { snapshotBytes: 0, mergeSteps: 0 },
    uncomputed: [],
  };

  const sheets: SheetSnapshot[] = [];
  for (const sheet of workbook.sheets) {
    const rel = rels.byId.get(sheet.relId);
    // Chart sheets, dialog and macro sheets hold no cells; a sheet whose part is missing is damage.
    if (!rel || rel.type !== "worksheet") continue;
    const xml = part(rel.target);
    if (xml === null) throw new XlsxProblem("corrupt", `the sheet ${sheet.name} has no part (${rel.target})`);
    sheets.push(readSheet(xml, sheet.name, context));
  }
  if (sheets.length === 0) throw new XlsxProblem("not-workbook");
  return { snapshot: { sheets }, uncomputedFormulas: context.uncomputed };
}
