/** `validate` on workbooks with an Accepterede sheet: the bin spawned, text and JSON, exit status. */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { CORRECT_PLAN } from "../../src/playbook/example";
import { planSnapshot, type PlanData } from "../../src/playbook/template";
import { ensureCliBuilt, runBin, tempFolder, xlsxBuffer } from "./helpers";

const REASON = "Styregruppen besluttede 02-11-2026 ikke at forlænge";

/** The correct plan with a mistyped super user (DATA-04, an error) and a contract ending soon after go-live without extension (CON-03, CON-04). */
function contractPlan(): PlanData {
  const plan = structuredClone(CORRECT_PLAN);
  plan.units = (plan.units ?? []).map((u) => (u.unit === "Filial Nord" ? { ...u, superUser: "Maja Fris" } : u));
  plan.contracts = (plan.contracts ?? []).map((c) => (c.system === "DDElibra" ? { ...c, expires: new Date(2027, 8, 15), extensionMonths: 0 } : c));
  return plan;
}

const folder = tempFolder("fbs-accepted-");
const at = (name: string) => join(folder.dir, name);
afterAll(() => folder.cleanup());

beforeAll(async () => {
  ensureCliBuilt();
  const sheets = planSnapshot(contractPlan(), "da").sheets;
  const accepted = {
    name: "Accepterede",
    rows: [
      ["Regel", "Ark", "Emne", "Kolonne", "Begrundelse", "Accepteret af", "Dato", "Gælder til"],
      ["CON-03", "Kontrakter", "Axiell / DDElibra", null, REASON, "Mette Holm", new Date(Date.UTC(2026, 10, 2)), null],
      ["CON-04", "Kontrakter", null, null, REASON, "Mette Holm", null, null],
      ["DATA-04", "Enheder", "filial nord", "Superbruger", "Maja Fris er vikar til marts", null, null, new Date(Date.UTC(2027, 2, 1))],
      ["ORG-01", "Personer", "Ingen Person / Projektejer", null, "gammel række", null, null, null],
    ],
  };
  writeFileSync(at("accepteret.xlsx"), await xlsxBuffer([...sheets, accepted] as never));
  writeFileSync(at("uden.xlsx"), await xlsxBuffer(sheets as never));
});

const TODAY = ["--today", "2026-12-01"];

test("uden Accepterede: the contract's error counts and the exit status is 1", () => {
  const r = runBin(["validate", at("uden.xlsx"), ...TODAY, "--format", "json"]);
  const json = JSON.parse(r.stdout);
  expect(r.status).toBe(1);
  expect(json.summary.accepted).toBe(0);
  expect(json.summary.error).toBeGreaterThan(0);
});

test("JSON: accepted findings carry their acceptance, summary counts open ones and adds accepted, exit status 0", () => {
  const r = runBin(["validate", at("accepteret.xlsx"), ...TODAY, "--format", "json"]);
  const json = JSON.parse(r.stdout);
  expect(r.status).toBe(0);
  const con03 = json.findings.find((f: { rule: string }) => f.rule === "CON-03");
  expect(con03.accepted).toEqual({ reason: REASON, by: "Mette Holm", on: "2026-11-02", until: null, sheet: "Accepterede", row: 2 });
  expect(json.findings.filter((f: { accepted: unknown }) => f.accepted).map((f: { rule: string }) => f.rule).sort()).toEqual(["CON-03", "CON-04", "DATA-04"]);
  expect(json.summary).toEqual({ error: 0, warning: 0, info: 1, accepted: 3 });
  const stale = json.findings.find((f: { rule: string }) => f.rule === "DATA-08");
  expect(stale).toMatchObject({ sheet: "Accepterede", row: 5, accepted: null });
  expect(stale.message).toContain("ORG-01");
});

test("--ignore-accepted reports everything as open, as if Accepterede were empty", () => {
  const r = runBin(["validate", at("accepteret.xlsx"), ...TODAY, "--format", "json", "--ignore-accepted"]);
  const json = JSON.parse(r.stdout);
  expect(r.status).toBe(1);
  expect(json.summary.accepted).toBe(0);
  expect(json.findings.every((f: { accepted: unknown }) => f.accepted === null)).toBe(true);
  expect(json.findings.some((f: { rule: string }) => f.rule === "DATA-08")).toBe(false);
});

test("text: accepted findings are shown apart, after the open ones, with their reasons; the counts say how many", () => {
  const r = runBin(["validate", at("accepteret.xlsx"), ...TODAY]);
  expect(r.status).toBe(0);
  const out = r.stdout;
  const heading = out.indexOf("Accepterede fund (3)");
  expect(heading).toBeGreaterThan(out.indexOf("DATA-08"));
  expect(out.slice(heading)).toContain(`Accepteret: ${REASON} (af Mette Holm; Accepterede række 2)`);
  expect(out.slice(heading)).toContain("til 01-03-2027");
  expect(out).toMatch(/0 fejl · 0 advarsler · 1 info · 3 accepterede/);
  const en = runBin(["validate", at("accepteret.xlsx"), ...TODAY, "--lang", "en"]).stdout;
  expect(en).toContain("Accepted findings (3)");
  expect(en).toMatch(/3 accepted/);
});

test("text with --ignore-accepted: no accepted group, exit status 1", () => {
  const r = runBin(["validate", at("accepteret.xlsx"), ...TODAY, "--ignore-accepted"]);
  expect(r.status).toBe(1);
  expect(r.stdout).not.toContain("Accepterede fund");
});
