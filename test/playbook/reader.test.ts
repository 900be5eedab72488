/** The reader: how WORKBOOK.md says sheets, columns and values are found. */
import { day } from "../../src/playbook/dates";
import { cellLocation } from "../../src/playbook/location";
import { readPlan } from "../../src/playbook/reader";
import type { CellValue, WorkbookSnapshot } from "../../src/playbook/snapshot";
import { planSnapshot } from "../../src/playbook/template";
import { correctPlan, findingsOf, validate } from "./plan-fixtures";

function people(header: CellValue[], ...rows: CellValue[][]): WorkbookSnapshot {
  const base = planSnapshot(correctPlan());
  const sheets = base.sheets.filter((s) => s.name !== "Personer");
  return { sheets: [...sheets, { name: "Personer", rows: [header, ...rows] }] };
}

describe("finding sheets and columns", () => {
  it("reads an all-English workbook like the Danish one", () => {
    const plan = readPlan(planSnapshot(correctPlan(), "en"));
    expect(plan.sheets.people?.name).toBe("People");
    expect(plan.people).toHaveLength(correctPlan().people!.length);
    expect(plan.people[0].role.value).toBe("projectOwner");
    expect(plan.settings.goLive.value).toEqual(day(2027, 9, 1));
  });

  it("matches sheet names and headers regardless of case and spaces", () => {
    const snapshot = planSnapshot(correctPlan());
    snapshot.sheets.find((s) => s.name === "Kursuspladser")!.name = "  KURSUSPLADSER ";
    const contracts = snapshot.sheets.find((s) => s.name === "Kontrakter")!;
    contracts.rows[0] = contracts.rows[0].map((h) => String(h).toUpperCase().replace(/ /g, "  "));
    const plan = readPlan(snapshot);
    expect(plan.seats).toHaveLength(5);
    expect(plan.contracts[0].noticeMonths.value).toBe(6);
    expect(plan.contracts[0].noticeMonths.column).toBe("OPSIGELSESVARSEL  (MÅNEDER)");
  });

  it("reads columns in any order, keeps the user's own columns out of the way, and skips blank rows", () => {
    const snapshot = people(
      ["Noter", "Rolle", "Navn", "Organ", "Sektor", "Timer pr. uge", "Formand", "Beslutningskompetence", "Overordnet projektleder", "Kontaktperson for KOMBIT og Systematic", "Nuværende system", "Forudsætninger opfyldt"],
      ["chef", "Projektejer", "Mette Holm", "Styregruppe", "Folkebibliotek", null, "Ja", "Ja"],
      [],
      [null, null, null, null, null, null, null, null],
      ["ny", "Projektleder", "Jens Madsen", "Projektgruppe", "Folkebibliotek", "7,5"],
    );
    const plan = readPlan(snapshot);
    expect(plan.people.map((p) => [p.row, p.name.value, p.role.value])).toEqual([
      [2, "Mette Holm", "projectOwner"],
      [5, "Jens Madsen", "projectManager"],
    ]);
    expect(plan.people[1].hoursPerWeek.value).toBe(7.5);
    expect(cellLocation(plan.people[1].hoursPerWeek).cell).toBe("F5");
    expect(plan.sheets.people?.missingColumns).toEqual([]);
  });

  it("finds the header in a later row below a title", () => {
    const snapshot = people(["Personer i FBS-projektet"], [], ["Navn", "Sektor", "Organ", "Rolle"], ["Mette Holm", "Folkebibliotek", "Styregruppe", "Projektejer"]);
    const plan = readPlan(snapshot);
    expect(plan.sheets.people?.headerRow).toBe(3);
    expect(plan.people[0].row).toBe(4);
    expect(cellLocation(plan.people[0].role).cell).toBe("D4");
  });

  it("reads a workbook that mixes Danish and English values", () => {
    const snapshot = people(
      ["Name", "Sector", "Body", "Role"],
      ["Mette Holm", "Public library", "Styregruppe", "Project owner"],
      ["Jens Madsen", "Folkebibliotek", "Project group", "Projektleder"],
    );
    const plan = readPlan(snapshot);
    expect(plan.people.map((p) => [p.sector.value, p.effectiveBody, p.role.value])).toEqual([
      ["publicLibrary", "steeringGroup", "projectOwner"],
      ["publicLibrary", "projectGroup", "projectManager"],
    ]);
  });

  it("takes a role's usual body when Organ is empty", () => {
    const plan = readPlan(people(["Navn", "Rolle", "Organ"], ["Lise Kjær", "Superbruger", null]));
    expect(plan.people[0].effectiveBody).toBe("operationsOrganisation");
  });
});

describe("reading values", () => {
  const dateOf = (raw: CellValue) => {
    const plan = correctPlan();
    plan.settings!.goLive = raw as never;
    return readPlan(planSnapshot(plan)).settings.goLive;
  };

  it.each([
    ["01-09-2027", day(2027, 9, 1)],
    ["1.9.2027", day(2027, 9, 1)],
    ["1/9/2027", day(2027, 9, 1)],
    ["2027-09-01", day(2027, 9, 1)],
    [46631, day(2027, 9, 1)], // Excel serial, as Office.js returns a date cell
  ])("reads the date %p", (raw, expected) => {
    expect(dateOf(raw).value).toEqual(expected);
  });

  it("reads a date cell by its calendar day whatever the time zone", () => {
    expect(dateOf(new Date(Date.UTC(2027, 8, 1))).value).toEqual(day(2027, 9, 1));
  });

  it.each(["31-02-2027", "2027/09/01", "september 2027", "01-13-2027", "tirsdag"])("rejects %p as a date, never guesses", (raw) => {
    const field = dateOf(raw);
    expect(field.value).toBeNull();
    expect(field.invalid).toBe(true);
    const plan = correctPlan();
    plan.settings!.goLive = raw;
    expect(findingsOf("DATA-03", plan)).toEqual([expect.objectContaining({ cell: "B3", severity: "error" })]);
  });

  it.each([
    ["Ja", true],
    ["JA", true],
    ["yes", true],
    ["J", true],
    ["x", true],
    [true, true],
    ["TRUE", true],
    ["Nej", false],
    ["no", false],
    ["n", false],
    [false, false],
    ["FALSE", false],
    [null, false],
    ["", false],
  ])("reads %p as yes/no %p", (raw, expected) => {
    const plan = readPlan(people(["Navn", "Rolle", "Formand"], ["Mette Holm", "Projektejer", raw]));
    expect(plan.people[0].chair.value).toBe(expected);
    expect(plan.invalidCells).toEqual([]);
  });

  it.each([
    ["7,5", 7.5],
    ["7.5", 7.5],
    [" 12 ", 12],
    [10, 10],
  ])("reads %p as the number %p", (raw, expected) => {
    const plan = readPlan(people(["Navn", "Rolle", "Timer pr. uge"], ["Jens Madsen", "Projektleder", raw]));
    expect(plan.people[0].hoursPerWeek.value).toBe(expected);
  });

  it.each(["syv", "-3", "1.000,5", true])("reports %p in a number column", (raw) => {
    const plan = readPlan(people(["Navn", "Rolle", "Timer pr. uge"], ["Jens Madsen", "Projektleder", raw]));
    expect(plan.invalidCells.map((c) => c.at.cell)).toEqual(["C2"]);
  });

  it("reads a number typed in a text column as text", () => {
    const plan = readPlan(people(["Navn", "Rolle"], [4711, "Projektleder"]));
    expect(plan.people[0].name.value).toBe("4711");
  });

  it("reports a formula error in any column and reads the cell as empty", () => {
    const plan = readPlan(people(["Navn", "Rolle", "Sektor"], ["Jens Madsen", { error: "#N/A" }, "PLC"]));
    expect(plan.people[0].role.value).toBeNull();
    expect(plan.invalidCells).toEqual([expect.objectContaining({ raw: { error: "#N/A" } })]);
  });

  it("splits the current systems on semicolons", () => {
    const plan = readPlan(planSnapshot(correctPlan()));
    expect(plan.settings.currentSystems.value).toEqual(["DDElibra", "Mikromarc"]);
  });

  it("uses the defaults of WORKBOOK.md for settings that are absent", () => {
    const snapshot = planSnapshot(correctPlan());
    const projekt = snapshot.sheets.find((s) => s.name === "Projekt")!;
    projekt.rows = projekt.rows.filter((r) => !String(r[0]).startsWith("Varsel") && !String(r[0]).startsWith("Driftscenter"));
    const plan = readPlan(snapshot);
    expect(plan.settings.announcementLeadDays.value).toBe(30);
    expect(plan.settings.operationsCentre.value).toBe(false);
  });
});

describe("bad workbooks", () => {
  it("an empty workbook reports the three required sheets and nothing else", () => {
    const findings = validate({ sheets: [] });
    expect(findings.map((f) => f.rule)).toEqual(expect.arrayContaining(["DATA-01"]));
    expect(findings.filter((f) => f.rule === "DATA-01")).toHaveLength(3);
    expect(findings.every((f) => f.severity !== undefined)).toBe(true);
  });

  it("a sheet with nothing in it reports its missing header, once", () => {
    const snapshot = planSnapshot(correctPlan());
    snapshot.sheets.find((s) => s.name === "Kontrakter")!.rows = [];
    expect(findingsOf("DATA-02", snapshot)).toEqual([expect.objectContaining({ sheet: "Kontrakter", cell: null })]);
  });
});

describe("the plan is plain data", () => {
  const plan = readPlan(planSnapshot(correctPlan()));

  it("gives each row its own object and each cell one field that stays the same when read again", () => {
    const person = plan.people[0];
    expect(person.name).toBe(person.name);
    expect(Object.isFrozen(person.name)).toBe(true);
    expect(person.name).toEqual({ value: "Mette Holm", present: true, invalid: false, raw: "Mette Holm", sheet: "Personer", row: 2, column: "Navn", columnIndex: 0 });
  });

  it("serialises a row as that row alone", () => {
    const json = JSON.stringify(plan.people[0]);
    expect(json).toContain("Mette Holm");
    expect(json).not.toContain(plan.people[1].name.value as string);
    expect(json.length).toBeLessThan(3000);
  });

  it("reads its language from the sheet names", () => {
    expect(plan.lang).toBe("da");
    expect(readPlan(planSnapshot(correctPlan(), "en")).lang).toBe("en");
  });

  it("makes a cell's location when asked: its A1 address, or the row when the sheet lacks the column", () => {
    expect(cellLocation(plan.contracts[0].expires)).toEqual({ sheet: "Kontrakter", row: 2, column: "Udløber", cell: "E2" });
    const snapshot = planSnapshot(correctPlan());
    const units = snapshot.sheets.find((s) => s.name === "Enheder")!;
    units.rows = units.rows.map((r) => r.slice(0, 2));
    const withoutSuperUser = readPlan(snapshot).units[0];
    expect(cellLocation(withoutSuperUser.superUser)).toEqual({ sheet: "Enheder", row: 2, column: null, cell: null });
  });
});
