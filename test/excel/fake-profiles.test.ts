/**
 * The test hosts themselves: what Excel on the web and a null-refusing host do that the strict fake
 * does not. If one of these fails, a host profile has forgotten a behaviour of real Excel (sources
 * in src/excel/API-SURFACE.md, "Host profiles"), and the adapter tests would stop guarding it.
 */
import { NULL_REFUSED, STRICT, WEB } from "./fakes/profiles";
import { FakeWorkbook } from "./fakes/workbook";

function workbook(): FakeWorkbook {
  const wb = new FakeWorkbook();
  wb.addSheet("Kontrakter", [["Leverandør"], ["Axiell"]]);
  wb.addSheet("Rapport");
  return wb;
}

describe("links", () => {
  it("a HYPERLINK formula to a place in the workbook goes there on the desktop only; Range.hyperlink goes there everywhere", async () => {
    const wb = workbook();
    const { context } = STRICT.excel(wb);
    const sheet = context.workbook.worksheets.getItem("Rapport");
    sheet.getRange("A1").formulas = [[`=HYPERLINK("#'Kontrakter'!A2","A2")`]];
    sheet.getRange("B1").hyperlink = { documentReference: "'Kontrakter'!A2", textToDisplay: "A2" };
    await context.sync();

    expect(wb.value("Rapport", "A1")).toBe("A2");
    expect(wb.value("Rapport", "B1")).toBe("A2");
    expect(STRICT.followLink(wb, "Rapport", "A1")).toEqual({ sheet: "Kontrakter", address: "A2" });
    expect(WEB.followLink(wb, "Rapport", "A1")).toBeNull();
    expect(WEB.followLink(wb, "Rapport", "B1")).toEqual({ sheet: "Kontrakter", address: "A2" });
  });
});

describe("repainting formula rules", () => {
  /** A flag sheet, a name for it and a rule on Kontrakter that reads it; A2 flagged. */
  async function highlighted(host: typeof STRICT, wb: FakeWorkbook) {
    const { context } = host.excel(wb);
    const flags = context.workbook.worksheets.add("Flags");
    flags.getRange("A2").values = [[1]];
    const kontrakter = context.workbook.worksheets.getItem("Kontrakter");
    kontrakter.names.add("FLAGS", "='Flags'!$A$1:$B$10");
    const rule = kontrakter.getRange("A1:B10").conditionalFormats.add("Custom");
    rule.custom.rule.formula = "=INDEX(FLAGS,ROW(),COLUMN())=1";
    rule.custom.format.fill.color = "#FFC7CE";
    await context.sync();
  }

  async function moveFlag(host: typeof STRICT, wb: FakeWorkbook, force: boolean) {
    const { context } = host.excel(wb);
    const flags = context.workbook.worksheets.getItem("Flags");
    if (force) context.workbook.application.suspendScreenUpdatingUntilNextSync();
    flags.getRange("A2").values = [[""]];
    flags.getRange("A1").values = [[1]];
    await context.sync();
  }

  it("on the web, a rule made through the API shows old flags until the batch forces a repaint", async () => {
    const wb = workbook();
    await highlighted(WEB, wb);
    expect(wb.displayedFill("Kontrakter", "A2")).toBe("#FFC7CE"); // painted when added

    await moveFlag(WEB, wb, false);
    expect(wb.displayedFill("Kontrakter", "A2")).toBe("#FFC7CE"); // stale
    expect(wb.displayedFill("Kontrakter", "A1")).toBeNull();

    await moveFlag(WEB, wb, true);
    expect(wb.displayedFill("Kontrakter", "A2")).toBeNull();
    expect(wb.displayedFill("Kontrakter", "A1")).toBe("#FFC7CE");
  });

  it("on the web, the user's scrolling repaints too; the strict fake always shows the flags as they are", async () => {
    const web = workbook();
    await highlighted(WEB, web);
    await moveFlag(WEB, web, false);
    web.repaint();
    expect(web.displayedFill("Kontrakter", "A1")).toBe("#FFC7CE");

    const desktop = workbook();
    await highlighted(STRICT, desktop);
    await moveFlag(STRICT, desktop, false);
    expect(desktop.displayedFill("Kontrakter", "A1")).toBe("#FFC7CE");
    expect(desktop.displayedFill("Kontrakter", "A2")).toBeNull();
  });
});

describe("text written through values", () => {
  it("on the web, text starting with + or - is a formula and ISO text a date in a General cell; a text cell keeps it", async () => {
    const wb = workbook();
    const { context } = WEB.excel(wb);
    const sheet = context.workbook.worksheets.getItem("Rapport");
    sheet.getRange("A1:C1").values = [["+45 12 34 56 78", "2027-09-01", "=KOMBIT"]];
    const text = sheet.getRange("A2:C2");
    text.numberFormat = [["@", "@", "@"]];
    text.values = [["+45 12 34 56 78", "2027-09-01", "=KOMBIT"]];
    await context.sync();

    expect(wb.cellAt("Rapport", "A1").error).toBe("#NAME?");
    expect(wb.value("Rapport", "B1")).toBe(46631);
    expect(wb.cellAt("Rapport", "C1").formula).toBe("=KOMBIT");
    expect(wb.values("Rapport")[1]).toEqual(["+45 12 34 56 78", "2027-09-01", "=KOMBIT"]);
  });

  it("on the web, a lone '-' fails the batch", async () => {
    const { context } = WEB.excel(workbook());
    context.workbook.worksheets.getItem("Rapport").getRange("A1").values = [["-"]];

    await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
  });
});

describe("limits of Excel on the web", () => {
  it("a range of more cells than the limit loads values = null instead of failing", async () => {
    const wb = workbook();
    const { context } = WEB.excel(wb, { nullValuesAbove: 10 });
    const big = context.workbook.worksheets.getItem("Kontrakter").getRange("A1:C4");
    const small = context.workbook.worksheets.getItem("Kontrakter").getRange("A1:B2");
    big.load(["values", "rowCount"]);
    small.load("values");
    await context.sync();

    expect(big.values).toBeNull();
    expect(big.rowCount).toBe(4);
    expect(small.values).toEqual([["Leverandør", ""], ["Axiell", ""]]);
  });

  it("adding a column to a table of more than about 2,000 rows fails with OperationCellsExceedLimit", async () => {
    const wb = workbook();
    const sheet = wb.requireSheet("Kontrakter");
    wb.tables.push({ name: "tblBig", sheet, area: { r0: 0, c0: 0, r1: 2_100, c1: 7 } });
    wb.tables.push({ name: "tblSmall", sheet, area: { r0: 3_000, c0: 0, r1: 3_100, c1: 7 } });

    for (const [host, code] of [[WEB, "OperationCellsExceedLimit"], [STRICT, undefined]] as const) {
      const { context } = host.excel(wb);
      context.workbook.tables.getItem("tblSmall").columns.add(undefined, undefined, "Ny");
      context.workbook.tables.getItem("tblBig").columns.add(undefined, undefined, "Ny");
      const outcome = await context.sync().then(() => "ok", (e: { code: string }) => e.code);
      expect(outcome).toBe(code ?? "ok");
    }
  });
});

describe("calls on null objects", () => {
  it("chain into another null object on the strict fake, and fail the batch on a host that refuses them", async () => {
    const strict = STRICT.excel(workbook()).context;
    const chart = strict.workbook.worksheets.getItemOrNullObject("Tidslinje").charts.getItemOrNullObject("x");
    await strict.sync();
    expect(chart.isNullObject).toBe(true);

    const refusing = NULL_REFUSED.excel(workbook()).context;
    refusing.workbook.worksheets.getItemOrNullObject("Tidslinje").charts.getItemOrNullObject("x");
    await expect(refusing.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
  });
});

describe("sheet protection", () => {
  it("loads Worksheet.protection.protected, which a protected sheet's refused writes go with; of a missing sheet it is null or, refusing hosts, a failed batch", async () => {
    const wb = workbook();
    wb.requireSheet("Kontrakter").protected = true;
    const { context } = STRICT.excel(wb);
    const locked = context.workbook.worksheets.getItem("Kontrakter").protection.load("protected");
    const open = context.workbook.worksheets.getItem("Rapport").protection.load("protected");
    const missing = context.workbook.worksheets.getItemOrNullObject("Tidslinje").protection.load("protected");
    await context.sync();
    expect([locked.protected, open.protected, missing.protected]).toEqual([true, false, null]);

    context.workbook.worksheets.getItem("Kontrakter").getRange("A2").values = [["Systematic"]];
    await expect(context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
    expect(wb.value("Kontrakter", "A2")).toBe("Axiell");

    const refusing = NULL_REFUSED.excel(workbook()).context;
    refusing.workbook.worksheets.getItemOrNullObject("Tidslinje").protection.load("protected");
    await expect(refusing.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
  });
});

describe("what every profile shares", () => {
  it("refuses a value axis minimum at or above its maximum", async () => {
    const wb = workbook();
    wb.requireSheet("Kontrakter").setValue(1, 1, 5);
    const { context } = STRICT.excel(wb);
    const chart = context.workbook.worksheets.getItem("Kontrakter").charts.add("BarStacked", context.workbook.worksheets.getItem("Kontrakter").getRange("A1:B2"), "Columns");
    chart.axes.valueAxis.minimum = 100;
    chart.axes.valueAxis.maximum = 200;
    await context.sync();

    chart.axes.valueAxis.minimum = 300;
    await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("reports a partly validated range as MixedCriteria", async () => {
    const wb = workbook();
    wb.requireSheet("Kontrakter").validations.set("1,0", { type: "List", source: "Ja,Nej", alert: null });
    const { context } = STRICT.excel(wb);
    const validation = context.workbook.worksheets.getItem("Kontrakter").getRange("A1:A3").dataValidation;
    validation.load("type");
    await context.sync();

    expect(validation.type).toBe("MixedCriteria");
  });

  it("refuses the members a test names, with ApiNotFound", async () => {
    const { context } = STRICT.excel(workbook(), { refuse: ["Application.suspendScreenUpdatingUntilNextSync"] });
    context.workbook.application.suspendScreenUpdatingUntilNextSync();

    await expect(context.sync()).rejects.toMatchObject({ code: "ApiNotFound" });
  });
});
