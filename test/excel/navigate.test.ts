import { describeOfficeError } from "../../src/excel/errors";
import { goToCell } from "../../src/excel/navigate";
import { fakeExcel } from "./fakes/context";
import { FakeWorkbook } from "./fakes/workbook";

function workbook(): FakeWorkbook {
  const wb = new FakeWorkbook();
  wb.addSheet("Projekt", [["Felt", "Værdi"]]);
  const kontrakter = wb.addSheet("Kontrakter");
  kontrakter.setValue(2, 1, "Leverandør");
  kontrakter.setValue(3, 1, "Axiell");
  return wb;
}

describe("goToCell", () => {
  it("activates the finding's sheet and selects its cell, in one sync", async () => {
    const wb = workbook();
    const { context, fake } = fakeExcel(wb);

    await goToCell(context, "Kontrakter", "E3");

    expect(wb.active?.name).toBe("Kontrakter");
    expect(wb.selection).toEqual({ sheet: "Kontrakter", address: "E3" });
    expect(fake.syncs).toBe(1);
  });

  it("selects the start of the used range when the finding has no cell", async () => {
    const wb = workbook();

    await goToCell(fakeExcel(wb).context, "Kontrakter", null);

    expect(wb.selection).toEqual({ sheet: "Kontrakter", address: "B3" });
  });

  it("does nothing for a finding about the workbook as a whole", async () => {
    const wb = workbook();
    const { context, fake } = fakeExcel(wb);

    await goToCell(context, null, null);

    expect(wb.selection).toBeNull();
    expect(fake.syncs).toBe(0);
  });

  it("fails with a message that says what to do when the sheet is gone", async () => {
    const error = await goToCell(fakeExcel(workbook()).context, "Personer", "A2").catch((e: unknown) => e);

    expect(describeOfficeError(error, "da")).toMatchObject({
      title: "Excel kunne ikke finde arket eller cellen",
      detail: expect.stringContaining("Kør Validér igen"),
    });
  });
});
