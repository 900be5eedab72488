/** The .xlsx reader: what the engine sees of workbooks written by Excel, LibreOffice and people. */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import { WorkbookReadError, type ReadFailure } from "../../src/cli/errors";
import { readXlsx } from "../../src/cli/xlsx-reader";
import { iso, parseIsoDay, type Day } from "../../src/playbook/dates";
import { validateSnapshot } from "../../src/playbook/engine";
import { cellLocation } from "../../src/playbook/location";
import { readPlan } from "../../src/playbook/reader";
import { FIXTURES, tempFolder, xlsxBuffer } from "./helpers";

const TODAY = parseIsoDay("2026-12-01") as Day;
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

describe("reading a planning workbook as people fill it in", () => {
  it("finds Danish sheets and columns in any order, keeps user columns, skips blank rows, reads text dates, yes/no variants and decimal commas", async () => {
    const bytes = await xlsxBuffer([
      {
        name: "Projekt",
        rows: [
          ["Felt", "Værdi"],
          ["Kommune", "Eksempelby Kommune"],
          ["Ibrugtagning", "01.09.2027"],
          ["Opstartsmøde med Systematic", "15-01-2027"],
          ["Driftscenter for andre kommuner", "nej"],
        ],
      },
      {
        name: "personer", // lower case: sheet names match case-insensitively
        rows: [
          ["Mine noter", "Rolle", "Navn", "Organ", "Timer pr. uge", "Formand", "Beslutningskompetence", "Sektor"],
          ["ring tirsdag", "Projektejer", "Mette Holm", "Styregruppe", 2, "x", "J", "Folkebibliotek"],
          [],
          [null, "Projektleder", "Jens Madsen", "Projektgruppe", "7,5", "Nej", false, "Folkebibliotek"],
          [null, "Fagperson PLC", "Karin Dahl", "Projektgruppe", "12.25", "", "TRUE", "PLC"],
        ],
      },
      {
        name: "Kontrakter",
        rows: [
          ["Leverandør", "System", "Type", "Udløber", "Opsigelsesvarsel (måneder)", "Forlængelse (måneder)", "Opsagt"],
          ["Axiell", "DDElibra", "Bibliotekssystem", utc(2027, 9, 30), 6, "3", "2027-03-31"],
          ["Mikromarc AS", "Mikromarc", "bibliotekssystem", "31/3/2028", "3", 0, null],
        ],
      },
    ]);
    const { snapshot } = await readXlsx(bytes, "plan.xlsx");
    const plan = readPlan(snapshot);

    expect(plan.invalidCells).toEqual([]);
    expect(plan.settings.municipality.value).toBe("Eksempelby Kommune");
    expect(iso(plan.settings.goLive.value)).toBe("2027-09-01");
    expect(iso(plan.settings.kickoff.value)).toBe("2027-01-15");
    expect(plan.settings.operationsCentre.value).toBe(false);

    // Row numbers are sheet rows as Excel shows them: the blank row 3 is skipped, not renumbered.
    expect(plan.people.map((p) => [p.row, p.name.value])).toEqual([
      [2, "Mette Holm"],
      [4, "Jens Madsen"],
      [5, "Karin Dahl"],
    ]);
    expect(plan.people.map((p) => p.hoursPerWeek.value)).toEqual([2, 7.5, 12.25]);
    expect(plan.people.map((p) => p.chair.value)).toEqual([true, false, false]);
    expect(plan.people.map((p) => p.decisionAuthority.value)).toEqual([true, false, true]);
    expect(plan.people[1].role.value).toBe("projectManager");
    // A finding points at the cell as it stands in the reordered sheet: Timer pr. uge is column E.
    expect(cellLocation(plan.people[1].hoursPerWeek)).toMatchObject({ sheet: "personer", cell: "E4", column: "Timer pr. uge" });

    expect(plan.contracts.map((c) => [iso(c.expires.value), c.noticeMonths.value, c.extensionMonths.value, iso(c.terminatedOn.value)])).toEqual([
      ["2027-09-30", 6, 3, "2027-03-31"],
      ["2028-03-31", 3, 0, null],
    ]);
    expect(plan.contracts[1].type.value).toBe("librarySystem");
  });

  it("reads English sheet names, headers and values", async () => {
    const bytes = await xlsxBuffer([
      {
        name: "Project",
        rows: [
          ["Field", "Value"],
          ["Municipality", "Sampletown"],
          ["Go-live", utc(2027, 9, 1)],
          ["Integration test sends nothing to citizens", "Yes"],
        ],
      },
      {
        name: "People",
        rows: [
          ["Name", "Body", "Role", "Sector", "Hours per week", "Chair"],
          ["Mette Holm", "Steering group", "Project owner", "Public library", 1, "Yes"],
        ],
      },
      { name: "Contracts", rows: [["Vendor", "Type", "Expires", "Notice period (months)", "Extension option (months)"]] },
    ]);
    const plan = readPlan((await readXlsx(bytes)).snapshot);
    expect(plan.missingSheets).toEqual([]);
    expect(plan.invalidCells).toEqual([]);
    expect(plan.settings.municipality.value).toBe("Sampletown");
    expect(iso(plan.settings.goLive.value)).toBe("2027-09-01");
    expect(plan.settings.integrationTestSilent.value).toBe(true);
    expect(plan.people[0]).toMatchObject({
      body: { value: "steeringGroup" },
      role: { value: "projectOwner" },
      sector: { value: "publicLibrary" },
      chair: { value: true },
    });
  });
});

describe("cell kinds", () => {
  it("reads date cells, formulas with their cached result, formula errors, rich text and hyperlinks", async () => {
    const bytes = await xlsxBuffer([
      {
        name: "Ark",
        rows: [
          [
            utc(2027, 2, 28),
            { formula: "1+1", result: 2 },
            { formula: 'CONCAT("Ja","")', result: "Ja" },
            { error: "#N/A" },
            { formula: "1/0", result: { error: "#DIV/0!" } },
            { richText: [{ text: "Mette " , font: { bold: true } }, { text: "Holm" }] },
            { text: "Jens Madsen", hyperlink: "mailto:jens@eksempelby.dk" },
            true,
            "  tekst med mellemrum ",
          ],
        ],
      },
    ]);
    const { snapshot, uncomputedFormulas } = await readXlsx(bytes);
    expect(snapshot.sheets[0].rows[0]).toEqual([
      utc(2027, 2, 28),
      2,
      "Ja",
      { error: "#N/A" },
      { error: "#DIV/0!" },
      "Mette Holm",
      "Jens Madsen",
      true,
      "  tekst med mellemrum ",
    ]);
    expect(uncomputedFormulas).toEqual([]);
  });

  it("reads a formula saved without a result as empty and lists its cell, so the user can be told", async () => {
    const bytes = await xlsxBuffer([
      {
        name: "Projekt",
        rows: [
          ["Felt", "Værdi"],
          ["Kommune", "Eksempelby"],
          ["Ibrugtagning", { formula: "DATE(2027,9,1)" } as never],
        ],
      },
    ]);
    const { snapshot, uncomputedFormulas } = await readXlsx(bytes);
    expect(snapshot.sheets[0].rows[2]).toEqual(["Ibrugtagning"]);
    expect(uncomputedFormulas).toEqual(["Projekt!B3"]);
    // The engine then reports the setting as empty (DATA-06) at that cell, rather than guessing.
    const { findings } = validateSnapshot(snapshot, { today: TODAY, pick: ["DATA-06"] });
    expect(findings.map((f) => f.cell)).toEqual(["B3"]);
  });

  it("gives every cell of a merged range the master's value, and finds a styled header below title rows", async () => {
    const bytes = await xlsxBuffer([
      {
        name: "Personer",
        rows: [
          ["Personer i projektet"],
          [],
          ["Organ", "Navn", "Rolle"],
          ["Projektgruppe", "Jens Madsen", "Projektleder"],
          [null, "Lise Kjær", "Fagperson folkebibliotek"],
          [null, "Karin Dahl", "Fagperson PLC"],
        ],
        build: (ws) => {
          ws.mergeCells("A1:C1");
          ws.mergeCells("A4:A6");
          ws.getRow(3).font = { bold: true, color: { argb: "FFFFFFFF" } };
          ws.getRow(3).fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF1F4E79" } };
        },
      },
    ]);
    const { snapshot } = await readXlsx(bytes);
    const rows = snapshot.sheets[0].rows;
    expect(rows[0]).toEqual(["Personer i projektet", "Personer i projektet", "Personer i projektet"]);
    expect(rows.slice(3).map((r) => r[0])).toEqual(["Projektgruppe", "Projektgruppe", "Projektgruppe"]);
    const plan = readPlan(snapshot);
    expect(plan.sheets.people?.headerRow).toBe(3);
    expect(plan.people.map((p) => [p.row, p.name.value, p.body.value])).toEqual([
      [4, "Jens Madsen", "projectGroup"],
      [5, "Lise Kjær", "projectGroup"],
      [6, "Karin Dahl", "projectGroup"],
    ]);
  });

  it("reads the cell encodings Excel itself writes (shared and inline strings, formula strings, booleans, errors, date styles)", async () => {
    const { snapshot } = await readXlsx(await excelStyleWorkbook(), "excel.xlsx");
    expect(snapshot.sheets.map((s) => s.name)).toEqual(["Projekt"]);
    expect(snapshot.sheets[0].rows).toEqual([
      ["Felt", "Værdi"],
      ["Kommune", "Eksempelby"],
      ["Ibrugtagning", utc(2027, 9, 1)],
      ["Driftscenter for andre kommuner", false],
      ["Økonomisystem", "OPUS"],
      ["Debitorsystem", { error: "#REF!" }],
    ]);
  });
});

describe("a workbook saved again by LibreOffice", () => {
  // test/fixtures/libreoffice-resaved.xlsx is test/fixtures/init-example.xlsx (`fbs-playbook init
  // --example`) opened and saved by LibreOffice 7.4 with `soffice --headless --convert-to xlsx`;
  // test/fixtures/make-fixtures.sh makes both.
  it("reads to the same plan and the same findings as the workbook the command line wrote", async () => {
    const original = await readXlsx(join(FIXTURES, "init-example.xlsx"));
    const resaved = await readXlsx(join(FIXTURES, "libreoffice-resaved.xlsx"));
    const summary = (s: typeof original) =>
      validateSnapshot(s.snapshot, { today: TODAY }).findings.map((f) => `${f.rule} ${f.severity} ${f.sheet}!${f.cell ?? "-"}`);
    expect(summary(resaved)).toEqual(summary(original));
    expect(summary(resaved).length).toBeGreaterThan(5);
    const plan = readPlan(resaved.snapshot);
    expect(plan.invalidCells.map((c) => c.at.cell)).toEqual(readPlan(original.snapshot).invalidCells.map((c) => c.at.cell));
    expect(plan.people.length).toBeGreaterThan(10);
    expect(plan.settings.goLive.value).not.toBeNull();
  });
});

describe("files that are not readable workbooks", () => {
  const folder = tempFolder();
  afterAll(folder.cleanup);
  const at = (name: string) => join(folder.dir, name);

  async function failure(path: string): Promise<WorkbookReadError> {
    try {
      await readXlsx(path);
    } catch (error) {
      if (error instanceof WorkbookReadError) return error;
      throw error;
    }
    throw new Error(`${path} was read as a workbook`);
  }

  const cases: Array<[string, ReadFailure, () => Promise<string>]> = [
    ["a missing file", "missing", async () => at("findes-ikke.xlsx")],
    ["a folder", "not-a-file", async () => (mkdirSync(at("mappe.xlsx")), at("mappe.xlsx"))],
    ["an empty file", "empty", async () => write("tom.xlsx", Buffer.alloc(0))],
    ["a CSV file named .xlsx", "not-zip", async () => write("plan.xlsx", Buffer.from("Navn;Rolle\nMette;Projektejer\n"))],
    ["a PDF", "not-zip", async () => write("plan.pdf", Buffer.from("%PDF-1.7\n%âãÏÓ\n"))],
    ["an empty zip", "not-workbook", async () => write("tom.zip", await zip({}))],
    ["a Word document", "not-workbook", async () => write("notat.docx", await zip({ "word/document.xml": "<w:document/>" }))],
    ["a workbook cut short", "truncated", async () => write("halv.xlsx", readFileSync(join(FIXTURES, "init-example.xlsx")).subarray(0, 9000))],
    ["a workbook with damaged XML", "corrupt", async () => write("skadet.xlsx", await zip({ "xl/workbook.xml": "<workbook><sheets><sheet" }))],
    ["a password-protected workbook", "encrypted", async () => write("hemmelig.xlsx", encryptedContainer())],
    ["an Excel 97-2003 file", "legacy-xls", async () => join(FIXTURES, "legacy-excel97.xls")],
  ];

  it.each(cases)("%s → %s, with a one-line reason naming the file in Danish and English", async (_, reason, make) => {
    const path = await make();
    const error = await failure(path);
    expect(error.reason).toBe(reason);
    for (const lang of ["da", "en"] as const) {
      const line = error.describe(lang);
      expect(line.startsWith(`${path}: `)).toBe(true);
      expect(line).not.toMatch(/\n|\bat .*\.js:\d+/);
    }
    expect(error.describe("da")).not.toBe(error.describe("en"));
  });

  it("names the reasons in words a user acts on", async () => {
    expect((await failure(encryptedPath())).describe("da")).toContain("adgangskode");
    expect((await failure(join(FIXTURES, "legacy-excel97.xls"))).describe("en")).toContain("save it as an Excel workbook (.xlsx)");
  });

  function write(name: string, bytes: Buffer): string {
    writeFileSync(at(name), bytes);
    return at(name);
  }
  function encryptedPath(): string {
    return write("beskyttet.xlsx", encryptedContainer());
  }
});

async function zip(files: Record<string, string>): Promise<Buffer> {
  const z = new JSZip();
  for (const [name, content] of Object.entries(files)) z.file(name, content);
  return z.generateAsync({ type: "nodebuffer" });
}

/**
 * The container Excel writes for a password-protected workbook: an OLE compound file (CFB, version 3,
 * 512-byte sectors) whose root holds the streams EncryptionInfo and EncryptedPackage (ECMA-376
 * part 2, "Encryption"). The streams are empty here; their presence is what marks the file.
 */
function encryptedContainer(): Buffer {
  const SECTOR = 512;
  const FREE = 0xffffffff;
  const END = 0xfffffffe;
  const FAT = 0xfffffffd;
  const file = Buffer.alloc(SECTOR * 3);
  const header = file.subarray(0, SECTOR);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x003e, 24); // minor version
  header.writeUInt16LE(0x0003, 26); // major version 3
  header.writeUInt16LE(0xfffe, 28); // little-endian
  header.writeUInt16LE(9, 30); // 512-byte sectors
  header.writeUInt16LE(6, 32); // 64-byte mini sectors
  header.writeUInt32LE(1, 44); // one FAT sector
  header.writeUInt32LE(1, 48); // the directory starts at sector 1
  header.writeUInt32LE(4096, 56); // mini stream cutoff
  header.writeUInt32LE(END, 60); // no mini FAT
  header.writeUInt32LE(END, 68); // no DIFAT sectors
  header.writeUInt32LE(0, 76); // DIFAT[0]: the FAT is sector 0
  for (let i = 1; i < 109; i++) header.writeUInt32LE(FREE, 76 + i * 4);
  const fat = file.subarray(SECTOR, SECTOR * 2);
  for (let i = 0; i < SECTOR / 4; i++) fat.writeUInt32LE(FREE, i * 4);
  fat.writeUInt32LE(FAT, 0);
  fat.writeUInt32LE(END, 4);
  const dir = file.subarray(SECTOR * 2, SECTOR * 3);
  const entry = (index: number, name: string, type: number, child: number, right: number) => {
    const e = dir.subarray(index * 128, index * 128 + 128);
    Buffer.from(`${name}\0`, "utf16le").copy(e, 0);
    e.writeUInt16LE((name.length + 1) * 2, 64);
    e.writeUInt8(type, 66);
    e.writeUInt8(1, 67); // black
    e.writeUInt32LE(FREE, 68); // left sibling
    e.writeUInt32LE(right, 72);
    e.writeUInt32LE(child, 76);
    e.writeUInt32LE(END, 116); // start sector: none (empty stream)
  };
  entry(0, "Root Entry", 5, 1, FREE);
  entry(1, "EncryptionInfo", 2, FREE, 2);
  entry(2, "EncryptedPackage", 2, FREE, FREE);
  return file;
}

/**
 * A minimal workbook in the encodings Excel writes and exceljs does not: inline strings, a formula
 * with a string result (t="str"), a boolean, an error, a date as a number with date style 14.
 */
async function excelStyleWorkbook(): Promise<Buffer> {
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  return zip({
    "[Content_Types].xml":
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    "_rels/.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook ${ns} xmlns:r="${rel}"><sheets><sheet name="Projekt" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    "xl/_rels/workbook.xml.rels":
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${rel}/styles" Target="styles.xml"/>` +
      `<Relationship Id="rId3" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    "xl/styles.xml":
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet ${ns}><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>` +
      '<fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>',
    "xl/sharedStrings.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst ${ns} count="3" uniqueCount="3"><si><t>Felt</t></si><si><t>Værdi</t></si><si><t>Kommune</t></si></sst>`,
    "xl/worksheets/sheet1.xml":
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet ${ns}><sheetData>` +
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>' +
      '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="inlineStr"><is><t>Eksempelby</t></is></c></row>' +
      '<row r="3"><c r="A3" t="inlineStr"><is><t>Ibrugtagning</t></is></c><c r="B3" s="1"><v>46631</v></c></row>' +
      '<row r="4"><c r="A4" t="inlineStr"><is><t>Driftscenter for andre kommuner</t></is></c><c r="B4" t="b"><v>0</v></c></row>' +
      '<row r="5"><c r="A5" t="inlineStr"><is><t>Økonomisystem</t></is></c><c r="B5" t="str"><f>"OP"&amp;"US"</f><v>OPUS</v></c></row>' +
      '<row r="6"><c r="A6" t="inlineStr"><is><t>Debitorsystem</t></is></c><c r="B6" t="e"><f>#REF!</f><v>#REF!</v></c></row>' +
      "</sheetData></worksheet>",
  });
}
