import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ICAL from "ical.js";
import { chromium } from "playwright-core";
import { ensureCliBuilt, runBin, tempFolder, xlsxBuffer } from "./helpers";

beforeAll(() => ensureCliBuilt());

function example(dir: string): string {
  const file = join(dir, "plan.xlsx");
  expect(runBin(["init", "--example", file]).status).toBe(0);
  return file;
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

describe("report", () => {
  test("self-contained, every finding present, markup escaped, an unreadable file listed, printed on A4", async () => {
    const { dir, cleanup } = tempFolder();
    try {
      const plan = example(dir);
      const hostile = join(dir, "hostile.xlsx");
      writeFileSync(
        hostile,
        await xlsxBuffer([
          { name: "Projekt", rows: [["Felt", "Værdi"], ["Kommune", "<script>alert(1)</script> Ærø 🎉 مرحبا"]] },
          { name: "Kontrakter", rows: [["Leverandør", "System", "Type", "Udløber"], ['<img src=x onerror="x">', "x".repeat(32000), "Andet", new Date(Date.UTC(2027, 5, 30))]] },
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
      expect(html).toContain("broken.xlsx");
      expect(html).toContain("Oversigt");
      const findings = JSON.parse(runBin(["validate", plan, "--format", "json", "--today", "2026-12-01"]).stdout).findings;
      expect(findings.length).toBeGreaterThan(0);
      const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
      for (const f of findings) expect(html).toContain(escape(f.message));

      const single = join(dir, "one.html");
      expect(runBin(["report", plan, "-o", single, "--today", "2026-12-01"]).status).toBe(1);
      const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
      try {
        const page = await browser.newPage();
        await page.goto(`file://${single}`);
        const pdf = await page.pdf({ preferCSSPageSize: true });
        const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
        expect(pages).toBe(3);
        await page.goto(`file://${out}`);
        const many = await page.pdf({ preferCSSPageSize: true });
        const manyPages = (many.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
        // Overview, the example's three pages, and the 32,000-character file wrapped legibly on more pages (it appears in several tables).
        expect(manyPages).toBeGreaterThan(4);
        expect(manyPages).toBeLessThan(60);
      } finally {
        await browser.close();
      }
    } finally {
      cleanup();
    }
  });
});
