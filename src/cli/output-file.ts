/**
 * Writing `report`'s and `calendar`'s `-o` file (CLI.md): an existing file is overwritten only when it
 * is not a workbook, the input files are never touched, and the text is written to a temporary file
 * beside it and renamed into place, so a failure leaves neither half a file nor a stray one.
 */
import { promises as fs } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { WorkbookWriteError } from "./errors";

const WORKBOOK_NAME = /\.(xlsx|xlsm|xltx|xltm|xlsb|xls|ods)$/i;
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

async function startsWith(file: string, magic: Buffer): Promise<boolean> {
  const handle = await fs.open(file, "r");
  try {
    const head = Buffer.alloc(magic.length);
    const { bytesRead } = await handle.read(head, 0, magic.length, 0);
    return bytesRead === magic.length && head.equals(magic);
  } finally {
    await handle.close();
  }
}

/** Refuse an `-o` that is an input, a workbook, a folder, or in a folder that does not exist. */
export async function checkOutput(file: string, inputs: ReadonlyArray<string>): Promise<void> {
  const target = resolve(file);
  const real = await fs.realpath(target).catch(() => target);
  for (const input of inputs) {
    const other = await fs.realpath(resolve(input)).catch(() => resolve(input));
    if (other === real) throw new WorkbookWriteError(file, "is-input");
  }
  const folder = dirname(target);
  const folderStat = await fs.stat(folder).catch(() => null);
  if (!folderStat?.isDirectory()) throw new WorkbookWriteError(file, "no-folder", folder);
  const stat = await fs.stat(target).catch(() => null);
  if (!stat) {
    if (WORKBOOK_NAME.test(file)) throw new WorkbookWriteError(file, "is-workbook");
    return;
  }
  if (!stat.isFile()) throw new WorkbookWriteError(file, "not-a-file");
  if (WORKBOOK_NAME.test(file) || (await startsWith(target, ZIP)) || (await startsWith(target, OLE))) {
    throw new WorkbookWriteError(file, "is-workbook");
  }
}

/** Write `text` to `file` after {@link checkOutput}. */
export async function writeOutputFile(file: string, text: string, inputs: ReadonlyArray<string>): Promise<void> {
  await checkOutput(file, inputs);
  const target = resolve(file);
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    await fs.writeFile(temp, text, { encoding: "utf8", flag: "wx" });
    await fs.rename(temp, target);
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw new WorkbookWriteError(file, "io", (error as NodeJS.ErrnoException).code);
  }
}
