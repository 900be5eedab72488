#!/usr/bin/env node
/**
 * The pane's figures, measured on the production build (scripts/build-pane.js, built first when its
 * sources changed) in headless Chromium over the browser test's stand-in Excel (test/browser):
 *   (a) the pane's JavaScript, gzipped: every script taskpane.html loads (aim ≤ 150 KB);
 *   (b) time from navigation to an interactive pane (the Validate button shown and enabled), median
 *       of 5 first visits (no cache), served from 127.0.0.1 with the stand-in office.js;
 *   (c) Excel syncs one validation takes on a 10,000-row workbook, and how long the pane needs
 *       for it (engine and Excel adapter; the stand-in answers at once, a real Excel adds its own time).
 *
 *   node scripts/bench-pane.js     (npm run bench:pane)
 */
const { measure, BUDGET_KB } = require("./bundle-size");
const { startPaneBrowser } = require("../test/browser/harness");

const VISITS = 5;
const LARGE_ROWS = 10_000;
/** The Danish labels the measurements wait for (src/taskpane/strings.ts). */
const VALIDATE = "Validér";
const GENERATE = "Opret ark";

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** In each page: the time since navigation start when the Validate button first stands enabled. */
function recordInteractive(label) {
  window.__paneInteractive = new Promise((resolve) => {
    const ready = () => {
      const button = [...document.querySelectorAll("button")].find((b) => b.textContent.trim() === label);
      return button && !button.disabled && button.getAttribute("aria-disabled") !== "true";
    };
    const observer = new MutationObserver(() => {
      if (ready()) {
        observer.disconnect();
        resolve(performance.now());
      }
    });
    observer.observe(document, { childList: true, subtree: true, attributes: true });
  });
}

async function timeToInteractive(browser) {
  await browser.context.addInitScript(recordInteractive, VALIDATE);
  const times = [];
  for (let i = 0; i < VISITS; i++) {
    const { page } = await browser.openPane({ disableCache: true });
    times.push(await page.evaluate(() => window.__paneInteractive));
    await page.close();
  }
  return times;
}

async function largeValidation(browser) {
  const { page } = await browser.openPane();
  const button = (name) => page.getByRole("button", { name, exact: true });
  await button(GENERATE).click();
  await page.waitForFunction(() => window.__fbsHost.runs.length === 1);
  const { rows } = await page.evaluate((size) => window.__fbsHost.seed("large", "da", size), LARGE_ROWS);
  const started = Date.now();
  await button(VALIDATE).click();
  await page.waitForFunction(() => window.__fbsHost.runs.length === 2);
  const run = await page.evaluate(() => window.__fbsHost.runs[1]);
  if (!run.ok) throw new Error("The validation of the large workbook failed in the pane.");
  await page.getByRole("list", { name: /^Fund\./ }).waitFor();
  const shown = Date.now() - started;
  const findings = await page.evaluate(() => window.__fbsHost.model.values("Validering").length - 2);
  await page.close();
  return { rows, run, shown, findings };
}

async function main() {
  const browser = await startPaneBrowser();
  try {
    const size = measure(browser.paneDir);
    const times = await timeToInteractive(browser);
    const large = await largeValidation(browser);
    const kb = (bytes) => (bytes / 1024).toFixed(1);
    const ms = (t) => `${Math.round(t)} ms`;
    console.log(`pane JavaScript: ${kb(size.total.gzip)} KB gzipped (${size.files.map((f) => f.file).join(", ")}; aim ≤ ${BUDGET_KB} KB)`);
    for (const f of size.onDemand.files) console.log(`  fetched when first used: ${f.file} ${kb(f.gzip)} KB gzipped`);
    console.log(
      `time to interactive pane: ${ms(median(times))} median of ${VISITS} (min ${ms(Math.min(...times))}, max ${ms(Math.max(...times))}; headless Chromium, first visits from 127.0.0.1)`,
    );
    console.log(
      `syncs per validation, ${large.rows.toLocaleString("en")}-row workbook (${LARGE_ROWS.toLocaleString("en")} people): ${large.run.syncs} (${large.findings} findings; the pane's own time ${ms(large.run.ms)}, findings shown ${ms(large.shown)} after the click)`,
    );
    if (browser.blocked.length > 0) throw new Error(`The pane asked for addresses outside 127.0.0.1: ${browser.blocked.join(", ")}`);
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(error.message);
  process.exitCode = 1;
});
