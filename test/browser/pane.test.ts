/**
 * The production pane (webpack --mode production) in headless Chromium, over a stand-in Excel
 * (office-host.ts: the in-memory workbook of test/excel/fakes behind the `Office` and `Excel`
 * globals, served in place of Microsoft's office.js). What a user does: generate the sheets, type a
 * plan, validate, jump to findings, clear the highlights, draw the timeline; in Danish and English;
 * and what they see when Excel refuses. No request may leave 127.0.0.1.
 *
 * UPDATE_SCREENSHOT=1 npx jest test/browser  also writes docs/screenshot.png (the README's picture).
 */
import fs from "node:fs";
import path from "node:path";
import type { Locator, Page } from "playwright-core";
import { HIGHLIGHT_FILL } from "../../src/excel/highlights";
import { day, type Day } from "../../src/playbook/dates";
import { validateSnapshot } from "../../src/playbook/engine";
import { EXAMPLE_PLAN } from "../../src/playbook/example";
import { SEVERITIES, type Finding, type Severity } from "../../src/playbook/findings";
import { planSnapshot } from "../../src/playbook/template";
import { STRINGS } from "../../src/taskpane/strings";
import { OFFICE_JS_PREFIX, startPaneBrowser } from "./harness";
import type { OpenedPane, PaneBrowser } from "./harness";
import type { BrowserHost } from "./office-host";

const ROOT = path.resolve(__dirname, "../..");
/** The pane's "today": the page's clock is fixed here, and the engine below uses the same day. */
const TODAY = day(2026, 12, 1) as Day;
const FIXED_TIME = new Date(2026, 11, 1, 10, 0, 0);
const da = STRINGS.da;
const en = STRINGS.en;

let browser: PaneBrowser;
const opened: OpenedPane[] = [];

beforeAll(async () => {
  browser = await startPaneBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
});

async function openPane(displayLanguage: string): Promise<Page> {
  const pane = await browser.openPane({ settings: { displayLanguage }, fixedTime: FIXED_TIME });
  opened.push(pane);
  return pane.page;
}

/**
 * Run `read` on the host in the page (the workbook, the selection …) and return what it gives.
 * Sent as source text, evaluated by the browser's debugger protocol (so a Content-Security-Policy
 * without 'unsafe-eval' would not stop it); `arg` goes as JSON.
 */
function host<T, A = undefined>(page: Page, read: (host: BrowserHost, arg: A) => T, arg?: A): Promise<T> {
  return page.evaluate(`(${read.toString()})(window.__fbsHost, ${JSON.stringify(arg ?? null)})`) as Promise<T>;
}

const button = (page: Page, name: string): Locator => page.getByRole("button", { name, exact: true });

/** The outcome message of the last action (a polite status, or an alert when it failed). */
const outcomeMessage = (page: Page, text: string | RegExp): Locator => page.locator('[role="status"], [role="alert"]').filter({ hasText: text });

async function waitForSelection(page: Page, sheet: string, address: string): Promise<void> {
  await page.waitForFunction(
    ([s, a]) => window.__fbsHost.model.selection?.sheet === s && window.__fbsHost.model.selection?.address === a && window.__fbsHost.model.active?.name === s,
    [sheet, address] as const,
  );
}

interface ShownFinding {
  severity: Severity;
  text: string;
}

async function shownFindings(page: Page): Promise<ShownFinding[]> {
  const list = page.getByRole("list", { name: da.findingsListLabel });
  return list.evaluate((ul) =>
    [...ul.children].map((li) => ({
      severity: (li.querySelector("[data-severity]") as HTMLElement).dataset.severity as Severity,
      text: li.textContent ?? "",
    })),
  );
}

/** Does the pane's entry show this finding: its severity, rule, sheet!cell and message? */
function shows(item: ShownFinding, f: Finding): boolean {
  return (
    item.severity === f.severity &&
    item.text.includes(f.rule) &&
    item.text.includes(f.message.da) &&
    (f.cell === null || item.text.includes(`${f.sheet}!${f.cell}`))
  );
}

/** The finding's entry in the list (its button when it has a cell to go to). */
const findingButton = (page: Page, f: Finding): Locator =>
  page
    .getByRole("list", { name: da.findingsListLabel })
    .getByRole("listitem")
    .filter({ hasText: `${f.sheet}!${f.cell}` })
    .filter({ hasText: f.message.da })
    .locator("button[data-severity]");

describe("the pane in Chromium, Danish Excel: from an empty workbook to the timeline", () => {
  let page: Page;
  // What the engine finds in the example plan, the way the pane's workbook holds it.
  const expected = validateSnapshot(planSnapshot(EXAMPLE_PLAN, "da"), { today: TODAY });

  beforeAll(async () => {
    page = await openPane("da-DK");
  });

  it("starts in Danish with the actions ready and no findings yet", async () => {
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("FBS Drejebog");
    await button(page, "Validér").waitFor();
    expect(await button(page, "Generér/opdatér ark").isEnabled()).toBe(true);
    await page.getByText(da.noValidationYet).waitFor();
    // Highlights of an earlier session can be cleared before validating again.
    expect(await button(page, da.action.clearHighlights).getAttribute("aria-disabled")).toBeNull();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("da-DK");
  });

  it("Generate creates the planning sheets in the empty workbook", async () => {
    await button(page, da.action.generate).click();
    await outcomeMessage(page, "8 ark oprettet").waitFor();
    const sheets = await host(page, (h) => h.model.sheets.filter((s) => s.visibility === "Visible").map((s) => s.name));
    expect(sheets).toEqual(["Ark1", "Projekt", "Personer", "Enheder", "Ejerskab", "Kursuspladser", "Kontrakter", "Institutioner", "Driftscenter"]);
    expect(await host(page, (h) => h.model.values("Personer")[0][0])).toBe("Navn");
  });

  it("Validate shows the engine's findings for the plan typed in, and writes the report sheet", async () => {
    const typed = await host(page, (h) => h.seed("example", "da"));
    expect(typed.rows).toBeGreaterThan(40);
    expect(SEVERITIES.every((s) => expected.summary[s] > 0)).toBe(true); // the example has every severity

    await button(page, da.action.validate).click();
    await outcomeMessage(page, "Valideringen fandt").waitFor();

    // A validation that found errors is done, not failed: a neutral message, nothing in the alert region.
    expect(await page.getByRole("status").locator("[data-intent]").getAttribute("data-intent")).toBe("info");
    expect(await page.getByRole("alert").textContent()).toBe("");

    // The counts per severity on the severity filter's toggles, every severity shown.
    const severityFilter = page.getByRole("group", { name: da.severityFilterLabel });
    for (const severity of SEVERITIES) {
      const toggle = severityFilter.getByRole("button", { name: da.severityCount(severity, expected.summary[severity]), exact: true });
      expect(await toggle.getAttribute("aria-pressed")).toBe("true");
    }
    await page.getByText(da.shownCount(expected.findings.length, expected.findings.length)).waitFor();
    expect(await button(page, da.action.clearHighlights).getAttribute("aria-disabled")).toBeNull();

    // Every finding the engine makes, once each, errors first: severity, rule, sheet!cell and message.
    const shown = await shownFindings(page);
    expect(shown).toHaveLength(expected.findings.length);
    const unmatched = [...expected.findings];
    for (const item of shown) {
      const at = unmatched.findIndex((f) => shows(item, f));
      if (at < 0) throw new Error(`The pane shows a finding the engine did not make: ${item.severity} ${item.text}`);
      unmatched.splice(at, 1);
    }
    expect(unmatched).toEqual([]);
    const order = shown.map((item) => SEVERITIES.indexOf(item.severity));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(shown.some((item) => item.text.includes("ORG-10") && item.text.includes("Projekt!B5"))).toBe(true);

    // The report sheet, one row per finding under its title and header, and the cells highlighted.
    const report = await host(page, (h) => h.model.values("Validering"));
    expect(report.slice(2).map((row) => row[0]).sort()).toEqual(expected.findings.map((f) => f.rule).sort());
    const error = expected.findings.find((f) => f.severity === "error" && f.cell !== null) as Finding;
    const fill = await host(page, (h, f) => h.model.displayedFill(f.sheet, f.cell), { sheet: error.sheet as string, cell: error.cell as string });
    expect(fill).toBe(HIGHLIGHT_FILL.error);

    // In a task pane of 360×900, several findings are in view without scrolling.
    const list = page.getByRole("list", { name: da.findingsListLabel });
    const inView = await list.evaluate((ul) => [...ul.children].filter((li) => li.getBoundingClientRect().bottom <= window.innerHeight).length);
    expect(inView).toBeGreaterThanOrEqual(3);

    // Dates (dd-mm-yyyy, yyyy-mm-dd) are never broken at their hyphens.
    const dates = await list.evaluate((ul) => {
      const date = /\b(?:\d{2}-\d{2}-\d{4}|\d{4}-\d{2}-\d{2})\b/g;
      const spans = [...ul.querySelectorAll("span")].filter((span) => new RegExp(`^${date.source}$`).test(span.textContent ?? ""));
      return {
        inText: (ul.textContent ?? "").match(date)?.length ?? 0,
        kept: spans.filter((span) => getComputedStyle(span).whiteSpace === "nowrap" && span.getClientRects().length === 1).length,
      };
    });
    expect(dates.inText).toBeGreaterThan(0);
    expect(dates.kept).toBe(dates.inText);

    // Fluent's buttons fade between states: take the picture with the fades finished.
    const screenshot = await page.screenshot({ animations: "disabled" });
    if (process.env.UPDATE_SCREENSHOT) fs.writeFileSync(path.join(ROOT, "docs", "screenshot.png"), screenshot);
    // Nothing wider than a task pane: no sideways scrolling.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });

  it("hides and shows a severity with its toggle, and says how many findings are shown", async () => {
    const errors = button(page, da.severityCount("error", expected.summary.error));
    const rest = expected.findings.length - expected.summary.error;
    await errors.click();
    await page.getByRole("status").filter({ hasText: da.shownCount(rest, expected.findings.length) }).waitFor();
    expect(await errors.getAttribute("aria-pressed")).toBe("false");
    expect((await shownFindings(page)).some((item) => item.severity === "error")).toBe(false);
    await errors.click();
    await page.getByText(da.shownCount(expected.findings.length, expected.findings.length)).waitFor();
  });

  it("a click on a finding, or Enter on it, selects its cell in Excel", async () => {
    const withCell = expected.findings.filter((f) => f.sheet !== null && f.cell !== null);
    const first = withCell[0];
    const other = withCell.find((f) => f.sheet !== first.sheet) as Finding;

    await findingButton(page, first).click();
    await waitForSelection(page, first.sheet as string, first.cell as string);

    await findingButton(page, other).focus();
    await page.keyboard.press("Enter");
    await waitForSelection(page, other.sheet as string, other.cell as string);
  });

  it("Clear highlights removes the validation's fills", async () => {
    const error = expected.findings.find((f) => f.severity === "error" && f.cell !== null) as Finding;
    await button(page, da.action.clearHighlights).click();
    await outcomeMessage(page, da.highlightsCleared.title).waitFor();
    const fill = await host(page, (h, f) => h.model.displayedFill(f.sheet, f.cell), { sheet: error.sheet as string, cell: error.cell as string });
    expect(fill).toBeNull();
  });

  it("Timeline draws the contracts on the Tidslinje sheet as a chart", async () => {
    await button(page, da.action.timeline).click();
    await outcomeMessage(page, "Tidslinjen er tegnet i arket Tidslinje").waitFor();
    const charts = await host(page, (h) => (h.model.sheet("Tidslinje")?.charts ?? []).map((c) => ({ categories: c.categories, series: c.series.length })));
    expect(charts).toHaveLength(1);
    expect(charts[0].series).toBeGreaterThan(0);
    const systems = (EXAMPLE_PLAN.contracts ?? []).map((c) => String(c.system));
    expect(charts[0].categories.some((category) => systems.some((system) => String(category).includes(system)))).toBe(true);
  });
});

describe("the pane in Chromium, other hosts", () => {
  it("speaks English in an English Excel, and generates English sheets", async () => {
    const page = await openPane("en-US");
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("FBS Playbook");
    for (const label of ["Generate/update sheets", "Validate", "Contract timeline", "Clear highlights"]) await button(page, label).waitFor();
    await page.getByText(en.noValidationYet).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("en-US");

    await button(page, en.action.generate).click();
    await outcomeMessage(page, "8 sheets created").waitFor();
    expect(await host(page, (h) => h.model.sheets.map((s) => s.name))).toEqual(expect.arrayContaining(["Project", "People", "Contracts"]));
  });

  it("says in a sentence what to do when Excel refuses (cell edit mode), and works again after", async () => {
    const page = await openPane("da-DK");
    await button(page, da.action.generate).click();
    await outcomeMessage(page, "8 ark oprettet").waitFor();
    await host(page, (h) => {
      h.model.cellEditMode = true;
    });

    await button(page, da.action.validate).click();
    const alert = page.getByRole("alert").filter({ hasText: "Excel er ved at redigere en celle" });
    await alert.waitFor();
    // First the sentence of what to do, then, smaller and apart, the technical detail for support.
    const sentence = alert.getByText("Tryk Enter eller Esc for at afslutte redigeringen af cellen, og prøv så igen.", { exact: true });
    const technical = alert.getByText(/^Teknisk: InvalidOperationInCellEditMode/);
    const fontSize = (l: Locator) => l.evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    expect(await fontSize(technical)).toBeLessThan(await fontSize(sentence));
    expect(await sentence.evaluate((e, t) => Boolean(e.compareDocumentPosition(t) & Node.DOCUMENT_POSITION_FOLLOWING), await technical.elementHandle())).toBe(true);
    await page.getByText(da.noValidationYet).waitFor();
    expect(await host(page, (h) => h.runs.map((r) => r.ok))).toEqual([true, false]);

    await host(page, (h) => {
      h.model.cellEditMode = false;
    });
    await button(page, da.action.validate).click();
    await outcomeMessage(page, "Valideringen fandt").waitFor();
    expect(await page.getByRole("alert").textContent()).toBe("");
  });
});

describe("the pane's traffic", () => {
  it("loads only its own files and the stand-in office.js: nothing leaves 127.0.0.1", () => {
    expect(browser.requests.length).toBeGreaterThan(opened.length);
    expect(browser.blocked).toEqual([]);
    const foreign = browser.requests.filter((url) => !url.startsWith(`${browser.origin}/`) && !url.startsWith(OFFICE_JS_PREFIX));
    expect(foreign).toEqual([]);
  });

  it("raised no uncaught error and logged no console error", () => {
    expect(opened.length).toBeGreaterThanOrEqual(3);
    expect(opened.flatMap((pane) => pane.problems)).toEqual([]);
  });
});
