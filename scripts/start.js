#!/usr/bin/env node
/**
 * npm start: serve the pane at https://localhost:3000 (webpack dev server, with the development
 * certificate from office-addin-dev-certs; see webpack.config.js), then load it into Excel:
 *   - Windows and Mac: with office-addin-debugging when it is installed. It is not a dependency,
 *     because it does not install on Linux; `npm i -g office-addin-debugging` or `npx` fetch it.
 *   - otherwise: print the steps to sideload by hand, from docs/sideload.md.
 * Ctrl+C stops the server (and unloads the add-in when office-addin-debugging loaded it).
 */
const { spawn } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..");
const MANIFEST = path.join(ROOT, "manifest.xml");
const DOC = path.join(ROOT, "docs/sideload.md");
const { DEV_URL, DEV_PORT } = require("./addin-urls");

/** The "## " sections of docs/sideload.md by heading, as plain terminal text. */
function docSections(markdown) {
  const sections = new Map();
  for (const part of markdown.split(/^## /m).slice(1)) {
    const newline = part.indexOf("\n");
    const body = part.slice(newline + 1).trim().replace(/\*\*/g, "");
    sections.set(part.slice(0, newline).trim(), body);
  }
  return sections;
}

/** What to print when nothing loaded the add-in: Excel on the web, plus the platform's own desktop steps. */
function sideloadSteps(platform, markdown = fs.readFileSync(DOC, "utf8")) {
  const sections = docSections(markdown);
  const wanted = ["Excel on the web"];
  if (platform === "win32") wanted.push("Excel for Windows");
  if (platform === "darwin") wanted.push("Excel for Mac");
  const text = wanted.map((name) => {
    const body = sections.get(name);
    if (!body) throw new Error(`docs/sideload.md has no "## ${name}" section`);
    return `${name}\n${"-".repeat(name.length)}\n${body}`;
  });
  if (platform !== "win32" && platform !== "darwin") {
    text.push("Excel for Windows and Mac: see docs/sideload.md (copy manifest.xml to that computer).");
  }
  return text.join("\n\n");
}

/**
 * The office-addin-debugging command line, or null: only on Windows and Mac, and only when it can
 * be resolved (it is an optional, separately installed tool).
 */
function findSideloader(platform = process.platform, resolve = require.resolve) {
  if (platform !== "win32" && platform !== "darwin") return null;
  try {
    const pkgFile = resolve("office-addin-debugging/package.json", { paths: [ROOT] });
    const pkg = JSON.parse(fs.readFileSync(pkgFile, "utf8"));
    const bin = typeof pkg.bin === "string" ? pkg.bin : pkg.bin && pkg.bin["office-addin-debugging"];
    return bin ? path.join(path.dirname(pkgFile), bin) : null;
  } catch {
    return null;
  }
}

function run(cli, args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: ROOT, stdio: "inherit" });
    child.on("error", () => resolve(1));
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

async function startServer() {
  const webpack = require("webpack");
  const WebpackDevServer = require("webpack-dev-server");
  const config = await require("../webpack.config")({ WEBPACK_SERVE: true }, { mode: "development" });
  const server = new WebpackDevServer(config.devServer, webpack(config));
  try {
    await server.start();
  } catch (error) {
    if (error && error.code === "EADDRINUSE") {
      throw new Error(`Port ${DEV_PORT} is already in use. Is \`npm start\` already running in another window? Stop it, or free the port, and try again.`);
    }
    throw error;
  }
  return server;
}

async function main() {
  console.log(`Starting the FBS Playbook pane at ${DEV_URL}taskpane.html …`);
  const server = await startServer();
  console.log(`\n✓ Serving ${DEV_URL}taskpane.html (manifest: ${path.relative(process.cwd(), MANIFEST) || MANIFEST})\n`);

  const sideloader = findSideloader();
  let sideloaded = false;
  if (sideloader) {
    console.log("Opening Excel with the add-in (office-addin-debugging) …");
    sideloaded = (await run(sideloader, ["start", MANIFEST, "desktop", "--app", "excel", "--dev-server-port", String(DEV_PORT), "--no-debug"])) === 0;
    if (!sideloaded) console.log("\nCould not open Excel with the add-in automatically; load it by hand:\n");
  }
  if (!sideloaded) console.log(`${sideloadSteps(process.platform)}\n\nThe server keeps running; stop it with Ctrl+C.`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    if (sideloaded) await run(sideloader, ["stop", MANIFEST]);
    await server.stop();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

if (require.main === module) {
  main().catch((error) => {
    console.error(`\nCould not start the add-in: ${error && error.message ? error.message : error}`);
    process.exitCode = 1;
  });
}

module.exports = { sideloadSteps, findSideloader, docSections };
