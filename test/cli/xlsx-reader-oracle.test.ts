/**
 * The reader against the oracle: on every workbook fixture the project has, src/cli/xlsx-reader.ts
 * reads the same cells as the former exceljs-based reader (test/cli/xlsx-oracle.ts), except where
 * exceljs misread the file (issue 6). Each such difference is listed here, cell by cell, and asserted.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { readXlsx } from "../../src/cli/xlsx-reader";
import { WorkbookReadError } from "../../src/cli/errors";
import { isCellError, isDate, type CellValue, type WorkbookSnapshot } from "../../src/playbook/snapshot";
import { a1 } from "../../src/playbook/location";
import { EXAMPLE_PLAN } from "../../src/playbook/example";
import { workbookBytes } from "../../src/cli/xlsx-writer";
import { FIXTURES, xlsxBuffer } from "./helpers";
import { readXlsxWithExceljs } from "./xlsx-oracle";

const show = (v: CellValue | undefined): string =>
  v === undefined || v === null ? "empty" : isDate(v) ? `date ${Number.isNaN(v.getTime()) ? "invalid" : v.toISOString().replace("T00:00:00.000Z", "")}` : isCellError(v) ? v.error : JSON.stringify(v);

/** Every cell where two snapshots differ, as "Sheet!A1: ours … / exceljs …", and differing sheet lists. */
function differences(ours: WorkbookSnapshot, theirs: WorkbookSnapshot): string[] {
  const out: string[] = [];
  const names = (s: WorkbookSnapshot) => s.sheets.map((x) => x.name).join(", ");
  if (names(ours) !== names(theirs)) out.push(`sheets: ours ${names(ours)} / exceljs ${names(theirs)}`);
  for (const sheet of ours.sheets) {
    const other = theirs.sheets.find((s) => s.name === sheet.name);
    if (!other) continue;
    const rows = Math.max(sheet.rows.length, other.rows.length);
    for (let r = 0; r < rows; r++) {
      const a = sheet.rows[r] ?? [];
      const b = other.rows[r] ?? [];
      for (let c = 0; c < Math.max(a.length, b.length); c++) {
        const [x, y] = [show(a[c]), show(b[c])];
        if (x !== y) out.push(`${sheet.name}!${a1(r + 1, c)}: ours ${x} / exceljs ${y}`);
      }
    }
  }
  return out;
}

async function outcome(read: () => Promise<{ snapshot: WorkbookSnapshot; uncomputedFormulas: string[] }>): Promise<{ snapshot?: WorkbookSnapshot; uncomputed?: string[]; error?: string }> {
  try {
    const r = await read();
    return { snapshot: r.snapshot, uncomputed: r.uncomputedFormulas };
  } catch (error) {
    return { error: error instanceof WorkbookReadError ? error.reason : String(error) };
  }
}

const dir = join(FIXTURES, "reader");
const FILES = [
  ...readdirSync(FIXTURES).filter((f) => f.endsWith(".xlsx")).map((f) => join(FIXTURES, f)),
  ...readdirSync(dir).filter((f) => f.endsWith(".xlsx")).map((f) => join(dir, f)),
];

/**
 * What exceljs read differently, per fixture: cell differences ("ours / exceljs"), formula cells it
 * listed as saved without a result, or a file it could not read at all. Everything else is equal.
 */
const EXPECTED: Record<string, { cells?: string[]; exceljsUncomputed?: string[]; exceljsFailed?: string; oursFailed?: string }> = {
  // Cached formula results 0, FALSE and "" read as empty and listed as uncomputed by exceljs.
  "reader/cached-results.xlsx": {
    cells: ["Projekt!B2: ours 0 / exceljs empty", "Projekt!B3: ours false / exceljs empty", 'Projekt!B4: ours "" / exceljs empty'],
    exceljsUncomputed: ["Projekt!B2", "Projekt!B3", "Projekt!B4", "Projekt!B9"],
  },
  // Shared strings in CDATA read as empty; text after a CDATA section or in a later rich run lost.
  "reader/cdata.xlsx": {
    cells: [
      'Projekt!A1: ours "Felt" / exceljs ""',
      'Projekt!B1: ours "Værdi" / exceljs ""',
      'Projekt!A2: ours "Kommune" / exceljs ""',
      'Projekt!B2: ours "Eksempelby & <Omegn> Kommune" / exceljs "Eksempel Kommune"',
      'Projekt!A3: ours "Mette Holm" / exceljs "Mette "',
    ],
  },
  // date1904="true" (LibreOffice's spelling) ignored: every date 1,462 days early.
  "reader/date1904-true.xlsx": {
    cells: ["Projekt!B2: ours date 2027-09-01 / exceljs date 2023-08-31", "Projekt!B3: ours date 2027-09-01 / exceljs date 2023-08-31"],
  },
  // Two entries of one name: exceljs silently reads one of them.
  "reader/duplicate-entries.xlsx": { oursFailed: "duplicate-entries" },
  "reader/duplicate-entries-exact.xlsx": { oursFailed: "duplicate-entries" },
  // ISO date cells read as the number of their year (2027 → 18-07-1905 as a date).
  "reader/iso-dates.xlsx": {
    cells: [
      "Projekt!B3: ours date 2027-09-01 / exceljs date 1905-07-19",
      "Projekt!B4: ours date 2027-01-15 / exceljs 2027",
      "Projekt!B5: ours date 2027-03-31 / exceljs 2027",
      "Projekt!B6: ours date 2027-05-20T23:59:59.000Z / exceljs 2027",
      'Projekt!B7: ours "2027-02-30" / exceljs 2027',
    ],
  },
  // LibreOffice's FALSE() with cached 0, and its cached 0 and "": empty and "uncomputed" for exceljs.
  "reader/libreoffice-1900.xlsx": {
    cells: ["Projekt!B4: ours false / exceljs empty", "Projekt!B6: ours 0 / exceljs empty", 'Projekt!B7: ours "" / exceljs empty', "Projekt!B8: ours false / exceljs empty"],
    exceljsUncomputed: ["Projekt!B4", "Projekt!B6", "Projekt!B7", "Projekt!B8"],
  },
  "reader/libreoffice-1904.xlsx": {
    cells: [
      "Projekt!B3: ours date 2027-09-01 / exceljs date 2023-08-31",
      "Projekt!B6: ours 0 / exceljs empty",
      'Projekt!B7: ours "" / exceljs empty',
      "Projekt!B8: ours false / exceljs empty",
    ],
    exceljsUncomputed: ["Projekt!B6", "Projekt!B7", "Projekt!B8"],
  },
  // Refused as damaged by exceljs, though the standard allows them.
  "reader/no-r.xlsx": { exceljsFailed: "corrupt" },
  "reader/prefixed.xlsx": { exceljsFailed: "corrupt" },
  "reader/utf16.xlsx": { exceljsFailed: "corrupt" },
  "reader/relationship-named.xlsx": { exceljsFailed: "not-workbook" },
  // Strict: ISO dates misread, and the boolean "false" read as TRUE.
  "reader/strict.xlsx": { cells: ["Projekt!B3: ours date 2027-09-01 / exceljs date 1905-07-19", "Projekt!B4: ours false / exceljs true"] },
  // Refused by both (a cell beyond XFD; a DTD).
  "reader/column-xfe.xlsx": { oursFailed: "corrupt", exceljsFailed: "corrupt" },
  "reader/dtd-external-entity.xlsx": { oursFailed: "corrupt", exceljsFailed: "corrupt" },
  // Merges beyond the data: exceljs fills every cell of the range; the reader only rows and columns with data.
  "exceljs: merges beyond the data": {
    cells: ['Ark!E1: ours empty / exceljs "Titel"', 'Ark!A7: ours empty / exceljs "Projektgruppe"', 'Ark!A8: ours empty / exceljs "Projektgruppe"'],
  },
};

/**
 * The range blow-ups and bombs are not given to exceljs here: it takes gigabytes or hangs on them
 * (test/cli/xlsx-reader-hostile.test.ts has the reader's side).
 */
const NOT_FOR_EXCELJS = /bomb|unused-image|blowup|row-2000000000|last-cell/;

/** Workbooks exceljs itself writes: the init workbook (empty and example, both languages) and cell kinds. */
async function exceljsWritten(): Promise<Array<[string, Buffer]>> {
  const kinds = await xlsxBuffer([
    {
      name: "Ark",
      rows: [
        ["Titel"],
        [new Date(Date.UTC(2027, 1, 28)), { formula: "1+1", result: 2 }, { formula: 'CONCAT("Ja","")', result: "Ja" }, { error: "#N/A" }],
        [{ richText: [{ text: "Mette ", font: { bold: true } }, { text: "Holm" }] }, { text: "Jens", hyperlink: "mailto:j@x.dk" }, true, 7.5],
        ["Projektgruppe", "Jens Madsen", "x"],
        [null, "Lise Kjær"],
        [null, "Karin Dahl"],
      ],
      build: (ws) => {
        ws.mergeCells("A1:E1");
        ws.mergeCells("A4:A8");
      },
    },
  ]);
  return [
    ["init (da)", await workbookBytes({ lang: "da" })],
    ["init (en)", await workbookBytes({ lang: "en" })],
    ["init --example (da)", await workbookBytes({ lang: "da", data: EXAMPLE_PLAN })],
    ["init --example (en)", await workbookBytes({ lang: "en", data: EXAMPLE_PLAN })],
    ["exceljs: merges beyond the data", kinds],
  ];
}

const cases: Array<[string, string | (() => Promise<Buffer>)]> = FILES.filter((f) => !NOT_FOR_EXCELJS.test(f)).map((f) => [f.slice(FIXTURES.length + 1), f]);

it.each(cases)("%s: the same cells as exceljs, the listed differences aside", async (name, file) => {
  await compare(name, file as string);
});

it("the workbooks exceljs writes (init, cell kinds, merges): the same cells, the listed differences aside", async () => {
  for (const [name, bytes] of await exceljsWritten()) await compare(name, bytes);
});

async function compare(name: string, source: string | Buffer): Promise<void> {
  const ours = await outcome(() => readXlsx(source));
  const theirs = await outcome(() => readXlsxWithExceljs(source));
  const expected = EXPECTED[name] ?? {};
  expect([name, ours.error ?? null, theirs.error ?? null]).toEqual([name, expected.oursFailed ?? null, expected.exceljsFailed ?? null]);
  if (ours.snapshot && theirs.snapshot) {
    expect([name, differences(ours.snapshot, theirs.snapshot)]).toEqual([name, expected.cells ?? []]);
    expect([name, theirs.uncomputed]).toEqual([name, expected.exceljsUncomputed ?? ours.uncomputed]);
  }
}
