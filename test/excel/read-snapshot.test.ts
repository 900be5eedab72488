import { CORRECT_PLAN } from "../../src/playbook/example";
import { planSnapshot, type PlanRecord } from "../../src/playbook/template";
import { readSnapshot, readWorkbook } from "../../src/excel/read-snapshot";
import { fakeExcel } from "./fakes/context";
import { FakeWorkbook } from "./fakes/workbook";
import { asExcelReturnsIt, workbookFrom } from "./helpers";

function people(n: number): PlanRecord[] {
  return Array.from({ length: n }, (_, i) => ({
    name: `Person ${i + 1}`,
    email: `p${i + 1}@eksempelby.dk`,
    sector: i % 2 ? "plc" : "publicLibrary",
    body: "projectGroup",
    role: "publicLibrarySpecialist",
    hoursPerWeek: (i % 30) + 0.5,
  }));
}

describe("readSnapshot", () => {
  it("reads a 10,000-row workbook with exactly one context.sync()", async () => {
    const snapshot = planSnapshot({ ...CORRECT_PLAN, people: people(10_000) });
    const { context } = fakeExcel(workbookFrom(snapshot));
    const sync = jest.spyOn(context, "sync");

    const read = await readSnapshot(context);

    expect(sync).toHaveBeenCalledTimes(1);
    const personer = read.sheets.find((s) => s.name === "Personer");
    expect(personer?.rows).toHaveLength(10_001);
    expect(personer?.rows[10_000][0]).toBe("Person 10000");
    // Every data sheet comes back as Excel holds it (dates as serial numbers), in workbook order.
    expect(read.sheets.map((s) => s.name)).toEqual(snapshot.sheets.map((s) => s.name));
    for (const sheet of snapshot.sheets) {
      expect(read.sheets.find((s) => s.name === sheet.name)?.rows).toEqual(asExcelReturnsIt(sheet.rows));
    }
  });

  it("reads English sheet names, and skips the report, the timeline and the user's own sheets", async () => {
    const workbook = workbookFrom(planSnapshot(CORRECT_PLAN, "en"), ["Validation", "Tidslinje", "My notes"]);
    workbook.requireSheet("My notes").setValue(0, 0, "private");
    const { context } = fakeExcel(workbook);

    const read = await readSnapshot(context);

    expect(read.sheets.map((s) => s.name)).toEqual([
      "Project",
      "People",
      "Units",
      "Ownership",
      "Training seats",
      "Contracts",
      "Institutions",
      "Operations centre",
    ]);
  });

  it("keeps cell positions: data that starts at C3 is padded to A1, error cells become errors", async () => {
    const workbook = new FakeWorkbook();
    const sheet = workbook.addSheet("Kontrakter");
    sheet.setValue(2, 2, "Leverandør");
    sheet.setValue(2, 3, "Udløber");
    sheet.setValue(3, 2, "Axiell");
    sheet.setValue(3, 3, "#N/A");
    const { context } = fakeExcel(workbook);

    const read = await readSnapshot(context);

    expect(read.sheets[0].rows).toEqual([[], [], [null, null, "Leverandør", "Udløber"], [null, null, "Axiell", { error: "#N/A" }]]);
  });

  it("finds a sheet whose name matches only loosely with one more sync", async () => {
    const workbook = new FakeWorkbook();
    workbook.addSheet("Projekt", [["Felt", "Værdi"]]);
    workbook.addSheet(" kontrakter ", [["Leverandør"], ["Axiell"]]);
    const { context } = fakeExcel(workbook);
    const sync = jest.spyOn(context, "sync");

    const read = await readSnapshot(context);

    expect(sync).toHaveBeenCalledTimes(2);
    expect(read.sheets.map((s) => s.name)).toEqual(["Projekt", " kontrakter "]);
    expect(read.sheets[1].rows[1][0]).toBe("Axiell");
  });

  it("still reads everything when Excel refuses calls on a null object (names first, then the sheets)", async () => {
    const snapshot = planSnapshot(CORRECT_PLAN);
    const { context } = fakeExcel(workbookFrom(snapshot), { nullChaining: "throw" });
    const sync = jest.spyOn(context, "sync");

    const read = await readSnapshot(context);

    expect(sync).toHaveBeenCalledTimes(3);
    expect(read.sheets.map((s) => s.rows)).toEqual(snapshot.sheets.map((s) => asExcelReturnsIt(s.rows)));
  });

  it("reads in chunks only when the response would pass the payload limit", async () => {
    const snapshot = planSnapshot({ ...CORRECT_PLAN, people: people(3_000) });
    const limit = 400_000; // small, to make a 3,000-row sheet "huge"
    const { context } = fakeExcel(workbookFrom(snapshot), { responseLimit: limit });
    const sync = jest.spyOn(context, "sync");

    const read = await readSnapshot(context);

    expect(read.sheets.map((s) => s.rows)).toEqual(snapshot.sheets.map((s) => asExcelReturnsIt(s.rows)));
    // One failed attempt, the names, the sizes, then chunks of the people sheet.
    expect(sync.mock.calls.length).toBeGreaterThan(4);
  });

  it("queues the caller's loads into the same sync", async () => {
    const { context } = fakeExcel(workbookFrom(planSnapshot(CORRECT_PLAN)));
    const sync = jest.spyOn(context, "sync");

    const read = await readWorkbook(context, {
      perSheet: (worksheet) => worksheet.names.getItemOrNullObject("FBS_FLAGS"),
      workbook: (ctx) => ctx.workbook.names.getItemOrNullObject("FBS_FORMAT_VERSION"),
    });

    expect(sync).toHaveBeenCalledTimes(1);
    expect(read.workbook.isNullObject).toBe(true);
    expect(read.dataSheets.map((s) => s.extra.isNullObject)).toEqual(new Array(8).fill(true));
  });
});
