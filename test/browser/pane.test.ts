/**
 * The production pane (webpack --mode production) in headless Chromium, over a stand-in Excel
 * (office-host.ts: the in-memory workbook of test/excel/fakes behind the `Office` and `Excel`
 * globals, served in place of Microsoft's office.js). What a user does: generate the sheets, type a
 * plan, validate, jump to findings, clear the highlights, draw the timeline; in Danish and English;
 * and what they see when Excel refuses. No request may leave 127.0.0.1.
 *
 * In every main state the pane must pass axe-core's WCAG 2.1 A/AA rules (a11y.ts names the one
 * exclusion); at 320 px and at 200 % zoom nothing may overflow or overlap; and a keyboard walk by
 * Tab, arrows, Enter and Escape never leaves the focus on the page's body after an action.
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
import { render } from "../../src/playbook/render";
import { planSnapshot } from "../../src/playbook/template";
import { STRINGS } from "../../src/taskpane/strings";
import { axeViolations, focusedElement, layoutProblems } from "./a11y";
import { OFFICE_JS_PREFIX, PANE_VIEWPORT, startPaneBrowser } from "./harness";
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

async function openPane(displayLanguage: string, theme: "light" | "dark" = "light"): Promise<Page> {
  const pane = await browser.openPane({ settings: { displayLanguage, theme }, fixedTime: FIXED_TIME });
  opened.push(pane);
  // A step that cannot happen fails with what it waited for, well within the test's own timeout.
  pane.page.setDefaultTimeout(10_000);
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
/** The action bar's button of an action (a message may offer the same action as its own button). */
const barButton = (page: Page, name: string): Locator => page.getByRole("group", { name: da.actionsLabel }).getByRole("button", { name, exact: true });

/** Choose an action of the *Flere* menu. */
async function fromMenu(page: Page, moreLabel: string, item: string): Promise<void> {
  await button(page, moreLabel).click();
  await page.getByRole("menuitem", { name: item }).click();
}

/** The pane as it stands passes axe-core's WCAG 2.1 A and AA rules. */
async function expectAccessible(page: Page): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
}

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
    item.text.includes(render(f, { lang: "da", surface: "pane" }).message) &&
    (f.cell === null || item.text.includes(`${f.sheet}!${f.cell}`))
  );
}

/** The finding's entry in the list (its button when it has a cell to go to). */
const findingButton = (page: Page, f: Finding): Locator =>
  page
    .getByRole("list", { name: da.findingsListLabel })
    .getByRole("listitem")
    .filter({ hasText: `${f.sheet}!${f.cell}` })
    .filter({ hasText: render(f, { lang: "da", surface: "pane" }).message })
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
    expect(await button(page, "Opret ark").isEnabled()).toBe(true);
    await page.getByText(da.noValidationYet).waitFor();
    // Highlights of an earlier session can be cleared before validating again (from the Flere menu).
    expect(await button(page, da.moreLabel).getAttribute("aria-disabled")).toBeNull();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("da-DK");
    expect(await page.title()).toBe("FBS Drejebog");
    await expectAccessible(page);
  });

  it("Generate creates the planning sheets in the empty workbook", async () => {
    await button(page, da.action.generate).click();
    await outcomeMessage(page, "9 ark oprettet").waitFor();
    const sheets = await host(page, (h) => h.model.sheets.filter((s) => s.visibility === "Visible").map((s) => s.name));
    expect(sheets).toEqual(["Ark1", "Projekt", "Personer", "Enheder", "Ejerskab", "Kursuspladser", "Kontrakter", "Institutioner", "Driftscenter", "Accepterede"]);
    expect(await host(page, (h) => h.model.values("Personer")[0][0])).toBe("Navn");
    await expectAccessible(page);
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
      const toggle = severityFilter.getByRole("button", { name: da.severityFilter(severity, expected.summary[severity]), exact: true });
      expect(await toggle.getAttribute("aria-pressed")).toBe("true");
    }
    await page.getByText(da.shownCount(expected.findings.length, expected.findings.length)).waitFor();
    expect(await button(page, da.moreLabel).getAttribute("aria-disabled")).toBeNull();

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

    // In a task pane of 360×900 the list starts in the upper half, several findings in view without scrolling.
    const list = page.getByRole("list", { name: da.findingsListLabel });
    expect(await list.evaluate((ul) => ul.getBoundingClientRect().top)).toBeLessThan(PANE_VIEWPORT.height / 2);
    const inView = await list.evaluate((ul) => [...ul.children].filter((li) => li.getBoundingClientRect().bottom <= window.innerHeight).length);
    // Each card also carries its own buttons (Acceptér…, a fix): two whole cards fit on a 360×900 pane.
    expect(inView).toBeGreaterThanOrEqual(2);
    // Each finding is named by its head line (severity, rule, §, place) and described by its message.
    const first = list.getByRole("button").first();
    expect((await first.evaluate((b) => (b as HTMLElement).innerText)).length).toBeLessThan(60);
    expect(await first.getAttribute("aria-describedby")).toBeTruthy();

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
    expect(await layoutProblems(page)).toEqual([]);
    await expectAccessible(page);
  });

  it("hides and shows a severity with its toggle, and says how many findings are shown", async () => {
    const errors = button(page, da.severityFilter("error", expected.summary.error));
    const rest = expected.findings.length - expected.summary.error;
    await errors.click();
    await page.getByRole("status").filter({ hasText: da.shownCount(rest, expected.findings.length) }).waitFor();
    expect(await errors.getAttribute("aria-pressed")).toBe("false");
    expect((await shownFindings(page)).some((item) => item.severity === "error")).toBe(false);
    await expectAccessible(page);
    await errors.click();
    await page.getByText(da.shownCount(expected.findings.length, expected.findings.length)).waitFor();

    // By sheet too.
    const sheetFilter = page.getByRole("combobox", { name: da.sheetFilterLabel });
    await sheetFilter.selectOption({ label: "Personer" });
    const onPeople = expected.findings.filter((f) => f.sheet === "Personer").length;
    await page.getByText(da.shownCount(onPeople, expected.findings.length)).waitFor();
    expect((await shownFindings(page)).every((item) => item.text.includes("Personer"))).toBe(true);
    await expectAccessible(page);
    expect(await layoutProblems(page)).toEqual([]);
    await sheetFilter.selectOption({ label: da.allSheets });
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
    await fromMenu(page, da.moreLabel, da.action.clearHighlights);
    await outcomeMessage(page, da.highlightsCleared.title).waitFor();
    // The menu gave the focus back to its button.
    expect(await focusedElement(page)).toBe(`button: ${da.moreLabel}`);
    const fill = await host(page, (h, f) => h.model.displayedFill(f.sheet, f.cell), { sheet: error.sheet as string, cell: error.cell as string });
    expect(fill).toBeNull();
  });

  it("Kalender (.ics) saves the plan's dates as a calendar file, its generator fetched from the add-in's own origin", async () => {
    const saved = page.waitForEvent("download");
    await fromMenu(page, da.moreLabel, da.action.calendar);
    const download = await saved;
    expect(download.suggestedFilename()).toBe("frister.ics");
    const file = await download.path();
    const text = fs.readFileSync(file, "utf8");
    expect(text.startsWith("BEGIN:VCALENDAR")).toBe(true);
    // The example's first contract has a notice deadline with its reminders.
    expect(text).toContain("BEGIN:VALARM");
    const events = text.split("BEGIN:VEVENT").length - 1;
    await outcomeMessage(page, new RegExp(`^.*${events} datoer`)).waitFor();
  });

  it("Timeline draws the contracts on the Tidslinje sheet as a chart", async () => {
    await fromMenu(page, da.moreLabel, da.action.timeline);
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
    for (const label of ["Create sheets", "Validate", "More actions"]) await button(page, label).waitFor();
    await page.getByText(en.noValidationYet).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("en-US");
    expect(await page.title()).toBe("FBS Playbook");

    await button(page, en.action.generate).click();
    await outcomeMessage(page, "9 sheets created").waitFor();
    expect(await host(page, (h) => h.model.sheets.map((s) => s.name))).toEqual(expect.arrayContaining(["Project", "People", "Contracts"]));
    await host(page, (h) => h.seed("example", "en"));
    await button(page, en.action.validate).click();
    await outcomeMessage(page, "The validation found").waitFor();
    await expectAccessible(page);
    expect(await layoutProblems(page)).toEqual([]);
  });

  it("says in a sentence what to do when Excel refuses (cell edit mode), and works again after", async () => {
    const page = await openPane("da-DK");
    await button(page, da.action.generate).click();
    await outcomeMessage(page, "9 ark oprettet").waitFor();
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
    await expectAccessible(page);
    expect(await layoutProblems(page)).toEqual([]);

    await host(page, (h) => {
      h.model.cellEditMode = false;
    });
    await button(page, da.action.validate).click();
    await outcomeMessage(page, "Valideringen fandt").waitFor();
    expect(await page.getByRole("alert").textContent()).toBe("");
  });
});

describe("the pane in Chromium, for every user", () => {
  const expected = validateSnapshot(planSnapshot(EXAMPLE_PLAN, "da"), { today: TODAY });

  /** A Danish pane with the example plan typed in and validated. */
  async function validatedPane(theme: "light" | "dark" = "light"): Promise<Page> {
    const page = await openPane("da-DK", theme);
    await button(page, da.action.generate).click();
    await outcomeMessage(page, "9 ark oprettet").waitFor();
    await host(page, (h) => h.seed("example", "da"));
    await button(page, da.action.validate).click();
    await outcomeMessage(page, "Valideringen fandt").waitFor();
    return page;
  }

  it("the first Validate on a new workbook says one thing: create the sheets first, with the button to do it", async () => {
    const page = await openPane("da-DK");
    await button(page, da.action.validate).click();
    const message = outcomeMessage(page, da.notSetUp.title);
    await message.waitFor();
    expect(await message.textContent()).toContain(da.notSetUp.detail);
    // Not the 35 findings that empty sheets lack, nor "0 celler er markeret", nor the command line.
    expect(await page.getByRole("list").count()).toBe(0);
    expect(await page.locator("main").textContent()).not.toMatch(/celler er markeret|fbs-playbook|`/);
    await expectAccessible(page);

    await message.getByRole("button", { name: da.action.generate }).click();
    await outcomeMessage(page, "9 ark oprettet").waitFor();
    // The message's button went with the message: the focus is on the bar's own button.
    expect(await barButton(page, da.action.generate).evaluate((b) => b === document.activeElement)).toBe(true);
    expect(await host(page, (h) => h.model.sheets.map((s) => s.name))).toEqual(expect.arrayContaining(["Projekt", "Personer", "Kontrakter"]));
  });

  it("fits at 320 px and at 200 % zoom: nothing overflows or overlaps, the filters stay in view where there is room, axe finds nothing", async () => {
    const page = await validatedPane();
    // 200 % zoom of a 360×900 pane lays the page out in 180×450 CSS pixels.
    for (const viewport of [{ width: 320, height: 900 }, { width: PANE_VIEWPORT.width / 2, height: PANE_VIEWPORT.height / 2 }]) {
      await page.setViewportSize(viewport);
      expect({ viewport, problems: await layoutProblems(page) }).toEqual({ viewport, problems: [] });
      // The sheet filter keeps a usable width, and a message its title clear of the close button.
      const select = page.getByRole("combobox", { name: da.sheetFilterLabel });
      expect(await select.evaluate((e) => e.getBoundingClientRect().width)).toBeGreaterThanOrEqual(100);
      await expectAccessible(page);
    }
    // The filters stay in view while the list scrolls in a full-height pane, and give the room back at 200 % zoom.
    const filters = page.getByRole("group", { name: da.severityFilterLabel });
    const filtersInView = async () => {
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      return filters.evaluate((g) => g.getBoundingClientRect().top >= 0 && g.getBoundingClientRect().bottom <= window.innerHeight);
    };
    expect(await filtersInView()).toBe(false); // still 180×450
    await page.setViewportSize(PANE_VIEWPORT);
    expect(await filtersInView()).toBe(true);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.setViewportSize({ width: PANE_VIEWPORT.width / 2, height: PANE_VIEWPORT.height / 2 });

    // An error message at 200 % zoom too.
    await host(page, (h) => {
      h.model.cellEditMode = true;
    });
    await fromMenu(page, da.moreLabel, da.action.timeline);
    await page.getByRole("alert").filter({ hasText: "Excel er ved at redigere en celle" }).waitFor();
    expect(await layoutProblems(page)).toEqual([]);
    await expectAccessible(page);
    await page.setViewportSize(PANE_VIEWPORT);
  });

  it("follows a dark Office theme, the browser's own parts included", async () => {
    const page = await validatedPane("dark");
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe("dark");
    const background = await page.evaluate(() => getComputedStyle(document.querySelector(".fui-FluentProvider") as Element).backgroundColor);
    expect(background).toBe("rgb(41, 41, 41)");
    expect(await layoutProblems(page)).toEqual([]);
    await expectAccessible(page);
  });

  it("is walked by keyboard: Tab through the pane, arrows in the list, Enter and Escape, the focus never on the page", async () => {
    const page = await validatedPane();
    const outsideBody = async () => expect(await focusedElement(page)).not.toBe("body");
    // Start from the top, as after a click on the pane's title.
    await page.getByRole("heading", { level: 1 }).click();

    const walk: string[] = [];
    for (let i = 0; i < 9; i++) {
      await page.keyboard.press("Tab");
      walk.push(await focusedElement(page));
    }
    const severityToggles = SEVERITIES.map((s) => `button: ${da.severityFilter(s, expected.summary[s])}`);
    expect(walk.slice(0, 8)).toEqual([
      `button: ${da.action.generate}`,
      `button: ${da.action.validate}`,
      `button: ${da.moreLabel}`,
      `button: ${da.dismiss}`,
      ...severityToggles,
      `select: ${da.sheetFilterLabel}`,
    ]);
    // The list is one Tab stop: its first finding, named by its head line.
    expect(walk[8]).toMatch(/^button: Fejl/);

    // Arrow down to the next finding (past the first one's own buttons, Acceptér… and a fix), Enter
    // goes to its cell; the focus stays on it.
    let second = "";
    for (let i = 0; i < 4 && !/^button: (Fejl|Advarsel|Info)\b/.test(second); i++) {
      await page.keyboard.press("ArrowDown");
      second = await focusedElement(page);
    }
    expect(second).not.toBe(walk[8]);
    expect(second).toMatch(/^button: (Fejl|Advarsel|Info)\b/);
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => window.__fbsHost.model.selection !== null);
    expect(await focusedElement(page)).toBe(second);

    // Shift+Tab walks back the same way, from the finding last visited.
    const back: string[] = [];
    while (back.length < 10 && back.at(-1) !== `button: ${da.action.validate}`) {
      await page.keyboard.press("Shift+Tab");
      back.push(await focusedElement(page));
    }
    expect(back).toEqual(walk.slice(1, 8).reverse());

    // Enter on Validér validates again, the focus stays on the button.
    await page.keyboard.press("Enter");
    await outcomeMessage(page, "Valideringen fandt").waitFor();
    expect(await focusedElement(page)).toBe(`button: ${da.action.validate}`);

    // Escape in the message closes it and gives the focus to the action that made it.
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    expect(await focusedElement(page)).toBe(`button: ${da.dismiss}`);
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: da.dismiss }).waitFor({ state: "detached" });
    expect(await focusedElement(page)).toBe(`button: ${da.action.validate}`);

    // The menu: Enter opens it on its first item, Escape closes it back onto its button …
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await page.getByRole("menuitem", { name: da.action.timeline }).waitFor();
    expect(await focusedElement(page)).toBe(`menuitem: ${da.action.timeline}`);
    await page.keyboard.press("Escape");
    await page.getByRole("menu").waitFor({ state: "detached" });
    expect(await focusedElement(page)).toBe(`button: ${da.moreLabel}`);
    // … and Enter on an item runs it, the focus back on the menu's button.
    await page.keyboard.press("Enter");
    await page.getByRole("menuitem", { name: da.action.timeline }).waitFor();
    // Fjern markeringer is the menu's last item (after Statusrapport and Kalender).
    await page.keyboard.press("End");
    expect(await focusedElement(page)).toBe(`menuitem: ${da.action.clearHighlights}`);
    await page.keyboard.press("Enter");
    await outcomeMessage(page, da.highlightsCleared.title).waitFor();
    expect(await focusedElement(page)).toBe(`button: ${da.moreLabel}`);

    // Space on a severity toggle filters; the focus stays on the toggle.
    await page.keyboard.press("Tab"); // the message's close button
    await page.keyboard.press("Tab");
    await page.keyboard.press("Space");
    await page.getByRole("status").filter({ hasText: da.shownCount(expected.findings.length - expected.summary.error, expected.findings.length) }).waitFor();
    expect(await focusedElement(page)).toBe(severityToggles[0]);
    await outsideBody();
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
