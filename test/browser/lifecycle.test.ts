/**
 * Issue 8 in the production pane in Chromium, over the stand-in Excel (office-host.ts), keyboard
 * only: accept a finding with a reason (one row in `Accepterede`), see it move to the collapsed
 * *Accepterede* group, reopen it (the row goes), and a second validation's `Historik` line.
 * Fixes are not exercised here: the engine does not build them yet (see the jsdom tests).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { Page } from "playwright-core";
import { render } from "../../src/playbook/render";
import { day, toSerial, type Day } from "../../src/playbook/dates";
import { validateSnapshot } from "../../src/playbook/engine";
import { EXAMPLE_PLAN } from "../../src/playbook/example";
import { planSnapshot } from "../../src/playbook/template";
import { LIFECYCLE_STRINGS } from "../../src/taskpane/lifecycle-strings";
import { STRINGS } from "../../src/taskpane/strings";
import { startPaneBrowser, type PaneBrowser } from "./harness";
import type { BrowserHost } from "./office-host";

const TODAY = day(2026, 12, 1) as Day;
const da = STRINGS.da;
const words = LIFECYCLE_STRINGS.da;

let browser: PaneBrowser;
let page: Page;

function host<T>(read: (host: BrowserHost) => T): Promise<T> {
  return page.evaluate(`(${read.toString()})(window.__fbsHost)`) as Promise<T>;
}

const focusedText = () => page.evaluate(() => document.activeElement?.textContent ?? "");

/** Press `key` until the focused element's text is `text` (at most `max` times). */
async function pressUntil(key: string, text: string, max = 6): Promise<void> {
  for (let i = 0; i < max && (await focusedText()) !== text; i++) await page.keyboard.press(key);
  expect(await focusedText()).toBe(text);
}

beforeAll(async () => {
  browser = await startPaneBrowser();
  page = (await browser.openPane({ settings: { displayLanguage: "da-DK" }, fixedTime: new Date(2026, 11, 1, 10, 0, 0) })).page;
}, 240_000);

afterAll(async () => {
  await browser?.close();
});

describe("working through findings in Chromium, keyboard only", () => {
  const expected = validateSnapshot(planSnapshot(EXAMPLE_PLAN, "da"), { today: TODAY });
  const target = expected.findings.find((f) => f.rule.startsWith("CON") && f.cell !== null) ?? expected.findings[0];

  it("accepts a finding with a reason, moves it to Accepterede, and reopens it", async () => {
    await page.getByRole("button", { name: da.action.generate, exact: true }).focus();
    await page.keyboard.press("Enter");
    await page.getByText("9 ark oprettet").waitFor();
    await host((h) => h.seed("example", "da"));
    await page.getByRole("button", { name: da.action.validate, exact: true }).focus();
    await page.keyboard.press("Enter");
    await page.getByText("Valideringen fandt").waitFor();

    const list = page.getByRole("list", { name: da.findingsListLabel });
    const item = list.getByRole("listitem").filter({ hasText: render(target, { lang: "da", surface: "pane" }).message }).first();
    await item.locator("button[data-severity]").focus();
    await pressUntil("ArrowDown", words.accept);
    await page.keyboard.press("Enter");
    // The form opens with the reason focused; Enter on Acceptér without one says what is missing.
    await page.keyboard.type("Styregruppen har besluttet ikke at forlænge.");
    await pressUntil("Tab", words.confirm);
    await page.keyboard.press("Enter");
    await page.getByText(words.accepted).waitFor();

    const rows = await host((h) => h.model.values("Accepterede"));
    expect(rows).toHaveLength(2);
    expect(rows[1].slice(0, 5)).toEqual([target.rule, target.sheet ?? "", target.subject ?? "", target.column ?? "", "Styregruppen har besluttet ikke at forlænge."]);
    expect(rows[1][6]).toBe(toSerial(TODAY));
    expect(await list.getByText(render(target, { lang: "da", surface: "pane" }).message).count()).toBe(0);

    const summary = page.getByText(words.acceptedGroup(1));
    await summary.focus();
    await page.keyboard.press("Enter");
    await page.getByText("Begrundelse: Styregruppen har besluttet ikke at forlænge.").waitFor();
    // UPDATE_SCREENSHOT=1 npx jest test/browser also writes the README's picture of accepted findings.
    if (process.env.UPDATE_SCREENSHOT) {
      await page.getByText("Begrundelse: Styregruppen har besluttet ikke at forlænge.").scrollIntoViewIfNeeded();
      fs.writeFileSync(path.join(__dirname, "..", "..", "docs", "accepted.png"), await page.screenshot({ animations: "disabled" }));
    }
    await pressUntil("Tab", words.reopen);
    await page.keyboard.press("Enter");
    await page.getByText(words.reopened).waitFor();

    expect(await host((h) => h.model.values("Accepterede"))).toHaveLength(1);
    await list.getByText(render(target, { lang: "da", surface: "pane" }).message).first().waitFor();
  });

  it("appends a Historik row per validation and says what is new and resolved since the one before", async () => {
    await page.getByRole("button", { name: da.action.validate, exact: true }).focus();
    await page.keyboard.press("Enter");
    await page.getByText(words.since(0, 0)).waitFor();
    const history = await host((h) => ({ rows: h.model.values("Historik").length, charts: h.model.requireSheet("Historik").charts.length }));
    expect(history).toEqual({ rows: 3, charts: 1 });
  });
});
