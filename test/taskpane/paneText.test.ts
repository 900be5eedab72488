import { day } from "../../src/playbook/dates";
import { validateSnapshot } from "../../src/playbook/engine";
import { EXAMPLE_PLAN } from "../../src/playbook/example";
import { planSnapshot } from "../../src/playbook/template";
import type { Lang } from "../../src/playbook/vocabulary";
import { missingSheets, paneText, setupOutcome } from "../../src/taskpane/paneText";
import { STRINGS } from "../../src/taskpane/strings";

const LANGS: Lang[] = ["da", "en"];
const today = day(2026, 1, 15)!;
/** Every text the engine shows for a new workbook (every sheet missing) and for the example plan. */
const blank = validateSnapshot({ sheets: [{ name: "Ark1", rows: [] }] }, { today });
const example = validateSnapshot(planSnapshot(EXAMPLE_PLAN, "da"), { today });
const headerless = validateSnapshot({ sheets: [{ name: "Personer", rows: [["x"]] }] }, { today });
const engineTexts = [...blank.findings, ...example.findings, ...headerless.findings].flatMap((f) =>
  LANGS.flatMap((lang) => [f.message[lang], f.hint[lang]].map((text) => ({ lang, text }))),
);

describe("the engine's texts in the pane", () => {
  it("never mention the command line", () => {
    expect(engineTexts.some(({ text }) => text.includes("fbs-playbook"))).toBe(true); // the engine's own texts do
    const shown = engineTexts.map(({ lang, text }) => paneText(text, lang));
    expect(shown.filter((text) => /fbs-playbook|`/.test(text))).toEqual([]);
  });

  it("name the pane's buttons as the pane does", () => {
    const shown = engineTexts.map(({ lang, text }) => ({ lang, text: paneText(text, lang) }));
    expect(shown.filter(({ text }) => /Generér\/opdatér|Generate\/update/.test(text))).toEqual([]);
    expect(paneText('Tilføj arket «Projekt» (eller «Project»), fx med "Generér/opdatér ark" eller `fbs-playbook init`.', "da")).toBe(
      `Tilføj arket «Projekt» (eller «Project»), fx med «${STRINGS.da.action.generate}».`,
    );
    expect(paneText('Add a row with Key OWN-1 and an owner (or run "Generate/update sheets").', "en")).toBe(
      `Add a row with Key OWN-1 and an owner (or choose "${STRINGS.en.action.generate}").`,
    );
  });

  it("leave a text without any of it as it is", () => {
    const text = "Projektorganisationen etableres 01-02-2027, ikke før opstartsmødet 15-01-2027.";
    expect(paneText(text, "da")).toBe(text);
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
