#!/usr/bin/env node
/**
 * The pane's JavaScript as the browser downloads it: every .js file that dist/taskpane.html loads,
 * gzipped (level 9, as a CDN would serve it). Prints one line per file and the total in KB, and the
 * stylesheet apart (Fluent's styles, extracted from the JavaScript at build time).
 *
 *   node scripts/bundle-size.js [dist] [--json] [--budget KB]
 *
 * Exit code 1 when --budget is given and the total is above it. Build first: npx webpack --mode production
 */
const fs = require("node:fs");
const path = require("node:path");
const zlib = require("node:zlib");

const BUDGET_KB = 150;

/** The local scripts and stylesheets taskpane.html loads (office.js from Microsoft's CDN is not ours). */
function paneFiles(dist) {
  const htmlFile = path.join(dist, "taskpane.html");
  if (!fs.existsSync(htmlFile)) {
    throw new Error(`${htmlFile} does not exist: build the pane first (npx webpack --mode production).`);
  }
  const html = fs.readFileSync(htmlFile, "utf8");
  const local = (list) => list.map((m) => m[1]).filter((url) => !/^https?:\/\//.test(url));
  return {
    scripts: local([...html.matchAll(/<script\b[^>]*\ssrc=["']?([^"'\s>]+)/g)]),
    styles: local([...html.matchAll(/<link\b[^>]*\shref=["']?([^"'\s>]+\.css)/g)]),
  };
}

function sizes(dist, list) {
  const files = list.map((url) => {
    const bytes = fs.readFileSync(path.join(dist, url));
    return { file: url, bytes: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length };
  });
  const total = files.reduce((sum, f) => ({ bytes: sum.bytes + f.bytes, gzip: sum.gzip + f.gzip }), { bytes: 0, gzip: 0 });
  return { files, total };
}

/**
 * { files, total } of the pane's JavaScript, css: the same for its stylesheets, and onDemand: the
 * chunks the pane fetches only when an action needs them (the calendar's generator), not at start.
 */
function measure(dist) {
  const { scripts, styles } = paneFiles(dist);
  const lazy = fs.readdirSync(dist).filter((f) => f.endsWith(".js") && !scripts.includes(f));
  return { ...sizes(dist, scripts), css: sizes(dist, styles), onDemand: sizes(dist, lazy) };
}

const kb = (n) => (n / 1024).toFixed(1);

function main(argv) {
  const json = argv.includes("--json");
  const budgetAt = argv.indexOf("--budget");
  const budget = budgetAt >= 0 ? Number(argv[budgetAt + 1]) : null;
  const positional = argv.filter((a, i) => !a.startsWith("--") && !(budgetAt >= 0 && i === budgetAt + 1));
  const dist = path.resolve(positional[0] || path.join(__dirname, "../dist"));
  const { files, total, css, onDemand } = measure(dist);
  const line = (name, f, note = "") =>
    console.log(`${name.padEnd(32)} ${kb(f.bytes).padStart(8)} KB  ${kb(f.gzip).padStart(7)} KB gzipped${note}`);
  if (json) {
    console.log(
      JSON.stringify({ files, total, gzipKB: Number(kb(total.gzip)), css: { ...css, gzipKB: Number(kb(css.total.gzip)) }, onDemand, budgetKB: budget ?? BUDGET_KB }),
    );
  } else {
    for (const f of files) line(f.file, f);
    line("pane JavaScript", total, ` (aim: ≤ ${BUDGET_KB} KB)`);
    for (const f of css.files) line(f.file, f, " (stylesheet)");
    for (const f of onDemand.files) line(f.file, f, " (fetched when first used)");
  }
  if (budget !== null && total.gzip / 1024 > budget) {
    console.error(`The pane's JavaScript is ${kb(total.gzip)} KB gzipped, above the budget of ${budget} KB.`);
    process.exitCode = 1;
  }
}

if (require.main === module) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    console.error(error.message);
    process.exitCode = 2;
  }
}

module.exports = { measure, BUDGET_KB };
