import { validateWorkbook } from "../../src/excel/validate";
import { day, type Day } from "../../src/playbook/dates";
import { EXAMPLE_PLAN } from "../../src/playbook/example";
import { planSnapshot } from "../../src/playbook/template";
import { fakeExcel } from "./fakes/context";
import { workbookFrom } from "./helpers";

const TODAY = day(2026, 12, 1) as Day;

describe("a protected report named «Validering » (a trailing space: Validering to the add-in, not to getItem)", () => {
  it("is left as it was, and the rest is written whole (not a failed write batch with the highlights done)", async () => {
    const workbook = workbookFrom(planSnapshot(EXAMPLE_PLAN));
    await validateWorkbook(fakeExcel(workbook).context, { lang: "da", today: TODAY });
    workbook.requireSheet("Validering").name = "Validering ";
    workbook.requireSheet("Validering ").protected = true;
    const before = workbook.fingerprint("Historik");

    const outcome = await validateWorkbook(fakeExcel(workbook).context, { lang: "da", today: TODAY });

    expect(outcome.notWritten).toEqual([{ part: "report", sheet: "Validering " }]);
    expect(workbook.fingerprint("Historik")).not.toBe(before);
  });
});
