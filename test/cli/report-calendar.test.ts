import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import ICAL from "ical.js";
import { chromium, type Browser, type Page } from "playwright-core";
import { ensureCliBuilt, REPO, runBin, tempFolder, xlsxBuffer, type SheetSpecForTest } from "./helpers";

beforeAll(() => ensureCliBuilt());

function example(dir: string): string {
  const file = join(dir, "plan.xlsx");
  expect(runBin(["init", "--example", file]).status).toBe(0);
  return file;
}

/** Every sheet of a workbook as plain rows (0-based, values only), to write back reordered with xlsxBuffer. */
async function sheetsOf(file: string): Promise<SheetSpecForTest[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheets: SheetSpecForTest[] = [];
  workbook.eachSheet((ws) => {
    const rows: ExcelJS.CellValue[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      const values = row.values as ExcelJS.CellValue[];
      rows[r - 1] = values.slice(1);
    });
    sheets.push({ name: ws.name, rows: Array.from(rows, (r) => r ?? []) });
  });
  return sheets;
}

/** The rows of a sheet (Danish or English name) from `from` on, in a new order. */
function reorder(sheets: SheetSpecForTest[], names: string[], from: number, order: (rows: ExcelJS.CellValue[][]) => ExcelJS.CellValue[][], count?: number): void {
  const sheet = sheets.find((s) => names.includes(s.name));
  if (!sheet) throw new Error(`no sheet ${names.join("/")}`);
  const end = count === undefined ? sheet.rows.length : from + count;
  sheet.rows.splice(from, end - from, ...order(sheet.rows.slice(from, end)));
}

const d = (y: number, m: number, day: number) => new Date(Date.UTC(y, m - 1, day));

/** RFC 5545 §3.1 as far as the text goes: CRLF after every line, none over 75 octets, BEGIN and END paired. */
function wellFormed(ics: string): void {
  expect(ics.endsWith("\r\n")).toBe(true);
  const lines = ics.slice(0, -2).split("\r\n");
  expect(lines.filter((l) => l.includes("\n") || l.includes("\r"))).toEqual([]);
  expect(lines.filter((l) => Buffer.byteLength(l, "utf8") > 75)).toEqual([]);
  const open: string[] = [];
  for (const line of lines) {
    if (line.startsWith("BEGIN:")) open.push(line.slice(6));
    if (line.startsWith("END:")) expect(open.pop()).toBe(line.slice(4));
  }
  expect(open).toEqual([]);
  expect(lines[0]).toBe("BEGIN:VCALENDAR");
}

/** A calendar file's events as UID → "date summary". */
function eventMap(ics: string): Map<string, string> {
  wellFormed(ics);
  const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
  const map = new Map(events.map((e) => [e.uid, `${e.startDate.toString()} ${e.summary}`]));
  expect(map.size).toBe(events.length);
  return map;
}

describe("calendar", () => {
  test("dates equal the timeline's, notice deadlines carry 30 and 7 day alarms, UIDs are stable", () => {
    const { dir, cleanup } = tempFolder();
    try {
      const plan = example(dir);
      const ics = join(dir, "d.ics");
      expect(runBin(["calendar", plan, "-o", ics]).status).toBe(0);
      const first = readFileSync(ics, "utf8");
      const events = new ICAL.Component(ICAL.parse(first)).getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
      const timeline = JSON.parse(runBin(["timeline", plan, "--format", "json"]).stdout);
      const byUid = new Map(events.map((e) => [e.uid, e]));
      for (const m of timeline.milestones) {
        const e = [...byUid.values()].find((ev) => ev.uid.includes(`/milestone/${m.key}@`));
        expect(e?.startDate.toString()).toBe(m.date);
        expect(e?.startDate.isDate).toBe(true);
      }
      const notices = events.filter((e) => e.uid.endsWith("/notice@fbs-playbook"));
      const deadlines = timeline.contracts.filter((c: { noticeDeadline: string | null; terminatedOn: string | null }) => c.noticeDeadline && !c.terminatedOn);
      expect(notices.map((e) => e.startDate.toString()).sort()).toEqual(deadlines.map((c: { noticeDeadline: string }) => c.noticeDeadline).sort());
      for (const n of notices) {
        expect(n.component.getAllSubcomponents("valarm").map((a) => a.getFirstPropertyValue("trigger")!.toString())).toEqual(["-P30D", "-P7D"]);
        expect(n.description).toContain("§4.1");
      }
      // A second run in English: the same UIDs, summaries in English.
      expect(runBin(["calendar", plan, "-o", ics, "--lang", "en"]).status).toBe(0);
      const again = new ICAL.Component(ICAL.parse(readFileSync(ics, "utf8"))).getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
      expect(again.map((e) => e.uid).sort()).toEqual(events.map((e) => e.uid).sort());
      expect(again.some((e) => e.summary.startsWith("Notice deadline:"))).toBe(true);
    } finally {
      cleanup();
    }
  });

  test("UIDs, dates and summaries stay the same when rows are reordered, the workbook is in English, or the command runs again", async () => {
    const { dir, cleanup } = tempFolder();
    try {
      // The same plan three times: the Danish example as init writes it, plus a second Axiell/DDElibra contract
      // (same names, start and expiry, another notice period); then that plan with the rows of Kontrakter,
      // Kursuspladser and the milestones in Projekt in another order; then the English example the same way.
      const extra = (lang: "da" | "en") => [
        ["Axiell", "DDElibra", lang === "da" ? "Andet" : "Other", d(2019, 1, 1), d(2027, 9, 15), 2, 1],
        ["Axiell", "DDElibra", lang === "da" ? "Andet" : "Other", d(2019, 1, 1), d(2027, 9, 15), 4, 0],
      ];
      const make = async (lang: "da" | "en", shuffle: boolean): Promise<string> => {
        const source = join(dir, `init-${lang}.xlsx`);
        if (!existsSync(source)) expect(runBin(["init", "--example", source, "--lang", lang]).status).toBe(0);
        const sheets = await sheetsOf(source);
        reorder(sheets, ["Kontrakter", "Contracts"], 1, (rows) => [...rows, ...extra(lang)]);
        if (shuffle) {
          // Kontrakter: last first, the two extra Axiell rows apart; Kursuspladser reversed; milestones reversed.
          reorder(sheets, ["Kontrakter", "Contracts"], 1, (rows) => [rows[4], rows[2], rows[3], rows[0], rows[1]]);
          reorder(sheets, ["Kursuspladser", "Training seats"], 1, (rows) => [...rows].reverse());
          reorder(sheets, ["Projekt", "Project"], 2, (rows) => [...rows].reverse(), 5);
        }
        const file = join(dir, `${lang}-${shuffle ? "shuffled" : "as-written"}.xlsx`);
        writeFileSync(file, await xlsxBuffer(sheets));
        return file;
      };
      const calendarOf = (file: string, lang: "da" | "en" = "da"): string => {
        const ics = join(dir, "out.ics");
        const result = runBin(["calendar", file, "-o", ics, "--lang", lang]);
        expect(result.stderr).toBe("");
        expect(result.status).toBe(0);
        return readFileSync(ics, "utf8");
      };
      const asWritten = await make("da", false);
      const shuffled = await make("da", true);
      const english = await make("en", true);

      const reference = eventMap(calendarOf(asWritten));
      // Every milestone, the three Axiell – DDElibra contracts (2 + 3 + 2 events), the courses: nothing lost to a clash.
      expect(reference.size).toBe(19);
      expect([...reference.keys()].filter((uid) => uid.includes("/contract/axiell/ddelibra/"))).toHaveLength(7);
      expect(eventMap(calendarOf(shuffled))).toEqual(reference);
      expect(eventMap(calendarOf(english))).toEqual(reference);
      // And in English: the same UIDs and dates, summaries in English.
      const englishSummaries = eventMap(calendarOf(shuffled, "en"));
      expect([...englishSummaries.keys()].sort()).toEqual([...reference.keys()].sort());
      for (const [uid, value] of englishSummaries) expect(value.slice(0, 10)).toBe(reference.get(uid)!.slice(0, 10));

      // Two runs on the same file: the same text but for the time stamp.
      const unstamped = (ics: string) => ics.replace(/^DTSTAMP:.*$/gm, "");
      expect(unstamped(calendarOf(asWritten))).toBe(unstamped(calendarOf(asWritten)));
    } finally {
      cleanup();
    }
  });

  test("contracts without vendor and system get UIDs from what they are, not from their row", async () => {
    const { dir, cleanup } = tempFolder();
    try {
      const contracts = [
        [null, null, "Andet", d(2020, 1, 1), d(2028, 1, 31), 2, 0],
        [null, null, "Andet", d(2021, 1, 1), d(2028, 6, 30), 3, 0],
        ["Axiell", "DDElibra", "Bibliotekssystem", d(2019, 1, 1), d(2027, 9, 15), 6, 0],
      ];
      const write = async (name: string, rows: ExcelJS.CellValue[][]) => {
        const file = join(dir, name);
        const ics = join(dir, `${name}.ics`);
        writeFileSync(
          file,
          await xlsxBuffer([
            { name: "Projekt", rows: [["Felt", "Værdi"], ["Kommune", "Ærø Kommune"], ["Ibrugtagning", d(2027, 9, 1)]] },
            { name: "Kontrakter", rows: [["Leverandør", "System", "Type", "Startdato", "Udløber", "Opsigelsesvarsel (måneder)", "Forlængelse (måneder)"], ...rows] },
          ]),
        );
        expect(runBin(["calendar", file, "-o", ics]).status).toBe(0);
        // The summary of an unnamed contract names its row (the only name it has); UIDs and dates do not move.
        return new Map([...eventMap(readFileSync(ics, "utf8"))].map(([uid, v]) => [uid, v.slice(0, 10)]));
      };
      const first = await write("a.xlsx", contracts);
      const second = await write("b.xlsx", [contracts[2], contracts[1], contracts[0]]);
      expect(second).toEqual(first);
      expect([...first.keys()].every((uid) => !/row/.test(uid))).toBe(true);
      expect([...first.keys()].filter((uid) => uid.endsWith("/notice@fbs-playbook"))).toHaveLength(3);
    } finally {
      cleanup();
    }
  });

  test("-o pointing at a workbook is refused and the workbook is untouched", () => {
    const { dir, cleanup } = tempFolder();
    try {
      const plan = example(dir);
      const before = readFileSync(plan);
      const other = join(dir, "other.xlsx");
      writeFileSync(other, before);
      const result = runBin(["calendar", plan, "-o", other]);
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/projektmappe og overskrives ikke/);
      expect(readFileSync(other).equals(before)).toBe(true);
      expect(runBin(["report", plan, "-o", plan]).status).toBe(2);
      expect(readFileSync(plan).equals(before)).toBe(true);
    } finally {
      cleanup();
    }
  });
});

const A4_CONTENT_PX = 703; // 210 mm − 2 × 12 mm margins, at 96 px to the inch

function pdfPages(pdf: Buffer): number {
  return (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}

/** The text of a PDF (poppler's pdftotext), one string per page. */
function pdfText(pdf: Buffer, dir: string): string[] {
  const file = join(dir, "text.pdf");
  writeFileSync(file, pdf);
  const result = spawnSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`pdftotext: ${result.stderr}`);
  return result.stdout.split("\f").slice(0, pdfPages(pdf));
}

interface LabelCheck {
  pictures: number;
  labels: number;
  /** The smallest label as drawn, in CSS px. */
  minPx: number;
  overlaps: string[];
  outside: string[];
}

/** Every visible picture's labels as the browser lays them out: their size, any two that overlap, any that leave the picture. */
async function checkLabels(page: Page): Promise<LabelCheck> {
  return page.evaluate(() => {
    const out: LabelCheck = { pictures: 0, labels: 0, minPx: Infinity, overlaps: [], outside: [] };
    for (const svg of Array.from(document.querySelectorAll("svg"))) {
      const box = svg.getBoundingClientRect();
      if (box.width === 0) continue; // the copy for the other width
      out.pictures++;
      const scale = box.width / svg.viewBox.baseVal.width;
      const labels = Array.from(svg.querySelectorAll("text")).map((t) => ({
        text: Array.from(t.childNodes)
          .filter((n) => n.nodeType === Node.TEXT_NODE)
          .map((n) => n.textContent)
          .join(""),
        r: t.getBoundingClientRect(),
        px: parseFloat(t.getAttribute("font-size") ?? "") * scale,
      }));
      labels.forEach((a, i) => {
        out.labels++;
        out.minPx = Math.min(out.minPx, a.px);
        if (a.r.left < box.left - 0.5 || a.r.right > box.right + 0.5 || a.r.top < box.top - 0.5 || a.r.bottom > box.bottom + 0.5) out.outside.push(a.text);
        for (const b of labels.slice(i + 1)) {
          const apart = a.r.right <= b.r.left + 0.5 || b.r.right <= a.r.left + 0.5 || a.r.bottom <= b.r.top + 0.5 || b.r.bottom <= a.r.top + 0.5;
          if (!apart) out.overlaps.push(`${a.text} / ${b.text}`);
        }
      });
    }
    return out;
  });
}

/** Words of table headings and of the report's own short cells (rule, severity, dates, counts) broken across two lines. */
async function brokenWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const broken: string[] = [];
    for (const cell of Array.from(document.querySelectorAll("th:not(.v), td.i, td.n, td.d"))) {
      if ((cell as HTMLElement).offsetParent === null) continue;
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.parentElement?.closest("bdi")) continue; // workbook text may break anywhere
        const text = node.textContent ?? "";
        for (const m of text.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          const lines = new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top)));
          if (lines.size > 1) broken.push(m[0]);
        }
      }
    }
    return broken;
  });
}

/** The page laid out as printed on A4 (print media, the width inside the margins). */
async function asPrinted(page: Page): Promise<void> {
  await page.emulateMedia({ media: "print" });
  await page.setViewportSize({ width: A4_CONTENT_PX, height: 1000 });
}

async function asScreen(page: Page, width: number): Promise<void> {
  await page.emulateMedia({ media: "screen" });
  await page.setViewportSize({ width, height: 800 });
}

const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

describe("report", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
  });
  afterAll(async () => {
    await browser?.close();
  });

  test("self-contained, every finding present, markup escaped, an unreadable file listed, printed on A4", async () => {
    const { dir, cleanup } = tempFolder();
    try {
      const plan = example(dir);
      const hostile = join(dir, "hostile.xlsx");
      const long = "x".repeat(32000);
      writeFileSync(
        hostile,
        await xlsxBuffer([
          { name: "Projekt", rows: [["Felt", "Værdi"], ["Kommune", "<script>alert(1)</script> Ærø 🎉 مرحبا \"citat\" 'enkelt' & co"]] },
          { name: "Kontrakter", rows: [["Leverandør", "System", "Type", "Udløber"], ['<img src=x onerror="x">', long, "Andet", new Date(Date.UTC(2027, 5, 30))]] },
          { name: "Personer", rows: [["Navn", "Rolle"], ["y".repeat(32000), "Projektleder"], ["עברית <b>fed</b>", "Projektejer"]] },
        ]),
      );
      const broken = join(dir, "broken.xlsx");
      writeFileSync(broken, "not a workbook");
      const out = join(dir, "r.html");
      const result = runBin(["report", plan, hostile, broken, "-o", out, "--today", "2026-12-01"]);
      expect(result.status).toBe(2);
      const html = readFileSync(out, "utf8");
      // No external reference of any kind: no fetching tag or attribute, no URL anywhere.
      const tags = html.match(/<[a-z][^>]*>/gi) ?? [];
      expect(tags.filter((tag) => /^<(script|img|link|iframe|object|embed|image|use)\b|\s(src|href|xlink:href|srcset)=/i.test(tag))).toEqual([]);
      expect(html).not.toMatch(/url\(|@import|https?:\/\//i);
      expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
      expect(html).toContain("&lt;img src=x onerror=&quot;x&quot;&gt;");
      expect(html).toContain("&quot;citat&quot; &#39;enkelt&#39; &amp; co");
      expect(html).toContain("🎉");
      // A 32,000-character cell is cut, never shown whole (it would fill pages of every table it is in).
      expect(Math.max(...(html.match(/x+|y+/g) ?? []).map((run) => run.length))).toBeLessThanOrEqual(1000);
      expect(html).toContain("broken.xlsx");
      expect(html).toContain("Oversigt");
      // A report over one file that cannot be read still has a heading, and the file with its reason; exit 2.
      const lone = join(dir, "lone.html");
      expect(runBin(["report", broken, "-o", lone, "--today", "2026-12-01"]).status).toBe(2);
      const loneHtml = readFileSync(lone, "utf8");
      expect(loneHtml).toMatch(/<h1>[^<]+01-12-2026<\/h1>/);
      expect(loneHtml).toContain("broken.xlsx");
      const findings = JSON.parse(runBin(["validate", plan, "--format", "json", "--today", "2026-12-01"]).stdout).findings;
      expect(findings.length).toBeGreaterThan(0);
      const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
      for (const f of findings) expect(html).toContain(escape(f.message));

      const single = join(dir, "one.html");
      // Run in the folder, as a user would: the report names the file as given (plan.xlsx, also in the README's picture).
      expect(runBin(["report", "plan.xlsx", "-o", "one.html", "--today", "2026-12-01"], {}, dir).status).toBe(1);
      let page = await browser.newPage();
      await page.goto(`file://${single}`);
      const pdf = await page.pdf({ preferCSSPageSize: true });
      // The status, the trend sentence, the timeline and the first finding on page one; the open findings
      // to the end of page two; the accepted one on page three.
      expect(pdfPages(pdf)).toBe(3);
      if (process.env.UPDATE_SCREENSHOT) {
        // UPDATE_SCREENSHOT=1 npx jest test/cli/report-calendar.test.ts also writes the README's picture of page one.
        const pdfFile = join(dir, "one.pdf");
        writeFileSync(pdfFile, pdf);
        const png = spawnSync("pdftoppm", ["-r", "60", "-f", "1", "-l", "1", "-singlefile", "-png", pdfFile, join(REPO, "docs", "report-page-1")]);
        expect(png.status).toBe(0);
      }
      await asPrinted(page);
      const printed = await checkLabels(page);
      expect(printed.pictures).toBe(1);
      expect(printed.overlaps).toEqual([]);
      expect(printed.outside).toEqual([]);
      expect(printed.minPx * 0.75).toBeGreaterThanOrEqual(7);
      expect(await brokenWords(page)).toEqual([]);
      // At 320 px: nothing wider than the screen, the phone copy of the picture, type of at least 10 px.
      await asScreen(page, 320);
      expect(await pageWidth(page)).toBeLessThanOrEqual(320);
      const phone = await checkLabels(page);
      expect(phone.pictures).toBe(1);
      expect(phone.overlaps).toEqual([]);
      expect(phone.outside).toEqual([]);
      expect(phone.minPx).toBeGreaterThanOrEqual(10);
      expect(await brokenWords(page)).toEqual([]);

      // A new page: pdf() prints with the media emulated last (screen, here).
      await page.close();
      page = await browser.newPage();
      await page.goto(`file://${out}`);
      // Markup from the workbook is text: no element made of it, the text shown as typed, right-to-left text isolated.
      const seen = await page.evaluate(() => ({
        elements: document.querySelectorAll("script, img, [onerror], bdi *").length,
        text: document.body.innerText,
        isolated: Array.from(document.querySelectorAll("bdi")).some((b) => b.textContent?.includes("مرحبا")),
      }));
      expect(seen.elements).toBe(0);
      expect(seen.text).toContain("<script>alert(1)</script> Ærø 🎉 مرحبا");
      expect(seen.text).toContain('<img src=x onerror="x">');
      expect(seen.text).toContain("עברית <b>fed</b>");
      expect(seen.isolated).toBe(true);
      const many = await page.pdf({ preferCSSPageSize: true });
      // The overview; the example's three pages; the hostile file's five: its status and timeline with the first
      // findings on one page, the rest of its 46 findings (one with 1,000 characters of the 32,000-character name) on four.
      expect(pdfPages(many)).toBe(9);
      for (const width of [1000, 320]) {
        await asScreen(page, width);
        expect(await pageWidth(page)).toBeLessThanOrEqual(width);
        const labels = await checkLabels(page);
        expect([labels.overlaps, labels.outside]).toEqual([[], []]);
        expect(await brokenWords(page)).toEqual([]);
      }
      await asPrinted(page);
      expect(await pageWidth(page)).toBeLessThanOrEqual(A4_CONTENT_PX);
      expect(await brokenWords(page)).toEqual([]);
    } finally {
      cleanup();
    }
  });

  test("a hundred contracts: four pictures of 25 on a page each, labels legible and apart, every name printed; the trend too", async () => {
    const { dir, cleanup } = tempFolder();
    try {
      const sheets = await sheetsOf(example(dir));
      // The example's three contracts and 97 more, of type Andet, whose notice deadlines lie after the next 90 days:
      // the findings are the example's, and the dates due too.
      const names = ["Axiell – DDElibra", "Mikromarc AS – Mikromarc", "Dell – Bibliotekssystemserver"];
      reorder(sheets, ["Kontrakter"], 4, () =>
        Array.from({ length: 97 }, (_, k) => {
          const n = String(k + 4).padStart(3, "0");
          names.push(`Leverandør ${n} – Driftsaftale ${n}`);
          return [`Leverandør ${n}`, `Driftsaftale ${n}`, "Andet", d(2018 + (k % 6), 1 + (k % 12), 1), d(2027 + (k % 3), 10 + (k % 3), 31), 1 + (k % 6), (k % 3) * 3];
        }),
      );
      // Half a year of validations in Historik, so that page one holds the trend too.
      sheets.push({
        name: "Historik",
        rows: [
          ["Tidspunkt", "Fejl", "Advarsler", "Info", "Accepterede", "Nye", "Løste"],
          ...Array.from({ length: 26 }, (_, i) => [new Date(Date.UTC(2026, 5, 1 + 7 * i, 10)), Math.max(7, 20 - i), 30 - Math.floor(i / 2), 0, i % 2, 1, 2]),
        ],
      });
      const plan = join(dir, "hundred.xlsx");
      writeFileSync(plan, await xlsxBuffer(sheets));
      const out = join(dir, "hundred.html");
      expect(runBin(["report", plan, "-o", out, "--today", "2026-12-01"]).status).toBe(1);
      const page = await browser.newPage();
      await page.goto(`file://${out}`);
      const pdf = await page.pdf({ preferCSSPageSize: true });
      // Page 1 the status, the dates due and the trend; pages 2–5 the timeline, 25 contracts a page (a picture is never split);
      // pages 6–7 the example's findings, as on its pages 2–3.
      expect(pdfPages(pdf)).toBe(7);
      const text = pdfText(pdf, dir);
      expect(text[0]).toContain("Datoer de næste 90 dage");
      expect(text[0].replace(/\s+/g, " ")).toContain("Åbne fejl og advarsler over tid: 25 (7 fejl, 18 advarsler)");
      for (let k = 0; k < 4; k++) {
        expect(text[k + 1]).toContain(`Kontrakter ${25 * k + 1}–${25 * k + 25} af 100`);
        for (const [i, name] of names.entries()) expect(text[k + 1].includes(name)).toBe(i >= 25 * k && i < 25 * k + 25);
      }
      expect(text[5]).toContain("Åbne fund (14)");
      expect(text[6]).toContain("Accepterede fund (1)");

      await asPrinted(page);
      const printed = await checkLabels(page);
      expect(printed.pictures).toBe(5);
      expect(printed.labels).toBeGreaterThan(4 * 26);
      expect(printed.overlaps).toEqual([]);
      expect(printed.outside).toEqual([]);
      expect(printed.minPx * 0.75).toBeGreaterThanOrEqual(7);
      await asScreen(page, 320);
      expect(await pageWidth(page)).toBeLessThanOrEqual(320);
      const phone = await checkLabels(page);
      expect([phone.pictures, phone.overlaps, phone.outside]).toEqual([5, [], []]);
      expect(phone.minPx).toBeGreaterThanOrEqual(10);
    } finally {
      cleanup();
    }
  });

  test("a plan with nothing in it: sentences where the dates, the trend and the timeline would be; a calendar with no events", async () => {
    const { dir, cleanup } = tempFolder();
    try {
      const plan = join(dir, "empty.xlsx");
      expect(runBin(["init", plan]).status).toBe(0);
      const out = join(dir, "empty.html");
      expect(runBin(["report", plan, "-o", out, "--today", "2026-12-01"]).status).toBe(1);
      const page = await browser.newPage();
      await page.goto(`file://${out}`);
      const pdf = await page.pdf({ preferCSSPageSize: true });
      const text = pdfText(pdf, dir);
      // Page one the status with its three sentences; the 34 findings of an empty plan (every role, sheet and date
      // missing) continue to the end of page three.
      expect(text).toHaveLength(3);
      const first = text[0].replace(/\s+/g, " ");
      expect(first).toContain("Ingen datoer de næste 90 dage.");
      expect(first).toContain("Ingen historik endnu");
      expect(first).toContain("Ingen tidslinje: ingen kontrakt har en udløbsdato.");
      expect(await page.evaluate(() => document.querySelectorAll("svg").length)).toBe(0);

      const ics = join(dir, "empty.ics");
      const result = runBin(["calendar", plan, "-o", ics]);
      expect(result.status).toBe(0);
      expect(result.stdout).toMatch(/ingen begivenheder/);
      const calendar = readFileSync(ics, "utf8");
      wellFormed(calendar);
      const parsed = new ICAL.Component(ICAL.parse(calendar));
      expect(parsed.name).toBe("vcalendar");
      expect(parsed.getFirstPropertyValue("version")).toBe("2.0");
      expect(parsed.getFirstPropertyValue("prodid")).toBeTruthy();
      expect(parsed.getAllSubcomponents()).toHaveLength(0);
    } finally {
      cleanup();
    }
  });
});
