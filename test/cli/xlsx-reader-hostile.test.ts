/**
 * CLI.md, "Reading any file, safely", bullets 2–5: files made to harm. Each is read in a child process
 * (the built lib/, as a user runs it) that reports its time and peak memory, so a blow-up shows as a
 * number and never takes the test runner down. The files are in test/fixtures/reader/ (made by
 * test/fixtures/make-reader-fixtures.js) or made here when they cannot be committed (a 4 GiB file, a
 * newline in a name).
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, closeSync, openSync, ftruncateSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { readXlsx, READ_LIMITS } from "../../src/cli/xlsx-reader";
import { WorkbookReadError } from "../../src/cli/errors";
import { FIXTURES, REPO, ensureCliBuilt, lines, runBin, tempFolder } from "./helpers";

const DIR = join(FIXTURES, "reader");
const at = (file: string) => join(DIR, file);
const folder = tempFolder("fbs-hostile-");
afterAll(folder.cleanup);
beforeAll(ensureCliBuilt);

interface ChildRead {
  ms: number;
  rssMiB: number;
  reason: string | null;
  detail?: string;
  rows?: number[];
  uncomputed?: number;
}

/** Read a file with lib/cli/xlsx-reader.js in a fresh process: its time, peak memory and outcome. */
function readInChild(file: string): ChildRead {
  const script = `
    const { readXlsx } = require(${JSON.stringify(join(REPO, "lib", "cli", "xlsx-reader.js"))});
    // VmHWM: this process's own peak (maxRSS would include the test runner's, kept across exec).
    const peakKiB = () => { try { return Number(/VmHWM:\\s+(\\d+)/.exec(require("node:fs").readFileSync("/proc/self/status", "utf8"))[1]); } catch { return process.resourceUsage().maxRSS; } };
    const start = process.hrtime.bigint();
    const done = (o) => { o.ms = Number(process.hrtime.bigint() - start) / 1e6; o.rssMiB = peakKiB() / 1024; process.stdout.write(JSON.stringify(o)); };
    readXlsx(process.argv[1]).then(
      (r) => done({ reason: null, rows: r.snapshot.sheets.map((s) => s.rows.length), uncomputed: r.uncomputedFormulas.length }),
      (e) => done({ reason: e.reason || String(e), detail: e.detail }));`;
  const r = spawnSync(process.execPath, ["-e", script, file], { encoding: "utf8", timeout: 60_000 });
  if (r.status !== 0) throw new Error(`the child failed (${r.status} ${r.signal}): ${r.stderr}`);
  return JSON.parse(r.stdout) as ChildRead;
}

/** Seconds and memory a hostile file may cost: "a few seconds, a few hundred MB" (CLI.md). */
const MAX_MS = 5_000;
const MAX_RSS_MIB = 300;

describe("ranges a file declares are never expanded beyond the cells that hold data", () => {
  it.each([
    ["blowup-merge.xlsx", [3]],
    ["blowup-name.xlsx", [3]],
    ["blowup-cols.xlsx", [3]],
    ["blowup-dimension.xlsx", [3]],
  ])("%s: read in seconds within a few hundred MB, three rows", (file, rows) => {
    const r = readInChild(at(file));
    expect({ file, reason: r.reason, rows: r.rows }).toEqual({ file, reason: null, rows });
    expect(r.ms).toBeLessThan(MAX_MS);
    expect(r.rssMiB).toBeLessThan(MAX_RSS_MIB);
  });

  it("a merge over the whole sheet fills only the rows and columns that hold data (with the top-left value)", async () => {
    expect((await readXlsx(at("blowup-merge.xlsx"))).snapshot.sheets[0].rows).toEqual([
      ["Felt", "Felt"],
      ["Felt", "Felt"],
      ["Felt", "Felt"],
    ]);
  });

  it("20,000 overlapping whole-sheet merges cost what the data costs; over the merge budget they are refused", async () => {
    const r = readInChild(at("blowup-merges.xlsx"));
    expect([r.reason, r.rows]).toEqual([null, [3]]);
    expect(r.ms).toBeLessThan(MAX_MS);
    expect(r.rssMiB).toBeLessThan(MAX_RSS_MIB);
    const error = (await readXlsx(at("blowup-merges.xlsx"), "m.xlsx", { ...READ_LIMITS, mergeSteps: 10_000 }).catch((e: unknown) => e)) as WorkbookReadError;
    expect(error.reason).toBe("too-large");
  });

  it("refuses a row beyond 1,048,576 and a column beyond XFD as damage, at once", () => {
    for (const [file, detail] of [
      ["row-2000000000.xlsx", /row 2000000000, beyond the last row/],
      ["column-xfe.xlsx", /XFE1/],
    ] as const) {
      const r = readInChild(at(file));
      expect([file, r.reason]).toEqual([file, "corrupt"]);
      expect(r.detail).toMatch(detail);
      expect(r.ms).toBeLessThan(MAX_MS);
    }
  });

  it("reads a value in the very last cell, XFD1048576", () => {
    const r = readInChild(at("last-cell.xlsx"));
    expect(r.reason).toBeNull();
    expect(r.rows).toEqual([1_048_576]);
    expect(r.rssMiB).toBeLessThan(MAX_RSS_MIB);
  });

  it("refuses a snapshot over its size cap with the reason", async () => {
    const error = await readXlsx(at("last-cell.xlsx"), "last-cell.xlsx", { ...READ_LIMITS, snapshotBytes: 1_000_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookReadError);
    expect((error as WorkbookReadError).reason).toBe("too-large");
  });
});

describe("what is inflated and read is capped", () => {
  it("a zip bomb (180 MiB of sheets in 550 KB) is refused as over the limit before anything is inflated", () => {
    const r = readInChild(at("bomb.xlsx"));
    expect(r.reason).toBe("too-large");
    expect(r.ms).toBeLessThan(MAX_MS);
    expect(r.rssMiB).toBeLessThan(MAX_RSS_MIB);
  });

  it("an entry that lies about its size (2,000 bytes declared, 100 MiB inside) stops at the lie", () => {
    const r = readInChild(at("bomb-lying.xlsx"));
    expect(r.reason).toBe("corrupt");
    expect(r.detail).toMatch(/more than its declared 2000 bytes/);
    expect(r.rssMiB).toBeLessThan(MAX_RSS_MIB);
  });

  it("an unused 1 GiB image inside a plan is never inflated", () => {
    const r = readInChild(at("unused-image.xlsx"));
    expect(r.reason).toBeNull();
    expect(r.ms).toBeLessThan(MAX_MS);
    expect(r.rssMiB).toBeLessThan(100);
  });

  it("a 4 GiB file that is no zip is refused after its first bytes", () => {
    const big = join(folder.dir, "stor.xlsx");
    const fd = openSync(big, "w");
    writeFileSync(fd, "Navn;Rolle\n");
    ftruncateSync(fd, 4 * 1024 ** 3); // sparse: takes no disk
    closeSync(fd);
    const r = readInChild(big);
    expect(r.reason).toBe("not-zip");
    expect(r.ms).toBeLessThan(1_000);
    expect(r.rssMiB).toBeLessThan(100);
  });

  it("the total budget is the sum over the entries that are needed", async () => {
    const error = await readXlsx(join(FIXTURES, "init-example.xlsx"), "plan.xlsx", { ...READ_LIMITS, inflatedBytes: 5_000 }).catch((e: unknown) => e);
    expect((error as WorkbookReadError).reason).toBe("too-large");
  });
});

describe("zips two readers would read differently, DTDs", () => {
  it.each(["duplicate-entries.xlsx", "duplicate-entries-exact.xlsx"])("%s: refused, naming the repeated entry", async (file) => {
    const error = (await readXlsx(at(file)).catch((e: unknown) => e)) as WorkbookReadError;
    expect(error.reason).toBe("duplicate-entries");
    expect(error.describe("en")).toMatch(/several parts of the same name.*\(.*worksheets\/sheet1\.xml\)/i);
  });

  it("a DTD with an external entity is refused, never resolved", async () => {
    const error = (await readXlsx(at("dtd-external-entity.xlsx")).catch((e: unknown) => e)) as WorkbookReadError;
    expect(error.reason).toBe("corrupt");
    expect(error.detail).toMatch(/document type declaration/);
    expect(error.describe("en")).not.toContain("root:");
  });

  it("reading every fixture opens no connection and writes no file", () => {
    const guard = join(folder.dir, "guard.js");
    writeFileSync(
      guard,
      `const fs = require("node:fs"), net = require("node:net"), dns = require("node:dns"), tls = require("node:tls");
       const seen = [];
       const trap = (obj, name) => { const f = obj[name]; obj[name] = function (...a) { seen.push(name); return f.apply(this, a); }; };
       for (const n of ["writeFile", "writeFileSync", "appendFile", "appendFileSync", "createWriteStream", "mkdir", "mkdirSync", "rename", "renameSync", "unlink", "unlinkSync", "copyFile", "copyFileSync"]) trap(fs, n);
       for (const n of ["writeFile", "appendFile", "mkdir", "rename", "unlink", "copyFile", "open"]) trap(fs.promises, n);
       trap(net.Socket.prototype, "connect"); trap(dns, "lookup"); trap(tls, "connect");
       const openSync = fs.openSync; fs.openSync = function (p, flags, ...rest) { if (flags !== undefined && flags !== "r") seen.push("openSync " + flags); return openSync.call(this, p, flags, ...rest); };
       process.on("exit", () => { if (seen.length) process.stderr.write("GUARD " + JSON.stringify(seen)); });`,
    );
    const files = readdirSync(DIR)
      .filter((f: string) => f.endsWith(".xlsx"))
      .map((f: string) => at(f));
    const r = spawnSync(process.execPath, ["--require", guard, join(REPO, "bin", "fbs-playbook.js"), "validate", ...files, "--today", "2026-12-01"], {
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(r.stderr).not.toContain("GUARD");
    expect(r.status).toBe(2);
  });
});

describe("one line on stderr, and nothing from a library", () => {
  const HOSTILE = [
    "bomb.xlsx",
    "bomb-lying.xlsx",
    "row-2000000000.xlsx",
    "column-xfe.xlsx",
    "duplicate-entries.xlsx",
    "dtd-external-entity.xlsx",
  ];

  it.each(HOSTILE)("validate %s: exit 2, exactly one line on stderr naming the file and the reason, nothing on stdout", (file) => {
    const r = runBin(["validate", at(file)]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.split("\n")).toEqual([expect.stringContaining(`fbs-playbook: ${at(file)}: `), ""]);
  });

  it("a newline (and other control characters) in a file name is escaped, so the reason stays one line", () => {
    const name = join(folder.dir, "plan\nnavn\x1b[31m.xlsx");
    copyFileSync(at("bomb.xlsx"), name);
    for (const args of [["validate", name], ["timeline", name], ["validate", name, "--lang", "en"]]) {
      const r = runBin(args);
      expect(r.status).toBe(2);
      expect(lines(r.stderr)).toHaveLength(1);
      expect(r.stderr).toContain("plan\\nnavn\\x1b[31m.xlsx");
      expect(r.stderr.endsWith("\n")).toBe(true);
    }
  });

  it("the warning about formulas saved without a result escapes the file name too", () => {
    const name = join(folder.dir, "beregn\nmig.xlsx");
    copyFileSync(at("cached-results.xlsx"), name);
    const r = runBin(["validate", name, "--today", "2026-12-01"]);
    expect(lines(r.stderr)).toEqual([expect.stringContaining("beregn\\nmig.xlsx: 1 formelcelle er gemt uden beregnet værdi")]);
    expect(r.stderr).toContain("(Projekt!B9)");
  });
});
