#!/usr/bin/env node
"use strict";
/**
 * npm run bench: how fast the checks are on a large plan (a benchmark, not a test).
 *
 * Generates a plan of 10,000 people rows, 2,000 contracts, 1,000 units and 500 institutions as an
 * .xlsx with the command line's own writer (lib/, built first when missing or stale), then prints one
 * figure per function below: the time to read the file into a snapshot, the time for the engine alone
 * (median of several warm runs, and its first, cold run), the findings by severity, and the
 * engine/read ratio.
 * Aims (issue 2): the engine under 100 ms on this plan, and under a tenth of the read time.
 *
 * Then the whole command line as a user runs it (issue 6), each against a bare floor measured beside
 * it in the same run (runs alternate, medians of PROCESS_RUNS), so a busy machine slows both:
 * - `validate` of the large plan, a process, against a process that merely loads the file with
 *   exceljs (the former reader's first step): at most 0.5×;
 * - `validate` of a small plan (init --example) against `node -e 0`: at most 2.5×;
 * - the large plan's `validate` peak memory (maxRSS): at most 150 MiB;
 * - a plan four times larger: its read and its process time grow linearly (about 4× the large
 *   plan's, after the fixed start of a process).
 *
 * - an Accepterede sheet of 10,000 and 40,000 rows against the engine without it (issue 8).
 *
 * To add a figure: write `async function figureX(ctx)` returning { label, value, note? } and list it
 * in FIGURES; `ctx` holds the plan, the file and what earlier figures measured.
 */
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { performance } = require("node:perf_hooks");

const REPO = path.resolve(__dirname, "..");
const SIZE = { people: 10_000, contracts: 2_000, units: 1_000, institutions: 500 };
const ENGINE_RUNS = 9;
const READ_RUNS = 3;
const PROCESS_RUNS = 7;
const BIN = path.join(REPO, "bin", "fbs-playbook.js");
const TODAY = new Date(2026, 11, 1);

/** Compile src/cli and src/playbook to lib/ when lib/ is missing or older than the sources. */
function ensureLib() {
  const newest = (dir) =>
    fs.readdirSync(dir, { withFileTypes: true }).reduce((max, e) => {
      const p = path.join(dir, e.name);
      return Math.max(max, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
    }, 0);
  const main = path.join(REPO, "lib", "cli", "main.js");
  const built = fs.existsSync(main) ? fs.statSync(main).mtimeMs : 0;
  if (built >= Math.max(newest(path.join(REPO, "src", "cli")), newest(path.join(REPO, "src", "playbook")))) return;
  process.stderr.write("bench: building lib/ (npm run build:cli) …\n");
  const tsc = spawnSync(process.execPath, [path.join(REPO, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.cli.json"], {
    cwd: REPO,
    stdio: "inherit",
  });
  if (tsc.status !== 0) throw new Error("npm run build:cli failed");
}

/** A small deterministic random number generator (mulberry32), so every run measures the same plan. */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The large plan: realistic rows with a sprinkling of the mistakes the rules look for. */
function largePlan(scale = 1) {
  const { CORRECT_PLAN } = require(path.join(REPO, "lib", "playbook", "example.js"));
  const rnd = random(2027);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const day = (from, spanDays) => new Date(from.getFullYear(), from.getMonth(), from.getDate() + Math.floor(rnd() * spanDays));
  const sectors = ["publicLibrary", "plc", "municipalIt", "finance", "operationsCentre", "external"];
  const roles = [
    ["steeringGroup", "steeringGroupMember"],
    ["projectGroup", "publicLibrarySpecialist"],
    ["projectGroup", "plcSpecialist"],
    ["projectGroup", "municipalItSpecialist"],
    ["operationsOrganisation", "superUser"],
    ["operationsOrganisation", "fbsSystemAdministrator"],
  ];
  const name = (i) => `Person ${String(i).padStart(5, "0")}`;
  const people = [...CORRECT_PLAN.people];
  for (let i = people.length; i < SIZE.people * scale; i++) {
    const [body, role] = pick(roles);
    people.push({
      name: name(i),
      email: `person${i}@eksempelby.dk`,
      sector: pick(sectors),
      body,
      role,
      hoursPerWeek: body === "projectGroup" ? Math.floor(rnd() * 20) : null,
      prerequisitesMet: rnd() > 0.1,
    });
  }
  const units = Array.from({ length: SIZE.units * scale }, (_, i) => ({
    unit: `Enhed ${i + 1}`,
    type: pick(["publicLibrary", "plc", "sharedCollection"]),
    // Mostly real people; every 50th a typo, so the name suggestions run too.
    superUser: i % 50 === 0 ? `${name(100 + i)}x` : name(100 + i),
  }));
  const contracts = Array.from({ length: SIZE.contracts * scale }, (_, i) => {
    const expires = day(new Date(2027, 0, 1), 900);
    return {
      vendor: `Leverandør ${i % 150}`,
      system: `System ${i}`,
      type: pick(["librarySystem", "hardware", "other"]),
      start: day(new Date(2018, 0, 1), 1500),
      expires,
      noticeMonths: pick([1, 3, 6, 12]),
      extensionMonths: pick([0, 3, 6]),
      terminatedOn: rnd() > 0.8 ? day(new Date(2026, 0, 1), 300) : null,
      vendorEndOfSupport: rnd() > 0.9 ? day(new Date(2027, 0, 1), 365) : null,
      joinedContingency: rnd() > 0.5,
    };
  });
  const institutions = Array.from({ length: SIZE.institutions * scale }, (_, i) => ({
    institution: `Institution ${i + 1}`,
    agreement: `Driftsaftale ${2015 + (i % 10)}`,
    notifiedOn: rnd() > 0.1 ? day(new Date(2026, 0, 1), 500) : null,
    decision: pick(["fbs", "otherVendor", "undecided"]),
  }));
  return { ...CORRECT_PLAN, people, units, contracts, institutions };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const ms = (n) => `${n.toFixed(n < 10 ? 2 : 0)} ms`;

async function figureWrite(ctx) {
  const { workbookBytes } = require(path.join(REPO, "lib", "cli", "xlsx-writer.js"));
  const start = performance.now();
  const bytes = await workbookBytes({ lang: "da", data: ctx.plan });
  ctx.writeMs = performance.now() - start;
  fs.writeFileSync(ctx.file, bytes);
  const rows = `${SIZE.people} personer, ${SIZE.contracts} kontrakter, ${SIZE.units} enheder, ${SIZE.institutions} institutioner`;
  return { label: "write the plan (init's writer)", value: ms(ctx.writeMs), note: `${(bytes.length / 1e6).toFixed(1)} MB; ${rows}` };
}

async function figureRead(ctx) {
  const { readXlsx } = require(path.join(REPO, "lib", "cli", "xlsx-reader.js"));
  const times = [];
  for (let i = 0; i < READ_RUNS; i++) {
    const start = performance.now();
    ctx.snapshot = (await readXlsx(ctx.file)).snapshot;
    times.push(performance.now() - start);
  }
  ctx.readMs = median(times);
  return { label: "read the file into a snapshot", value: ms(ctx.readMs), note: `median of ${READ_RUNS}` };
}

async function figureEngine(ctx) {
  const { validateSnapshot } = require(path.join(REPO, "lib", "playbook", "engine.js"));
  const first = performance.now();
  ctx.result = validateSnapshot(ctx.snapshot, { today: TODAY }); // cold: the first run in this process
  ctx.engineColdMs = performance.now() - first;
  const times = [];
  for (let i = 0; i < ENGINE_RUNS; i++) {
    const start = performance.now();
    ctx.result = validateSnapshot(ctx.snapshot, { today: TODAY });
    times.push(performance.now() - start);
  }
  ctx.engineMs = median(times);
  return {
    label: "engine alone (read plan + every rule)",
    value: ms(ctx.engineMs),
    note: `warm: median of ${ENGINE_RUNS}, min ${ms(Math.min(...times))}, max ${ms(Math.max(...times))}; aim < 100 ms`,
  };
}

async function figureEngineCold(ctx) {
  return { label: "engine alone, first run (cold)", value: ms(ctx.engineColdMs), note: "includes compiling the engine's code" };
}

async function figureFindings(ctx) {
  const { error, warning, info } = ctx.result.summary;
  return { label: "findings", value: String(ctx.result.findings.length), note: `${error} error, ${warning} warning, ${info} info` };
}

async function figureRatio(ctx) {
  const ratio = ctx.engineMs / ctx.readMs;
  // Issue 2 set this aim against the exceljs read (~350 ms); the reader of issue 6 is ~5× faster.
  return { label: "engine / read", value: ratio.toFixed(3), note: `issue 2 aimed at < 0.1 against the exceljs read; informational since issue 6` };
}

/** Wall time of a process (ms), its output discarded. */
function processMs(args) {
  const start = performance.now();
  const r = spawnSync(process.execPath, args, { stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
  const elapsed = performance.now() - start;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  return elapsed;
}

/** Medians of several process kinds, run in turns so that the machine's load falls on all alike. */
function alternate(kinds) {
  const times = kinds.map(() => []);
  for (let i = 0; i < PROCESS_RUNS; i++) kinds.forEach((args, k) => times[k].push(processMs(args)));
  return times.map(median);
}

const validateArgs = (file) => [BIN, "validate", file, "--today", "2026-12-01", "--format", "json"];

function loadWithExceljsArgs(file) {
  const exceljs = path.join(REPO, "node_modules", "exceljs");
  return ["-e", `const E = require(${JSON.stringify(exceljs)}); new E.Workbook().xlsx.readFile(${JSON.stringify(file)}).then(() => {});`];
}

const verdict = (value, floor) => (value <= floor ? `≤ ${floor}: met` : `≤ ${floor}: MISSED`);

async function figureLargeProcess(ctx) {
  const [validate, exceljs] = alternate([validateArgs(ctx.file), loadWithExceljsArgs(ctx.file)]);
  ctx.largeProcessMs = validate;
  const ratio = validate / exceljs;
  return {
    label: "validate large plan / exceljs load",
    value: ratio.toFixed(2),
    note: `${ms(validate)} vs ${ms(exceljs)} (processes, median of ${PROCESS_RUNS}); ${verdict(ratio, 0.5)}`,
  };
}

async function figureSmallProcess(ctx) {
  const { workbookBytes } = require(path.join(REPO, "lib", "cli", "xlsx-writer.js"));
  const { EXAMPLE_PLAN } = require(path.join(REPO, "lib", "playbook", "example.js"));
  const small = path.join(path.dirname(ctx.file), "lille-plan.xlsx");
  fs.writeFileSync(small, await workbookBytes({ lang: "da", data: EXAMPLE_PLAN }));
  const [validate, bare] = alternate([validateArgs(small), ["-e", "0"]]);
  ctx.bareMs = bare;
  const ratio = validate / bare;
  return { label: "validate small plan / node -e 0", value: ratio.toFixed(2), note: `${ms(validate)} vs ${ms(bare)}; ${verdict(ratio, 2.5)}` };
}

async function figureMemory(ctx) {
  const probe = path.join(path.dirname(ctx.file), "rss.js");
  // VmHWM is the process's own peak; maxRSS would include this (large) parent's, kept across exec.
  fs.writeFileSync(
    probe,
    'process.on("exit", () => { let kib; try { kib = Number(/VmHWM:\\s+(\\d+)/.exec(require("fs").readFileSync("/proc/self/status", "utf8"))[1]); } catch { kib = process.resourceUsage().maxRSS; } process.stderr.write(`\\nBENCH_RSS ${kib}\\n`); });',
  );
  const peaks = [];
  for (let i = 0; i < 3; i++) {
    const r = spawnSync(process.execPath, ["--require", probe, ...validateArgs(ctx.file)], { stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
    peaks.push(Number(/BENCH_RSS (\d+)/.exec(r.stderr)[1]) / 1024);
  }
  const peak = Math.max(...peaks);
  return { label: "validate large plan, peak memory", value: `${peak.toFixed(0)} MiB`, note: `peak RSS (VmHWM), highest of 3; ≤ 150 MiB: ${peak <= 150 ? "met" : "MISSED"}` };
}

async function figureLinear(ctx) {
  const { workbookBytes } = require(path.join(REPO, "lib", "cli", "xlsx-writer.js"));
  const { readXlsx } = require(path.join(REPO, "lib", "cli", "xlsx-reader.js"));
  const big = path.join(path.dirname(ctx.file), "plan-4x.xlsx");
  fs.writeFileSync(big, await workbookBytes({ lang: "da", data: largePlan(4) }));
  const readMedian = async (file) => {
    const times = [];
    for (let i = 0; i < READ_RUNS; i++) {
      const start = performance.now();
      await readXlsx(file);
      times.push(performance.now() - start);
    }
    return median(times);
  };
  const [read1, read4] = [await readMedian(ctx.file), await readMedian(big)];
  const [p1, p4, bare] = alternate([validateArgs(ctx.file), validateArgs(big), ["-e", "0"]]);
  const growth = read4 / read1;
  return {
    label: "4× plan: read time growth",
    value: `${growth.toFixed(2)}×`,
    note:
      `read ${ms(read1)} → ${ms(read4)}, linear ≈ 4×${growth <= 5 ? "" : " (MISSED)"}; ` +
      `validate process ${ms(p1)} → ${ms(p4)} (${((p4 - bare) / (p1 - bare)).toFixed(2)}× after node's start of ${ms(bare)}; module loading and JIT warm-up are fixed costs)`,
  };
}

/**
 * Issue 8: an Accepterede sheet of 10,000 rows (each naming a finding of the large plan by rule,
 * sheet and subject, plus one empty-subject row that matches every finding of the plan's most
 * frequent rule), then 40,000: the engine against its own time without the sheet (the floor beside
 * it). Acceptances are indexed by rule and sheet once, so 4× the rows costs about 4× the extra.
 */
async function figureAcceptances(ctx) {
  const { validateSnapshot } = require(path.join(REPO, "lib", "playbook", "engine.js"));
  const findings = ctx.result.findings.filter((f) => f.sheet !== null);
  const counts = new Map();
  for (const f of findings) counts.set(`${f.rule}|${f.sheet}`, (counts.get(`${f.rule}|${f.sheet}`) ?? 0) + 1);
  const [widest, widestCount] = [...counts].sort((a, b) => b[1] - a[1])[0];
  const [wideRule, wideSheet] = widest.split("|");
  const sheetOf = (n) => {
    const rows = [["Regel", "Ark", "Emne", "Kolonne", "Begrundelse", "Accepteret af", "Dato", "Gælder til"], [wideRule, wideSheet, null, null, "Besluttet", null, null, null]];
    for (let i = 0; rows.length < n + 1; i++) {
      const f = findings[i % findings.length];
      rows.push([f.rule, f.sheet, f.subject, null, `Besluttet ${i}`, null, null, null]);
    }
    // In place of the empty Accepterede that init writes.
    return { sheets: [...ctx.snapshot.sheets.filter((sheet) => sheet.name !== "Accepterede"), { name: "Accepterede", rows }] };
  };
  const timed = (snapshot) => {
    let result;
    const times = [];
    for (let i = 0; i < ENGINE_RUNS; i++) {
      const start = performance.now();
      result = validateSnapshot(snapshot, { today: TODAY });
      times.push(performance.now() - start);
    }
    return { ms: median(times), result };
  };
  const floor = timed(ctx.snapshot);
  const [ten, forty] = [timed(sheetOf(10_000)), timed(sheetOf(40_000))];
  const extra = (t) => Math.max(t.ms - floor.ms, 0.01);
  return {
    label: "engine with 10,000 acceptance rows",
    value: ms(ten.ms),
    note:
      `without the sheet ${ms(floor.ms)} (beside it); ${ten.result.summary.accepted} findings accepted, one row matching ${widestCount} ${wideRule}; ` +
      `40,000 rows ${ms(forty.ms)}: ${(extra(forty) / extra(ten)).toFixed(1)}× the extra time for 4× the rows (linear: at most about 4×)`,
  };
}

const FIGURES = [
  figureWrite,
  figureRead,
  figureEngine,
  figureEngineCold,
  figureFindings,
  figureRatio,
  figureAcceptances,
  figureLargeProcess,
  figureSmallProcess,
  figureMemory,
  figureLinear,
];

async function main() {
  ensureLib();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fbs-bench-"));
  const ctx = { plan: largePlan(), file: path.join(dir, "stor-plan.xlsx") };
  try {
    process.stdout.write(`fbs-playbook bench (Node ${process.version}, ${os.cpus().length} cores)\n`);
    for (const figure of FIGURES) {
      const { label, value, note } = await figure(ctx);
      process.stdout.write(`  ${label.padEnd(40)} ${value.padStart(10)}${note ? `   ${note}` : ""}\n`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { ensureLib, largePlan, FIGURES, SIZE };

if (require.main === module) {
  main().catch((error) => {
    process.stderr.write(`bench: ${error && error.stack ? error.stack : error}\n`);
    process.exitCode = 1;
  });
}
