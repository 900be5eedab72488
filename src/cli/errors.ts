/**
 * The errors the command line reports to the user: one line each, in Danish or English, never a
 * stack trace. Library code throws these; `commands.ts` turns them into a line on stderr and exit 2.
 */
import type { Lang, Text } from "../playbook/vocabulary";

/** Why a file could not be read as a planning workbook. */
export type ReadFailure =
  | "missing" // no such file
  | "not-a-file" // a folder or something else that is not a regular file
  | "unreadable" // no permission, or another I/O error
  | "empty" // zero bytes
  | "encrypted" // password-protected: an OLE compound file holding an EncryptedPackage
  | "legacy-xls" // an old Excel 97-2003 .xls file (OLE compound file)
  | "not-zip" // any other file that is not a zip container (CSV, PDF, text …)
  | "not-workbook" // a zip, but not an Excel workbook (a .docx, an .ods, any other zip)
  | "truncated" // a zip cut short
  | "duplicate-entries" // a zip whose entry names repeat (OPC forbids it)
  | "too-large" // over one of the reader's caps (src/cli/xlsx/problem.ts, READ_LIMITS)
  | "corrupt"; // a workbook zip that cannot be parsed (damaged zip or XML, a row or column out of range)

const READ_FAILURE_TEXT: Record<ReadFailure, Text> = {
  missing: { da: "filen findes ikke", en: "the file does not exist" },
  "not-a-file": { da: "det er ikke en fil (en mappe?)", en: "it is not a file (a folder?)" },
  unreadable: { da: "filen kan ikke læses", en: "the file cannot be read" },
  empty: { da: "filen er tom (0 byte)", en: "the file is empty (0 bytes)" },
  encrypted: {
    da: "projektmappen er beskyttet med adgangskode; gem en kopi uden adgangskode og kør igen",
    en: "the workbook is password-protected; save a copy without a password and run again",
  },
  "legacy-xls": {
    da: "det er en gammel Excel 97-2003-fil (.xls); gem den som Excel-projektmappe (.xlsx)",
    en: "it is an old Excel 97-2003 file (.xls); save it as an Excel workbook (.xlsx)",
  },
  "not-zip": {
    da: "det er ikke en Excel-projektmappe (.xlsx)",
    en: "it is not an Excel workbook (.xlsx)",
  },
  "not-workbook": {
    da: "en zip-fil, men ikke en Excel-projektmappe (.xlsx); gem den som Excel-projektmappe",
    en: "a zip file, but not an Excel workbook (.xlsx); save it as an Excel workbook",
  },
  truncated: {
    da: "filen er ufuldstændig (afbrudt kopiering eller download?)",
    en: "the file is incomplete (an interrupted copy or download?)",
  },
  "duplicate-entries": {
    da: "zip-filen har flere dele med samme navn, så to programmer kan vise to forskellige projektmapper; den læses ikke",
    en: "the zip holds several parts of the same name, so two programs could show two different workbooks; it is not read",
  },
  "too-large": {
    da: "projektmappen er større end det, der læses (eller lavet til at overbelaste den, der læser den)",
    en: "the workbook is larger than what is read (or made to overload whatever reads it)",
  },
  corrupt: {
    da: "projektmappen er beskadiget og kan ikke læses",
    en: "the workbook is damaged and cannot be read",
  },
};

/** A file that cannot be read as a workbook (exit status 2). */
export class WorkbookReadError extends Error {
  constructor(
    readonly file: string,
    readonly reason: ReadFailure,
    /** Technical detail (the library's own message), shown after the reason. */
    readonly detail?: string,
  ) {
    super(`${file}: ${READ_FAILURE_TEXT[reason].en}${detail ? ` (${detail})` : ""}`);
    this.name = "WorkbookReadError";
  }

  describe(lang: Lang): string {
    return `${printable(this.file)}: ${READ_FAILURE_TEXT[this.reason][lang]}${this.detail ? ` (${printable(oneLine(this.detail))})` : ""}`;
  }
}

/** Why `init`, `report` or `calendar` could not write its file. */
export type WriteFailure = "exists" | "no-folder" | "not-xlsx" | "io" | "is-workbook" | "is-input" | "not-a-file";

const WRITE_FAILURE_TEXT: Record<WriteFailure, Text> = {
  exists: {
    da: "filen findes allerede; vælg et andet navn, eller brug --force for at overskrive den",
    en: "the file already exists; choose another name, or use --force to overwrite it",
  },
  "no-folder": { da: "mappen findes ikke", en: "the folder does not exist" },
  "not-xlsx": { da: "filnavnet skal ende på .xlsx", en: "the file name must end in .xlsx" },
  io: { da: "filen kan ikke skrives", en: "the file cannot be written" },
  "is-workbook": {
    da: "filen er en projektmappe og overskrives ikke; vælg et andet navn til -o",
    en: "the file is a workbook and is not overwritten; choose another name for -o",
  },
  "is-input": {
    da: "-o peger på en af inputfilerne, som aldrig overskrives; vælg et andet navn",
    en: "-o points at one of the input files, which are never overwritten; choose another name",
  },
  "not-a-file": { da: "det er ikke en fil (en mappe?)", en: "it is not a file (a folder?)" },
};

/** A workbook `init` could not write (exit status 2; nothing is left behind). */
export class WorkbookWriteError extends Error {
  constructor(
    readonly file: string,
    readonly reason: WriteFailure,
    readonly detail?: string,
  ) {
    super(`${file}: ${WRITE_FAILURE_TEXT[reason].en}${detail ? ` (${detail})` : ""}`);
    this.name = "WorkbookWriteError";
  }

  describe(lang: Lang): string {
    return `${printable(this.file)}: ${WRITE_FAILURE_TEXT[this.reason][lang]}${this.detail ? ` (${oneLine(this.detail)})` : ""}`;
  }
}

/** A command line the program does not understand (exit status 2). */
export class UsageError extends Error {
  constructor(readonly text: Text) {
    super(text.en);
    this.name = "UsageError";
  }
}

/** Collapse a library's message to one short line. */
export function oneLine(text: string, max = 160): string {
  const s = text.replace(/\s+/g, " ").trim();
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

// C0 and C1 controls, DEL, and the line and paragraph separators: each would break the one line.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
const ESCAPES: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/** A file name (or any text from a file) fit for one line: control characters escaped (`\n`, `\x1b`, `\u2028`). */
export function printable(text: string): string {
  return text.replace(CONTROL, (c) => ESCAPES[c] ?? (c.charCodeAt(0) < 0x100 ? `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}` : `\\u${c.charCodeAt(0).toString(16)}`));
}
