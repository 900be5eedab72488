import { FORMAT_VERSION_NAME, generateSheets } from "../../src/excel/generate";
import { LISTS_SHEET } from "../../src/playbook/lists";
import { readSnapshot } from "../../src/excel/read-snapshot";
import { validateSnapshot } from "../../src/playbook/engine";
import { day, type Day } from "../../src/playbook/dates";
import { EXAMPLE_PLAN } from "../../src/playbook/example";
import { DATE_FORMAT, planSnapshot } from "../../src/playbook/template";
import type { WorkbookSnapshot } from "../../src/playbook/snapshot";
import { fakeExcel } from "./fakes/context";
import { FakeWorkbook } from "./fakes/workbook";
import { workbookFrom } from "./helpers";

const TODAY = day(2026, 12, 1) as Day;
const DATA_SHEETS = ["Projekt", "Personer", "Enheder", "Ejerskab", "Kursuspladser", "Kontrakter", "Institutioner", "Driftscenter"];
/** What Generate creates: the data sheets, then Accepterede (where users record accepted findings). */
const GENERATED = [...DATA_SHEETS, "Accepterede"];

async function generate(workbook: FakeWorkbook, lang: "da" | "en" = "da") {
  const { context } = fakeExcel(workbook);
  const sync = jest.spyOn(context, "sync");
  const summary = await generateSheets(context, lang);
  return { summary, syncs: sync.mock.calls.length };
}

function fingerprints(workbook: FakeWorkbook): Record<string, string> {
  return Object.fromEntries(workbook.sheets.map((s) => [s.name, workbook.fingerprint(s.name)]));
}

function validation(workbook: FakeWorkbook, sheet: string, address: string) {
  const s = workbook.requireSheet(sheet);
  const { r0, c0 } = { r0: Number(address.slice(1)) - 1, c0: address.charCodeAt(0) - 65 };
  return s.validations.get(`${r0},${c0}`);
}

async function findingsOf(workbook: FakeWorkbook) {
  const snapshot = await readSnapshot(fakeExcel(workbook).context);
  return validateSnapshot(snapshot, { today: TODAY }).findings;
}

/** A copy of a snapshot with edits to one sheet's rows. */
function editSheet(snapshot: WorkbookSnapshot, name: string, edit: (rows: WorkbookSnapshot["sheets"][number]["rows"]) => void): WorkbookSnapshot {
  const sheets = snapshot.sheets.map((s) => ({ name: s.name, rows: s.rows.map((r) => [...r]) }));
  const sheet = sheets.find((s) => s.name === name);
  if (sheet) edit(sheet.rows);
  return { sheets };
}

describe("generateSheets on an empty workbook", () => {
  it("creates every sheet as a named table with headers, settings, ownership rows, drop-downs, date formats and a frozen header", async () => {
    const workbook = new FakeWorkbook();
    workbook.addSheet("Ark1");

    const { summary, syncs } = await generate(workbook);

    expect(summary).toEqual({ createdSheets: GENERATED, addedColumns: [], addedRows: 0, unchanged: false });
    expect(syncs).toBe(2); // read; write (nothing to probe on new sheets)
    expect(workbook.tables.map((t) => [t.name, t.sheet.name])).toEqual([
      ["tblProjekt", "Projekt"],
      ["tblPersoner", "Personer"],
      ["tblEnheder", "Enheder"],
      ["tblEjerskab", "Ejerskab"],
      ["tblKursuspladser", "Kursuspladser"],
      ["tblKontrakter", "Kontrakter"],
      ["tblInstitutioner", "Institutioner"],
      ["tblDriftscenter", "Driftscenter"],
      ["tblAccepterede", "Accepterede"],
    ]);
    const projekt = workbook.values("Projekt");
    expect(projekt[0]).toEqual(["Felt", "Værdi"]);
    expect(projekt.slice(1).map((r) => r[0])).toContain("Ibrugtagning");
    expect(projekt.find((r) => r[0] === "Varsel for udmelding (dage)")?.[1]).toBe(30);
    expect(projekt.find((r) => r[0] === "Driftscenter for andre kommuner")?.[1]).toBe("Nej");
    expect(workbook.values("Ejerskab").slice(1).map((r) => r[0])).toEqual(["OWN-1", "OWN-2", "OWN-3", "OWN-4", "OWN-5", "OWN-6", "OWN-7", "OWN-8"]);
    expect(workbook.values("Kontrakter")[0]).toEqual([
      "Leverandør",
      "System",
      "Type",
      "Startdato",
      "Udløber",
      "Opsigelsesvarsel (måneder)",
      "Forlængelse (måneder)",
      "Opsagt",
      "Leverandørens ophør",
      "Beredskab tilmeldt",
    ]);
    expect(workbook.cellAt("Kontrakter", "E2").numberFormat).toBe(DATE_FORMAT);
    expect(validation(workbook, "Kontrakter", "C2")?.source).toBe("Bibliotekssystem,Hardware/server,Andet");
    expect(validation(workbook, "Kontrakter", "J2")?.source).toBe("Ja,Nej");
    expect(validation(workbook, "Projekt", "C9")).toBeUndefined();
    expect(validation(workbook, "Projekt", "B9")?.source).toBe("Ja,Nej"); // Driftscenter for andre kommuner
    expect(workbook.cellAt("Projekt", "B3").numberFormat).toBe(DATE_FORMAT); // Ibrugtagning
    for (const name of GENERATED) expect(workbook.requireSheet(name).frozenRows).toBe(1);
    expect(workbook.requireSheet("Kontrakter").columnWidths.get(0)).toBeGreaterThan(100);
    expect(workbook.names.get(FORMAT_VERSION_NAME.toLowerCase())).toMatchObject({ formula: "=1", visible: false });
    // Drop-downs and date formats reach row 500 (as `init` writes them), not beyond.
    expect(validation(workbook, "Kontrakter", "C500")?.source).toBe("Bibliotekssystem,Hardware/server,Andet");
    expect(validation(workbook, "Kontrakter", "C501")).toBeUndefined();
    expect(workbook.cellAt("Kontrakter", "E500").numberFormat).toBe(DATE_FORMAT);
    // Each Projekt value says what to type when selected.
    expect(validation(workbook, "Projekt", "B3")?.prompt).toEqual({ showPrompt: true, title: "Ibrugtagning", message: "En dato, dd-mm-åååå (skal udfyldes)" });
    expect(validation(workbook, "Projekt", "B9")?.prompt).toMatchObject({ message: "Ja eller Nej" });
    // A warning, in Danish, when a value is not in the list.
    expect(validation(workbook, "Kontrakter", "C2")?.alert).toMatchObject({ showAlert: true, style: "Warning", title: "Værdi uden for listen" });
    // The sheet that was there is left as it was.
    expect(workbook.sheets[0].name).toBe("Ark1");
  });

  it("offers the roles, a list longer than Excel's 255 characters, from a hidden list sheet", async () => {
    const workbook = new FakeWorkbook();

    await generate(workbook);

    const source = validation(workbook, "Personer", "E2")?.source;
    expect(source).toBe("=FBS_LIST_ROLE_DA");
    const name = workbook.names.get("fbs_list_role_da");
    expect(name?.visible).toBe(false);
    expect(workbook.requireSheet(LISTS_SHEET).visibility).toBe("VeryHidden");
    const ref = /!\$(\w+)\$1:\$\w+\$(\d+)$/.exec(name?.formula ?? "");
    const column = (ref?.[1] ?? "A").charCodeAt(0) - 65;
    const values = Array.from({ length: Number(ref?.[2]) }, (_, r) => workbook.requireSheet(LISTS_SHEET).cell(r, column).value);
    expect(values).toContain("Systemadministrator (nuværende system)");
    expect(values).toHaveLength(14);
  });

  it("changes nothing the second time", async () => {
    const workbook = new FakeWorkbook();
    await generate(workbook);
    const before = fingerprints(workbook);

    const { summary, syncs } = await generate(workbook);

    expect(summary).toEqual({ createdSheets: [], addedColumns: [], addedRows: 0, unchanged: true });
    expect(syncs).toBe(2); // read and probe; no write
    expect(fingerprints(workbook)).toEqual(before);
  });

  it("writes a workbook the validation reads as complete (no missing sheet or column)", async () => {
    const workbook = new FakeWorkbook();
    await generate(workbook);

    const findings = await findingsOf(workbook);

    expect(findings.filter((f) => f.rule === "DATA-01" || f.rule === "DATA-02")).toEqual([]);
  });

  it("writes English sheets, headers and lists with --lang en", async () => {
    const workbook = new FakeWorkbook();

    const { summary } = await generate(workbook, "en");

    expect(summary.createdSheets).toEqual(["Project", "People", "Units", "Ownership", "Training seats", "Contracts", "Institutions", "Operations centre", "Accepted"]);
    expect(workbook.values("Project")[2]).toEqual(["Go-live", ""]);
    expect(validation(workbook, "Contracts", "J2")?.source).toBe("Yes,No");
    expect(validation(workbook, "People", "E2")?.source).toBe("=FBS_LIST_ROLE_EN");
    expect(workbook.values("Ownership")[1][1]).toBe("Professional guarantor of optimal use and local workflows");
    expect(validation(workbook, "Contracts", "C2")?.alert).toMatchObject({ title: "Value not in the list" });
    expect(validation(workbook, "Accepted", "B2")?.source).toBe("Project,People,Units,Ownership,Training seats,Contracts,Institutions,Operations centre");
  });
});

describe("Accepterede, where the project records the findings it accepts", () => {
  it("is created with its columns, date formats on Dato and Gælder til, and the plan's sheets to pick under Ark", async () => {
    const workbook = new FakeWorkbook();

    await generate(workbook);

    expect(workbook.values("Accepterede")[0]).toEqual(["Regel", "Ark", "Emne", "Kolonne", "Begrundelse", "Accepteret af", "Dato", "Gælder til"]);
    expect(validation(workbook, "Accepterede", "B2")?.source).toBe(DATA_SHEETS.join(","));
    expect(validation(workbook, "Accepterede", "B2")?.alert).toMatchObject({ style: "Warning", title: "Ark uden for listen" });
    expect(validation(workbook, "Accepterede", "A2")).toBeUndefined(); // Regel: any rule id
    expect(workbook.cellAt("Accepterede", "G2").numberFormat).toBe(DATE_FORMAT);
    expect(workbook.cellAt("Accepterede", "H40").numberFormat).toBe(DATE_FORMAT);
  });

  it("keeps the acceptances a user wrote, and only adds a column they lack", async () => {
    const workbook = new FakeWorkbook();
    workbook.addSheet("Accepterede", [
      ["Regel", "Ark", "Emne", "Kolonne", "Begrundelse", "Accepteret af", "Dato"],
      ["CON-04", "Kontrakter", "Axiell / Cicero", "", "Styregruppen har besluttet ikke at forlænge", "Mette Holm", 46000],
    ]);
    const before = workbook.values("Accepterede");

    const { summary } = await generate(workbook);

    expect(summary.createdSheets).not.toContain("Accepterede");
    expect(summary.addedColumns).toContain("Accepterede: Gælder til");
    const after = workbook.values("Accepterede");
    expect(after.map((r) => r.slice(0, 7))).toEqual(before);
    expect(after[0][7]).toBe("Gælder til");
    expect(workbook.cellAt("Accepterede", "H2").numberFormat).toBe(DATE_FORMAT);

    const { summary: again } = await generate(workbook);
    expect(again.unchanged).toBe(true);
  });
});

describe("generateSheets on a workbook that holds the user's data", () => {
  function userWorkbook(): FakeWorkbook {
    let snapshot = planSnapshot(EXAMPLE_PLAN);
    snapshot = editSheet(snapshot, "Kontrakter", (rows) => rows.forEach((r) => r.splice(7, 1))); // no Opsagt column
    snapshot = editSheet(snapshot, "Projekt", (rows) => rows.splice(rows.findIndex((r) => r[0] === "Debitorsystem"), 1));
    snapshot = editSheet(snapshot, "Ejerskab", (rows) => {
      rows.splice(rows.findIndex((r) => r[0] === "OWN-3"), 1);
      const own5 = rows.find((r) => r[0] === "OWN-5");
      if (own5) own5[0] = null; // the user cleared the key; the text still says which responsibility it is
    });
    snapshot = { sheets: snapshot.sheets.filter((s) => s.name !== "Kursuspladser") };
    const workbook = workbookFrom(snapshot);
    const personer = workbook.requireSheet("Personer");
    personer.setValue(0, 12, "Noter"); // the user's own column, M
    personer.setValue(3, 12, "Ringer tilbage");
    personer.mutable(3, 12).fill = "#FFFF00";
    const notes = workbook.addSheet("Mine noter");
    notes.setValue(0, 0, "Husk KOMBIT-mødet");
    const kontrakter = workbook.requireSheet("Kontrakter");
    kontrakter.mutable(1, 4).numberFormat = "d. mmm yyyy"; // the user's own date format on E2
    kontrakter.mutable(2, 4).numberFormat = "General"; // E3 lost its format
    return workbook;
  }

  it("adds only what is missing and leaves every cell the user typed as it was", async () => {
    const workbook = userWorkbook();
    const before = Object.fromEntries(workbook.sheets.map((s) => [s.name, workbook.values(s.name)]));
    const notes = workbook.fingerprint("Mine noter");

    const { summary, syncs } = await generate(workbook);

    expect(syncs).toBe(3); // read, probe, write
    expect(summary).toEqual({
      createdSheets: ["Kursuspladser", "Accepterede"],
      addedColumns: ["Kontrakter: Opsagt"],
      addedRows: 2, // Debitorsystem, OWN-3
      unchanged: false,
    });
    // Every value that was there is still there, at the same address.
    for (const [name, rows] of Object.entries(before)) {
      const now = workbook.values(name);
      rows.forEach((row, r) =>
        row.forEach((value, c) => {
          if (value !== "") expect([name, r, c, now[r][c]]).toEqual([name, r, c, value]);
        }),
      );
    }
    expect(workbook.fingerprint("Mine noter")).toBe(notes);
    expect(workbook.cellAt("Personer", "M4").fill).toBe("#FFFF00");
    // The missing column at the right end, formatted for dates.
    expect(workbook.value("Kontrakter", "J1")).toBe("Opsagt");
    expect(workbook.cellAt("Kontrakter", "J3").numberFormat).toBe(DATE_FORMAT);
    // The user's own date format stays; a General date cell gets the workbook's format.
    expect(workbook.cellAt("Kontrakter", "E2").numberFormat).toBe("d. mmm yyyy");
    expect(workbook.cellAt("Kontrakter", "E3").numberFormat).toBe(DATE_FORMAT);
    // Rows: the missing setting and responsibility below the data; the cleared key filled in.
    const projekt = workbook.values("Projekt");
    expect(projekt[projekt.length - 1]).toEqual(["Debitorsystem", ""]);
    const ejerskab = workbook.values("Ejerskab");
    expect(ejerskab[ejerskab.length - 1].slice(0, 2)).toEqual(["OWN-3", "Formel godkendelse af anskaffelse og installation af tredjepartsudstyr"]);
    expect(ejerskab.filter((r) => r[0] === "OWN-5")).toHaveLength(1);
    expect(ejerskab.filter((r) => String(r[1]).startsWith("Koordineret indmelding"))).toHaveLength(1);
    // Existing list columns without drop-downs get them, below the data too.
    expect(validation(workbook, "Kontrakter", "C2")?.source).toBe("Bibliotekssystem,Hardware/server,Andet");
    expect(validation(workbook, "Kontrakter", "C40")?.source).toBe("Bibliotekssystem,Hardware/server,Andet");
    expect(workbook.requireSheet("Personer").frozenRows).toBe(1);
    // What it added, validation now finds: no missing column or row findings.
    const findings = await findingsOf(workbook);
    expect(findings.filter((f) => ["DATA-01", "DATA-02"].includes(f.rule))).toEqual([]);
  });

  it("changes nothing when run a second time", async () => {
    const workbook = userWorkbook();
    await generate(workbook);
    const before = fingerprints(workbook);

    const { summary } = await generate(workbook);

    expect(summary.unchanged).toBe(true);
    expect(fingerprints(workbook)).toEqual(before);
  });

  it("keeps the user's own drop-down and frozen panes", async () => {
    const workbook = workbookFrom(planSnapshot(EXAMPLE_PLAN));
    const personer = workbook.requireSheet("Personer");
    for (let r = 1; r < 600; r++) personer.validations.set(`${r},2`, { type: "List", source: "Bibliotek,Skole", alert: null });
    personer.frozenRows = 3;

    await generate(workbook);

    expect(personer.validations.get("1,2")?.source).toBe("Bibliotek,Skole");
    expect(personer.frozenRows).toBe(3);
  });

  it("grows an existing table with a missing row and a missing column", async () => {
    const workbook = new FakeWorkbook();
    await generate(workbook);
    // The user deleted the table's last Projekt row and the Kontrakter column "Beredskab tilmeldt".
    const projekt = workbook.requireSheet("Projekt");
    const projektTable = workbook.table("tblProjekt");
    if (!projektTable) throw new Error("no table");
    projekt.cells.delete(projektTable.area.r1);
    projektTable.area.r1 -= 1;
    const kontrakter = workbook.requireSheet("Kontrakter");
    const kontrakterTable = workbook.table("tblKontrakter");
    if (!kontrakterTable) throw new Error("no table");
    for (const row of kontrakter.cells.values()) row.delete(9);
    kontrakter.validations.delete("1,9");
    kontrakterTable.area.c1 -= 1;
    kontrakter.setValue(1, 0, "Axiell");

    const { summary } = await generate(workbook);

    expect(summary).toMatchObject({ addedColumns: ["Kontrakter: Beredskab tilmeldt"], addedRows: 1, unchanged: false });
    expect(workbook.table("tblProjekt")?.area.r1).toBe(13);
    expect(workbook.value("Projekt", "A14")).toBe("Integrationstest uden udsendelse til borgere");
    expect(validation(workbook, "Projekt", "B14")?.source).toBe("Ja,Nej");
    expect(workbook.table("tblKontrakter")?.area.c1).toBe(9);
    expect(workbook.value("Kontrakter", "J1")).toBe("Beredskab tilmeldt");
    expect(validation(workbook, "Kontrakter", "J2")?.source).toBe("Ja,Nej");
    expect(workbook.value("Kontrakter", "A2")).toBe("Axiell");
  });

  it("leaves a sheet alone that holds content but none of the expected headers", async () => {
    const workbook = new FakeWorkbook();
    workbook.addSheet("Personer", [["Hvem", "Hvad"], ["Kim", "Alt"]]);
    const before = workbook.fingerprint("Personer");

    const { summary } = await generate(workbook);

    expect(summary.skippedSheets).toEqual(["Personer"]);
    expect(workbook.fingerprint("Personer")).toBe(before);
    expect(summary.createdSheets).not.toContain("Personer");
  });

  it("fills an existing empty sheet like a new one", async () => {
    const workbook = new FakeWorkbook();
    workbook.addSheet("Kontrakter");

    const { summary } = await generate(workbook);

    expect(summary.createdSheets).not.toContain("Kontrakter");
    expect(summary.addedColumns).toContain("Kontrakter: Leverandør");
    expect(workbook.table("tblKontrakter")?.sheet.name).toBe("Kontrakter");
  });
});
