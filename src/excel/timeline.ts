/**
 * The contract timeline: a `Tidslinje` / `Timeline` sheet with the milestones, a table of the
 * contracts' dates (start, notice deadline, expiry, end with extension), and a native Excel Gantt
 * chart: a stacked bar chart whose first series is an invisible offset (the start date's serial), then
 * one segment per period, with dates on the value axis and go-live as its own labelled bar.
 *
 * Running it again rewrites the sheet and updates the chart in place (found by its fixed name, so it
 * is never duplicated; its position and size on the sheet stay where the user put them). Three syncs:
 * one to read, one to write the sheet and the chart, one for the chart's finishing touches (title,
 * legend, colours, bar width). A host that refuses one of those still gets the chart; the summary
 * says what was left out (then one sync per touch, to find which).
 *
 * Every text is written into text-formatted cells (a vendor "-" or "=…" stays text), and the value
 * axis is moved in an order that is valid whatever the old bounds were.
 */
import { formatDay, toSerial, type Day } from "../playbook/dates";
import { text as t } from "../playbook/i18n";
import { readPlan } from "../playbook/reader";
import { DATE_FORMAT } from "../playbook/template";
import { buildTimeline, chartGeometry, SEGMENT_COLOURS, type Timeline } from "../playbook/timeline";
import { CONTRACT_TYPES, TIMELINE_SHEET, type Lang } from "../playbook/vocabulary";
import type { TimelineStyle, TimelineSummary } from "../port/pane-actions";
import { widthInPoints, writeCells, type OfficeValue } from "./cells";
import { WRITES, writeSync } from "./errors";
import { readWorkbook } from "./read-snapshot";
import { existingOrNewSheet, ownChart, ownChartFound, queueOwnChartLookup } from "./sheets";

export const CHART_NAME = "FBS_Tidslinje";


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

/** Segment colours: term, notice period, extension, go-live window. */

const CONTRACT_COLUMNS_DATES = [3, 4, 5, 6, 7];
const CHART_DATA_COLUMN = 21; // column V: out of the way of the tables, under nothing the user types
const CHART_ANCHOR = "K3";
const CHART_WIDTH = 620;
/** 31-12-9999, the last date Excel has: a value-axis maximum above any minimum. */
const AXIS_CEILING = 2_958_465;

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

/** The chart's data (one row per contract, go-live as its own bar) over the geometry the HTML report draws too. */
function chartLayout(timeline: Timeline, lang: Lang, top: number): ChartLayout | null {
  const geometry = chartGeometry(timeline);
  if (!geometry) return null;
  const rows: OfficeValue[][] = geometry.bars.map((b) => [
    contractLabel(b.contract.vendor, b.contract.system, b.contract.row, lang),
    b.start,
    b.notice - b.start,
    b.expires - b.notice,
    b.end - b.expires,
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

export async function drawTimeline(context: Excel.RequestContext, lang: Lang, today: Day): Promise<TimelineSummary> {
  const read = await readWorkbook(context, {
    workbook: (ctx, sheetNames) => queueOwnChartLookup(ctx, sheetNames, TIMELINE_SHEET, CHART_NAME),
  });
  const layout = timelineLayout(buildTimeline(readPlan(read.snapshot)), lang, today);
  const sheet = existingOrNewSheet(context, read.sheetNames, TIMELINE_SHEET, lang);
  const existingChart = ownChartFound(read.sheetNames, TIMELINE_SHEET, read.workbook);

  const ws = sheet.worksheet;
  if (sheet.existed) ws.getRange().clear();
  const title = ws.getRangeByIndexes(0, 0, 1, 1);
  writeCells(title, [[layout.title]]);
  title.format.font.bold = true;
  title.format.font.size = 14;
  for (const block of layout.blocks) {
    const width = block.values[0].length;
    const first = block.header ? 1 : 0;
    const format = (r: number, c: number) => (r >= first && block.dateColumns.includes(c) ? DATE_FORMAT : "General");
    writeCells(ws.getRangeByIndexes(block.row, block.column, block.values.length, width), block.values, format);
    if (block.header) ws.getRangeByIndexes(block.row, block.column, 1, width).format.font.bold = true;
  }
  layout.widths.forEach((w, i) => {
    ws.getRangeByIndexes(0, i, 1, 1).format.columnWidth = widthInPoints(w);
  });

  if (layout.chart) drawChart(ws, existingChart, layout.chart);
  else existingChart?.delete();
  sheet.finish();
  await writeSync(context, WRITES.timeline);
  const summary: TimelineSummary = { sheet: sheet.name, contracts: layout.contracts, milestones: layout.milestones, chart: layout.chart !== null };
  if (!layout.chart) return summary;
  const unstyled = await styleChart(context, sheet.name, lang);
  return unstyled.length > 0 ? { ...summary, unstyled } : summary;
}

/** The chart's finishing touches: without them the chart is plain, but right. */
const STYLES: ReadonlyArray<{ key: TimelineStyle; apply(chart: Excel.Chart, lang: Lang): void }> = [
  { key: "title", apply: (chart, lang) => void (chart.title.text = TEXT.chartTitle[lang]) },
  {
    key: "legend",
    apply: (chart) => {
      chart.legend.position = "Bottom";
      // The offset series carries the bars to their start date: it has no place in the legend.
      chart.legend.legendEntries.getItemAt(0).visible = false;
    },
  },
  { key: "colours", apply: (chart) => SEGMENT_COLOURS.forEach((colour, i) => chart.series.getItemAt(i + 1).format.fill.setSolidColor(colour)) },
  { key: "barWidth", apply: (chart) => void (chart.series.getItemAt(0).gapWidth = 40) },
];

/**
 * Apply the finishing touches in one sync; if Excel refuses that batch, apply them one per sync and
 * return those it refused. The chart is reached afresh by the sheet's current name.
 */
async function styleChart(context: Excel.RequestContext, sheetName: string, lang: Lang): Promise<TimelineStyle[]> {
  const chart = () => context.workbook.worksheets.getItem(sheetName).charts.getItemOrNullObject(CHART_NAME);
  const all = chart();
  for (const style of STYLES) style.apply(all, lang);
  try {
    await context.sync();
    return [];
  } catch {
    // Some touch was refused: find which.
  }
  const refused: TimelineStyle[] = [];
  for (const style of STYLES) {
    style.apply(chart(), lang);
    try {
      await context.sync();
    } catch {
      refused.push(style.key);
    }
  }
  return refused;
}

function drawChart(ws: Excel.Worksheet, existing: Excel.Chart | null, layout: ChartLayout): void {
  const data = ws.getRangeByIndexes(layout.row, layout.column, layout.values.length, layout.values[0].length);
  writeCells(data, layout.values);
  const { chart, created } = ownChart(ws, existing, data, "BarStacked", CHART_NAME);
  if (created) {
    chart.setPosition(CHART_ANCHOR);
    chart.width = CHART_WIDTH;
  }
  chart.height = layout.height;
  // The offset series carries the bars to their start date and must not be seen: no fill.
  chart.series.getItemAt(0).format.fill.clear();
  const value = chart.axes.valueAxis;
  // Valid whatever the old bounds: new dates past the old maximum would fail a minimum set first,
  // dates before the old minimum a maximum set first.
  value.maximum = AXIS_CEILING;
  value.minimum = layout.minimum;
  value.maximum = layout.maximum;
  value.majorUnit = layout.majorUnit;
  value.numberFormat = DATE_FORMAT;
  // Bar charts draw the first category at the bottom; reversed, the first contract is on top.
  chart.axes.categoryAxis.reversePlotOrder = true;
}
