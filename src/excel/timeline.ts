/**
 * The contract timeline: a `Tidslinje` / `Timeline` sheet with the milestones, a table of the
 * contracts' dates (start, notice deadline, expiry, end with extension), and a native Excel Gantt
 * chart: a stacked bar chart whose first series is an invisible offset (the start date's serial), then
 * one segment per period, with dates on the value axis and go-live as its own labelled bar.
 *
 * Running it again rewrites the sheet and updates the chart in place (found by its fixed name, so it
 * is never duplicated; its position and size on the sheet stay where the user put them). Two syncs:
 * one to read, one to write.
 */
import { formatDay, toSerial, type Day } from "../playbook/dates";
import { readPlan } from "../playbook/reader";
import { DATE_FORMAT } from "../playbook/template";
import { buildTimeline, chartGeometry, SEGMENT_COLOURS, type Timeline } from "../playbook/timeline";
import { CONTRACT_TYPES, TIMELINE_SHEET, type Lang, type Text } from "../playbook/vocabulary";
import type { TimelineSummary } from "../port/pane-actions";
import { sameSheetName, widthInPoints, type OfficeValue } from "./cells";
import { readWorkbook } from "./read-snapshot";
import { existingOrNewSheet } from "./sheets";

export const CHART_NAME = "FBS_Tidslinje";

const t = (da: string, en: string): Text => ({ da, en });

const TEXT = {
  title: t("Tidslinje: kontrakter og ibrugtagning", "Timeline: contracts and go-live"),
  updated: t("opdateret", "updated"),
  milestones: [t("Milepæl", "Milestone"), t("Dato", "Date")],
  contracts: [
    t("Leverandør", "Vendor"),
    t("System", "System"),
    t("Type", "Type"),
    t("Start", "Start"),
    t("Opsigelsesfrist", "Notice deadline"),
    t("Udløber", "Expires"),
    t("Slut med forlængelse", "End with extension"),
    t("Opsagt", "Terminated on"),
    t("Række i Kontrakter", "Row in Contracts"),
  ],
  noMilestones: t(
    "Ingen milepæle endnu: skriv datoerne i arket Projekt (fx Ibrugtagning).",
    "No milestones yet: enter the dates in the Project sheet (e.g. Go-live).",
  ),
  noChart: t(
    "Intet diagram: ingen kontrakt har en udløbsdato. Skriv Udløber i arket Kontrakter, og tegn tidslinjen igen.",
    "No chart: no contract has an expiry date. Enter Expires in the Contracts sheet and draw the timeline again.",
  ),
  chartTitle: t("Kontrakter og ibrugtagning", "Contracts and go-live"),
  chartData: t("Diagramdata (bruges af diagrammet)", "Chart data (used by the chart)"),
  series: [
    t("Start", "Start"),
    t("Løbetid før opsigelsesfrist", "Term before notice deadline"),
    t("Opsigelsesvarsel", "Notice period"),
    t("Forlængelse", "Extension"),
    t("Ibrugtagning + 1 måned", "Go-live + 1 month"),
  ],
  goLive: t("Ibrugtagning", "Go-live"),
};


const CONTRACT_COLUMNS_DATES = [3, 4, 5, 6, 7];
const CHART_DATA_COLUMN = 21; // column V: out of the way of the tables, under nothing the user types
const CHART_ANCHOR = "K3";
const CHART_WIDTH = 620;

export interface Block {
  row: number;
  column: number;
  values: OfficeValue[][];
  /** Columns of the block (relative) that hold dates. */
  dateColumns: number[];
  /** The first row is a header. */
  header: boolean;
}

export interface ChartLayout {
  row: number;
  column: number;
  values: OfficeValue[][];
  minimum: number;
  maximum: number;
  majorUnit: number;
  height: number;
}

export interface TimelineLayout {
  title: string;
  blocks: Block[];
  widths: number[];
  chart: ChartLayout | null;
  milestones: number;
  contracts: number;
}

const serial = (d: Day | null): OfficeValue => (d ? toSerial(d) : "");

function contractLabel(vendor: string | null, system: string | null, row: number, lang: Lang): string {
  const name = [vendor, system].filter((s): s is string => !!s).join(" – ");
  return name || (lang === "da" ? `Kontrakt i række ${row}` : `Contract in row ${row}`);
}

function chartLayout(timeline: Timeline, lang: Lang, top: number): ChartLayout | null {
  const geometry = chartGeometry(timeline);
  if (!geometry) return null;
  const rows: OfficeValue[][] = geometry.bars.map(({ contract: c, start, notice, expires, end }) => [
    contractLabel(c.vendor, c.system, c.row, lang),
    start,
    notice - start,
    expires - notice,
    end - expires,
    0,
  ]);
  if (geometry.goLive) rows.push([TEXT.goLive[lang], geometry.goLive.from, 0, 0, 0, geometry.goLive.to - geometry.goLive.from]);
  const header: OfficeValue[] = ["", ...TEXT.series.map((s) => s[lang])];
  return {
    row: top,
    column: CHART_DATA_COLUMN,
    values: [header, ...rows],
    minimum: geometry.minimum,
    maximum: geometry.maximum,
    majorUnit: geometry.majorUnit,
    height: Math.max(220, 90 + 26 * rows.length),
  };
}

/** What the timeline sheet shows. Pure. */
export function timelineLayout(timeline: Timeline, lang: Lang, today: Day): TimelineLayout {
  const blocks: Block[] = [];
  let row = 2;
  const milestoneRows: OfficeValue[][] = timeline.milestones.map((m) => [m.label[lang], serial(m.date)]);
  blocks.push({
    row,
    column: 0,
    values: [TEXT.milestones.map((h) => h[lang]), ...(milestoneRows.length ? milestoneRows : [[TEXT.noMilestones[lang], ""]])],
    dateColumns: milestoneRows.length ? [1] : [],
    header: true,
  });
  row += 2 + Math.max(1, milestoneRows.length);
  const contractRows: OfficeValue[][] = timeline.contracts.map((c) => [
    c.vendor ?? "",
    c.system ?? "",
    c.type ? (CONTRACT_TYPES.find((v) => v.key === c.type)?.[lang] ?? "") : "",
    serial(c.start),
    serial(c.noticeDeadline),
    serial(c.expires),
    serial(c.extendedUntil),
    serial(c.terminatedOn),
    c.row,
  ]);
  blocks.push({ row, column: 0, values: [TEXT.contracts.map((h) => h[lang]), ...contractRows], dateColumns: CONTRACT_COLUMNS_DATES, header: true });
  row += 1 + contractRows.length;
  const chart = chartLayout(timeline, lang, 2);
  if (!chart) blocks.push({ row: row + 1, column: 0, values: [[TEXT.noChart[lang]]], dateColumns: [], header: false });
  else blocks.push({ row: 1, column: CHART_DATA_COLUMN, values: [[TEXT.chartData[lang]]], dateColumns: [], header: false });
  return {
    title: `${TEXT.title[lang]} (${TEXT.updated[lang]} ${formatDay(today, lang)})`,
    blocks,
    widths: [30, 18, 16, 12, 14, 12, 16, 12, 12],
    chart,
    milestones: timeline.milestones.length,
    contracts: timeline.contracts.length,
  };
}

function fill<T>(rows: number, columns: number, value: (c: number) => T): T[][] {
  return Array.from({ length: rows }, () => Array.from({ length: columns }, (_, c) => value(c)));
}

export async function drawTimeline(context: Excel.RequestContext, lang: Lang, today: Day): Promise<TimelineSummary> {
  const names = [TIMELINE_SHEET.da, TIMELINE_SHEET.en];
  const read = await readWorkbook(context, {
    workbook: (ctx) => names.map((name) => ctx.workbook.worksheets.getItemOrNullObject(name).charts.getItemOrNullObject(CHART_NAME)),
  });
  const layout = timelineLayout(buildTimeline(readPlan(read.snapshot)), lang, today);
  const sheet = existingOrNewSheet(context, read.sheetNames, TIMELINE_SHEET, lang);
  const previousName = read.sheetNames.find((n) => names.some((m) => sameSheetName(n, m)));
  const chartIndex = previousName ? names.findIndex((m) => sameSheetName(m, previousName)) : -1;
  const existingChart = chartIndex >= 0 && !read.workbook[chartIndex].isNullObject ? read.workbook[chartIndex] : null;

  const ws = sheet.worksheet;
  if (sheet.existed) ws.getRange().clear();
  const title = ws.getRangeByIndexes(0, 0, 1, 1);
  title.values = [[layout.title]];
  title.format.font.bold = true;
  title.format.font.size = 14;
  for (const block of layout.blocks) {
    const width = block.values[0].length;
    const r = ws.getRangeByIndexes(block.row, block.column, block.values.length, width);
    r.values = block.values;
    if (block.header) ws.getRangeByIndexes(block.row, block.column, 1, width).format.font.bold = true;
    if (block.dateColumns.length && block.values.length > 1) {
      const formats = fill(block.values.length - 1, width, (c) => (block.dateColumns.includes(c) ? DATE_FORMAT : "General"));
      ws.getRangeByIndexes(block.row + 1, block.column, block.values.length - 1, width).numberFormat = formats;
    }
  }
  layout.widths.forEach((w, i) => {
    ws.getRangeByIndexes(0, i, 1, 1).format.columnWidth = widthInPoints(w);
  });

  if (layout.chart) drawChart(ws, existingChart, layout.chart, lang);
  else existingChart?.delete();
  sheet.finish();
  await context.sync();
  return { sheet: sheet.name, contracts: layout.contracts, milestones: layout.milestones, chart: layout.chart !== null };
}

function drawChart(ws: Excel.Worksheet, existing: Excel.Chart | null, layout: ChartLayout, lang: Lang): void {
  const data = ws.getRangeByIndexes(layout.row, layout.column, layout.values.length, layout.values[0].length);
  data.values = layout.values;
  let chart: Excel.Chart;
  if (existing) {
    chart = existing;
    chart.setData(data, "Columns");
  } else {
    chart = ws.charts.add("BarStacked", data, "Columns");
    chart.name = CHART_NAME;
    chart.setPosition(CHART_ANCHOR);
    chart.width = CHART_WIDTH;
  }
  chart.height = layout.height;
  chart.title.text = TEXT.chartTitle[lang];
  chart.legend.position = "Bottom";
  // The offset series carries the bars to their start date and must not be seen.
  const offset = chart.series.getItemAt(0);
  offset.format.fill.clear();
  offset.gapWidth = 40;
  chart.legend.legendEntries.getItemAt(0).visible = false;
  SEGMENT_COLOURS.forEach((colour, i) => chart.series.getItemAt(i + 1).format.fill.setSolidColor(colour));
  const value = chart.axes.valueAxis;
  value.minimum = layout.minimum;
  value.maximum = layout.maximum;
  value.majorUnit = layout.majorUnit;
  value.numberFormat = DATE_FORMAT;
  // Bar charts draw the first category at the bottom; reversed, the first contract is on top.
  chart.axes.categoryAxis.reversePlotOrder = true;
}
