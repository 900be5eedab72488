import { createExcelActions } from "../../src/excel/actions";
import { describeOfficeError } from "../../src/excel/errors";
import { day, type Day } from "../../src/playbook/dates";
import { EXAMPLE_PLAN } from "../../src/playbook/example";
import { planSnapshot } from "../../src/playbook/template";
import { installExcel, uninstallExcel } from "./fakes/profiles";
import { FakeWorkbook as Workbook } from "./fakes/workbook";
import { workbookFrom } from "./helpers";

afterEach(uninstallExcel);

describe("createExcelActions", () => {
  const today = () => day(2026, 12, 1) as Day;

  it("runs each action in its own Excel.run", async () => {
    const workbook = new Workbook();
    const run = installExcel(workbook);
    const actions = createExcelActions({ today });

    const generated = await actions.generate("da");
    const outcome = await actions.validate("da");
    await actions.goTo({ sheet: "Projekt", cell: "B3" });
    const timeline = await actions.timeline("da");
    await actions.clearHighlights();

    expect(run).toHaveBeenCalledTimes(5);
    expect(generated.createdSheets).toHaveLength(9); // the eight data sheets and Accepterede
    expect(outcome.reportSheet).toBe("Validering");
    expect(outcome.findings.some((f) => f.rule === "DATA-06")).toBe(true); // Kommune and Ibrugtagning are empty
    expect(workbook.selection).toEqual({ sheet: "Projekt", address: "B3" });
    expect(timeline.chart).toBe(false);
  });

  it("uses the injected today for the rules", async () => {
    installExcel(workbookFrom(planSnapshot(EXAMPLE_PLAN)));
    const early = await createExcelActions({ today: () => day(2026, 1, 1) as Day }).validate("en");
    const late = await createExcelActions({ today: () => day(2028, 1, 1) as Day }).validate("en");

    expect(early.findings.some((f) => f.rule === "CON-07")).toBe(false);
    expect(late.findings.some((f) => f.rule === "CON-07")).toBe(true);
  });

  it("passes Excel's errors on for the pane to word", async () => {
    const workbook = new Workbook();
    workbook.cellEditMode = true;
    installExcel(workbook);

    const error = await createExcelActions({ today }).validate("da").catch((e: unknown) => e);

    expect(describeOfficeError(error, "en").title).toBe("Excel is editing a cell");
  });
});
