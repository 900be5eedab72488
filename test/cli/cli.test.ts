/**
 * The command line as a user runs it: bin/fbs-playbook.js spawned with node, over files on disk.
 * lib/ is compiled from the sources first when it is missing or older than them.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ALL_RULES } from "../../src/playbook/engine";
import { FIXTURES, ensureCliBuilt, lines, runBin, tempFolder, xlsxBuffer } from "./helpers";

const folder = tempFolder();
const at = (name: string) => join(folder.dir, name);
const ANSI = /\x1b\[[0-9;]*m/;

beforeAll(() => {
  ensureCliBuilt();
  // Two plans made by the command line itself, one with errors and one without.
  expect(runBin(["init", "--example", at("eksempel.xlsx")]).status).toBe(0);
  expect(runBin(["init", at("tom.xlsx")]).status).toBe(0);
});
afterAll(folder.cleanup);

describe("help and version", () => {
  it("--help prints the usage in Danish and exits 0", () => {
    const r = runBin(["--help"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("fbs-playbook validate <fil.xlsx>...");
    expect(r.stdout).toContain("Afslutningsstatus");
    expect(r.stderr).toBe("");
  });

  it("lists every rule with its severity, in English with --lang en", () => {
    const r = runBin(["--help", "--lang", "en"]);
    expect(r.stdout).toContain("Exit status");
    for (const rule of ALL_RULES) expect(r.stdout).toMatch(new RegExp(`^  ${rule.id} +\\S`, "m"));
  });

  it("--version prints the package version", () => {
    const r = runBin(["--version"]);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(`fbs-playbook ${JSON.parse(readFileSync(join(__dirname, "../../package.json"), "utf8")).version}`);
  });
});

describe("usage errors", () => {
  // test/cli/args.test.ts covers every kind in-process; here: what the user sees from the bin.
  it.each([
    [["valider", "plan.xlsx"], "ukendt kommando: valider"],
    [["validate", "plan.xlsx", "--today", "01-12-2026"], "--today skal være en dato"],
    [["validate", "plan.xlsx", "--pick", "CONX"], "--pick CONX: ingen regel passer"],
  ])("%j: exit 2, one line on stderr with a pointer to --help, nothing on stdout", (args, message) => {
    const r = runBin(args as string[]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain("fbs-playbook --help");
  });
});

describe("validate", () => {
  it("reports the example plan's findings as text, grouped by sheet, with cells and sections, and exits 1", () => {
    const r = runBin(["validate", at("eksempel.xlsx"), "--today", "2026-12-01"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe("");
    expect(r.stdout).not.toMatch(ANSI);
    const out = lines(r.stdout);
    expect(out[0]).toContain(`${at("eksempel.xlsx")} — Eksempelby Kommune · kontrol pr. 01-12-2026`);
    // Sheet headings in workbook order, each followed by its findings.
    const headings = out.filter((l) => /^  \S/.test(l)).map((l) => l.trim());
    expect(headings.slice(0, 3)).toEqual(["Projekt", "Personer", "Enheder"]);
    expect(r.stdout).toMatch(/^    FEJL +DATA-04 +C3 +«Maja Fris» findes ikke i «Personer»/m);
    expect(r.stdout).toMatch(/^    ADVARSEL +CON-03 +E2 +§4\.1 +Kontrakten/m);
    // The hint sits on its own indented line under the message.
    expect(r.stdout).toMatch(/«Maja Fris».*\n +→ Ret navnet til «Maja Friis»/);
    // The example's Accepterede row: CON-04 is shown apart with the steering group's reason, and not counted.
    expect(r.stdout).toMatch(/Accepterede fund \(1\)\n.*\n +ADVARSEL +CON-04 .*\n +✓ Accepteret: Styregruppen besluttede 02-11-2026/);
    expect(out[out.length - 1]).toMatch(/^  \d+ fejl · \d+ advarsler? · \d+ info · 1 accepteret$/);
  });

  it("tells a terminal user how to get a missing sheet, by the pane's button or fbs-playbook init, without markup", async () => {
    writeFileSync(at("kun-projekt.xlsx"), await xlsxBuffer([{ name: "Projekt", rows: [["Felt", "Værdi"], ["Kommune", "Eksempelby"]] }]));
    const r = runBin(["validate", at("kun-projekt.xlsx"), "--pick", "DATA-01", "--today", "2026-12-01"]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("→ Tilføj arket «Personer» (eller «People»), fx med knappen «Opret ark» i FBS Drejebog i Excel, eller kopiér det fra en ny projektmappe lavet med fbs-playbook init.");
    expect(r.stdout).not.toContain("`");
  });

  it("exits 0 for a plan without errors, and says so", () => {
    const r = runBin(["validate", join(FIXTURES, "init-example.xlsx"), "--pick", "ECO", "--today", "2026-12-01"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Ingen fund");
    expect(r.stdout).toContain(`2 af ${ALL_RULES.length} regler`);
  });

  it("prints one JSON object for one file, exactly in CLI.md's shape, in the language of --lang", () => {
    const r = runBin(["validate", at("eksempel.xlsx"), "--format", "json", "--lang", "en", "--today", "2026-12-01"]);
    expect(r.status).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual(["file", "today", "summary", "findings"]);
    expect(json.file).toBe(at("eksempel.xlsx"));
    expect(json.today).toBe("2026-12-01");
    expect(Object.keys(json.summary)).toEqual(["error", "warning", "info", "accepted"]);
    expect(json.findings.length).toBe(json.summary.error + json.summary.warning + json.summary.info + json.summary.accepted);
    for (const f of json.findings) {
      expect(Object.keys(f)).toEqual(["rule", "severity", "section", "sheet", "row", "column", "cell", "message", "hint", "subject", "messageId", "data", "fix", "accepted"]);
      expect(f.messageId).toMatch(new RegExp(`^${f.rule}/[a-z]+(-[a-z]+)*$`));
    }
    const typo = json.findings.find((f: { rule: string }) => f.rule === "DATA-04");
    expect(typo).toMatchObject({ severity: "error", sheet: "Enheder", row: 3, column: "Superbruger", cell: "C3", section: null });
    expect(typo.message).toMatch(/Did you mean «Maja Friis»/);
    // For programs: which message, made from which values, about which row.
    expect(typo).toMatchObject({
      messageId: "DATA-04/unknown-person",
      data: { name: "Maja Fris", sheet: "Personer", suggestion: "Maja Friis" },
      subject: "Filial Nord",
      accepted: null,
      // The fix, its label in the language asked for (CLI.md).
      fix: { label: "Change «Maja Fris» to «Maja Friis»", edits: [{ sheet: "Enheder", cell: "C3", from: "Maja Fris", to: "Maja Friis" }] },
    });
    const contract = json.findings.find((f: { rule: string }) => f.rule === "CON-05");
    expect(contract.data.terminated).toMatch(/^\d{4}-\d\d-\d\d$/);
    // Something missing as a whole has null row, column and cell.
    const missing = json.findings.find((f: { rule: string }) => f.rule === "ORG-03");
    expect(missing).toMatchObject({ row: null, column: null, cell: null, messageId: "ORG-03/no-authority", data: { sector: "municipalIt" } });
    // …and its subject is the missing thing, named in the workbook's language.
    expect(missing.subject).toBe("Kommunal IT");
  });

  it("prints an array for several files, in the order given", () => {
    const r = runBin(["validate", at("tom.xlsx"), at("eksempel.xlsx"), "--format", "json", "--today", "2026-12-01"]);
    const json = JSON.parse(r.stdout);
    expect(json.map((o: { file: string }) => o.file)).toEqual([at("tom.xlsx"), at("eksempel.xlsx")]);
    expect(r.status).toBe(1);
  });

  it("--pick and --skip choose the rules by id or prefix", () => {
    const rules = (args: string[]) =>
      new Set<string>(JSON.parse(runBin(["validate", at("eksempel.xlsx"), "--format", "json", "--today", "2026-12-01", ...args]).stdout).findings.map((f: { rule: string }) => f.rule));
    expect([...rules(["--pick", "CON"])].every((id) => id.startsWith("CON-"))).toBe(true);
    expect(rules(["--pick", "CON"]).size).toBeGreaterThan(1);
    expect([...rules(["--pick", "con-03,DATA-04"])].sort()).toEqual(["CON-03", "DATA-04"]);
    expect(rules(["--skip", "CON"]).has("CON-03")).toBe(false);
    expect(rules(["--skip", "CON"]).has("DATA-04")).toBe(true);
  });

  it("--today moves date-relative findings: a notice deadline passes", () => {
    const passed = (today: string) =>
      JSON.parse(runBin(["validate", at("eksempel.xlsx"), "--format", "json", "--pick", "CON-07", "--today", today]).stdout).findings.length;
    expect(passed("2026-12-01")).toBe(0);
    expect(passed("2027-12-01")).toBeGreaterThan(0);
  });

  it("one unreadable file among several: one line on stderr for it, the others still checked, exit 2", () => {
    writeFileSync(at("noter.xlsx"), "ikke en projektmappe");
    const r = runBin(["validate", at("tom.xlsx"), at("findes-ikke.xlsx"), at("eksempel.xlsx"), at("noter.xlsx"), "--today", "2026-12-01"]);
    expect(r.status).toBe(2);
    expect(lines(r.stderr)).toEqual([
      `fbs-playbook: ${at("findes-ikke.xlsx")}: filen findes ikke`,
      `fbs-playbook: ${at("noter.xlsx")}: det er ikke en Excel-projektmappe (.xlsx)`,
    ]);
    expect(r.stdout).toContain(`${at("tom.xlsx")} — `);
    expect(r.stdout).toContain(`${at("eksempel.xlsx")} — Eksempelby Kommune`);
    expect(r.stdout).toMatch(/I alt, 2 filer: \d+ fejl/);

    const json = runBin(["validate", at("findes-ikke.xlsx"), at("eksempel.xlsx"), "--format", "json", "--lang", "en"]);
    expect(json.status).toBe(2);
    expect(JSON.parse(json.stdout).map((o: { file: string }) => o.file)).toEqual([at("eksempel.xlsx")]);
    expect(lines(json.stderr)).toEqual([`fbs-playbook: ${at("findes-ikke.xlsx")}: the file does not exist`]);
  });

  it("an old Excel 97-2003 file alone: exit 2, its reason on stderr, nothing on stdout", () => {
    const r = runBin(["validate", join(FIXTURES, "legacy-excel97.xls")]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("gammel Excel 97-2003-fil (.xls)");
  });

  it("tells the user on stderr when formula cells have no stored value, without failing the run", async () => {
    const bytes = await xlsxBuffer([
      {
        name: "Projekt",
        rows: [
          ["Felt", "Værdi"],
          ["Kommune", { formula: 'CONCAT("Eksempel","by")' } as never],
          ["Ibrugtagning", "01-09-2027"],
        ],
      },
    ]);
    writeFileSync(at("formler.xlsx"), bytes);
    const r = runBin(["validate", at("formler.xlsx"), "--pick", "DATA-06", "--today", "2026-12-01"]);
    expect(lines(r.stderr)).toEqual([
      `fbs-playbook: ${at("formler.xlsx")}: 1 formelcelle er gemt uden beregnet værdi og læses som tom; åbn og gem filen i Excel eller LibreOffice (Projekt!B2)`,
    ]);
    expect(r.stdout).toMatch(/DATA-06 +B2/);
    expect(r.status).toBe(1);
  });
});

describe("colour", () => {
  it("is off when stdout is not a terminal, on with FORCE_COLOR, and off again with FORCE_COLOR=0", () => {
    const args = ["validate", at("eksempel.xlsx"), "--today", "2026-12-01"];
    expect(runBin(args).stdout).not.toMatch(ANSI);
    const forced = runBin(args, { FORCE_COLOR: "1" }).stdout;
    expect(forced).toMatch(/\x1b\[1;31mFEJL/);
    expect(runBin(args, { FORCE_COLOR: "0" }).stdout).not.toMatch(ANSI);
    expect(runBin(args, { NO_COLOR: "1" }).stdout).not.toMatch(ANSI);
  });
});

describe("timeline", () => {
  it("prints milestones and a contract table, flagging notice deadlines passed as of --today", () => {
    const r = runBin(["timeline", at("eksempel.xlsx"), "--today", "2027-04-01"]);
    expect(r.status).toBe(0);
    const out = r.stdout;
    expect(out).toMatch(/Milepæle\n(    \d\d-\d\d-\d{4}  .+\n)+/);
    expect(out).toMatch(/^    \d\d-\d\d-\d{4}  Ibrugtagning$/m);
    expect(out).toMatch(/^    Række +Leverandør +System +Type +Udløber +Opsigelsesfrist +Slut m\. forlængelse +Opsagt$/m);
    expect(out).toMatch(/^    2 +Axiell +DDElibra +Bibliotekssystem +15-09-2027 +15-03-2027 ! overskredet +15-09-2027 +—$/m);
    expect(out).toContain("1 opsigelsesfrist er overskredet pr. 01-04-2027");
    // A month earlier the deadline has not passed.
    expect(runBin(["timeline", at("eksempel.xlsx"), "--today", "2027-03-01"]).stdout).not.toContain("overskredet");
  });

  it("prints JSON exactly in CLI.md's shape", () => {
    const r = runBin(["timeline", at("eksempel.xlsx"), "--format", "json"]);
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual(["file", "milestones", "contracts"]);
    expect(json.milestones.map((m: { key: string }) => m.key)).toEqual(
      expect.arrayContaining(["kickoff", "organisation-established", "go-live", "go-live-plus-1-month"]),
    );
    expect(json.milestones.find((m: { key: string }) => m.key === "go-live")).toEqual({ key: "go-live", label: "Ibrugtagning", date: expect.stringMatching(/^\d{4}-\d\d-\d\d$/) });
    expect(json.contracts[0]).toEqual({
      row: 2,
      vendor: "Axiell",
      system: "DDElibra",
      type: "Bibliotekssystem",
      start: expect.stringMatching(/^\d{4}-\d\d-\d\d$/),
      expires: "2027-09-15",
      noticeDeadline: "2027-03-15",
      extendedUntil: "2027-09-15",
      terminatedOn: null,
    });
  });

  it("exits 2 with one line for an unreadable file", () => {
    const r = runBin(["timeline", at("findes-ikke.xlsx")]);
    expect(r.status).toBe(2);
    expect(lines(r.stderr)).toHaveLength(1);
  });
});

describe("init", () => {
  it("writes a workbook that validate reads, in English with --lang en", () => {
    const r = runBin(["init", at("english.xlsx"), "--lang", "en"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`fbs-playbook validate ${at("english.xlsx")} --lang en`);
    const v = runBin(["validate", at("english.xlsx"), "--format", "json", "--lang", "en", "--pick", "DATA"]);
    const findings = JSON.parse(v.stdout).findings;
    expect(findings.map((f: { rule: string; sheet: string; cell: string }) => `${f.rule} ${f.sheet}!${f.cell}`)).toEqual([
      "DATA-06 Project!B2",
      "DATA-06 Project!B3",
    ]);
  });

  it("refuses to overwrite an existing file: exit 2, one line, the file untouched; --force overwrites", () => {
    writeFileSync(at("min-plan.xlsx"), "mine data");
    const r = runBin(["init", at("min-plan.xlsx")]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(lines(r.stderr)).toEqual([
      `fbs-playbook: ${at("min-plan.xlsx")}: filen findes allerede; vælg et andet navn, eller brug --force for at overskrive den`,
    ]);
    expect(readFileSync(at("min-plan.xlsx"), "utf8")).toBe("mine data");
    expect(runBin(["init", "--force", at("min-plan.xlsx")]).status).toBe(0);
    expect(readFileSync(at("min-plan.xlsx")).subarray(0, 2).toString()).toBe("PK");
  });

});
