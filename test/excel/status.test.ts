import { widthInPoints } from "../../src/excel/cells";
import { calendarFile, MUNICIPALITY_SHOWN, STATUS_CHART, STATUS_WIDTHS, TEXT_SHOWN, writeStatusSheet } from "../../src/excel/status";
import { validateWorkbook } from "../../src/excel/validate";
import { day, toSerial, type Day } from "../../src/playbook/dates";
import { CORRECT_PLAN, EXAMPLE_PLAN, EXAMPLE_WORKBOOK } from "../../src/playbook/example";
import { planSnapshot, type PlanData } from "../../src/playbook/template";
import { forEachHostProfile, NULL_REFUSED } from "./fakes/profiles";
import type { FakeWorkbook } from "./fakes/workbook";
import { workbookFrom } from "./helpers";
import { contractLabel, hostilePlan, hundredContracts, LONG, MIXED, undatedPlan } from "./status-plans";

const TODAY = day(2026, 12, 1) as Day;

forEachHostProfile((host) => {
  async function status(workbook: FakeWorkbook, lang: "da" | "en" = "da") {
    const { context } = host.excel(workbook);
    const sync = jest.spyOn(context, "sync");
    const result = await writeStatusSheet(context, { lang, today: TODAY });
    return { result, syncs: sync.mock.calls.length };
  }
  const rowOf = (rows: unknown[][], first: string) => rows.findIndex((r) => r[0] === first);

  it("writes the header, a light in words beside its fill per chapter, the counts and the dates due, in two syncs", async () => {
    const workbook = workbookFrom(planSnapshot(EXAMPLE_PLAN));

    const { result, syncs } = await status(workbook);

    // One read, one write; a host that refuses calls on null objects fails the first read (the chart is
    // looked up on a Status sheet that is not there yet), and the reader asks again with the names.
    expect(syncs).toBe(host === NULL_REFUSED ? 4 : 2);
    expect(result).toEqual({ sheet: "Status" });
    const rows = workbook.values("Status");
    expect(rows[0][0]).toBe("Status for overgangen til FBS");
    expect(rows[rowOf(rows, "Kommune")][1]).toBe("Eksempelby Kommune");
    expect(rows[rowOf(rows, "Dato")][1]).toBe(toSerial(TODAY));
    expect(typeof rows[rowOf(rows, "Dage til ibrugtagning")][1]).toBe("number");
    const header = rowOf(rows, "Kapitel");
    expect(rows[header].slice(0, 5)).toEqual(["Kapitel", "Lys", "Fejl", "Advarsler", "Accepterede"]);
    const chapters = rows.slice(header + 1, header + 8);
    expect(chapters.map((r) => r[0])).toEqual([
      "Organisation §1–2",
      "Økonomiintegration §2.2.5",
      "Drift §3",
      "Uddannelse §3.1–3.2",
      "Kontrakter §4.1–4.2",
      "Institutioner §4.3",
      "Data",
    ]);
    const colours: Record<string, string> = { Rød: "#F4B6B6", Gul: "#FFE08A", Grøn: "#B7E1B0" };
    chapters.forEach((r, i) => {
      expect(Object.keys(colours)).toContain(r[1]);
      expect(workbook.cellAt("Status", `B${header + 2 + i}`).fill).toBe(colours[r[1] as string]);
    });
    // The example plan has breaches: some chapter is not green, and the total says so.
    const total = rows[rowOf(rows, "I alt")];
    expect(total[1]).not.toBe("Grøn");
    expect((total[2] as number) + (total[3] as number)).toBeGreaterThan(0);
    expect(rows.some((r) => r[0] === "Datoer de næste 90 dage")).toBe(true);
    expect(rows.some((r) => r[0] === "Åbne fejl og advarsler over tid")).toBe(true);
    // No validation yet: a sentence instead of a chart.
    expect(rows.some((r) => String(r[0]).startsWith("Ingen historik endnu"))).toBe(true);
    expect(workbook.sheet("Status")?.charts).toHaveLength(0);
  });

  it("counts a finding accepted in Accepterede apart from the open ones (the sample plan's CON-04)", async () => {
    const withAcceptance = workbookFrom(planSnapshot(EXAMPLE_WORKBOOK));
    await status(withAcceptance);
    const contractsRow = (workbook: FakeWorkbook) => workbook.values("Status").find((r) => r[0] === "Kontrakter §4.1–4.2")?.slice(1, 5);
    const before = workbookFrom(planSnapshot(EXAMPLE_PLAN));
    await status(before);
    const [light, errors, warnings, accepted] = contractsRow(before) as [string, number, number, number];
    expect(accepted).toBe(0);
    expect(contractsRow(withAcceptance)).toEqual([light, errors, warnings - 1, 1]);
    expect(withAcceptance.values("Status").find((r) => r[0] === "I alt")?.[4]).toBe(1);
  });

  it("sets up one A4 portrait page wide, with a print area and a title in the header", async () => {
    const workbook = workbookFrom(planSnapshot(CORRECT_PLAN));

    await status(workbook);

    const page = workbook.sheet("Status")?.pageLayout;
    expect(page).toMatchObject({ orientation: "Portrait", paperSize: "A4", zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 } });
    expect(page?.printArea).toMatch(/^A1:E\d+$/);
    const rows = workbook.values("Status");
    expect(Number(page?.printArea?.split(":E")[1])).toBeGreaterThanOrEqual(rows.length);
    expect(page?.centerHeader).toContain("Status for overgangen til FBS");
  });

  it("draws the trend from Historik as a line chart, and rewrites the sheet in place with one chart", async () => {
    const workbook = workbookFrom(planSnapshot(EXAMPLE_PLAN));
    const { context } = host.excel(workbook);
    await validateWorkbook(context, { lang: "da", today: TODAY, now: new Date(2026, 10, 30, 10, 0) });

    await status(workbook);
    const first = workbook.values("Status");
    const chart = workbook.sheet("Status")?.charts;
    expect(chart).toHaveLength(1);
    expect(chart?.[0]).toMatchObject({ name: STATUS_CHART, type: "Line", title: "Åbne fejl og advarsler over tid" });
    expect(chart?.[0].series.map((s) => s.name)).toEqual(["Fejl", "Advarsler"]);
    expect(chart?.[0].categories).toEqual(["30-11-2026"]);
    expect(first.some((r) => String(r[0]).startsWith("Ingen historik endnu"))).toBe(false);

    const again = host.excel(workbook).context;
    await validateWorkbook(again, { lang: "da", today: TODAY, now: new Date(2026, 11, 1, 9, 0) });
    await status(workbook);

    expect(workbook.sheets.filter((s) => s.name.toLowerCase().startsWith("status"))).toHaveLength(1);
    const charts = workbook.sheet("Status")?.charts ?? [];
    expect(charts).toHaveLength(1);
    expect(charts[0].categories).toEqual(["30-11-2026", "01-12-2026"]);
    // The page (columns A–E) reads the same; nothing of the first run is left below it.
    const page = (rows: unknown[][]) => rows.map((r) => r.slice(0, 5));
    expect(page(workbook.values("Status"))).toEqual(page(first));
  });

  it("keeps a municipality written as a formula as text, and writes English when asked", async () => {
    const plan: PlanData = { ...CORRECT_PLAN, settings: { ...CORRECT_PLAN.settings, municipality: "=HYPERLINK(\"x\")" } };
    const workbook = workbookFrom(planSnapshot(plan));

    const { result } = await status(workbook, "en");

    expect(result.sheet).toBe("Status");
    const rows = workbook.values("Status");
    expect(rows[0][0]).toBe("Status of the move to FBS");
    expect(rows[rowOf(rows, "Municipality")][1]).toBe("=HYPERLINK(\"x\")");
    expect(rows[rowOf(rows, "Total")][1]).toBe("Green");
  });

  it("makes the calendar file from the plan's dates in one read, writing nothing", async () => {
    const workbook = workbookFrom(planSnapshot(CORRECT_PLAN));
    const before = workbook.sheets.map((s) => s.name);
    const { context } = host.excel(workbook);
    const sync = jest.spyOn(context, "sync");

    const file = await calendarFile(context, "da");

    // One read (the reader's safe path takes three on a host that refuses calls on null objects).
    expect(sync.mock.calls.length).toBe(host === NULL_REFUSED ? 3 : 1);
    expect(file.fileName).toBe("frister.ics");
    expect(file.text.startsWith("BEGIN:VCALENDAR")).toBe(true);
    expect(file.text).toContain("BEGIN:VALARM");
    expect(file.text.match(/BEGIN:VEVENT/g)?.length).toBe(file.events);
    expect(file.notices).toBeGreaterThan(0);
    expect(workbook.sheets.map((s) => s.name)).toEqual(before);
    expect((await calendarFile(host.excel(workbook).context, "en")).fileName).toBe("deadlines.ics");
  });

  it("lists the dates due in the next 90 days with what to do by then, their texts wrapped and fitted", async () => {
    const workbook = workbookFrom(planSnapshot(CORRECT_PLAN));

    await status(workbook);

    const rows = workbook.values("Status");
    const header = rowOf(rows, "Datoer de næste 90 dage") + 1;
    expect(rows[header].slice(0, 5)).toEqual(["Hvad", "Dato", "Om dage", "Afsnit", "Det skal gøres"]);
    const kickoff = rows.findIndex((r) => r[1] === toSerial(day(2027, 1, 15) as Day));
    expect(rows[kickoff].slice(0, 5)).toEqual(["Opstartsmøde med Systematic", toSerial(day(2027, 1, 15) as Day), 45, "§1.2", "Opstartsmøde med Systematic; projektorganisationen skal være på plads inden."]);
    expect(workbook.cellAt("Status", `B${kickoff + 1}`).numberFormat).toBe("dd-mm-yyyy");
    // What and what to do wrap in their columns (A and E), top-aligned, and the row is fitted to them.
    for (const column of ["A", "E"]) expect(workbook.cellAt("Status", `${column}${kickoff + 1}`)).toMatchObject({ wrap: true, verticalAlignment: "Top" });
    expect(workbook.sheet("Status")?.autofitRows.has(kickoff)).toBe(true);
    expect([...(workbook.sheet("Status")?.columnWidths ?? [])].sort((a, b) => a[0] - b[0])).toEqual(STATUS_WIDTHS.map((w, i) => [i, widthInPoints(w)]));
  });

  it("renders a plan with no dates and no contracts: go-live not set, no dates due in a sentence, no chart", async () => {
    const workbook = workbookFrom(planSnapshot(undatedPlan()));

    await status(workbook);

    const rows = workbook.values("Status");
    expect(rows[rowOf(rows, "Kommune")][1]).toBe("Eksempelby Kommune");
    expect(rows[rowOf(rows, "Ibrugtagning")][1]).toBe("ikke fastsat");
    expect(rows[rowOf(rows, "Dage til ibrugtagning")][1]).toBe("ikke fastsat");
    expect(rows.some((r) => r[0] === "Ingen datoer de næste 90 dage.")).toBe(true);
    expect(rows.some((r) => r[0] === "Hvad")).toBe(false);
    expect(rows.some((r) => String(r[0]).startsWith("Ingen historik endnu"))).toBe(true);
    expect(workbook.sheet("Status")?.charts).toHaveLength(0);
    expect(workbook.sheet("Status")?.pageLayout).toMatchObject({ printArea: `A1:E${rows.length}`, zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 } });
  });

  it("lists a hundred contracts' notice deadlines one row each, still one page wide", async () => {
    const workbook = workbookFrom(planSnapshot(hundredContracts()));

    await status(workbook);

    const rows = workbook.values("Status");
    const header = rowOf(rows, "Hvad");
    const due = rows.slice(header + 1).filter((r) => typeof r[1] === "number" && typeof r[2] === "number");
    const notices = due.filter((r) => String(r[0]).startsWith("Opsigelsesfrist: "));
    expect(notices.map((r) => r[0])).toEqual(Array.from({ length: 100 }, (_, i) => `Opsigelsesfrist: ${contractLabel(i)}`));
    for (const r of notices) {
      expect(r[3]).toBe("§4.1");
      expect(r[4]).toMatch(/^Sidste dag for at opsige Leverandør \d{3} – System \d{3} \(udløber \d{2}-\d{2}-\d{4}\), eller aftal forlængelse\.$/);
    }
    // Sorted by date, all within the 90 days.
    const days = due.map((r) => r[2] as number);
    expect(days).toEqual([...days].sort((a, b) => a - b));
    expect(Math.max(...days)).toBeLessThanOrEqual(90);
    const sheet = workbook.requireSheet("Status");
    for (let r = header + 1; r < header + 1 + due.length; r++) {
      expect([r, sheet.cell(r, 0).wrap, sheet.cell(r, 4).wrap, sheet.autofitRows.has(r)]).toEqual([r, true, true, true]);
    }
    // One page wide, as many pages tall as it takes; the print area holds every row.
    expect(sheet.pageLayout).toMatchObject({ orientation: "Portrait", paperSize: "A4", zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, printArea: `A1:E${rows.length}` });
  });

  it.each([
    ["a formula", "=HYPERLINK(\"https://x.example\";\"klik\")"],
    ["a sum", "=1+1"],
    ["a plus", "+45 12 34 56 78"],
    ["a minus", "-"],
    ["an ISO date", "2027-01-01"],
  ])("keeps a municipality that looks like %s as text", async (_what, municipality) => {
    const workbook = workbookFrom(planSnapshot({ ...CORRECT_PLAN, settings: { ...CORRECT_PLAN.settings, municipality } }));

    await status(workbook);

    const rows = workbook.values("Status");
    const cell = workbook.cellAt("Status", `B${rowOf(rows, "Kommune") + 1}`);
    expect(cell).toMatchObject({ value: municipality, formula: null, error: null, numberFormat: "@" });
  });

  it("writes markup, quotes, emoji and right-to-left text as they are, as text", async () => {
    const workbook = workbookFrom(planSnapshot(hostilePlan(MIXED)));

    await status(workbook);

    const rows = workbook.values("Status");
    expect(rows[rowOf(rows, "Kommune")][1]).toBe(MIXED);
    const notice = rows.find((r) => r[0] === `Opsigelsesfrist: ${MIXED} – =SUM(1;2)`);
    expect(notice?.[4]).toBe(`Sidste dag for at opsige ${MIXED} – =SUM(1;2) (udløber 21-03-2027), eller aftal forlængelse.`);
    const sheet = workbook.requireSheet("Status");
    sheet.forEachStored({ r0: 0, c0: 0, r1: rows.length, c1: 4 }, (_r, _c, cell) => {
      if (typeof cell.value === "string") expect([cell.value, cell.numberFormat, cell.formula]).toEqual([cell.value, "@", null]);
    });
  });

  it("cuts 32,000-character texts on the page with an ellipsis and keeps the layout: the name, a contract, a course", async () => {
    const workbook = workbookFrom(planSnapshot(hostilePlan(LONG)));

    await status(workbook);

    const rows = workbook.values("Status");
    // The name stands on one line from B to E: 60 characters, the last an ellipsis.
    const name = rows[rowOf(rows, "Kommune")][1] as string;
    expect(name).toBe(`${LONG.slice(0, MUNICIPALITY_SHOWN - 1)}…`);
    // A contract's name is cut at 120 (events.ts), what to do at 300 (status.ts).
    const contract = rows.find((r) => String(r[0]).startsWith("Opsigelsesfrist: <script>"));
    expect(contract?.[0]).toBe(`Opsigelsesfrist: ${LONG.slice(0, 119)}…`);
    const course = rows.find((r) => String(r[0]) === "Kursus: Superbruger" && String(r[4]).includes("<script>"));
    expect(String(course?.[4])).toHaveLength(TEXT_SHOWN);
    expect(String(course?.[4]).endsWith("ø…")).toBe(true);
    for (const r of rows) for (const v of r.slice(0, 5)) expect(String(v).length).toBeLessThanOrEqual(TEXT_SHOWN);
    const page = workbook.sheet("Status")?.pageLayout;
    expect(page?.printArea).toBe(`A1:E${rows.length}`);
    // Excel takes at most 255 characters in a header: the name is cut there, not the batch failed.
    expect(page?.centerHeader.length).toBeLessThanOrEqual(255);
    expect(page?.centerHeader).toMatch(/^Status for overgangen til FBS – <script>ø+…$/);
  });

  it("rewrites a long status in place: after a hundred contracts, three leave the sheet a first run would write", async () => {
    const hundred = hundredContracts();
    const workbook = workbookFrom(planSnapshot(hundred));
    await status(workbook);
    const longRows = workbook.values("Status").length;

    // The user deletes all but three contracts; a fresh workbook of what is left is the reference.
    const contracts = workbook.requireSheet("Kontrakter");
    for (const r of [...contracts.cells.keys()]) if (r > 3) contracts.cells.delete(r);
    await status(workbook);
    const fresh = workbookFrom(planSnapshot({ ...hundred, contracts: hundred.contracts?.slice(0, 3) }));
    await status(fresh);

    expect(workbook.values("Status").length).toBeLessThan(longRows - 90);
    expect(workbook.fingerprint("Status")).toBe(fresh.fingerprint("Status"));
    expect(workbook.requireSheet("Status").pageLayout).toEqual(fresh.requireSheet("Status").pageLayout);
    expect(workbook.sheets.filter((s) => s.name.toLowerCase().startsWith("status"))).toHaveLength(1);
  });
});
