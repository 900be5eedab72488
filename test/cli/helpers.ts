/** Shared helpers for the command-line tests: workbooks built in memory, temp folders, the bin. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import type { Io } from "../../src/cli/commands";
import { makeStyle } from "../../src/cli/style";

export const REPO = resolve(__dirname, "..", "..");
export const FIXTURES = join(REPO, "test", "fixtures");
export const BIN = join(REPO, "bin", "fbs-playbook.js");

export interface SheetSpecForTest {
  name: string;
  rows: ExcelJS.CellValue[][];
  /** Anything else to do to the sheet (merges, styles, number formats). */
  build?: (ws: ExcelJS.Worksheet) => void;
}

/** An .xlsx file built with exceljs, as bytes. */
export async function xlsxBuffer(sheets: SheetSpecForTest[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name);
    sheet.rows.forEach((row, r) => row.forEach((value, c) => value !== undefined && (ws.getCell(r + 1, c + 1).value = value)));
    sheet.build?.(ws);
  }
  return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

/** A fresh temp folder, removed by the returned cleanup. */
export function tempFolder(prefix = "fbs-cli-"): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** An in-process Io that records what the commands write. */
export function captureIo(color = false): { io: Io; out: () => string; err: () => string } {
  let out = "";
  let err = "";
  return {
    io: { out: (t) => void (out += t), err: (t) => void (err += t), style: makeStyle(color) },
    out: () => out,
    err: () => err,
  };
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Compile src/cli and src/playbook to lib/ (what `npm install` does) when lib/ is missing or stale. */
export function ensureCliBuilt(): void {
  const main = join(REPO, "lib", "cli", "main.js");
  let built = 0;
  try {
    built = statSync(main).mtimeMs;
  } catch {
    built = 0;
  }
  const sources = Math.max(newestMtime(join(REPO, "src", "cli")), newestMtime(join(REPO, "src", "playbook")));
  if (built >= sources) return;
  const tsc = spawnSync(process.execPath, [join(REPO, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.cli.json"], {
    cwd: REPO,
    encoding: "utf8",
  });
  if (tsc.status !== 0) throw new Error(`npm run build:cli failed:\n${tsc.stdout}${tsc.stderr}`);
}

export interface BinResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Run bin/fbs-playbook.js as a user would; colour variables are cleared unless given. */
export function runBin(args: string[], env: Record<string, string> = {}, cwd = REPO): BinResult {
  const base = { ...process.env };
  delete base.FORCE_COLOR;
  delete base.NO_COLOR;
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, env: { ...base, ...env }, encoding: "utf8" });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Non-empty lines of a text. */
export function lines(text: string): string[] {
  return text.split("\n").filter((l) => l.trim() !== "");
}
