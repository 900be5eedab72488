/**
 * The Status sheet printed: written by the add-in (writeStatusSheet) into the in-memory Excel,
 * exported with everything the add-in set (print.ts), printed to PDF by LibreOffice and read back
 * with poppler. What a steering group would notice: one A4 page, the header lines, each chapter's
 * light in a word with its counts, the dates due, nothing cut.
 *
 * `UPDATE_SCREENSHOT=1 npx jest test/excel/status-print.test.ts` also writes page one of the example
 * to docs/status-page-1.png for the README. CI installs LibreOffice, its Python bridge, poppler and
 * Carlito (Calibri's widths), so there a missing one fails the test; on a developer machine without
 * them it says so and checks nothing.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeStatusSheet } from "../../src/excel/status";
import { formatDay } from "../../src/playbook/dates";
import { validateSnapshot } from "../../src/playbook/engine";
import { EXAMPLE_PLAN, EXAMPLE_WORKBOOK } from "../../src/playbook/example";
import { readHistory } from "../../src/playbook/history";
import { buildStatus, LIGHT_LABEL, STATUS_TEXT as T } from "../../src/playbook/status";
import { planSnapshot, type PlanData } from "../../src/playbook/template";
import type { Lang } from "../../src/playbook/vocabulary";
import { STRICT } from "./fakes/profiles";
import type { FakeWorkbook } from "./fakes/workbook";
import { workbookFrom } from "./helpers";
import { hasCarlito, hasPoppler, hasSoffice, hasUno, linesOf, printXlsx, sheetXlsx, type Printed } from "./print";
import { addHistory, contractLabel, hostilePlan, hundredContracts, NOVEMBER, TODAY, undatedPlan } from "./status-plans";

const REPO = join(__dirname, "..", "..");
const canPrint = hasSoffice && hasUno && hasPoppler && hasCarlito;

function skipped(): boolean {
  if (canPrint) return false;
  const missing = [!hasSoffice && "soffice (LibreOffice)", hasSoffice && !hasUno && "python3-uno", !hasPoppler && "poppler-utils", !hasCarlito && "fonts-crosextra-carlito"]
    .filter(Boolean)
    .join(", ");
  if (process.env.CI) throw new Error(`${missing} not installed; .ci/run must install libreoffice-calc, python3-uno, poppler-utils and fonts-crosextra-carlito`);
  console.warn(`${missing} not installed: the printed Status sheet was not checked.`);
  return true;
}

/** `STATUS_PRINT_DIR=folder` keeps each printed PDF there, for a look. */
async function printStatus(name: string, plan: PlanData, options: { lang?: Lang; history?: typeof NOVEMBER; png?: boolean } = {}) {
  const lang = options.lang ?? "da";
  const workbook: FakeWorkbook = workbookFrom(planSnapshot(plan, lang));
  if (options.history) addHistory(workbook, options.history);
  await writeStatusSheet(STRICT.excel(workbook).context, { lang, today: TODAY });
  const sheet = workbook.requireSheet("Status");
  const printed = printXlsx(await sheetXlsx(sheet), { fitRows: sheet.autofitRows, png: options.png });
  if (process.env.STATUS_PRINT_DIR) writeFileSync(join(process.env.STATUS_PRINT_DIR, `${name}.pdf`), printed.pdf);
  const { plan: read, findings } = validateSnapshot(planSnapshot(plan, lang), { today: TODAY });
  const model = buildStatus({ plan: read, findings, today: TODAY, history: readHistory(planSnapshot(plan, lang)) });
  return { printed, model, workbook };
}

/** Each page's size in points, as `pdfinfo` gives it, rounded: A4 portrait is 595 × 842. */
function pageSizes(printed: Printed): string[] {
  const dir = mkdtempSync(join(tmpdir(), "fbs-pdf-"));
  try {
    const file = join(dir, "p.pdf");
    writeFileSync(file, printed.pdf);
    const info = spawnSync("pdfinfo", ["-f", "1", "-l", String(printed.pages), file], { encoding: "utf8" }).stdout;
    return [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/gm)].map((m) => `${Math.round(Number(m[1]))} x ${Math.round(Number(m[2]))}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const lines = (text: string) => text.split(/\r?\n|\f/);
/** A line of the printed text holding these words in this order, with only spaces between. */
const lineWith = (text: string, ...words: Array<string | number>) => {
  const pattern = new RegExp(words.map((w) => escape(String(w))).join("\\s+"));
  return lines(text).find((l) => pattern.test(l)) ?? null;
};

/**
 * The two texts of the dates due, as printed in their columns: what (A) and what to do (E), each read
 * down its column, lines joined by a space. A text wrapped in its column reads whole here, where a
 * line of `pdftotext -layout` holds pieces of both. `section`: the heading before what to do.
 */
function dueColumns(printed: Printed, section: string): { what: string; todo: string } {
  const lines = linesOf(printed.words);
  const header = lines.findIndex((l) => l.some((w) => w.text === section));
  if (header < 0) throw new Error(`no heading ${section} in the PDF`);
  const headerLine = lines[header];
  const todoLeft = headerLine[headerLine.findIndex((w) => w.text === section) + 1].x - 1;
  const what: string[] = [];
  const todo: string[] = [];
  for (const line of lines.slice(header + 1)) {
    const date = line.findIndex((w) => /^\d{2}-\d{2}-\d{4}$/.test(w.text));
    what.push(...(date >= 0 ? line.slice(0, date) : line.filter((w) => w.x < todoLeft)).map((w) => w.text));
    todo.push(...line.filter((w) => w.x >= todoLeft).map((w) => w.text));
  }
  return { what: what.join(" "), todo: todo.join(" ") };
}

describe("the Status sheet as LibreOffice prints it", () => {
  it("prints the example plan on one A4 page: header lines, each chapter's light in a word, the counts, the dates due, the trend", async () => {
    if (skipped()) return;
    const { printed, model } = await printStatus("example", EXAMPLE_WORKBOOK, { history: NOVEMBER, png: true });

    expect(printed.pages).toBe(1);
    expect(pageSizes(printed)).toEqual(["595 x 842"]);
    const text = printed.text;
    // The page header and footer, then the header lines.
    expect(lineWith(text, "Status for overgangen til FBS – Eksempelby Kommune")).not.toBeNull();
    expect(lineWith(text, "Kommune", "Eksempelby Kommune")).not.toBeNull();
    expect(lineWith(text, "Dato", "01-12-2026")).not.toBeNull();
    expect(lineWith(text, "Ibrugtagning", "01-09-2027")).not.toBeNull();
    expect(lineWith(text, "Dage til ibrugtagning", model.daysToGoLive!)).not.toBeNull();
    // One line a chapter: its name, its light in a word, open errors, open warnings, accepted.
    expect(lineWith(text, "Kapitel", "Lys", "Fejl", "Advarsler", "Accepterede")).not.toBeNull();
    for (const c of model.chapters) {
      expect([c.chapter.label.da, lineWith(text, c.chapter.label.da, LIGHT_LABEL[c.light].da, c.errors, c.warnings, c.accepted)]).toEqual([c.chapter.label.da, expect.any(String)]);
    }
    expect(lineWith(text, "I alt", LIGHT_LABEL[model.light].da, model.totals.errors, model.totals.warnings, model.totals.accepted)).not.toBeNull();
    expect(model.light).toBe("red");
    // The legend of the lights is whole, not cut at the page's edge.
    expect(text.replace(/\s+/g, " ")).toContain(T.lightsNote.da);
    // The dates due: each on the line of its date with the days to it and its section; what and what
    // to do whole in their columns (they may wrap).
    expect(model.due.length).toBeGreaterThan(0);
    const due = dueColumns(printed, "Afsnit");
    for (const e of model.due) {
      expect(lineWith(text, formatDay(e.date, "da"), e.inDays, `§${e.section}`)).not.toBeNull();
      expect(due.what).toContain(e.summary.da);
      expect(due.todo).toContain(e.todo.da);
    }
    // The trend: its heading on the page, and the chart standing in for Excel's drawn from the same cells.
    expect(lineWith(text, T.trend.da)).not.toBeNull();
    for (const [d] of NOVEMBER) expect(text).toContain(formatDay(d, "da"));
    expect(text).not.toContain("Ingen historik endnu");
    // The chart's data (columns H–J) is outside the print area: no "Dato Fejl Advarsler" row at the right.
    expect(lineWith(text, "Dato", "Fejl", "Advarsler")).toBeNull();

    if (process.env.UPDATE_SCREENSHOT === "1" && printed.png) writeFileSync(join(REPO, "docs", "status-page-1.png"), printed.png);
  });

  it("prints the English sheet on one page with the lights in English words", async () => {
    if (skipped()) return;
    const { printed, model } = await printStatus("example-en", EXAMPLE_PLAN, { lang: "en", history: NOVEMBER });

    expect(printed.pages).toBe(1);
    for (const c of model.chapters) expect(lineWith(printed.text, c.chapter.label.en, LIGHT_LABEL[c.light].en, c.errors, c.warnings, c.accepted)).not.toBeNull();
    expect(lineWith(printed.text, "What", "Date", "In days", "Section", "What to do")).not.toBeNull();
    const due = dueColumns(printed, "Section");
    for (const e of model.due) {
      expect(due.what).toContain(e.summary.en);
      expect(due.todo).toContain(e.todo.en);
    }
    expect(printed.text.replace(/\s+/g, " ")).toContain(T.lightsNote.en);
  });

  it("prints a hundred dates due one page wide on five pages, every contract named", async () => {
    if (skipped()) return;
    const { printed, model } = await printStatus("hundred-contracts", hundredContracts());

    expect(model.due.filter((e) => e.kind === "notice")).toHaveLength(100);
    // 103 dates (the hundred deadlines, organisation, kickoff, transition), each of two lines (what and
    // what to do wrap in their columns). LibreOffice fits such a row to 35 points (Excel to about 30),
    // printed at 87 % (one page wide) some 30: page one holds 18 after the header lines and the
    // chapters, pages two to four 25 or 26 each, page five the last 8 and the trend. Excel's lower rows
    // may make it four. One page wide: a page cut at the side would double the count and part the
    // section or what to do from its date.
    expect(printed.pages).toBe(5);
    expect(new Set(pageSizes(printed))).toEqual(new Set(["595 x 842"]));
    const due = dueColumns(printed, "Afsnit");
    for (const e of model.due) {
      expect(lineWith(printed.text, formatDay(e.date, "da"), e.inDays, `§${e.section}`)).not.toBeNull();
      expect(due.what).toContain(e.summary.da);
      expect(due.todo).toContain(e.todo.da);
    }
    for (let i = 0; i < 100; i++) expect(due.what).toContain(`Opsigelsesfrist: ${contractLabel(i)}`);
    // The heading of the trend comes after the last date, on the last page.
    expect(printed.text.split("\f")[4]).toContain(T.trend.da);
  });

  it("prints a plan with no dates and no contracts on one page that says nothing is due and there is no history", async () => {
    if (skipped()) return;
    const { printed } = await printStatus("undated", undatedPlan());

    expect(printed.pages).toBe(1);
    const flat = printed.text.replace(/\s+/g, " ");
    expect(lineWith(printed.text, "Ibrugtagning", "ikke fastsat")).not.toBeNull();
    expect(lineWith(printed.text, "Dage til ibrugtagning", "ikke fastsat")).not.toBeNull();
    expect(flat).toContain(T.noneDue.da);
    // The sentence is whole: not cut at the print area's edge.
    expect(flat).toContain(T.noHistory.da);
  });

  it("prints markup, quotes, emoji, Arabic and 32,000-character texts as text on one page, long ones cut with an ellipsis", async () => {
    if (skipped()) return;
    const { printed } = await printStatus("hostile", hostilePlan());

    expect(printed.pages).toBe(1);
    const text = printed.text;
    expect(lineWith(text, "Kommune", "<script>øøø")).toMatch(/ø…\s*$/);
    // Texts wrap in their columns, so a line of the PDF's text may hold pieces of two cells: look for pieces.
    for (const piece of [`<b onclick="x()">"Citat" &`, `'enkelt'</b>`, "مرحبا", "SUM(1;2)"]) expect(text).toContain(piece);
    // "=SUM(1;2)" is text: no formula was computed (3) or refused (#NAME?, LibreOffice's Err:).
    expect(text).not.toMatch(/#NAME\?|Err:\d+/);
    // 32,000 characters: the contract's name cut at 120 and what to do at 300, each ending in an ellipsis.
    expect((text.match(/ø…/g) ?? []).length).toBeGreaterThanOrEqual(4);
    // The header line cuts the name too (Excel takes 255 characters in a header).
    expect(lineWith(text, "Status for overgangen til FBS – <script>ø")).toMatch(/ø…/);
  });
});
