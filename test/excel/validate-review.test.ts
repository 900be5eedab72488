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

describe("a protected data sheet without findings, never set up for highlights", () => {
  it("gets no note that its findings are not highlighted (it has none)", async () => {
    const workbook = workbookFrom(planSnapshot(EXAMPLE_PLAN));
    const first = await validateWorkbook(fakeExcel(workbook).context, { lang: "da", today: TODAY });
    const clean = ["Projekt", "Personer", "Enheder", "Ejerskab", "Kursuspladser", "Kontrakter", "Institutioner", "Driftscenter"].find(
      (s) => !first.findings.some((f) => f.sheet === s),
    ) as string;
    expect(clean).toBeDefined();
    const fresh = workbookFrom(planSnapshot(EXAMPLE_PLAN));
    fresh.requireSheet(clean).protected = true;

    const outcome = await validateWorkbook(fakeExcel(fresh).context, { lang: "da", today: TODAY });

    expect(outcome.findings.some((f) => f.sheet === clean)).toBe(false);
    expect(outcome.notWritten ?? []).toEqual([]);
  });
});
