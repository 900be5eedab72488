/** The fixes of RULES.md (*Fixes*): the one sensible correction a finding carries as data. */
import { validateSnapshot } from "../../src/playbook/engine";
import { EXAMPLE_PLAN } from "../../src/playbook/example";
import type { Finding } from "../../src/playbook/findings";
import { planSnapshot, type PlanData } from "../../src/playbook/template";
import type { Lang } from "../../src/playbook/vocabulary";
import { TODAY, correctPlan, remove, update } from "./plan-fixtures";

function findings(plan: PlanData, lang: Lang = "da"): Finding[] {
  return validateSnapshot(planSnapshot(plan, lang), { today: TODAY }).findings;
}

const only = (list: Finding[], rule: string): Finding => {
  const found = list.filter((f) => f.rule === rule);
  expect(found).toHaveLength(1);
  return found[0];
};

test("DATA-04 with a suggestion: replace the unknown name with the suggested one", () => {
  expect(only(findings(EXAMPLE_PLAN), "DATA-04").fix).toEqual({
    label: { da: "Ret «Maja Fris» til «Maja Friis»", en: "Change «Maja Fris» to «Maja Friis»" },
    edits: [{ sheet: "Enheder", cell: "C3", from: "Maja Fris", to: "Maja Friis" }],
  });
});

test("DATA-04 without a suggestion has no fix", () => {
  const plan = correctPlan();
  update(plan.units, (u) => u.unit === "Filial Nord", { superUser: "Helt Ukendt Navnesen" });
  expect(only(findings(plan), "DATA-04").fix ?? null).toBeNull();
});

test("ORG-02: Formand = Ja on the project owner's row, Nej on another row that says Ja, in the workbook's language", () => {
  const plan = correctPlan();
  update(plan.people, (p) => p.role === "projectOwner", { chair: false });
  update(plan.people, (p) => p.name === "Søren Lund", { chair: true });
  const found = findings(plan).filter((f) => f.rule === "ORG-02");
  expect(found.map((f) => [f.messageId, f.fix?.edits])).toEqual([
    ["ORG-02/owner-not-chair", [{ sheet: "Personer", cell: found[0].cell, from: "Nej", to: "Ja" }]],
    ["ORG-02/chair-not-owner", [{ sheet: "Personer", cell: found[1].cell, from: "Ja", to: "Nej" }]],
  ]);
  expect(found[0].fix?.label.da).toBe("Ret «Nej» til «Ja»");
  const english = findings(plan, "en").filter((f) => f.rule === "ORG-02");
  expect(english.map((f) => f.fix?.edits[0])).toMatchObject([{ sheet: "People", from: "No", to: "Yes" }, { from: "Yes", to: "No" }]);
});

test("DRIFT-05: the missing OWN-n row is appended with its key and text, under the headers as they stand", () => {
  const plan = correctPlan();
  remove(plan.ownership, (o) => o.key === "OWN-8");
  const da = only(findings(plan), "DRIFT-05");
  expect(da.fix?.edits).toEqual([{ sheet: "Ejerskab", append: { Nøgle: "OWN-8", Ansvar: expect.any(String) } }]);
  expect(da.fix?.label).toEqual({ da: "Tilføj rækken OWN-8 i «Ejerskab»", en: "Add the row OWN-8 to «Ejerskab»" });
  const en = only(findings(plan, "en"), "DRIFT-05");
  const [edit] = en.fix?.edits ?? [];
  expect(edit).toMatchObject({ sheet: "Ownership" });
  expect(Object.keys((edit as { append: object }).append)).toEqual(["Key", "Responsibility"]);
});

test("SEAT-01: a standard seat beyond the quota gets Pladstype = Tilkøb (Purchased in English)", () => {
  const da = only(findings(EXAMPLE_PLAN), "SEAT-01");
  expect(da.fix?.edits).toEqual([{ sheet: "Kursuspladser", cell: "C7", from: "Standard", to: "Tilkøb" }]);
  expect(only(findings(EXAMPLE_PLAN, "en"), "SEAT-01").fix?.edits).toEqual([{ sheet: "Training seats", cell: "C7", from: "Standard", to: "Purchased" }]);
});

test("DATA-03: a fixed-list value one typo away from exactly one allowed value is fixed to it, and the message suggests it", () => {
  const plan = correctPlan();
  update(plan.people, (p) => p.role === "projectOwner", { sector: "Folkebiblotek" });
  const f = only(findings(plan), "DATA-03");
  expect(f.data).toMatchObject({ value: "Folkebiblotek", suggestion: "Folkebibliotek" });
  expect(f.fix).toEqual({
    label: { da: "Ret «Folkebiblotek» til «Folkebibliotek»", en: "Change «Folkebiblotek» to «Folkebibliotek»" },
    edits: [{ sheet: "Personer", cell: f.cell, from: "Folkebiblotek", to: "Folkebibliotek" }],
  });
});

test("DATA-03: a value far from every allowed one, or a date that does not exist, has no fix", () => {
  const plan = correctPlan();
  update(plan.people, (p) => p.role === "projectOwner", { sector: "Skolen" });
  expect(only(findings(plan), "DATA-03").fix ?? null).toBeNull();
  const example = findings(EXAMPLE_PLAN).filter((f) => f.rule === "DATA-03");
  expect(example.every((f) => !f.fix)).toBe(true);
});
