/**
 * CLI.md, "Reading any file, safely", first bullet: the reader reads what every writer produces.
 * Each file in test/fixtures/reader/ was made for one construct by test/fixtures/make-reader-fixtures.js
 * (MANIFEST.json there says which program made it: the script, or LibreOffice).
 */
import { join } from "node:path";
import { readFileSync } from "node:fs";
import { readXlsx } from "../../src/cli/xlsx-reader";
import { iso } from "../../src/playbook/dates";
import { readPlan } from "../../src/playbook/reader";
import { validateSnapshot } from "../../src/playbook/engine";
import { CORRECT_PLAN } from "../../src/playbook/example";
import { normalizeKey } from "../../src/playbook/vocabulary";
import type { WorkbookSnapshot } from "../../src/playbook/snapshot";
import { workbookBytes } from "../../src/cli/xlsx-writer";
import { FIXTURES, ensureCliBuilt, runBin } from "./helpers";

const DIR = join(FIXTURES, "reader");
const at = (file: string) => join(DIR, file);
const utc = (y: number, m: number, d: number, h = 0, mi = 0, s = 0) => new Date(Date.UTC(y, m - 1, d, h, mi, s));
const rowsOf = async (file: string, sheet = 0) => (await readXlsx(at(file))).snapshot.sheets[sheet].rows;
const MANIFEST = JSON.parse(readFileSync(at("MANIFEST.json"), "utf8")) as Record<string, { maker: string; what: string }>;

it("every reader fixture says which program made it", () => {
  for (const [file, { maker }] of Object.entries(MANIFEST)) expect([file, /^(script|LibreOffice \(.+\))$/.test(maker)]).toEqual([file, true]);
  expect(Object.keys(MANIFEST).length).toBeGreaterThan(25);
});

describe("strings", () => {
  it("reads shared strings in CDATA, mixed with entities, rich runs joined without their phonetic run, _xHHHH_ escapes", async () => {
    expect(await rowsOf("cdata.xlsx")).toEqual([
      ["Felt", "Værdi"],
      ["Kommune", "Eksempelby & <Omegn> Kommune"],
      ["Mette Holm", "linje1\nlinje2"],
    ]);
  });
});

describe("cached formula results of every type", () => {
  it("reads 0, FALSE, \"\", TRUE, text, errors and dates as cached; only a formula with no result is empty and listed", async () => {
    const { snapshot, uncomputedFormulas } = await readXlsx(at("cached-results.xlsx"));
    expect(snapshot.sheets[0].rows.map((r) => r[1])).toEqual(["Værdi", 0, false, "", true, "OPUS", { error: "#DIV/0!" }, utc(2027, 9, 1), undefined]);
    expect(uncomputedFormulas).toEqual(["Projekt!B9"]);
  });

  it("a plan saved by LibreOffice (FALSE as FALSE() with cached 0) reads FALSE as false, and the command line asks for no resave", async () => {
    for (const file of ["libreoffice-1900.xlsx", "libreoffice-1904.xlsx"]) {
      const { snapshot, uncomputedFormulas } = await readXlsx(at(file));
      expect([file, snapshot.sheets[0].rows.map((r) => r[1])]).toEqual([file, ["Værdi", "Eksempelby Kommune", utc(2027, 9, 1), false, true, 0, "", false]]);
      expect(uncomputedFormulas).toEqual([]);
      const plan = readPlan(snapshot);
      expect(plan.settings.operationsCentre.value).toBe(false);
      expect(plan.settings.integrationTestSilent.value).toBe(true);
    }
    ensureCliBuilt();
    const r = runBin(["validate", at("libreoffice-1900.xlsx"), "--today", "2026-12-01"]);
    expect(r.stderr).toBe("");
  });

  it("LibreOffice's file really holds FALSE() with a cached 0 and date1904=\"true\"", async () => {
    const JSZip = (await import("jszip")).default;
    const z1900 = await JSZip.loadAsync(readFileSync(at("libreoffice-1900.xlsx")));
    expect(await z1900.file("xl/worksheets/sheet1.xml")?.async("string")).toMatch(/<f[^>]*>FALSE\(\)<\/f><v>0<\/v>/);
    const z1904 = await JSZip.loadAsync(readFileSync(at("libreoffice-1904.xlsx")));
    expect(await z1904.file("xl/workbook.xml")?.async("string")).toContain('date1904="true"');
  });
});

describe("dates", () => {
  const zones = ["UTC", "America/Los_Angeles", "Pacific/Kiritimati"];
  const saved = process.env.TZ;
  afterAll(() => {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  });

  it.each(zones)("reads ISO 8601 date cells (t=\"d\") as the day written, in time zone %s", async (zone) => {
    process.env.TZ = zone;
    const { snapshot } = await readXlsx(at("iso-dates.xlsx"));
    expect(snapshot.sheets[0].rows.slice(2).map((r) => r[1])).toEqual([
      utc(2027, 9, 1),
      utc(2027, 1, 15),
      utc(2027, 3, 31),
      utc(2027, 5, 20, 23, 59, 59),
      "2027-02-30", // no such day: left as text, so the engine reports it (DATA-03)
    ]);
    const plan = readPlan(snapshot);
    expect([iso(plan.settings.goLive.value), iso(plan.settings.kickoff.value)]).toEqual(["2027-09-01", "2027-01-15"]);
  });

  it.each(zones)("the command line's timeline shows the ISO cells' days in time zone %s", (zone) => {
    ensureCliBuilt();
    const r = runBin(["timeline", at("iso-dates.xlsx"), "--format", "json"], { TZ: zone });
    expect(r.status).toBe(0);
    const milestones = JSON.parse(r.stdout).milestones as Array<{ key: string; date: string }>;
    expect(milestones.find((m) => m.key === "go-live")?.date).toBe("2027-09-01");
    expect(milestones.find((m) => m.key === "kickoff")?.date).toBe("2027-01-15");
  });

  it("reads the 1904 date system however the flag is spelled (\"true\", \"1\"), and 1900 for \"false\"", async () => {
    for (const file of ["date1904-true.xlsx", "date1904-1.xlsx"]) {
      expect([file, (await rowsOf(file)).map((r) => r[1])]).toEqual([file, ["Værdi", utc(2027, 9, 1), utc(2027, 9, 1), 45169]]);
    }
    expect((await rowsOf("date1904-false.xlsx")).map((r) => r[1])).toEqual(["Værdi", utc(2023, 8, 31), utc(2023, 8, 31), 45169]);
  });
});

describe("package and XML forms", () => {
  it("reads Strict OOXML (its namespaces, ISO dates, boolean \"false\")", async () => {
    expect(await rowsOf("strict.xlsx")).toEqual([
      ["Felt", "Værdi"],
      ["Kommune", "Eksempelby"],
      ["Ibrugtagning", utc(2027, 9, 1)],
      ["Driftscenter for andre kommuner", false],
    ]);
  });

  it("reads elements with a namespace prefix (x:c), and skips an element of another namespace", async () => {
    expect(await rowsOf("prefixed.xlsx")).toEqual([
      ["Felt", "Værdi"],
      ["Kommune", "Eksempelby"],
      ["Ibrugtagning", utc(2027, 9, 1)],
    ]);
  });

  it("finds parts through relationships wherever they are named (absolute, ../, percent-encoded, other case)", async () => {
    const { snapshot } = await readXlsx(at("relationship-named.xlsx"));
    expect(snapshot.sheets).toEqual([
      { name: "Projekt", rows: [["Felt", "Værdi"], ["Ibrugtagning", utc(2027, 9, 1)]] },
      { name: "Personer", rows: [["Navn"], ["Mette Holm"]] },
    ]);
  });

  it("reads rows and cells without r attributes (each follows the one before)", async () => {
    expect(await rowsOf("no-r.xlsx")).toEqual([
      ["Felt", "Værdi"],
      ["Kommune", "Eksempelby"],
      [],
      [],
      ["Ibrugtagning", utc(2027, 9, 1), null, null, 7, 8],
      [1],
    ]);
  });

  it("reads UTF-16 parts (LE and BE with a byte-order mark, LE without) and a part declared ISO-8859-1", async () => {
    const { snapshot } = await readXlsx(at("utf16.xlsx"));
    expect(snapshot.sheets).toEqual([
      { name: "Projekt", rows: [["Felt", "Værdi"], ["Kommune", "Ærø Kommune – øst"], ["Ibrugtagning", utc(2027, 9, 1)]] },
      { name: "Noter", rows: [["Æblegrød"]] },
    ]);
  });

  it("reads a zip with zip64 end records and extra fields", async () => {
    expect(await rowsOf("zip64.xlsx")).toEqual([
      ["Felt", "Værdi"],
      ["Kommune", "Eksempelby"],
      ["Ibrugtagning", utc(2027, 9, 1)],
    ]);
  });
});

describe("names compare on Unicode NFC (WORKBOOK.md)", () => {
  it("a name typed decomposed (A + combining ring) is the same name as the precomposed Å", () => {
    expect(normalizeKey("A\u030ase Kjær")).toBe(normalizeKey("Åse Kjær"));
    const decomposed = "A\u030ase Kjær";
    const plan = {
      ...CORRECT_PLAN,
      people: (CORRECT_PLAN.people ?? []).map((p) => (p.name === "Lise Kjær" ? { ...p, name: "Åse Kjær" } : p)),
      units: (CORRECT_PLAN.units ?? []).map((u) => (u.superUser === "Lise Kjær" ? { ...u, superUser: decomposed } : u)),
      seats: (CORRECT_PLAN.seats ?? []).map((s) => (s.participant === "Lise Kjær" ? { ...s, participant: decomposed } : s)),
    };
    return workbookBytes({ lang: "da", data: plan }).then(async (bytes) => {
      const snapshot: WorkbookSnapshot = (await readXlsx(bytes)).snapshot;
      expect(snapshot.sheets.some((s) => s.rows.some((r) => r.includes(decomposed)))).toBe(true);
      expect(validateSnapshot(snapshot, { today: new Date(2026, 11, 1), pick: ["DATA-04"] }).findings).toEqual([]);
    });
  });
});
