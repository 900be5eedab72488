/**
 * Issue 6, point 2: exceljs (~300 ms to load) is for writing only, loaded on demand by `init`;
 * `validate`, `timeline` and `--help` never load it, nor date-fns' package index (~60 ms), nor
 * ical-generator (~25 ms), which only `calendar` loads.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { FIXTURES, REPO, ensureCliBuilt, tempFolder } from "./helpers";

const folder = tempFolder("fbs-lazy-");
afterAll(folder.cleanup);
beforeAll(ensureCliBuilt);

/** Run the command line in-process in a fresh node and list the modules it loaded from node_modules. */
function loadedModules(args: string[]): string[] {
  const script = `
    const { main } = require(${JSON.stringify(join(REPO, "lib", "cli", "main.js"))});
    process.stdout.write = () => true;
    main(JSON.parse(process.argv[1])).then(() => {
      const loaded = Object.keys(require.cache).filter((k) => k.includes("node_modules")).map((k) => k.split("node_modules/").pop());
      process.stderr.write(JSON.stringify(loaded));
    });`;
  const r = spawnSync(process.execPath, ["-e", script, JSON.stringify(args)], { encoding: "utf8" });
  return JSON.parse(r.stderr) as string[];
}

const plan = join(FIXTURES, "init-example.xlsx");

it.each([
  ["validate", ["validate", plan, "--today", "2026-12-01"]],
  ["timeline", ["timeline", plan]],
  ["--help", ["--help"]],
])("%s loads neither exceljs, ical-generator nor date-fns' index", (_, args) => {
  const loaded = loadedModules(args);
  expect(loaded.filter((m) => m.startsWith("exceljs/") || m.startsWith("jszip/") || m.startsWith("ical-generator/"))).toEqual([]);
  expect(loaded.filter((m) => m.startsWith("date-fns/index"))).toEqual([]);
  if (args[0] !== "--help") expect(loaded).toContain("date-fns/addMonths.cjs");
});

it("calendar loads ical-generator when it writes the file", () => {
  const loaded = loadedModules(["calendar", plan, "-o", join(folder.dir, "frister.ics")]);
  expect(loaded.some((m) => m.startsWith("ical-generator/"))).toBe(true);
});

it("init loads exceljs when it writes", () => {
  const loaded = loadedModules(["init", join(folder.dir, "ny.xlsx")]);
  expect(loaded.some((m) => m.startsWith("exceljs/"))).toBe(true);
});
