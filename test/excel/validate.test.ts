import { FLAG_SHEET, HIGHLIGHT_FILL, clearHighlights } from "../../src/excel/highlights";
import { validateWorkbook } from "../../src/excel/validate";
import { day, type Day } from "../../src/playbook/dates";
import { CORRECT_PLAN, EXAMPLE_PLAN } from "../../src/playbook/example";
import { render } from "../../src/playbook/render";
import { planSnapshot, type PlanRecord } from "../../src/playbook/template";
import { fakeExcel } from "./fakes/context";
import { STRICT, WEB } from "./fakes/profiles";
import type { FakeWorkbook } from "./fakes/workbook";
import { workbookFrom } from "./helpers";

const TODAY = day(2026, 12, 1) as Day;
const DATA_SHEETS = ["Projekt", "Personer", "Enheder", "Ejerskab", "Kursuspladser", "Kontrakter", "Institutioner", "Driftscenter"];

async function validate(workbook: FakeWorkbook, lang: "da" | "en" = "da") {
  const { context } = fakeExcel(workbook);
  const sync = jest.spyOn(context, "sync");
  const outcome = await validateWorkbook(context, { lang, today: TODAY });
  return { outcome, syncs: sync.mock.calls.length, context };
}

describe("validateWorkbook", () => {
  it("validates a 10,000-row workbook in at most two syncs", async () => {
    const people: PlanRecord[] = Array.from({ length: 10_000 }, (_, i) => ({
      name: `Person ${i + 1}`,
      sector: "publicLibrary",
      body: "projectGroup",
      role: "publicLibrarySpecialist",
      hoursPerWeek: i % 100 === 0 ? "mange" : 5, // every 100th row: a DATA-03 error
    }));
    const workbook = workbookFrom(planSnapshot({ ...CORRECT_PLAN, people: [...(CORRECT_PLAN.people ?? []), ...people] }));

    const { outcome, syncs } = await validate(workbook);

    expect(syncs).toBeLessThanOrEqual(2);
    const invalid = outcome.findings.filter((f) => f.rule === "DATA-03" && f.sheet === "Personer");
    expect(invalid).toHaveLength(100);
    expect(outcome.highlighted).toBeGreaterThanOrEqual(100);
    const last = invalid[invalid.length - 1];
    expect(workbook.displayedFill("Personer", last.cell as string)).toBe(HIGHLIGHT_FILL.error);
  });

  it("writes the report: errors first, with section, message, hint and a link to the cell", async () => {
    const workbook = workbookFrom(planSnapshot(EXAMPLE_PLAN));

    const { outcome } = await validate(workbook);

    expect(outcome.reportSheet).toBe("Validering");
    const report = workbook.values("Validering");
    expect(report[0][0]).toMatch(/^Validering af FBS-planen 01-12-2026: 7 fejl · 7 advarsler · 1 info$/);
    expect(report[1]).toEqual(["Regel", "Alvor", "Afsnit", "Ark", "Celle", "Besked", "Sådan retter du"]);
    const rows = report.slice(2);
    expect(rows).toHaveLength(outcome.findings.length);
    const severities = rows.map((r) => r[1]);
    expect(severities.lastIndexOf("Fejl")).toBeLessThan(severities.indexOf("Advarsel"));
    expect(severities.lastIndexOf("Advarsel")).toBeLessThan(severities.indexOf("Info"));

    const con03 = rows.find((r) => r[0] === "CON-03") as Array<string | number | boolean>;
    const finding = outcome.findings.find((f) => f.rule === "CON-03");
    expect(con03.slice(0, 5)).toEqual(["CON-03", "Advarsel", "4.1", "Kontrakter", "E2"]);
    const text = render(finding!, { lang: "da", surface: "pane" });
    expect(con03[5]).toBe(text.message);
    expect(con03[6]).toBe(text.hint);
    // The link goes to the cell on the desktop and on the web alike.
    const linkCell = `E${rows.indexOf(con03) + 3}`;
    expect(workbook.value("Validering", linkCell)).toBe("E2");
    expect(STRICT.followLink(workbook, "Validering", linkCell)).toEqual({ sheet: "Kontrakter", address: "E2" });
    expect(WEB.followLink(workbook, "Validering", linkCell)).toEqual({ sheet: "Kontrakter", address: "E2" });
    // Sections such as "1.2" stay text; Excel would otherwise turn them into numbers.
    expect(rows.every((r) => typeof r[2] === "string")).toBe(true);
    expect(workbook.cellAt("Validering", "B3").fill).toBe(HIGHLIGHT_FILL.error);
    expect(workbook.requireSheet("Validering").frozenRows).toBe(2);
  });

  it("highlights the cells findings point at, by severity, and leaves the rest as the user made it", async () => {
    const workbook = workbookFrom(planSnapshot(EXAMPLE_PLAN));
    const kontrakter = workbook.requireSheet("Kontrakter");
    kontrakter.mutable(1, 4).fill = "#00FF00"; // the user's own green on E2, which gets a warning
    kontrakter.mutable(3, 0).fill = "#FFFF00"; // and yellow on A4, which gets nothing
    const before = DATA_SHEETS.map((s) => workbook.values(s));

    await validate(workbook);

    expect(workbook.displayedFill("Kontrakter", "E2")).toBe(HIGHLIGHT_FILL.warning); // CON-03
    expect(workbook.displayedFill("Enheder", "C7")).toBe(HIGHLIGHT_FILL.error); // DRIFT-03 (error) and ORG-12 (warning)
    expect(workbook.displayedFill("Institutioner", "C3")).toBe(HIGHLIGHT_FILL.error); // DATA-03
    expect(workbook.displayedFill("Kontrakter", "A4")).toBe("#FFFF00");
    expect(workbook.displayedFill("Kontrakter", "A2")).toBeNull();
    expect(kontrakter.cell(1, 4).fill).toBe("#00FF00");
    expect(DATA_SHEETS.map((s) => workbook.values(s))).toEqual(before);
    expect(workbook.requireSheet(FLAG_SHEET).visibility).toBe("VeryHidden");
  });

  it("replaces the old results when run again: fixed cells lose their highlight, nothing is duplicated", async () => {
    const workbook = workbookFrom(planSnapshot(EXAMPLE_PLAN));
    await validate(workbook);
    const firstReportRows = workbook.values("Validering").length;

    workbook.requireSheet("Institutioner").setValue(2, 2, 46400); // a real date instead of 31-02-2027
    const { outcome, syncs } = await validate(workbook);

    expect(syncs).toBe(2);
    expect(outcome.findings.some((f) => f.rule === "DATA-03")).toBe(false);
    expect(workbook.displayedFill("Institutioner", "C3")).toBeNull();
    expect(workbook.displayedFill("Kontrakter", "E2")).toBe(HIGHLIGHT_FILL.warning);
    expect(workbook.values("Validering")).toHaveLength(firstReportRows - 1);
    expect(workbook.sheets.filter((s) => s.name === "Validering")).toHaveLength(1);
    for (const name of DATA_SHEETS) expect(workbook.requireSheet(name).conditionalFormats).toHaveLength(3);
  });

  it("reports a plan without findings as such", async () => {
    const workbook = workbookFrom(planSnapshot(CORRECT_PLAN));

    const { outcome } = await validate(workbook);

    expect(outcome.summary).toEqual({ error: 0, warning: 0, info: 0, accepted: 0 });
    expect(outcome.highlighted).toBe(0);
    expect(workbook.value("Validering", "F3")).toBe("Ingen fund: planen overholder alle de regler, der blev tjekket.");
  });

  it("writes the report in English, and renames a Danish report instead of adding a second one", async () => {
    const workbook = workbookFrom(planSnapshot(EXAMPLE_PLAN));
    await validate(workbook, "da");

    const { outcome } = await validate(workbook, "en");

    expect(outcome.reportSheet).toBe("Validation");
    expect(workbook.sheets.map((s) => s.name)).not.toContain("Validering");
    expect(workbook.values("Validation")[1]).toEqual(["Rule", "Severity", "Section", "Sheet", "Cell", "Message", "How to fix"]);
  });

  it("links a finding about a whole sheet to the sheet, and one about a missing sheet to nothing", async () => {
    const snapshot = planSnapshot(EXAMPLE_PLAN);
    const workbook = workbookFrom({ sheets: snapshot.sheets.filter((s) => s.name !== "Kontrakter") });

    await validate(workbook);

    const rows = workbook.values("Validering").slice(2);
    const linkOf = (rule: string) => `E${rows.findIndex((r) => r[0] === rule) + 3}`;
    expect(WEB.followLink(workbook, "Validering", linkOf("DATA-01"))).toBeNull(); // Kontrakter is missing: nowhere to go
    expect(workbook.value("Validering", linkOf("ORG-03"))).toBe("Gå til arket");
    expect(WEB.followLink(workbook, "Validering", linkOf("ORG-03"))).toEqual({ sheet: "Personer", address: "A1" });
  });

  it("leaves a protected data sheet without highlights, writes the rest in the same two syncs, and says so", async () => {
    const workbook = workbookFrom(planSnapshot(EXAMPLE_PLAN));
    workbook.requireSheet("Kontrakter").protected = true;
    const before = workbook.fingerprint("Kontrakter");

    const { outcome, syncs } = await validate(workbook);

    expect(syncs).toBe(2);
    expect(outcome.notWritten).toEqual([{ part: "highlights", sheet: "Kontrakter" }]);
    expect(workbook.fingerprint("Kontrakter")).toBe(before);
    expect(workbook.displayedFill("Kontrakter", "E2")).toBeNull();
    expect(workbook.displayedFill("Institutioner", "C3")).toBe(HIGHLIGHT_FILL.error);
    expect(workbook.values("Validering").some((r) => r[3] === "Kontrakter")).toBe(true);
    expect(workbook.values("Historik")).toHaveLength(2);
    // The cells of Kontrakter are not counted as highlighted.
    const { outcome: full } = await validate(workbookFrom(planSnapshot(EXAMPLE_PLAN)));
    expect(outcome.highlighted).toBeLessThan(full.highlighted);
  });

  it("keeps highlighting a data sheet protected after its highlights were set up (only the flag sheet changes)", async () => {
    const workbook = workbookFrom(planSnapshot(EXAMPLE_PLAN));
    await validate(workbook);
    workbook.requireSheet("Institutioner").protected = true;
    workbook.requireSheet("Kontrakter").protected = true;

    const { outcome } = await validate(workbook);

    expect(outcome.notWritten).toBeUndefined();
    expect(workbook.displayedFill("Kontrakter", "E2")).toBe(HIGHLIGHT_FILL.warning);
  });
});

describe("clearHighlights", () => {
  it("removes every highlight and leaves the user's formatting exactly as it was", async () => {
    const workbook = workbookFrom(planSnapshot(EXAMPLE_PLAN));
    const kontrakter = workbook.requireSheet("Kontrakter");
    kontrakter.mutable(1, 4).fill = "#00FF00";
    kontrakter.mutable(1, 0).bold = true;
    kontrakter.conditionalFormats.push({
      id: "user-cf",
      area: { r0: 1, c0: 0, r1: 10, c1: 0 },
      type: "Custom",
      formula: "=TRUE",
      fill: "#CCCCFF",
      fontColor: null,
    });
    const before = Object.fromEntries(DATA_SHEETS.map((s) => [s, workbook.fingerprint(s)]));
    await validate(workbook);
    expect(workbook.displayedFill("Kontrakter", "E2")).toBe(HIGHLIGHT_FILL.warning);

    const { context } = fakeExcel(workbook);
    const sync = jest.spyOn(context, "sync");
    await clearHighlights(context);

    expect(sync.mock.calls.length).toBeLessThanOrEqual(3);
    expect(workbook.displayedFill("Kontrakter", "E2")).toBe("#00FF00");
    expect(workbook.displayedFill("Kontrakter", "A2")).toBe("#CCCCFF");
    for (const name of DATA_SHEETS) expect(workbook.fingerprint(name)).toBe(before[name]);
    expect(workbook.sheet(FLAG_SHEET)).toBeUndefined();
    // The report stays: it is the record of the last validation.
    expect(workbook.sheet("Validering")).toBeDefined();
  });

  it("does nothing on a workbook that was never validated", async () => {
    const workbook = workbookFrom(planSnapshot(CORRECT_PLAN));
    const before = workbook.sheets.map((s) => workbook.fingerprint(s.name));
    const { context, fake } = fakeExcel(workbook);

    await clearHighlights(context);

    expect(workbook.sheets.map((s) => workbook.fingerprint(s.name))).toEqual(before);
    expect(fake.syncs).toBe(1);
  });

  it("lets validation highlight again after clearing", async () => {
    const workbook = workbookFrom(planSnapshot(EXAMPLE_PLAN));
    await validate(workbook);
    await clearHighlights(fakeExcel(workbook).context);

    await validate(workbook);

    expect(workbook.displayedFill("Kontrakter", "E2")).toBe(HIGHLIGHT_FILL.warning);
    expect(workbook.requireSheet("Kontrakter").conditionalFormats).toHaveLength(3);
  });
});
