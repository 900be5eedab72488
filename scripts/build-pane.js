#!/usr/bin/env node
/**
 * Builds for the browser test and the pane benchmark, cached by content:
 * - the production pane, exactly as `npm run build` makes it (webpack.config.js, --mode production);
 * - the test host (test/browser/office-host.ts) that stands in for office.js in the browser test.
 * A build is kept in node_modules/.cache/fbs-pane/<name>-<hash>/, the hash taken over every file it
 * is made of, and reused while none of them changes: a fresh clone builds once (about 20 s), later
 * runs reuse it. dist/ is left alone.
 *
 *   node scripts/build-pane.js        → prints the two folders
 *
 * As a module: const { buildPane, buildTestHost } = require("./build-pane"); const dir = await buildPane();
 */
const crypto = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..");
const CACHE = path.join(ROOT, "node_modules", ".cache", "fbs-pane");

/** What the production pane is made of (package.json: config.prodUrl; the lock file: the libraries). */
const PANE_INPUTS = ["src", "webpack.config.js", "scripts/addin-urls.js", "manifest.xml", "assets", "package.json", "package-lock.json"];

function filesUnder(relative) {
  const full = path.join(ROOT, relative);
  if (!fs.existsSync(full)) return [];
  if (fs.statSync(full).isFile()) return [relative];
  return fs
    .readdirSync(full, { withFileTypes: true })
    .filter((entry) => entry.name !== "node_modules" && !entry.name.startsWith("."))
    .flatMap((entry) => filesUnder(path.join(relative, entry.name)));
}

/** A short hash of the names and contents of every file under `inputs` (paths relative to the repository). */
function hashInputs(inputs) {
  const hash = crypto.createHash("sha256");
  for (const file of inputs.flatMap(filesUnder).sort()) {
    hash.update(file.split(path.sep).join("/")).update("\0").update(fs.readFileSync(path.join(ROOT, file))).update("\0");
  }
  return hash.digest("hex").slice(0, 16);
}

function runWebpack(config) {
  const webpack = require("webpack");
  return new Promise((resolve, reject) =>
    webpack(config, (error, stats) => {
      if (error) return reject(error);
      if (!stats) return reject(new Error("webpack gave no result"));
      if (stats.hasErrors()) return reject(new Error(`webpack failed:\n${stats.toString({ all: false, errors: true })}`));
      resolve(stats);
    }),
  );
}

/**
 * The folder of build `name` for the current sources: reused when cached, else built by webpack with
 * `makeConfig(outDir)` into a temporary folder and moved into place whole (so a build that fails or
 * is interrupted never passes for a good one). Older builds of the same name are removed.
 */
async function buildCached(name, inputs, makeConfig) {
  const dir = path.join(CACHE, `${name}-${hashInputs(inputs)}`);
  if (fs.existsSync(dir)) return dir;
  fs.mkdirSync(CACHE, { recursive: true });
  const temporary = fs.mkdtempSync(path.join(CACHE, `.${name}-building-`));
  try {
    const config = await makeConfig(temporary);
    await runWebpack(config);
    try {
      fs.renameSync(temporary, dir);
    } catch (error) {
      // Another process finished the same build first: use that one.
      if (!fs.existsSync(dir)) throw error;
    }
  } finally {
    fs.rmSync(temporary, { recursive: true, force: true });
  }
  for (const old of fs.readdirSync(CACHE)) {
    if (old.startsWith(`${name}-`) && path.join(CACHE, old) !== dir) fs.rmSync(path.join(CACHE, old), { recursive: true, force: true });
  }
  return dir;
}

/** The production pane (taskpane.html, its script and stylesheet, help, icons, manifest). */
function buildPane() {
  return buildCached("pane", PANE_INPUTS, async (outDir) => {
    const config = await require("../webpack.config")({}, { mode: "production" });
    config.context = ROOT;
    config.output = { ...config.output, path: outDir };
    config.performance = { hints: false };
    return config;
  });
}

/** The folder holding office-host.js, the test host for the browser. */
function buildTestHost() {
  const { hostConfig, HOST_INPUTS } = require("../test/browser/webpack.host");
  return buildCached("office-host", HOST_INPUTS, (outDir) => hostConfig(outDir));
}

if (require.main === module) {
  Promise.all([buildPane(), buildTestHost()]).then(
    ([pane, host]) => console.log(`pane: ${pane}\ntest host: ${host}`),
    (error) => {
      console.error(error.message);
      process.exitCode = 1;
    },
  );
}

module.exports = { buildPane, buildTestHost, hashInputs };
