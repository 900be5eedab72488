import { day } from "../../src/playbook/dates";
import { validateSnapshot } from "../../src/playbook/engine";
import { EXAMPLE_PLAN } from "../../src/playbook/example";
import { planSnapshot } from "../../src/playbook/template";
import type { Lang } from "../../src/playbook/vocabulary";
import { render } from "../../src/playbook/render";
import { missingSheets, setupOutcome } from "../../src/taskpane/paneText";
import { STRINGS } from "../../src/taskpane/strings";

const LANGS: Lang[] = ["da", "en"];
const today = day(2026, 1, 15)!;
/** Every text the engine shows for a new workbook (every sheet missing) and for the example plan. */
const blank = validateSnapshot({ sheets: [{ name: "Ark1", rows: [] }] }, { today });
const example = validateSnapshot(planSnapshot(EXAMPLE_PLAN, "da"), { today });
const headerless = validateSnapshot({ sheets: [{ name: "Personer", rows: [["x"]] }] }, { today });
const all = [...blank.findings, ...example.findings, ...headerless.findings];
const textsOn = (surface: "pane" | "cli") =>
  all.flatMap((f) => LANGS.flatMap((lang) => Object.values(render(f, { lang, surface })).map((text) => ({ lang, text }))));

describe("the engine's texts in the pane", () => {
  it("never mention the command line (the command line's own texts do)", () => {
    expect(textsOn("cli").some(({ text }) => text.includes("fbs-playbook"))).toBe(true);
    expect(textsOn("pane").filter(({ text }) => /fbs-playbook|`/.test(text))).toEqual([]);
  });

  it("name the pane's buttons as the pane does", () => {
    const shown = textsOn("pane");
    expect(shown.filter(({ text }) => /Generér\/opdatér|Generate\/update/.test(text))).toEqual([]);
    const data01 = blank.findings.find((f) => f.rule === "DATA-01")!;
    expect(render(data01, { lang: "da", surface: "pane" }).hint).toContain(`«${STRINGS.da.action.generate}»`);
    expect(render(data01, { lang: "en", surface: "pane" }).hint).toContain(`«${STRINGS.en.action.generate}»`);
  });
});

describe("a validation of a workbook that is not set up", () => {
  it("with no planning sheet says only that, with Opret ark", () => {
    expect(missingSheets(blank.findings, "da")).toEqual(["Projekt", "Personer", "Kontrakter"]);
    expect(setupOutcome(blank.findings, "da")).toEqual({ outcome: STRINGS.da.notSetUp, blank: true });
    expect(setupOutcome(blank.findings, "en")?.outcome).toMatchObject({ title: "The workbook has no planning sheets yet", action: "generate" });
  });

  it("with some missing names them, in the pane's language", () => {
    const some = validateSnapshot({ sheets: planSnapshot(EXAMPLE_PLAN, "da").sheets.filter((s) => s.name !== "Kontrakter") }, { today });
    expect(setupOutcome(some.findings, "da")).toEqual({ outcome: STRINGS.da.sheetsMissing(["Kontrakter"]), blank: false });
    expect(setupOutcome(some.findings, "en")?.outcome.title).toBe("The Contracts sheet is missing");
  });

  it("is nothing special when every planning sheet is there", () => {
    expect(setupOutcome(example.findings, "da")).toBeNull();
  });
});
