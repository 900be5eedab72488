import { CHART_NAME, drawTimeline } from "../../src/excel/timeline";
import { day, toSerial, type Day } from "../../src/playbook/dates";
import { CORRECT_PLAN } from "../../src/playbook/example";
import { DATE_FORMAT, planSnapshot, type PlanData } from "../../src/playbook/template";
import { fakeExcel } from "./fakes/context";
import type { FakeWorkbook } from "./fakes/workbook";
import { workbookFrom } from "./helpers";

const TODAY = day(2026, 12, 1) as Day;
const d = (y: number, m: number, dd: number) => day(y, m, dd) as Day;

async function draw(workbook: FakeWorkbook, lang: "da" | "en" = "da") {
  const { context } = fakeExcel(workbook);
  const sync = jest.spyOn(context, "sync");
  const summary = await drawTimeline(context, lang, TODAY);
  return { summary, syncs: sync.mock.calls.length };
}

function charts(workbook: FakeWorkbook) {
  return workbook.sheets.flatMap((s) => s.charts.map((c) => ({ sheet: s.name, chart: c })));
}

describe("drawTimeline", () => {
  it("writes the milestones and contract dates and draws a Gantt chart in three syncs", async () => {
    const workbook = workbookFrom(planSnapshot(CORRECT_PLAN));

    const { summary, syncs } = await draw(workbook);

    expect(syncs).toBe(3); // read; sheet and chart; finishing touches
    expect(summary).toEqual({ sheet: "Tidslinje", contracts: 3, milestones: 6, chart: true });
    const rows = workbook.values("Tidslinje");
    expect(rows[0][0]).toBe("Tidslinje: kontrakter og ibrugtagning (opdateret 01-12-2026)");
    expect(rows[2].slice(0, 2)).toEqual(["Milepæl", "Dato"]);
    const goLive = rows.find((r) => r[0] === "Ibrugtagning");
    expect(goLive?.[1]).toBe(toSerial(d(2027, 9, 1)));
    const header = rows.findIndex((r) => r[0] === "Leverandør");
    expect(rows[header].slice(0, 9)).toEqual([
      "Leverandør",
      "System",
      "Type",
      "Start",
      "Opsigelsesfrist",
      "Udløber",
      "Slut med forlængelse",
      "Opsagt",
      "Række i Kontrakter",
    ]);
    // DDElibra: expires 31-12-2027, 6 months' notice → 30-06-2027; 3 months' extension → 31-03-2028.
    expect(rows[header + 1].slice(0, 7)).toEqual([
      "Axiell",
      "DDElibra",
      "Bibliotekssystem",
      toSerial(d(2019, 1, 1)),
      toSerial(d(2027, 6, 30)),
      toSerial(d(2027, 12, 31)),
      toSerial(d(2028, 3, 31)),
    ]);
    expect(workbook.cellAt("Tidslinje", `E${header + 2}`).numberFormat).toBe(DATE_FORMAT);

    const [{ sheet, chart }] = charts(workbook);
    expect(sheet).toBe("Tidslinje");
    expect(chart.name).toBe(CHART_NAME);
    expect(chart.type).toBe("BarStacked");
    expect(chart.categories).toEqual(["Axiell – DDElibra", "Mikromarc AS – Mikromarc", "Dell – Bibliotekssystemserver", "Ibrugtagning"]);
    expect(chart.series.map((s) => s.name)).toEqual(["Start", "Løbetid før opsigelsesfrist", "Opsigelsesvarsel", "Forlængelse", "Ibrugtagning + 1 måned"]);
    // The offset series is invisible and out of the legend; the others have their colours.
    expect(chart.series[0].fill).toBeNull();
    expect(chart.hiddenLegendEntries).toEqual(new Set([0]));
    expect(chart.series.slice(1).every((s) => typeof s.fill === "string")).toBe(true);
    // Offset = start date; segments add up to the end with extension.
    const ddelibra = chart.series.map((s) => Number(s.values[0]));
    expect(ddelibra[0]).toBe(toSerial(d(2019, 1, 1)));
    expect(ddelibra.slice(0, 4).reduce((a, b) => a + b)).toBe(toSerial(d(2028, 3, 31)));
    expect(chart.series[4].values[3]).toBe(toSerial(d(2027, 10, 1)) - toSerial(d(2027, 9, 1)));
    // Dates on the value axis, around the data; the first contract on top.
    expect(chart.valueAxis.numberFormat).toBe(DATE_FORMAT);
    expect(chart.valueAxis.minimum).toBeLessThanOrEqual(toSerial(d(2019, 1, 1)));
    expect(chart.valueAxis.maximum).toBeGreaterThanOrEqual(toSerial(d(2028, 9, 30)));
    expect(chart.valueAxis.minimum).toBeGreaterThan(toSerial(d(2017, 1, 1)));
    expect(chart.categoryAxis.reversePlotOrder).toBe(true);
    expect(chart.title).toBe("Kontrakter og ibrugtagning");
  });

  it("updates the sheet and the chart in place when run again, never adding a second chart", async () => {
    const workbook = workbookFrom(planSnapshot(CORRECT_PLAN));
    await draw(workbook);
    const chart = charts(workbook)[0].chart;
    chart.anchor = "P20"; // the user moved the chart
    chart.width = 800;
    const plan: PlanData = {
      ...CORRECT_PLAN,
      contracts: [...(CORRECT_PLAN.contracts ?? []), { vendor: "Cicero", system: "Cicero", type: "librarySystem", expires: d(2028, 6, 30), noticeMonths: 3, extensionMonths: 3 }],
    };
    const kontrakter = workbookFrom(planSnapshot(plan)).requireSheet("Kontrakter");
    const target = workbook.requireSheet("Kontrakter");
    kontrakter.cells.forEach((row, r) => row.forEach((cell, c) => target.setValue(r, c, cell.value)));

    const { summary } = await draw(workbook);

    expect(summary.contracts).toBe(4);
    expect(charts(workbook)).toHaveLength(1);
    const again = charts(workbook)[0].chart;
    expect(again).toBe(chart);
    expect(again.categories).toContain("Cicero – Cicero");
    expect(again.anchor).toBe("P20");
    expect(again.width).toBe(800);
    expect(again.series[0].fill).toBeNull();
    expect(workbook.sheets.filter((s) => s.name === "Tidslinje")).toHaveLength(1);
  });

  it("says why there is no chart when no contract has an expiry date, and removes the old chart", async () => {
    const workbook = workbookFrom(planSnapshot(CORRECT_PLAN));
    await draw(workbook);
    const kontrakter = workbook.requireSheet("Kontrakter");
    for (let r = 1; r <= 3; r++) kontrakter.setValue(r, 4, null);

    const { summary } = await draw(workbook);

    expect(summary.chart).toBe(false);
    expect(charts(workbook)).toHaveLength(0);
    expect(workbook.values("Tidslinje").flat()).toContain(
      "Intet diagram: ingen kontrakt har en udløbsdato. Skriv Udløber i arket Kontrakter, og tegn tidslinjen igen.",
    );
  });

  it("draws in English, and moves a Danish timeline to the English name instead of adding one", async () => {
    const workbook = workbookFrom(planSnapshot(CORRECT_PLAN));
    await draw(workbook, "da");

    const { summary } = await draw(workbook, "en");

    expect(summary.sheet).toBe("Timeline");
    expect(workbook.sheet("Tidslinje")).toBeUndefined();
    expect(charts(workbook)).toHaveLength(1);
    expect(charts(workbook)[0].chart.categories).toContain("Go-live");
    expect(workbook.values("Timeline")[2].slice(0, 2)).toEqual(["Milestone", "Date"]);
  });

  it("explains an empty plan instead of failing", async () => {
    const workbook = workbookFrom(planSnapshot({}));

    const { summary } = await draw(workbook);

    expect(summary).toEqual({ sheet: "Tidslinje", contracts: 0, milestones: 0, chart: false });
    expect(workbook.values("Tidslinje")[3][0]).toBe("Ingen milepæle endnu: skriv datoerne i arket Projekt (fx Ibrugtagning).");
  });
});
