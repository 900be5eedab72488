import { runRules, selectRules, unknownRulePatterns, validateSnapshot } from "../../src/playbook/engine";
import { defineRule, message } from "../../src/playbook/rule";
import { EXAMPLE_PLAN } from "../../src/playbook/example";
import { localize } from "../../src/playbook/render";
import { planSnapshot } from "../../src/playbook/template";
import { TODAY } from "./plan-fixtures";

describe("choosing rules", () => {
  it("picks by id or prefix and skips by id or prefix", () => {
    expect(selectRules(["CON"]).map((r) => r.id)).toEqual(["CON-01", "CON-02", "CON-03", "CON-04", "CON-05", "CON-06", "CON-07", "CON-08", "CON-09"]);
    expect(selectRules(["ORG-0"]).map((r) => r.id)).toHaveLength(9);
    expect(selectRules(["con-02", "INST"]).map((r) => r.id)).toEqual(["CON-02", "INST-01", "INST-02"]);
    expect(selectRules(undefined, ["DATA", "ORG", "ECO", "DRIFT", "SEAT", "CON"]).map((r) => r.id)).toEqual(["INST-01", "INST-02"]);
  });

  it("names the patterns that match no rule", () => {
    expect(unknownRulePatterns(["CON", "FOO-1", "ORG-99"])).toEqual(["FOO-1", "ORG-99"]);
  });

  it("runs only the picked rules", () => {
    const { findings } = validateSnapshot(planSnapshot(EXAMPLE_PLAN), { today: TODAY, pick: ["CON"] });
    expect(new Set(findings.map((f) => f.rule.slice(0, 3)))).toEqual(new Set(["CON"]));
  });
});

describe("the sample plan with breaches", () => {
  const result = validateSnapshot(planSnapshot(EXAMPLE_PLAN), { today: TODAY });

  it("shows findings of every severity", () => {
    expect(result.summary).toEqual({ error: 7, warning: 7, info: 1, accepted: 0 });
  });

  it("orders findings by sheet in workbook order, then row", () => {
    const sheets = result.findings.map((f) => f.sheet);
    const order = ["Projekt", "Personer", "Enheder", "Ejerskab", "Kursuspladser", "Kontrakter", "Institutioner"];
    const positions = sheets.map((s) => order.indexOf(s as string));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it("gives the same rules and cells in English", () => {
    const en = validateSnapshot(planSnapshot(EXAMPLE_PLAN, "en"), { today: TODAY });
    expect(en.findings.map((f) => [f.rule, f.cell])).toEqual(result.findings.map((f) => [f.rule, f.cell]));
    expect(en.findings.map((f) => f.sheet)).toContain("Contracts");
    expect(localize(en.findings[0], "en").message).toMatch(/[a-z]/);
  });
});

describe("a rule's report", () => {
  // A rule written as the chapters write theirs, reporting a fix and overriding its severity.
  const EXAMPLE_RULE = defineRule({
    id: "TEST-01",
    severity: "warning",
    section: "9.9",
    title: { da: "Prøveregel", en: "Test rule" },
    messages: {
      unitNamed: message<{ unit: string }>({
        da: (d, w) => `Enheden ${w.q(d.unit)} er nævnt.`,
        en: (d, w) => `The unit ${w.q(d.unit)} is named.`,
        hint: { da: "Intet at gøre.", en: "Nothing to do." },
      }),
    },
    check: ({ plan }, report) => {
      const u = plan.units[0];
      const fix = { label: { da: "Ret til «X»", en: "Change to «X»" }, edits: [{ sheet: "Enheder", cell: "A2", from: u.unit.value, to: "X" }] };
      report("unitNamed", u.unit, { unit: u.unit.value ?? "" }, { severity: "info", fix });
    },
  });

  it("does not compile with a message id the rule lacks, or without the message's values", () => {
    const checked = defineRule({
      ...EXAMPLE_RULE,
      messages: { unitNamed: message<{ unit: string }>({ da: "a", en: "b", hint: { da: "c", en: "d" } }) },
      check: ({ plan }, report) => {
        const at = plan.units[0].unit;
        // @ts-expect-error: no such message
        report("unitGone", at, { unit: "x" });
        // @ts-expect-error: the message needs `unit`
        report("unitNamed", at, {});
        report("unitNamed", at, { unit: "x" });
      },
    });
    const plan = validateSnapshot(planSnapshot(EXAMPLE_PLAN), { today: TODAY }).plan;
    expect(runRules(plan, [checked], TODAY).map((f) => f.messageId)).toEqual(["TEST-01/unit-gone", "TEST-01/unit-named", "TEST-01/unit-named"]);
  });

  it("becomes a finding with the message's id, its values, the row's subject, and the fix", () => {
    const plan = validateSnapshot(planSnapshot(EXAMPLE_PLAN), { today: TODAY }).plan;
    const [finding] = runRules(plan, [EXAMPLE_RULE], TODAY);
    expect(finding).toEqual({
      rule: "TEST-01",
      severity: "info",
      section: "9.9",
      sheet: "Enheder",
      row: 2,
      column: "Enhed",
      cell: "A2",
      messageId: "TEST-01/unit-named",
      data: { unit: "Hovedbiblioteket" },
      subject: "Hovedbiblioteket",
      fix: { label: { da: "Ret til «X»", en: "Change to «X»" }, edits: [{ sheet: "Enheder", cell: "A2", from: "Hovedbiblioteket", to: "X" }] },
    });
    expect(localize(finding, "en").fix).toEqual({ label: "Change to «X»", edits: finding.fix!.edits });
    expect(localize(finding, "da").accepted).toBeNull();
  });
});
