/**
 * The read path against office-addin-mock, the mock the issue names. The mock syncs only objects in
 * its tree and returns the string "Error, property was not loaded" for anything not loaded, instead of
 * throwing; the host functions below emulate what Excel does with `…OrNullObject` proxies.
 * (The stricter in-memory fake in ./fakes drives the rest of the adapter's tests.)
 */
import { OfficeMockObject } from "office-addin-mock";
import { readSnapshot } from "../../src/excel/read-snapshot";
import { CORRECT_PLAN } from "../../src/playbook/example";
import { planSnapshot, type PlanRecord } from "../../src/playbook/template";
import { asExcelReturnsIt } from "./helpers";

const NOT_LOADED = "Error, property was not loaded";

type Rows = Array<Array<string | number | boolean>>;

function usedRange(rows: Rows) {
  return { values: rows, valueTypes: rows.map((r) => r.map(() => "String")), rowIndex: 0, columnIndex: 0, isNullObject: false, address: "x" };
}

/** Mock data for a workbook whose sheets hold `sheets`; every sheet object sits in the mock's tree so that sync() reaches it. */
function mockExcel(sheets: Array<{ name: string; rows: Rows }>) {
  const byName: Record<string, unknown> = {};
  sheets.forEach((s, i) => {
    byName[`s${i}`] = {
      name: s.name,
      visibility: "Visible",
      isNullObject: false,
      used: usedRange(s.rows),
      getUsedRangeOrNullObject(this: OfficeMockObject & { used: OfficeMockObject }) {
        this.used.load("isNullObject");
        return this.used;
      },
    };
  });
  const data = {
    workbook: {
      worksheets: {
        items: sheets.map((s) => ({ name: s.name })),
        sheets: { ...byName, missing: { name: "", isNullObject: true, used: { ...usedRange([]), isNullObject: true }, getUsedRangeOrNullObject(this: OfficeMockObject & { used: OfficeMockObject }) { this.used.load("isNullObject"); return this.used; } } },
        load(this: OfficeMockObject) {
          // "items/name": the mock cannot navigate into an array, so load the array itself.
          OfficeMockObject.prototype.load.call(this, "items");
        },
        getItemOrNullObject(this: OfficeMockObject & { sheets: Record<string, OfficeMockObject> }, name: string) {
          const index = sheets.findIndex((s) => s.name === name);
          const sheet = index >= 0 ? this.sheets[`s${index}`] : this.sheets.missing;
          sheet.load("isNullObject");
          return sheet;
        },
      },
    },
  };
  return new OfficeMockObject(data) as unknown as Excel.RequestContext & OfficeMockObject;
}

function people(n: number): PlanRecord[] {
  return Array.from({ length: n }, (_, i) => ({ name: `Person ${i + 1}`, sector: "plc", body: "projectGroup", role: "plcSpecialist", hoursPerWeek: 5 }));
}

describe("reading with office-addin-mock", () => {
  it("reads a 10,000-row workbook in exactly one context.sync()", async () => {
    const snapshot = planSnapshot({ ...CORRECT_PLAN, people: people(10_000) });
    const sheets = snapshot.sheets.map((s) => ({ name: s.name, rows: asExcelReturnsIt(s.rows) as Rows }));
    const context = mockExcel(sheets);
    const sync = jest.spyOn(context, "sync");

    const read = await readSnapshot(context);

    expect(sync).toHaveBeenCalledTimes(1);
    const personer = read.sheets.find((s) => s.name === "Personer");
    expect(personer?.rows).toHaveLength(10_001);
    expect(personer?.rows[10_000].slice(0, 1)).toEqual(["Person 10000"]);
    expect(read.sheets.map((s) => s.name)).toEqual(snapshot.sheets.map((s) => s.name));
  });

  it("loads only what it reads: other properties stay unloaded", async () => {
    const context = mockExcel([{ name: "Projekt", rows: [["Felt", "Værdi"]] }]);
    const worksheets = (context as unknown as { workbook: { worksheets: { sheets: Record<string, { visibility: unknown }> } } }).workbook.worksheets;

    await readSnapshot(context);

    expect(worksheets.sheets.s0.visibility).toBe(NOT_LOADED);
  });
});
