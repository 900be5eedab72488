#!/usr/bin/env node
/**
 * Builds for the browser test and the pane benchmark, cached by content:
 * - the production pane, exactly as `npm run build` makes it (webpack.config.js, --mode production);
 * - the test host (test/browser/office-host.ts) that stands in for office.js in the browser test.
 * A build is kept in node_modules/.cache/fbs-pane/<name>-<hash>/, the hash taken over every file it
 * is made of, and reused while none of them changes: a fresh clone builds once (about 20 s), later
 * runs reuse it. Processes that ask for the same build at once (jest's workers) build it once: the
 * first takes a lock, the others wait for its folder. In each build, build-modules.json lists
 * every module webpack put into it (for test/taskpane/build.test.ts). dist/ is left alone.
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

/** Inside every build: the resource path of each module in it, concatenated ones included. */
const MODULES_FILE = "build-modules.json";
/** How long to wait for another process's build of the same sources. */
const WAIT_FOR_OTHER_MS = 5 * 60 * 1000;

/**
 * What the production pane is made of (package.json: config.prodUrl; the lock file: the libraries;
 * this script: how it is built).
 */
const PANE_INPUTS = [
  "src",
  "webpack.config.js",
  "scripts/addin-urls.js",
  "scripts/build-pane.js",
  "manifest.xml",
  "assets",
  "package.json",
  "package-lock.json",
];

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

/** Every module's resource path in the build, including those concatenated into others. */
function moduleNames(stats) {
  const names = [];
  const walk = (list) => {
    for (const m of list ?? []) {
      if (m.name) names.push(m.name);
      walk(m.modules);
    }
  };
  walk(stats.toJson({ all: false, modules: true, nestedModules: true }).modules);
  return names;
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}

/** Take the lock file (holding our pid); false when a live process holds it. A dead holder's lock is taken over. */
function takeLock(lock) {
  try {
    fs.writeFileSync(lock, String(process.pid), { flag: "wx" });
    return true;
  } catch (error) {
    if (error.code !== "EEXIST") throw error;
  }
  const holder = Number.parseInt(fs.readFileSync(lock, "utf8"), 10);
  if (Number.isInteger(holder) && isAlive(holder)) return false;
  fs.rmSync(lock, { force: true });
  return takeLock(lock);
}

/** Wait until the process holding `lock` lets go of it (its build done or failed). */
async function waitForLock(lock, name) {
  const until = Date.now() + WAIT_FOR_OTHER_MS;
  while (fs.existsSync(lock)) {
    if (Date.now() > until) {
      throw new Error(`Waited ${WAIT_FOR_OTHER_MS / 60000} minutes for another process to build "${name}"; remove ${lock} if no build is running.`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
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
  const lock = `${dir}.lock`;
  if (!takeLock(lock)) {
    // Another process builds the same sources: use its build (or try again if it failed).
    await waitForLock(lock, name);
    return buildCached(name, inputs, makeConfig);
  }
  try {
    if (fs.existsSync(dir)) return dir;
    const temporary = fs.mkdtempSync(path.join(CACHE, `.${name}-building-`));
    try {
      const stats = await runWebpack(await makeConfig(temporary));
      fs.writeFileSync(path.join(temporary, MODULES_FILE), JSON.stringify(moduleNames(stats)));
      fs.renameSync(temporary, dir);
    } finally {
      fs.rmSync(temporary, { recursive: true, force: true });
    }
  } finally {
    fs.rmSync(lock, { force: true });
  }
  for (const old of fs.readdirSync(CACHE)) {
    if (old.startsWith(`${name}-`) && !old.endsWith(".lock") && path.join(CACHE, old) !== dir) {
      fs.rmSync(path.join(CACHE, old), { recursive: true, force: true });
    }
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

/** The modules webpack put into a build made here (its resource paths). */
function buildModules(dir) {
  return JSON.parse(fs.readFileSync(path.join(dir, MODULES_FILE), "utf8"));
}

module.exports = { buildPane, buildTestHost, buildModules, hashInputs };
