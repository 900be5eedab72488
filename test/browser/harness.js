/**
 * The production pane in headless Chromium, with the test host (office-host.ts) in place of
 * Microsoft's office.js and no network beyond 127.0.0.1. Used by pane.test.ts and
 * scripts/bench-pane.js; types in harness.d.ts.
 *
 * - builds the pane and the host (cached: scripts/build-pane.js) and serves the pane on 127.0.0.1;
 * - launches Debian's Chromium (/usr/bin/chromium, or $CHROMIUM_PATH) through playwright-core;
 * - answers requests for office.js with the host, lets requests to the local server through and
 *   aborts every other one, remembering it in `blocked`: nothing of the workbook may leave the pane.
 */
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { chromium } = require("playwright-core");
const { buildPane, buildTestHost } = require("../../scripts/build-pane");
const { serveDist } = require("../../scripts/serve-dist");

const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
/** Where taskpane.html loads office.js from (webpack.config.js's OFFICE_JS), and everything beside it. */
const OFFICE_JS_PREFIX = "https://appsforoffice.microsoft.com/lib/1/hosted/";
/** A task pane in Excel is about this size. */
const PANE_VIEWPORT = { width: 360, height: 900 };

const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

function assertChromium() {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium was not found at ${CHROMIUM}. The browser test runs the pane in Debian's Chromium: ` +
        "install it with `apt-get install chromium` (or set CHROMIUM_PATH to a Chromium binary).",
    );
  }
}

/** Build, serve and launch. Call `close()` when done. */
async function startPaneBrowser() {
  assertChromium();
  const paneDir = await buildPane();
  const hostDir = await buildTestHost();
  const hostScript = fs.readFileSync(path.join(hostDir, "office-host.js"));
  const server = await serveDist(paneDir);
  const origin = new URL(server.url).origin;
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "fbs-pane-chromium-"));
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: PANE_VIEWPORT,
      locale: "da-DK",
      serviceWorkers: "block",
    });
  } catch (error) {
    await server.close();
    fs.rmSync(profile, { recursive: true, force: true });
    throw new Error(`Chromium (${CHROMIUM}) did not start: ${String(error && error.message).split("\n")[0]}`);
  }

  /** Every URL a page asked for, and those that were refused (anything not local and not office.js). */
  const requests = [];
  const blocked = [];
  context.on("request", (request) => requests.push(request.url()));
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(OFFICE_JS_PREFIX)) {
      return route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body: hostScript });
    }
    if (new URL(url).origin === origin) return route.continue();
    blocked.push(url);
    return route.abort("blockedbyclient");
  });

  const paneUrl = `${server.url}taskpane.html`;

  /**
   * A new tab with the pane, its host set up from `settings` (displayLanguage, responseLimit) and,
   * when `fixedTime` is given, the clock fixed there (the pane's "today"). Waits for the load event;
   * the returned `problems` collects uncaught errors and console errors of the page. `disableCache`:
   * load every file afresh, as a first visit does.
   */
  async function openPane({ settings = {}, fixedTime, query = "", disableCache = false } = {}) {
    const page = await context.newPage();
    if (disableCache) await (await context.newCDPSession(page)).send("Network.setCacheDisabled", { cacheDisabled: true });
    const problems = [];
    page.on("pageerror", (error) => problems.push(`uncaught: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(`console: ${message.text()}`);
    });
    await page.addInitScript((given) => {
      window.__fbsHostSettings = given;
    }, settings);
    if (fixedTime) await page.clock.setFixedTime(fixedTime);
    await page.goto(paneUrl + query);
    return { page, problems };
  }

  async function close() {
    try {
      await context.close();
    } finally {
      await server.close();
      fs.rmSync(profile, { recursive: true, force: true });
    }
  }

  return { paneDir, paneUrl, origin, context, requests, blocked, openPane, close };
}

module.exports = { startPaneBrowser, PANE_VIEWPORT, OFFICE_JS_PREFIX, CHROMIUM };
