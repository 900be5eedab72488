/**
 * Workbooks opened and saved again by LibreOffice (`soffice --headless --convert-to xlsx`, all in one
 * call: each start costs seconds):
 * - the workbook init writes opens, and its tables and drop-downs survive;
 * - a workbook with acceptances (what `init --example` writes, and the example with more rows in
 *   `Accepterede`: `Gælder til` in the future, today and past, an empty subject) reads the same
 *   through the command line, spawned as a user would: the same findings accepted with the same
 *   reasons and dates, the same counts and exit status, text and JSON, with and without
 *   `--ignore-accepted`.
 * CI installs LibreOffice, so there a missing soffice fails the tests; on a developer machine without
 * it they say so and check nothing. scripts/libreoffice-check.sh renders the workbook to PDF and PNG
 * for a look.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import { readXlsx } from "../../src/cli/xlsx-reader";
import { workbookBytes } from "../../src/cli/xlsx-writer";
import { iso, parseIsoDay, type Day } from "../../src/playbook/dates";
import { validateSnapshot } from "../../src/playbook/engine";
import { EXAMPLE_PLAN, EXAMPLE_WORKBOOK } from "../../src/playbook/example";
import type { AcceptedRecord, PlanData } from "../../src/playbook/template";
import { ACCEPTED_SHEET, DATA_SHEETS } from "../../src/playbook/vocabulary";
import { ensureCliBuilt, runBin, tempFolder, type BinResult } from "./helpers";
import { dropDownAt, loadWorkbook, tablesOf } from "./inspect";

const TODAY_ISO = "2026-12-01";
const TODAY = parseIsoDay(TODAY_ISO) as Day;
const hasSoffice = spawnSync("soffice", ["--version"], { encoding: "utf8" }).status === 0;

let warned = false;

/** Whether to go on: without soffice, fail under CI and warn (once) elsewhere. */
function sofficeHere(): boolean {
  if (hasSoffice) return true;
  if (process.env.CI) throw new Error("soffice (LibreOffice) is not installed; .ci/run must install libreoffice-calc");
  if (!warned) console.warn("LibreOffice (soffice) is not installed: the LibreOffice round trips were not checked.");
  warned = true;
  return false;
}

const d = (iso: string) => parseIsoDay(iso) as Day;
const both = (text: string) => ({ da: text, en: text });

/** Rows added to the example's one acceptance (CON-04): every open error of the example, and a lapsed warning. */
const MORE_ACCEPTED: AcceptedRecord[] = [
  // Gælder til in the future.
  { rule: "DATA-04", sheet: "units", subject: "Filial Nord", column: "Superbruger", reason: both("Maja Fris er vikar til marts"), by: "Jens Madsen", on: d("2026-11-20"), until: d("2027-03-01") },
  // Gælder til today: it holds through that day.
  { rule: "ORG-10", sheet: "project", subject: "Projektorganisation etableret", reason: both("Opstartsmødet flyttes; besluttes på næste møde"), by: null, on: null, until: d(TODAY_ISO) },
  // Lapsed yesterday: CON-03 is open again, and DATA-08 says so.
  { rule: "CON-03", sheet: "contracts", subject: "Axiell / DDElibra", reason: both("Afventer forhandling"), by: "Mette Holm", on: d("2026-10-01"), until: d("2026-11-30") },
  // Empty subject: every DRIFT-03 finding on Enheder.
  { rule: "DRIFT-03", sheet: "units", subject: null, reason: both("Filial Syd åbner først i 2028"), by: "Mette Holm", on: d("2026-11-02") },
  { rule: "ORG-03", sheet: "people", subject: "Kommunal IT", reason: both("IT-chefen deltager ved behov"), by: "Mette Holm", on: d("2026-11-02") },
  { rule: "SEAT-01", sheet: "seats", subject: "Systemadministrator / Jens Madsen", reason: both("Pladsen er lånt af nabokommunen"), by: "Jens Madsen", on: null },
  { rule: "DATA-03", sheet: "institutions", subject: "Eksempelby Erhvervsskole", column: "Varslet", reason: both("Datoen afklares med skolen"), by: null, on: null },
  { rule: "INST-02", sheet: "institutions", subject: "Eksempelby Erhvervsskole", reason: both("Skolen beslutter i foråret"), by: null, on: d("2026-11-15") },
];

const ACCEPTED_PLAN: PlanData = { ...EXAMPLE_WORKBOOK, accepted: [...(EXAMPLE_WORKBOOK.accepted ?? []), ...MORE_ACCEPTED] };

/** The workbooks converted, by file name: plan (init without acceptances), example (`init --example`), accepted (ACCEPTED_PLAN). */
const FILES = ["plan.xlsx", "example.xlsx", "accepted.xlsx"] as const;

const folder = tempFolder("fbs-lo-");
const original = (name: string) => join(folder.dir, "in", name);
const resaved = (name: string) => join(folder.dir, "out", name);
afterAll(() => folder.cleanup());

beforeAll(async () => {
  if (!hasSoffice) return;
  ensureCliBuilt();
  mkdirSync(join(folder.dir, "in"));
  writeFileSync(original("plan.xlsx"), await workbookBytes({ lang: "da", data: EXAMPLE_PLAN }));
  const init = runBin(["init", original("example.xlsx"), "--example"]);
  if (init.status !== 0) throw new Error(`init --example failed: ${init.stderr}`);
  writeFileSync(original("accepted.xlsx"), await workbookBytes({ lang: "da", data: ACCEPTED_PLAN }));
  const convert = spawnSync(
    "soffice",
    [`-env:UserInstallation=file://${folder.dir}/profile`, "--headless", "--convert-to", "xlsx", "--outdir", join(folder.dir, "out"), ...FILES.map(original)],
    { encoding: "utf8", timeout: 120_000 },
  );
  if (convert.status !== 0) throw new Error(`soffice --convert-to failed (${convert.status}): ${convert.stderr}`);
}, 180_000);

it("LibreOffice wrote every workbook itself", async () => {
  if (!sofficeHere()) return;
  for (const name of FILES) {
    const app = await (await JSZip.loadAsync(readFileSync(resaved(name)))).file("docProps/app.xml")?.async("string");
    expect([name, /<Application>LibreOffice/.test(app ?? "")]).toEqual([name, true]);
  }
});

it("LibreOffice opens the workbook init writes and keeps its tables, drop-downs and data", async () => {
  if (!sofficeHere()) return;
  const [was, is] = [readFileSync(original("plan.xlsx")), readFileSync(resaved("plan.xlsx"))];
  const before = await loadWorkbook(was);
  const after = await loadWorkbook(is);
  for (const spec of [...DATA_SHEETS, ACCEPTED_SHEET]) {
    const [wasSheet, isSheet] = [before.getWorksheet(spec.da), after.getWorksheet(spec.da)];
    if (!wasSheet || !isSheet) throw new Error(`sheet ${spec.da} is missing after LibreOffice`);
    expect(tablesOf(isSheet).map((t) => [t.name, t.headers])).toEqual(tablesOf(wasSheet).map((t) => [t.name, t.headers]));
    spec.columns.forEach((_, i) => {
      const cell = `${String.fromCharCode(65 + i)}2`;
      expect([spec.da, cell, dropDownAt(after, isSheet, cell)]).toEqual([spec.da, cell, dropDownAt(before, wasSheet, cell)]);
    });
  }

  const findings = async (bytes: Buffer) =>
    validateSnapshot((await readXlsx(bytes)).snapshot, { today: TODAY }).findings.map((f) => `${f.rule} ${f.sheet}!${f.cell}`);
  expect(await findings(is)).toEqual(await findings(was));
});

interface JsonFinding {
  rule: string;
  severity: string;
  sheet: string | null;
  cell: string | null;
  row: number | null;
  subject: string | null;
  message: string;
  accepted: { reason: string; by: string | null; on: string | null; until: string | null; sheet: string; row: number } | null;
}

interface JsonRun {
  status: number | null;
  summary: { error: number; warning: number; info: number; accepted: number };
  findings: JsonFinding[];
}

/** `validate` spawned once per set of arguments (each spawn costs a start of node). */
const runs = new Map<string, BinResult>();
function validate(args: string[]): BinResult {
  const k = JSON.stringify(args);
  if (!runs.has(k)) runs.set(k, runBin(["validate", ...args]));
  return runs.get(k) as BinResult;
}

function validateJson(file: string, ...extra: string[]): JsonRun {
  const r = validate([file, "--today", TODAY_ISO, "--format", "json", ...extra]);
  if (r.status === 2) throw new Error(`validate ${file}: ${r.stderr}`);
  const json = JSON.parse(r.stdout) as { summary: JsonRun["summary"]; findings: JsonFinding[] };
  return { status: r.status, summary: json.summary, findings: json.findings };
}

/** What a finding is and whether (and how) it is accepted, without the file's name. */
const shape = (f: JsonFinding) => ({ rule: f.rule, sheet: f.sheet, cell: f.cell, row: f.row, subject: f.subject, message: f.message, accepted: f.accepted });

/** The text output without its first line, which names the file. */
function validateText(file: string, ...extra: string[]): { status: number | null; body: string } {
  const r = validate([file, "--today", TODAY_ISO, ...extra]);
  return { status: r.status, body: r.stdout.split("\n").slice(1).join("\n") };
}

describe.each([
  ["example.xlsx", "what init --example writes", ["CON-04"], 1],
  ["accepted.xlsx", "the example with every error accepted and a lapsed row", ["CON-04", "DATA-04", "ORG-10", "DRIFT-03", "ORG-03", "SEAT-01", "DATA-03", "INST-02"], 0],
] as const)("%s (%s) re-saved by LibreOffice, through the command line", (name, _what, acceptedRules, status) => {
  it("JSON: the same findings accepted, with their reasons and dates, the same summary and exit status", () => {
    if (!sofficeHere()) return;
    const [was, is] = [validateJson(original(name)), validateJson(resaved(name))];
    expect(is.findings.map(shape)).toEqual(was.findings.map(shape));
    expect(is.summary).toEqual(was.summary);
    expect([was.status, is.status]).toEqual([status, status]);

    const accepted = is.findings.filter((f) => f.accepted);
    expect(accepted.map((f) => f.rule).sort()).toEqual([...acceptedRules].sort());
    expect(is.summary.accepted).toBe(acceptedRules.length);
    const rows = ACCEPTED_PLAN.accepted ?? [];
    for (const f of accepted) {
      const row = rows.find((r) => r.rule === f.rule) as AcceptedRecord;
      expect([f.rule, f.accepted?.reason, f.accepted?.by, f.accepted?.on, f.accepted?.until]).toEqual([
        f.rule,
        row.reason.da,
        row.by,
        iso(row.on),
        iso(row.until ?? null),
      ]);
    }
  });

  it("text: accepted findings listed apart with their reasons, the counts as on the original", () => {
    if (!sofficeHere()) return;
    const [was, is] = [validateText(original(name)), validateText(resaved(name))];
    expect(is).toEqual(was);
    const heading = is.body.indexOf(`Accepterede fund (${acceptedRules.length})`);
    expect(heading).toBeGreaterThan(0);
    const apart = is.body.slice(heading);
    for (const rule of acceptedRules) {
      const row = (ACCEPTED_PLAN.accepted ?? []).find((r) => r.rule === rule) as AcceptedRecord;
      expect(apart).toContain(rule);
      expect(apart).toContain(`Accepteret: ${row.reason.da}`);
    }
    expect(is.body).toContain(acceptedRules.length === 1 ? "· 1 accepteret" : `· ${acceptedRules.length} accepterede`);
  });

  it("--ignore-accepted: every finding open, counted and in the exit status, as on the original", () => {
    if (!sofficeHere()) return;
    const counted = validateJson(resaved(name));
    const [was, is] = [validateJson(original(name), "--ignore-accepted"), validateJson(resaved(name), "--ignore-accepted")];
    expect(is.findings.map(shape)).toEqual(was.findings.map(shape));
    expect(is.summary).toEqual(was.summary);
    expect([was.status, is.status]).toEqual([1, 1]);
    expect(is.summary.accepted).toBe(0);
    expect(is.findings.every((f) => f.accepted === null)).toBe(true);
    // The accepted ones count as open now, and no DATA-08 says that a row of Accepterede accepts nothing.
    for (const severity of ["error", "warning", "info"] as const) {
      const all = counted.findings.filter((f) => f.severity === severity && f.rule !== "DATA-08").length;
      expect([severity, is.summary[severity]]).toEqual([severity, all]);
    }
    expect(is.summary.error).toBe(counted.summary.error + counted.findings.filter((f) => f.accepted && f.severity === "error").length);
    const text = validateText(resaved(name), "--ignore-accepted");
    expect(text.status).toBe(1);
    expect(text.body).not.toContain("Accepterede fund");
    expect(text.body).not.toContain("accepterede");
  });
});

it("accepted.xlsx re-saved: the lapsed row is reported by DATA-08 and its finding is open again", () => {
  if (!sofficeHere()) return;
  const run = validateJson(resaved("accepted.xlsx"));
  const con03 = run.findings.find((f) => f.rule === "CON-03");
  expect(con03).toMatchObject({ severity: "warning", accepted: null });
  const lapsed = run.findings.filter((f) => f.rule === "DATA-08");
  expect(lapsed.map((f) => [f.sheet, f.row])).toEqual([["Accepterede", 5]]);
  expect(lapsed[0].message).toContain("30-11-2026");
  expect(run.findings.find((f) => f.rule === "ORG-10")?.accepted?.until).toBe(TODAY_ISO);
});
