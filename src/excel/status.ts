/**
 * The one-page status for the steering group (WORKBOOK.md, *Status*): the `Status` sheet, printable
 * on one A4 page (portrait, one page wide). Two syncs: one to read (the data sheets and `Historik`),
 * one to write the sheet, its chart of the trend and its page setup (ExcelApi 1.9).
 *
 * Running it again clears the sheet and rewrites it in place; the chart is found by its fixed name
 * and its data replaced, never duplicated. Every text goes into text-formatted cells (a municipality
 * or vendor "=…" stays text). A light is always a word beside its fill, never colour alone.
 *
 * The dates due are one row each: what and what to do wrap in the wide columns A and E and the row is
 * fitted to them, so a hundred contracts take more pages, still one page wide. A text of the workbook
 * is cut with an ellipsis where the page has no room for it (`shownText`): the municipality at 60
 * characters (one line), what is due and what to do at 300; the data sheets keep the whole text.
 *
 * The chart's data (day, open errors, open warnings from `Historik`) is copied into columns to the
 * right of the print area, so the chart does not depend on where the user keeps `Historik`'s table.
 */
import { planEvents } from "../playbook/events";
import { readPlan } from "../playbook/reader";
import type { CalendarFile } from "../port/pane-actions";
import { formatDay, toSerial, type Day } from "../playbook/dates";
import { validateSnapshot } from "../playbook/engine";
import { readHistory } from "../playbook/history";
import { buildStatus, LIGHT_COLOUR, LIGHT_LABEL, STATUS_TEXT as T, type StatusModel } from "../playbook/status";
import { DATE_FORMAT } from "../playbook/template";
import { HISTORY_SHEET, STATUS_SHEET, type Lang } from "../playbook/vocabulary";
import { widthInPoints, writeCells, type OfficeValue } from "./cells";
import { WRITES, writeSync } from "./errors";
import { GENERATED_SHEETS } from "../playbook/workbook-layout";
import { readWorkbook } from "./read-snapshot";
import { existingOrNewSheet, ownChart, ownChartFound, queueOwnChartLookup } from "./sheets";

export const STATUS_CHART = "FBS_Status";
/** Columns A–E are the page. */
export const STATUS_COLUMNS = 5;
/**
 * In characters (cells.ts `widthInPoints`): A the chapter or what is due; B–D the light and counts, or
 * the date, the days to it and the section; E the last count, or what to do. The two texts of a date
 * due stand in A and E, the wide columns, and wrap; the page comes to about 570 points, printed at
 * some 87 % to fit A4 portrait's 495 between the margins.
 */
export const STATUS_WIDTHS: ReadonlyArray<number> = [30, 10, 9, 10, 36];
/** The chart's data: column H on, outside the print area. */
const CHART_DATA_COLUMN = 7;
const CHART_HEIGHT = 220;
/** Rows of 15 points the chart covers (with a margin). */
const CHART_ROWS = Math.ceil(CHART_HEIGHT / 15) + 1;
/** The municipality stands on one line (B to E); a longer name is cut with an ellipsis. */
export const MUNICIPALITY_SHOWN = 60;
/**
 * A text of the plan in a wrapped cell (what is due, what to do): at most this, cut with an ellipsis.
 * 255, not more: desktop Excel is reported to show a text-formatted cell of 256 to 1,024 characters
 * as #### (not checked here, where there is no Excel), and these cells are text-formatted.
 */
export const TEXT_SHOWN = 255;
/** The legend of the lights: small and grey, a footnote. */
const NOTE_SIZE = 9;
const NOTE_COLOUR = "#595959";

export interface StatusOptions {
  lang: Lang;
  today: Day;
}

export interface StatusLayout {
  /** Rows of {@link STATUS_COLUMNS} values, from A1. */
  rows: OfficeValue[][];
  /** Row indexes (0-based) to set in bold. */
  bold: number[];
  /** Cells with a light's fill: [row, column, colour]. */
  fills: Array<[number, number, string]>;
  /** Cells holding dates (serials) to show as dates: [row, column]. */
  dates: Array<[number, number]>;
  /** Areas aligned other than Excel's default (text left, numbers right): [row, column, rows, columns]. */
  align: Array<{ area: [number, number, number, number]; horizontal: "Left" | "Center" }>;
  /** The dates due (header excluded): their texts wrap, top-aligned, each row as tall as its text. */
  wrapped: { row: number; rows: number } | null;
  /** Rows in small grey type (the lights' legend). */
  notes: number[];
  /** The chart: its data (header row first) and the row it stands at; null when there is no history. */
  chart: { values: OfficeValue[][]; row: number } | null;
  /** Rows the page takes (the chart included). */
  pageRows: number;
}

const blank = (): OfficeValue[] => Array<OfficeValue>(STATUS_COLUMNS).fill("");
const line = (...cells: OfficeValue[]): OfficeValue[] => [...cells, ...blank()].slice(0, STATUS_COLUMNS);

/** Characters as a reader sees them (an emoji of several code points is one); code points where the host's JavaScript has no `Intl.Segmenter`. */
function characters(text: string): string[] {
  const Segmenter = (Intl as { Segmenter?: typeof Intl.Segmenter }).Segmenter;
  if (typeof Segmenter !== "function") return [...text];
  return Array.from(new Segmenter(undefined, { granularity: "grapheme" }).segment(text), (s) => s.segment);
}

/**
 * A text of the workbook as the page shows it: runs of white space (line breaks too) as one space,
 * and at most `max` UTF-16 units, the last an ellipsis (never half an emoji). The data sheets keep
 * the whole text; the page sums them up, and WORKBOOK.md wants it on one A4 page.
 */
export function shownText(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  let kept = "";
  for (const c of characters(flat.slice(0, max + 16))) {
    if (kept.length + c.length > max - 1) break;
    kept += c;
  }
  return `${kept.trimEnd()}…`;
}

/** The sheet's content. Pure. */
export function statusLayout(model: StatusModel, lang: Lang): StatusLayout {
  const rows: OfficeValue[][] = [];
  const bold: number[] = [];
  const fills: Array<[number, number, string]> = [];
  const dates: Array<[number, number]> = [];
  const align: StatusLayout["align"] = [];
  const notes: number[] = [];
  const push = (cells: OfficeValue[], isBold = false) => {
    if (isBold) bold.push(rows.length);
    rows.push(cells);
    return rows.length - 1;
  };
  push(line(T.title[lang]), true);
  const municipality = model.municipality?.trim() ? shownText(model.municipality, MUNICIPALITY_SHOWN) : T.notSet[lang];
  const head = push(line(T.municipality[lang], municipality));
  dates.push([push(line(T.date[lang], toSerial(model.today))), 1]);
  if (model.goLive) dates.push([push(line(T.goLive[lang], toSerial(model.goLive))), 1]);
  else push(line(T.goLive[lang], T.notSet[lang]));
  const days = model.daysToGoLive;
  push(line(T.daysToGoLive[lang], days === null ? T.notSet[lang] : days < 0 ? `${T.passed[lang]} (${-days})` : days));
  // The values of the header lines start at one edge, texts, dates and numbers alike.
  align.push({ area: [head, 1, rows.length - head, 1], horizontal: "Left" });
  push(blank());
  const chapters = push(line(T.chapter[lang], T.light[lang], T.errors[lang], T.warnings[lang], T.accepted[lang]), true);
  for (const c of model.chapters) {
    const r = push(line(c.chapter.label[lang], LIGHT_LABEL[c.light][lang], c.errors, c.warnings, c.accepted));
    fills.push([r, 1, LIGHT_COLOUR[c.light]]);
  }
  const total = push(line(T.total[lang], LIGHT_LABEL[model.light][lang], model.totals.errors, model.totals.warnings, model.totals.accepted), true);
  fills.push([total, 1, LIGHT_COLOUR[model.light]]);
  // A light and its counts stand under their headings, in the middle of the column.
  align.push({ area: [chapters, 1, total - chapters + 1, STATUS_COLUMNS - 1], horizontal: "Center" });
  notes.push(push(line(T.lightsNote[lang])));
  push(blank());
  push(line(T.due[lang]), true);
  let wrapped: StatusLayout["wrapped"] = null;
  if (model.due.length === 0) push(line(T.noneDue[lang]));
  else {
    const header = push(line(T.what[lang], T.dueDate[lang], T.inDays[lang], T.section[lang], T.todo[lang]), true);
    for (const e of model.due) {
      const r = push(line(shownText(e.summary[lang], TEXT_SHOWN), toSerial(e.date), e.inDays, e.section ? `§${e.section}` : "", shownText(e.todo[lang], TEXT_SHOWN)));
      dates.push([r, 1]);
    }
    align.push({ area: [header, 1, rows.length - header, 3], horizontal: "Center" });
    wrapped = { row: header + 1, rows: model.due.length };
  }
  push(blank());
  push(line(T.trend[lang]), true);
  let chart: StatusLayout["chart"] = null;
  if (model.trend.length === 0) push(line(T.noHistory[lang]));
  else {
    chart = {
      row: rows.length,
      values: [[T.date[lang], T.errors[lang], T.warnings[lang]], ...model.trend.map((h) => [formatDay(h.day, lang), h.errors, h.warnings] as OfficeValue[])],
    };
  }
  return { rows, bold, fills, dates, align, wrapped, notes, chart, pageRows: chart ? rows.length + CHART_ROWS : rows.length };
}

/** Excel refuses a header over 255 characters; a name is cut well before that. */
const HEADER_NAME_MAX = 80;

/** The printed page's header: the title and the municipality, `&` doubled (Excel's codes start with it). */
export function pageHeader(municipality: string | null, lang: Lang): string {
  const chars = [...(municipality ?? "").trim()];
  const name = chars.length > HEADER_NAME_MAX ? `${chars.slice(0, HEADER_NAME_MAX - 1).join("")}…` : chars.join("");
  return `${T.title[lang]}${name ? ` – ${name}` : ""}`.replace(/&/g, "&&");
}

/** Write (or rewrite) the `Status` sheet. Returns the sheet's name. */
export async function writeStatusSheet(context: Excel.RequestContext, options: StatusOptions): Promise<{ sheet: string }> {
  const { lang, today } = options;
  const read = await readWorkbook(context, {
    // Accepterede too: the counts are of open findings, accepted ones apart (WORKBOOK.md, Status).
    sheets: [...GENERATED_SHEETS, HISTORY_SHEET],
    workbook: (ctx, sheetNames) => queueOwnChartLookup(ctx, sheetNames, STATUS_SHEET, STATUS_CHART),
  });
  const { plan, findings } = validateSnapshot(read.snapshot, { today });
  const model = buildStatus({ plan, findings, today, history: readHistory(read.snapshot) });
  const layout = statusLayout(model, lang);

  const sheet = existingOrNewSheet(context, read.sheetNames, STATUS_SHEET, lang);
  const existingChart = ownChartFound(read.sheetNames, STATUS_SHEET, read.workbook);

  const ws = sheet.worksheet;
  if (sheet.existed) ws.getRange().clear();
  const dateCells = new Set(layout.dates.map(([r, c]) => `${r}:${c}`));
  writeCells(ws.getRangeByIndexes(0, 0, layout.rows.length, STATUS_COLUMNS), layout.rows, (r, c) => (dateCells.has(`${r}:${c}`) ? DATE_FORMAT : "General"));
  const title = ws.getRangeByIndexes(0, 0, 1, 1);
  title.format.font.size = 14;
  for (const r of layout.bold) ws.getRangeByIndexes(r, 0, 1, STATUS_COLUMNS).format.font.bold = true;
  for (const [r, c, colour] of layout.fills) ws.getRangeByIndexes(r, c, 1, 1).format.fill.color = colour;
  for (const { area, horizontal } of layout.align) ws.getRangeByIndexes(...area).format.horizontalAlignment = horizontal;
  for (const r of layout.notes) {
    const note = ws.getRangeByIndexes(r, 0, 1, 1).format.font;
    note.size = NOTE_SIZE;
    note.color = NOTE_COLOUR;
  }
  if (layout.wrapped) {
    const due = ws.getRangeByIndexes(layout.wrapped.row, 0, layout.wrapped.rows, STATUS_COLUMNS).format;
    due.wrapText = true;
    due.verticalAlignment = "Top";
  }
  STATUS_WIDTHS.forEach((w, i) => {
    ws.getRangeByIndexes(0, i, 1, 1).format.columnWidth = widthInPoints(w);
  });
  // After the widths: each row as tall as its wrapped text (Excel does not always refit a row on its own).
  ws.getRangeByIndexes(0, 0, layout.rows.length, STATUS_COLUMNS).format.autofitRows();

  if (layout.chart) {
    const values = layout.chart.values;
    const data = ws.getRangeByIndexes(0, CHART_DATA_COLUMN, values.length, values[0].length);
    writeCells(data, values);
    const { chart } = ownChart(ws, existingChart, data, "Line", STATUS_CHART);
    chart.title.text = T.trend[lang];
    chart.legend.position = "Bottom";
    chart.setPosition(`A${layout.chart.row + 1}`);
    chart.width = widthInPoints(STATUS_WIDTHS.reduce((a, b) => a + b, 0)) - 12;
    chart.height = CHART_HEIGHT;
  } else existingChart?.delete();

  const page = ws.pageLayout;
  page.orientation = "Portrait";
  page.paperSize = "A4";
  page.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  page.centerHorizontally = true;
  page.setPrintArea(ws.getRangeByIndexes(0, 0, layout.pageRows, STATUS_COLUMNS));
  page.headersFooters.defaultForAllPages.centerHeader = pageHeader(model.municipality, lang);
  page.headersFooters.defaultForAllPages.rightFooter = formatDay(today, lang);
  sheet.finish();
  await writeSync(context, WRITES.status);
  return { sheet: sheet.name };
}

/** The file name the pane offers for the calendar (CLI.md's example: `-o frister.ics`). */
export const CALENDAR_FILE: Record<Lang, string> = { da: "frister.ics", en: "deadlines.ics" };

/** The plan's dates as iCalendar text, as `fbs-playbook calendar` makes it. One read sync, no write. */
export async function calendarFile(context: Excel.RequestContext, lang: Lang): Promise<CalendarFile> {
  const read = await readWorkbook(context);
  const plan = readPlan(read.snapshot);
  const events = planEvents(plan);
  // ical-generator comes with the calendar, not with the pane: a chunk fetched (from the add-in's
  // own origin) the first time a user asks for the file, about a quarter of the pane's script.
  const { calendarText } = await import(/* webpackChunkName: "calendar" */ "../playbook/calendar");
  const text = calendarText(events, { municipality: plan.settings.municipality.value, lang });
  return { fileName: CALENDAR_FILE[lang], text, events: events.length, notices: events.filter((e) => e.alarm).length };
}
