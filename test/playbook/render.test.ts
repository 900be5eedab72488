/** A finding's words: made once from its message id and values, in the language and for the surface asked for. */
import { validateSnapshot } from "../../src/playbook/engine";
import { render } from "../../src/playbook/render";
import { planSnapshot } from "../../src/playbook/template";
import { TODAY, correctPlan, d, update } from "./plan-fixtures";

function findingOf(rule: string, lang: "da" | "en", change: (plan: ReturnType<typeof correctPlan>) => void) {
  const plan = correctPlan();
  change(plan);
  const snapshot = planSnapshot(plan, lang);
  if (rule === "DATA-01") snapshot.sheets = snapshot.sheets.filter((s) => s.name !== (lang === "da" ? "Kontrakter" : "Contracts"));
  return validateSnapshot(snapshot, { today: TODAY }).findings.find((f) => f.rule === rule)!;
}

describe("render", () => {
  const tooShort = findingOf("CON-03", "da", (p) => update(p.contracts, (c) => c.system === "DDElibra", { expires: d("2027-09-20") }));

  it("writes dates as each language does, from the ISO dates the finding holds", () => {
    expect(tooShort.data).toMatchObject({ expires: "2027-09-20", goLive: "2027-09-01", until: "2027-10-01" });
    expect(render(tooShort, { lang: "da", surface: "cli" }).message).toBe(
      "Kontrakten «Axiell / DDElibra» udløber 20-09-2027, mindre end en måned efter ibrugtagning 01-09-2027; den bør løbe mindst til 01-10-2027.",
    );
    expect(render(tooShort, { lang: "en", surface: "cli" }).message).toBe(
      "The contract «Axiell / DDElibra» expires on 2027-09-20, less than a month after go-live on 2027-09-01; it should run at least until 2027-10-01.",
    );
  });

  it("writes numbers with the language's decimal separator", () => {
    const short = findingOf("CON-04", "da", (p) => update(p.contracts, (c) => c.system === "DDElibra", { extensionMonths: "1,5" }));
    expect(render(short, { lang: "da", surface: "pane" }).message).toContain("kun forlænges 1,5 måned(er)");
    expect(render(short, { lang: "en", surface: "pane" }).message).toContain("extended by 1.5 month(s)");
  });

  it("sends the pane's user to the button and the command line's user to the button or fbs-playbook init", () => {
    const missing = findingOf("DATA-01", "da", () => {});
    const pane = render(missing, { lang: "da", surface: "pane" }).hint;
    const cli = render(missing, { lang: "da", surface: "cli" }).hint;
    expect(pane).toBe("Tilføj arket «Kontrakter» (eller «Contracts»), fx med knappen «Opret ark».");
    expect(cli).toContain("fbs-playbook init");
    expect(`${pane} ${cli}`).not.toContain("`");
    expect(render(missing, { lang: "en", surface: "pane" }).hint).toBe("Add the sheet «Contracts» (or «Kontrakter»), e.g. with the «Create sheets» button.");
  });

  it("gives the same message id and values whatever the workbook's language; the subject is in the workbook's", () => {
    const da = findingOf("ORG-03", "da", (p) => update(p.people, (r) => r.name === "Anne Berg", { decisionAuthority: false }));
    const en = findingOf("ORG-03", "en", (p) => update(p.people, (r) => r.name === "Anne Berg", { decisionAuthority: false }));
    expect([da.messageId, da.data]).toEqual([en.messageId, en.data]);
    expect([da.subject, en.subject]).toEqual(["Kommunal IT", "Municipal IT"]);
  });

  it("shows the message id when it knows no such message, instead of failing", () => {
    expect(render({ messageId: "XYZ-99/gone", data: {} }, { lang: "da", surface: "pane" })).toEqual({ message: "XYZ-99/gone", hint: "" });
  });
});
