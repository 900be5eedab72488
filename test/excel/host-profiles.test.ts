/**
 * Every pane action under every host profile (./fakes/profiles.ts): the strict fake, Excel on the
 * web, and a host that refuses calls on null objects; then what only some hosts do to an action.
 */
import { createExcelActions } from "../../src/excel/actions";
import { describeOfficeError } from "../../src/excel/errors";
import { HIGHLIGHT_FILL } from "../../src/excel/highlights";
import { CHART_NAME } from "../../src/excel/timeline";
import { validateWorkbook } from "../../src/excel/validate";
import { generateSheets } from "../../src/excel/generate";
import { day, toSerial, type Day } from "../../src/playbook/dates";
import { CORRECT_PLAN, EXAMPLE_PLAN } from "../../src/playbook/example";
import { planSnapshot, type PlanData, type PlanRecord } from "../../src/playbook/template";
import { STRINGS } from "../../src/taskpane/strings";
import { STRICT, WEB, forEachHostProfile, uninstallExcel } from "./fakes/profiles";
import { FakeWorkbook } from "./fakes/workbook";
import { workbookFrom } from "./helpers";

const TODAY = day(2026, 12, 1) as Day;
const d = (y: number, m: number, dd: number) => day(y, m, dd) as Day;
const today = () => TODAY;

afterEach(uninstallExcel);

function charts(workbook: FakeWorkbook) {
  return workbook.sheets.flatMap((s) => s.charts);
}

forEachHostProfile((host) => {
  it("generates the sheets of an empty workbook, and a second run changes nothing", async () => {
    const workbook = new FakeWorkbook();
    workbook.addSheet("Ark1");
    host.install(workbook);
    const actions = createExcelActions({ today });

    const first = await actions.generate("da");
    const before = workbook.sheets.map((s) => workbook.fingerprint(s.name));
    const second = await actions.generate("da");

    expect(first.createdSheets).toHaveLength(9);
    expect(workbook.value("Personer", "A1")).toBe("Navn");
    expect(second.unchanged).toBe(true);
    expect(workbook.sheets.map((s) => workbook.fingerprint(s.name))).toEqual(before);
  });

  it("validates: report rows whose links go to the cell, and highlights that follow a fix on the next run", async () => {
    const workbook = workbookFrom(planSnapshot(EXAMPLE_PLAN));
    host.install(workbook);
    const actions = createExcelActions({ today });

    const outcome = await actions.validate("da");

    const rows = workbook.values("Validering").slice(2);
    const con03 = rows.findIndex((r) => r[0] === "CON-03");
    expect(host.followLink(workbook, "Validering", `E${con03 + 3}`)).toEqual({ sheet: "Kontrakter", address: "E2" });
    expect(outcome.findings.some((f) => f.rule === "DATA-03" && f.cell === "C3")).toBe(true);
    expect(workbook.displayedFill("Institutioner", "C3")).toBe(HIGHLIGHT_FILL.error);

    workbook.requireSheet("Institutioner").setValue(2, 2, 46400); // the user fixes the date
    const again = await actions.validate("da");

    expect(again.findings.some((f) => f.rule === "DATA-03")).toBe(false);
    // What the user sees, not only what the flags say: on the web too, the old highlight is gone.
    expect(workbook.displayedFill("Institutioner", "C3")).toBeNull();
    expect(workbook.displayedFill("Kontrakter", "E2")).toBe(HIGHLIGHT_FILL.warning);
  });

  it("clears the highlights and leaves the user's own fill", async () => {
    const workbook = workbookFrom(planSnapshot(EXAMPLE_PLAN));
    workbook.requireSheet("Kontrakter").mutable(1, 4).fill = "#00FF00";
    host.install(workbook);
    const actions = createExcelActions({ today });
    await actions.validate("da");

    await actions.clearHighlights();

    expect(workbook.displayedFill("Kontrakter", "E2")).toBe("#00FF00");
    expect(workbook.displayedFill("Institutioner", "C3")).toBeNull();
    expect(workbook.sheets.every((s) => s.conditionalFormats.length === 0)).toBe(true);
  });

  it("goes to a finding's cell", async () => {
    const workbook = workbookFrom(planSnapshot(EXAMPLE_PLAN));
    host.install(workbook);

    await createExcelActions({ today }).goTo({ sheet: "Kontrakter", cell: "E2" });

    expect(workbook.selection).toEqual({ sheet: "Kontrakter", address: "E2" });
  });

  it("draws the timeline, and draws it again in place with later dates", async () => {
    const workbook = workbookFrom(planSnapshot(CORRECT_PLAN));
    host.install(workbook);
    const actions = createExcelActions({ today });
    const first = await actions.timeline("da");
    const chart = charts(workbook)[0];
    const oldMaximum = chart.valueAxis.maximum as number;

    // Every contract moves thirty years on: the new axis minimum is past the old maximum.
    const later: PlanData = {
      ...CORRECT_PLAN,
      contracts: [{ vendor: "Axiell", system: "DDElibra", type: "librarySystem", start: d(2050, 1, 1), expires: d(2058, 12, 31), noticeMonths: 6 }],
      settings: {}, // no milestones: only the contract sets the axis
    };
    const fresh = workbookFrom(planSnapshot(later));
    for (const name of ["Kontrakter", "Projekt"]) {
      const target = workbook.requireSheet(name);
      target.cells.clear();
      fresh.requireSheet(name).cells.forEach((row, r) => row.forEach((cell, c) => target.setValue(r, c, cell.value)));
    }
    const second = await actions.timeline("da");

    expect(first).toEqual({ sheet: "Tidslinje", contracts: 3, milestones: 6, chart: true });
    expect(second).toMatchObject({ sheet: "Tidslinje", contracts: 1, chart: true });
    expect(second.unstyled).toBeUndefined();
    expect(charts(workbook)).toEqual([chart]);
    expect(chart.name).toBe(CHART_NAME);
    expect(chart.valueAxis.minimum).toBeGreaterThan(oldMaximum);
    expect(chart.valueAxis.minimum).toBeLessThanOrEqual(toSerial(d(2050, 1, 1)));
    expect(chart.valueAxis.maximum).toBeGreaterThanOrEqual(toSerial(d(2058, 12, 31)));
    expect(chart.series[0].fill).toBeNull(); // the offset bars: no fill
    expect(chart.hiddenLegendEntries).toEqual(new Set([0]));
  });

  it("keeps text as text in the timeline: vendors typed as '-', '+45 …', '=…', systems like '2027-01-01'", async () => {
    const odd = ["-", "+45 33 12 34 56", "=Leverandør", "2027-01-01"];
    const plan: PlanData = {
      ...CORRECT_PLAN,
      contracts: odd.map((vendor, i) => ({ vendor, system: i === 3 ? "2027-01-01" : "FBS", type: "librarySystem", expires: d(2028, 1 + i, 1), noticeMonths: 3 })),
    };
    const workbook = workbookFrom(planSnapshot(plan));
    host.install(workbook);

    const summary = await createExcelActions({ today }).timeline("da");

    expect(summary).toMatchObject({ contracts: 4, chart: true });
    const rows = workbook.values("Tidslinje");
    const header = rows.findIndex((r) => r[0] === "Leverandør");
    expect(rows.slice(header + 1, header + 5).map((r) => r[0])).toEqual(odd);
    expect(rows[header + 4][1]).toBe("2027-01-01");
    expect(charts(workbook)[0].categories.slice(0, 4)).toEqual(["- – FBS", "+45 33 12 34 56 – FBS", "=Leverandør – FBS", "2027-01-01 – 2027-01-01"]);
  });

  it("still draws the chart when the host refuses its legend entry and series colours, and says what it left out", async () => {
    const workbook = workbookFrom(planSnapshot(CORRECT_PLAN));
    host.install(workbook, { refuse: ["Chart.legendEntries.visible", "Chart.series.fill.setSolidColor"] });

    const summary = await createExcelActions({ today }).timeline("da");

    expect(summary).toMatchObject({ chart: true, unstyled: ["legend", "colours"] });
    const [chart] = charts(workbook);
    expect(chart.categories).toContain("Axiell – DDElibra");
    expect(chart.series[0].fill).toBeNull();
    expect(chart.title).toBe("Kontrakter og ibrugtagning");
    const da = STRINGS.da.timelineDrawn(summary);
    expect(da.intent).toBe("warning");
    expect(da.detail).toContain("Excel afviste forklaringen og farverne");
    expect(STRINGS.en.timelineDrawn(summary).detail).toContain("Excel refused the legend and the colours");
  });

  it("leaves a protected report sheet as it was, writes the highlights and the history, and says so", async () => {
    const workbook = workbookFrom(planSnapshot(EXAMPLE_PLAN));
    await validateWorkbook(host.excel(workbook).context, { lang: "da", today: TODAY });
    workbook.requireSheet("Validering").protected = true;
    const report = workbook.fingerprint("Validering");
    workbook.requireSheet("Institutioner").setValue(2, 2, 46400); // fixes a DATA-03

    // In English: the protected Danish report is not renamed either.
    const outcome = await validateWorkbook(host.excel(workbook).context, { lang: "en", today: TODAY });

    expect(outcome.notWritten).toEqual([{ part: "report", sheet: "Validering" }]);
    expect(outcome.reportSheet).toBe("Validering");
    expect(workbook.fingerprint("Validering")).toBe(report);
    expect(workbook.values("Historik")).toHaveLength(3);
    expect(workbook.displayedFill("Institutioner", "C3")).toBeNull();
    expect(STRINGS.en.validated(outcome).detail ?? "").not.toMatch(/report is on/);
  });
});

describe("a used range too large to give its values (Excel on the web, over 5 million cells)", () => {
  it("is read in chunks, so validation finds the same as on the desktop", async () => {
    const people: PlanRecord[] = Array.from({ length: 300 }, (_, i) => ({
      name: `Person ${i + 1}`,
      sector: "publicLibrary",
      body: "projectGroup",
      role: "publicLibrarySpecialist",
      hoursPerWeek: i % 50 === 0 ? "mange" : 5,
    }));
    const snapshot = planSnapshot({ ...CORRECT_PLAN, people: [...(CORRECT_PLAN.people ?? []), ...people] });
    const desktop = await validateWorkbook(STRICT.excel(workbookFrom(snapshot)).context, { lang: "da", today: TODAY });

    // The limit scaled down with the workbook: the Personer sheet has more cells than it.
    const { context, fake } = WEB.excel(workbookFrom(snapshot), { nullValuesAbove: 1_000 });
    const web = await validateWorkbook(context, { lang: "da", today: TODAY });

    expect(fake.syncs).toBeGreaterThan(2);
    expect(web.findings.map((f) => [f.rule, f.sheet, f.cell])).toEqual(desktop.findings.map((f) => [f.rule, f.sheet, f.cell]));
    expect(web.findings.filter((f) => f.rule === "DATA-03")).toHaveLength(6);
  });
});

describe("adding a column to a large table (Excel on the web)", () => {
  it("gets its own sentence, not the advice for a too large transfer", async () => {
    const people: PlanRecord[] = Array.from({ length: 2_100 }, (_, i) => ({ name: `Person ${i + 1}`, sector: "plc", body: "projectGroup", role: "plcSpecialist", hoursPerWeek: 5 }));
    const snapshot = planSnapshot({ ...CORRECT_PLAN, people });
    const sheets = snapshot.sheets.map((s) => (s.name === "Personer" ? { ...s, rows: s.rows.map((r) => r.slice(0, -1)) } : s));
    const make = () => {
      const workbook = workbookFrom({ sheets });
      const personer = workbook.requireSheet("Personer");
      const used = personer.usedArea(true);
      if (!used) throw new Error("no people");
      workbook.tables.push({ name: "tblPersoner", sheet: personer, area: used });
      return workbook;
    };

    const desktop = await generateSheets(STRICT.excel(make()).context, "da");
    const error = await generateSheets(WEB.excel(make()).context, "da").catch((e: unknown) => e);

    expect(desktop.addedColumns).toContain("Personer: Forudsætninger opfyldt");
    expect(error).toMatchObject({ code: "OperationCellsExceedLimit" });
    const message = describeOfficeError(error, "da");
    expect(message.title).toBe("Tabellen er for stor til at få en kolonne mere her");
    expect(message.detail).toContain("Excel på computeren");
    expect(message.detail).toContain("kan være delvist ændret");
    expect(describeOfficeError(error, "en").title).toBe("The table is too large to get another column here");
  });
});
