import { STRINGS } from "../../src/taskpane/strings";
import { GENERATED, TIMELINE, outcome } from "./fixtures";

/** Every key path of a strings object, functions included, e.g. "action.generate". */
function keyPaths(value: unknown, prefix = ""): string[] {
  if (value === null || typeof value !== "object") return [prefix];
  return Object.entries(value).flatMap(([key, v]) => keyPaths(v, prefix ? `${prefix}.${key}` : key));
}

/** Every plain string in a strings object, with its key path. */
function texts(value: unknown, prefix = ""): Array<[string, string]> {
  if (typeof value === "string") return [[prefix, value]];
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, v]) => texts(v, prefix ? `${prefix}.${key}` : key));
}

describe("pane strings", () => {
  it("have the same keys in Danish and English", () => {
    expect(keyPaths(STRINGS.en).sort()).toEqual(keyPaths(STRINGS.da).sort());
  });

  it("have no empty text and are translated, not copied", () => {
    for (const lang of ["da", "en"] as const) {
      expect(texts(STRINGS[lang]).filter(([, text]) => text.trim() === "")).toEqual([]);
    }
    // The buttons and headings a user sees first differ between the languages.
    expect(STRINGS.en.action).not.toEqual(STRINGS.da.action);
    expect(STRINGS.en.subtitle).not.toBe(STRINGS.da.subtitle);
  });

  it("count validation findings with Danish and English plurals, leaving out severities with none", () => {
    expect(STRINGS.da.validated(outcome()).title).toBe("Valideringen fandt 3 fejl, 2 advarsler og 1 oplysning");
    expect(STRINGS.en.validated(outcome()).title).toBe("The validation found 3 errors, 2 warnings and 1 note");
    const oneWarning = outcome(outcome().findings.filter((f) => f.rule === "CON-03"), 1);
    expect(STRINGS.da.validated(oneWarning).title).toBe("Valideringen fandt 1 advarsel");
    expect(STRINGS.da.validated(oneWarning).detail).toBe("1 celle er markeret. Rapporten står i arket Validering.");
    expect(STRINGS.en.validated(outcome([], 0))).toMatchObject({ intent: "success", title: "The validation found no departures from the playbook" });
  });

  it("show a validation that ran as done, never as failed: neutral when it found something to fix, else success", () => {
    const only = (rule: string) => outcome(outcome().findings.filter((f) => f.rule === rule), 1);
    for (const lang of ["da", "en"] as const) {
      expect(STRINGS[lang].validated(outcome()).intent).toBe("info"); // errors, warnings and info
      expect(STRINGS[lang].validated(only("CON-03")).intent).toBe("info"); // one warning
      expect(STRINGS[lang].validated(only("SEAT-06")).intent).toBe("success"); // only information
      expect(STRINGS[lang].validated(outcome([], 0)).intent).toBe("success");
    }
  });

  it("say what generation created, or that there was nothing to change", () => {
    expect(STRINGS.da.generated(GENERATED).title).toBe("3 ark oprettet");
    expect(STRINGS.en.generated({ ...GENERATED, addedColumns: ["Personer: E-mail"], addedRows: 1 }).title).toBe(
      "3 sheets created, 1 column added and 1 row added",
    );
    expect(STRINGS.da.generated({ createdSheets: [], addedColumns: [], addedRows: 0, unchanged: true })).toMatchObject({
      intent: "info",
      title: "Intet at ændre",
    });
  });

  it("tell the user why no timeline was drawn", () => {
    expect(STRINGS.da.timelineDrawn(TIMELINE).detail).toBe("2 kontrakter og 6 milepæle.");
    const empty = STRINGS.da.timelineDrawn({ ...TIMELINE, contracts: 0, chart: false });
    expect(empty.intent).toBe("warning");
    expect(empty.detail).toContain("Udløber");
    expect(empty.detail).toContain("Kontrakter");
  });

  it("count what the findings list shows", () => {
    expect(STRINGS.da.shownCount(12, 12)).toBe("12 fund vises");
    expect(STRINGS.da.shownCount(1, 20)).toBe("1 af 20 fund vises");
    expect(STRINGS.en.shownCount(1, 1)).toBe("1 finding shown");
  });
});
