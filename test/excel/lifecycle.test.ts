/**
 * Issue 8 in Excel: accepting a finding (one row of `Accepterede`), reopening it, fixes on one click
 * with undo, and `Historik`. Findings carrying `subject`, `fix` and `accepted` are made by hand here:
 * the engine fills them in elsewhere.
 */
import { render } from "../../src/playbook/render";
import { acceptFinding, reopenAcceptance } from "../../src/excel/accepted";
import { describeOfficeError } from "../../src/excel/errors";
import { applyFixes, undoFixes } from "../../src/excel/fixes";
import { HISTORY_CHART, KEYS_SHEET, compareKeys, historyEntry } from "../../src/excel/history";
import { reportContent } from "../../src/excel/report";
import { validateWorkbook } from "../../src/excel/validate";
import { day, toSerial, type Day } from "../../src/playbook/dates";
import { EXAMPLE_PLAN } from "../../src/playbook/example";
import type { Finding, Fix } from "../../src/playbook/findings";
import { planSnapshot } from "../../src/playbook/template";
import { NULL_REFUSED, forEachHostProfile, type HostProfile } from "./fakes/profiles";
import type { FakeWorkbook } from "./fakes/workbook";
import { LIFECYCLE_STRINGS } from "../../src/taskpane/lifecycle-strings";
import { workbookFrom } from "./helpers";

const TODAY = day(2026, 12, 1) as Day;
const OPTIONS = { lang: "da" as const, today: TODAY, now: new Date(2026, 11, 1, 9, 30) };
const DATA_SHEETS = ["Projekt", "Personer", "Enheder", "Ejerskab", "Kursuspladser", "Kontrakter", "Institutioner", "Driftscenter"];
const ACCEPTED_HEADERS = ["Regel", "Ark", "Emne", "Kolonne", "Begrundelse", "Accepteret af", "Dato", "Gælder til"];

/** The example plan with one misspelt super user: Enheder!C3 says «Maja Fris». */
function plan(): FakeWorkbook {
  const units = (EXAMPLE_PLAN.units ?? []).map((u) => (u.unit === "Filial Nord" ? { ...u, superUser: "Maja Fris" } : u));
  return workbookFrom(planSnapshot({ ...EXAMPLE_PLAN, units }));
}

const finding = (extra: Partial<Finding> = {}): Finding => ({
  rule: "CON-04",
  severity: "warning",
  section: "4.1",
  sheet: "Kontrakter",
  row: 3,
  column: "Udløber",
  cell: "E3",
  messageId: "CON-04/no-extension",
  data: { contract: "Axiell / Bibliotekssystem" },
  subject: "Axiell / Bibliotekssystem",
  fix: null,
  accepted: null,
  ...extra,
});

const RENAME: Fix = {
  label: { da: "Ret «Maja Fris» til «Maja Friis»", en: "Change «Maja Fris» to «Maja Friis»" },
  edits: [{ sheet: "Enheder", cell: "C3", from: "Maja Fris", to: "Maja Friis" }],
};

function fingerprints(workbook: FakeWorkbook, sheets = DATA_SHEETS): Record<string, string> {
  return Object.fromEntries(sheets.map((s) => [s, workbook.fingerprint(s)]));
}

/** Syncs of a validation on `host`: a host that refuses calls on null objects reads the sheet names first (two more). */
const validationSyncs = (host: HostProfile) => (host === NULL_REFUSED ? 4 : 2);

forEachHostProfile((host) => {
  describe("acceptFinding", () => {
    it("creates Accepterede as Generate would and writes exactly one row, touching nothing else", async () => {
      const workbook = plan();
      const before = fingerprints(workbook);
      const sheetsBefore = workbook.sheets.map((s) => s.name);
      const { context } = host.excel(workbook);

      const acceptance = await acceptFinding(context, finding(), { reason: "Styregruppen besluttede 2. nov. ikke at forlænge.", by: "Lise Kjær", until: "2027-03-31" }, "da", TODAY);

      expect(acceptance).toEqual({
        reason: "Styregruppen besluttede 2. nov. ikke at forlænge.",
        by: "Lise Kjær",
        on: "2026-12-01",
        until: "2027-03-31",
        sheet: "Accepterede",
        row: 2,
      });
      expect(workbook.sheets.map((s) => s.name)).toEqual([...sheetsBefore, "Accepterede"]);
      expect(workbook.values("Accepterede")).toEqual([
        ACCEPTED_HEADERS,
        ["CON-04", "Kontrakter", "Axiell / Bibliotekssystem", "Udløber", "Styregruppen besluttede 2. nov. ikke at forlænge.", "Lise Kjær", toSerial(TODAY), toSerial(day(2027, 3, 31) as Day)],
      ]);
      expect(workbook.table("tblAccepterede")?.area).toEqual({ r0: 0, c0: 0, r1: 1, c1: 7 });
      expect(workbook.cellAt("Accepterede", "G2").numberFormat).toBe("dd-mm-yyyy");
      expect(workbook.requireSheet("Accepterede").frozenRows).toBe(1);
      expect(fingerprints(workbook)).toEqual(before);
    });

    it("fills the empty row of a generated table first, then grows the table by one row, leaving the user's column alone", async () => {
      const workbook = plan();
      const sheet = workbook.addSheet("Accepterede", [[...ACCEPTED_HEADERS, "Noter"]]);
      workbook.tables.push({ name: "tblAccepterede", sheet, area: { r0: 0, c0: 0, r1: 1, c1: 8 } });
      sheet.setValue(5, 12, "egen note"); // M6, outside the table

      const first = await acceptFinding(host.excel(workbook).context, finding(), { reason: "Besluttet", by: null, until: null }, "da", TODAY);
      const second = await acceptFinding(
        host.excel(workbook).context,
        finding({ rule: "ORG-12", sheet: "Personer", subject: "Superbruger", column: null, cell: null }),
        { reason: "Bemandes til foråret", by: "Maja Friis", until: null },
        "da",
        TODAY,
      );

      expect([first.row, second.row]).toEqual([2, 3]);
      expect(workbook.table("tblAccepterede")?.area).toEqual({ r0: 0, c0: 0, r1: 2, c1: 8 });
      const rows = workbook.values("Accepterede");
      expect(rows[1].slice(0, 8)).toEqual(["CON-04", "Kontrakter", "Axiell / Bibliotekssystem", "Udløber", "Besluttet", "", toSerial(TODAY), ""]);
      expect(rows[2].slice(0, 8)).toEqual(["ORG-12", "Personer", "Superbruger", "", "Bemandes til foråret", "Maja Friis", toSerial(TODAY), ""]);
      expect(rows[3].slice(0, 9).every((v) => v === "")).toBe(true); // nothing below the new row
      expect(workbook.value("Accepterede", "M6")).toBe("egen note");
    });

    it("keeps a subject that looks like a number as text", async () => {
      const workbook = plan();
      await acceptFinding(host.excel(workbook).context, finding({ subject: "2" }), { reason: "OK", by: null, until: null }, "da", TODAY);
      expect(workbook.value("Accepterede", "C2")).toBe("2");
    });

    it("keeps a reason that starts with «=» as text, on every host", async () => {
      const workbook = plan();
      await acceptFinding(host.excel(workbook).context, finding(), { reason: "=aftalt i styregruppen", by: null, until: null }, "da", TODAY);
      expect(workbook.value("Accepterede", "E2")).toBe("=aftalt i styregruppen");
      expect(workbook.cellAt("Accepterede", "E2").formula).toBeNull();
    });

    it("says so and changes nothing when Accepterede is protected", async () => {
      const workbook = plan();
      const sheet = workbook.addSheet("Accepterede", [ACCEPTED_HEADERS]);
      sheet.protected = true;
      const before = fingerprints(workbook, [...DATA_SHEETS, "Accepterede"]);

      const error = await acceptFinding(host.excel(workbook).context, finding(), { reason: "Besluttet", by: null, until: null }, "da", TODAY).catch((e: unknown) => e);

      expect(describeOfficeError(error, "da").title).toBe("Arket «Accepterede» er beskyttet");
      expect(describeOfficeError(error, "en").detail).toMatch(/nothing was changed/);
      expect(fingerprints(workbook, [...DATA_SHEETS, "Accepterede"])).toEqual(before);
    });

    it("refuses an empty reason, a date that is not one, and an Accepterede without its columns, writing nothing", async () => {
      const workbook = plan();
      const before = workbook.sheets.length;
      const empty = await acceptFinding(host.excel(workbook).context, finding(), { reason: "  ", by: null, until: null }, "da", TODAY).catch((e: unknown) => e);
      const date = await acceptFinding(host.excel(workbook).context, finding(), { reason: "x", by: null, until: "31-03-2027x" }, "da", TODAY).catch((e: unknown) => e);
      expect(describeOfficeError(empty, "da").detail).toMatch(/^Skriv en begrundelse/);
      expect(describeOfficeError(date, "da").detail).toMatch(/ikke en dato/);
      expect(workbook.sheets).toHaveLength(before);

      workbook.addSheet("Accepterede", [["Regel", "Noget andet"]]);
      const snapshot = workbook.fingerprint("Accepterede");
      const columns = await acceptFinding(host.excel(workbook).context, finding(), { reason: "x", by: null, until: null }, "da", TODAY).catch((e: unknown) => e);
      expect(describeOfficeError(columns, "da").detail).toMatch(/Tilføj kolonnerne «Regel», «Begrundelse»/);
      expect(workbook.fingerprint("Accepterede")).toBe(snapshot);
    });
  });

  describe("reopenAcceptance", () => {
    it("removes the row, moving the rows below up inside the table, and nothing else", async () => {
      const workbook = plan();
      const a = await acceptFinding(host.excel(workbook).context, finding(), { reason: "Første", by: null, until: null }, "da", TODAY);
      await acceptFinding(host.excel(workbook).context, finding({ rule: "ORG-12" }), { reason: "Anden", by: null, until: null }, "da", TODAY);
      const before = fingerprints(workbook);

      await reopenAcceptance(host.excel(workbook).context, a);

      expect(workbook.values("Accepterede").map((r) => r[4])).toEqual(["Begrundelse", "Anden"]);
      expect(workbook.table("tblAccepterede")?.area).toEqual({ r0: 0, c0: 0, r1: 1, c1: 7 });
      expect(fingerprints(workbook)).toEqual(before);
    });

    it("empties the only row of the table (a table keeps one body row)", async () => {
      const workbook = plan();
      const a = await acceptFinding(host.excel(workbook).context, finding(), { reason: "Eneste", by: null, until: null }, "da", TODAY);
      await reopenAcceptance(host.excel(workbook).context, a);
      expect(workbook.values("Accepterede")).toEqual([ACCEPTED_HEADERS]);
      expect(workbook.table("tblAccepterede")?.area).toEqual({ r0: 0, c0: 0, r1: 1, c1: 7 });
    });

    it("refuses, deleting nothing, when the row no longer holds the acceptance", async () => {
      const workbook = plan();
      const a = await acceptFinding(host.excel(workbook).context, finding(), { reason: "Første", by: null, until: null }, "da", TODAY);
      workbook.requireSheet("Accepterede").setValue(1, 4, "Ændret af en bruger");
      const before = workbook.fingerprint("Accepterede");

      const error = await reopenAcceptance(host.excel(workbook).context, a).catch((e: unknown) => e);

      expect(describeOfficeError(error, "da").title).toBe("Acceptén er flyttet eller ændret");
      expect(workbook.fingerprint("Accepterede")).toBe(before);
    });
  });

  describe("applyFixes", () => {
    it("writes only the cells the fix names, in one write sync after one read, then validates (two more)", async () => {
      const workbook = plan();
      await validateWorkbook(host.excel(workbook).context, OPTIONS);
      const before = fingerprints(workbook);
      const { context, fake } = host.excel(workbook);

      const result = await applyFixes(context, [RENAME], OPTIONS);

      expect(result.applied).toBe(true);
      expect(fake.syncs).toBe(2 + validationSyncs(host));
      expect(workbook.value("Enheder", "C3")).toBe("Maja Friis");
      const after = fingerprints(workbook);
      for (const sheet of DATA_SHEETS.filter((s) => s !== "Enheder")) expect(after[sheet]).toBe(before[sheet]);
      // On Enheder, only C3's value changed.
      const enheder = JSON.parse(before.Enheder.replace('"Maja Fris"', '"Maja Friis"'));
      expect(JSON.parse(after.Enheder)).toEqual(enheder);
    });

    it("changes nothing when the user changed the cell since validation, says which, and validates again", async () => {
      const workbook = plan();
      await validateWorkbook(host.excel(workbook).context, OPTIONS);
      workbook.requireSheet("Enheder").setValue(2, 2, "Maja F.");
      await validateWorkbook(host.excel(workbook).context, OPTIONS);
      const before = fingerprints(workbook);
      const { context, fake } = host.excel(workbook);

      const result = await applyFixes(context, [RENAME], OPTIONS);

      expect(result).toMatchObject({ applied: false, stale: [{ sheet: "Enheder", cell: "C3", expected: "Maja Fris", found: "Maja F." }] });
      expect(result.outcome.reportSheet).toBe("Validering");
      expect(fake.syncs).toBe(1 + validationSyncs(host));
      expect(fingerprints(workbook)).toEqual(before);
    });

    it("refuses all edits of a batch when one cell's sheet is gone (Ret alle), the workbook untouched", async () => {
      const workbook = plan();
      await validateWorkbook(host.excel(workbook).context, OPTIONS);
      const before = fingerprints(workbook);
      const gone: Fix = { label: RENAME.label, edits: [{ sheet: "Enheder (gammel)", cell: "C4", from: "Maja Fris", to: "Maja Friis" }] };

      const result = await applyFixes(host.excel(workbook).context, [RENAME, gone], OPTIONS);

      expect(result).toMatchObject({ applied: false, stale: [{ sheet: "Enheder (gammel)", cell: "C4", found: null }] });
      expect(fingerprints(workbook)).toEqual(before);
    });

    it("refuses a fix whose sheet was renamed since validation, with a sentence, the workbook untouched", async () => {
      const workbook = plan();
      await validateWorkbook(host.excel(workbook).context, OPTIONS);
      workbook.requireSheet("Enheder").name = "Afdelinger";
      const sheets = ["Afdelinger", ...DATA_SHEETS.filter((s) => s !== "Enheder")];
      const before = fingerprints(workbook, sheets);

      const result = await applyFixes(host.excel(workbook).context, [RENAME], OPTIONS);

      expect(result).toMatchObject({ applied: false, stale: [{ sheet: "Enheder", cell: "C3", expected: "Maja Fris", found: null }] });
      if (result.applied) throw new Error("expected the fix to be refused");
      expect(LIFECYCLE_STRINGS.da.stale(result.stale)).toBe("Intet er rettet: Enheder!C3 findes ikke længere. Planen er valideret igen.");
      expect(fingerprints(workbook, sheets)).toEqual(before);
    });

    it("writes nothing on either sheet when the second sheet of a fix is protected, and names it", async () => {
      const workbook = plan();
      await validateWorkbook(host.excel(workbook).context, OPTIONS);
      const name = workbook.value("Personer", "A2") as string;
      const other: Fix = { label: RENAME.label, edits: [{ sheet: "Personer", cell: "A2", from: name, to: `${name}sen` }] };
      workbook.requireSheet("Personer").protected = true;
      const before = fingerprints(workbook, [...DATA_SHEETS, "Validering", "Historik"]);
      const { context, fake } = host.excel(workbook);

      // «Ret alle»: two fixes, on Enheder (not protected) and on Personer (protected).
      const error = await applyFixes(context, [RENAME, other], OPTIONS).catch((e: unknown) => e);

      expect(fingerprints(workbook, [...DATA_SHEETS, "Validering", "Historik"])).toEqual(before);
      expect(fake.syncs).toBe(1); // the read: nothing written, nothing to validate again
      expect(describeOfficeError(error, "da")).toEqual({
        title: "Arket «Personer» er beskyttet",
        detail: "Arket «Personer» er beskyttet, så rettelsen blev ikke skrevet, heller ikke i de andre ark, den retter i. Fjern beskyttelsen (Gennemse > Fjern arkbeskyttelse), og prøv igen.",
      });
      expect(describeOfficeError(error, "en").detail).toMatch(/^The sheet «Personer» is protected, so the fix was not written, nor to the other sheets it changes\. Remove the protection/);
    });

    it("refuses an undo, writing nothing, when a sheet it touches was protected after the fix", async () => {
      const workbook = plan();
      const result = await applyFixes(host.excel(workbook).context, [RENAME], OPTIONS);
      if (!result.applied) throw new Error("expected the fix to apply");
      workbook.requireSheet("Enheder").protected = true;
      const before = workbook.fingerprint("Enheder");

      const error = await undoFixes(host.excel(workbook).context, result.undo, OPTIONS).catch((e: unknown) => e);

      expect(describeOfficeError(error, "da").detail).toMatch(/^Arket «Enheder» er beskyttet, så rettelsen blev ikke fortrudt\./);
      expect(workbook.fingerprint("Enheder")).toBe(before);
      workbook.requireSheet("Enheder").protected = false;
      expect((await undoFixes(host.excel(workbook).context, result.undo, OPTIONS)).undone).toBe(true);
      expect(workbook.value("Enheder", "C3")).toBe("Maja Fris");
    });

    it("writes a value that starts with «=» as text, and undo puts the cell back exactly as it was", async () => {
      const workbook = plan();
      await validateWorkbook(host.excel(workbook).context, OPTIONS);
      const before = workbook.fingerprint("Enheder");
      const formula: Fix = { label: RENAME.label, edits: [{ sheet: "Enheder", cell: "C3", from: "Maja Fris", to: "=Maja Friis" }] };

      const result = await applyFixes(host.excel(workbook).context, [formula], OPTIONS);
      if (!result.applied) throw new Error("expected the fix to apply");
      expect(workbook.value("Enheder", "C3")).toBe("=Maja Friis");
      expect(workbook.cellAt("Enheder", "C3")).toMatchObject({ formula: null, error: null, numberFormat: "@" });
      expect(result.undo.formats).toEqual([{ sheet: "Enheder", cell: "C3", numberFormat: "General" }]);

      expect((await undoFixes(host.excel(workbook).context, result.undo, OPTIONS)).undone).toBe(true);
      expect(workbook.fingerprint("Enheder")).toBe(before);
    });

    it("leaves the number format of a cell alone when the new value is a plain word", async () => {
      const workbook = plan();
      const result = await applyFixes(host.excel(workbook).context, [RENAME], OPTIONS);
      if (!result.applied) throw new Error("expected the fix to apply");
      expect(workbook.cellAt("Enheder", "C3").numberFormat).toBe("General");
      expect(result.undo.formats).toBeUndefined();
    });

    it("undo writes the old value back; a second undo after the user typed over it is refused", async () => {
      const workbook = plan();
      const result = await applyFixes(host.excel(workbook).context, [RENAME], OPTIONS);
      if (!result.applied) throw new Error("expected the fix to apply");

      const undone = await undoFixes(host.excel(workbook).context, result.undo, OPTIONS);
      expect(undone.undone).toBe(true);
      expect(workbook.value("Enheder", "C3")).toBe("Maja Fris");

      const again = await applyFixes(host.excel(workbook).context, [RENAME], OPTIONS);
      if (!again.applied) throw new Error("expected the fix to apply");
      workbook.requireSheet("Enheder").setValue(2, 2, "Karin Dahl");
      const refused = await undoFixes(host.excel(workbook).context, again.undo, OPTIONS);
      expect(refused).toMatchObject({ undone: false, stale: [{ cell: "C3", expected: "Maja Friis", found: "Karin Dahl" }] });
      expect(workbook.value("Enheder", "C3")).toBe("Karin Dahl");
    });

    it("appends a row under the sheet's headers, and undo removes it", async () => {
      const workbook = plan();
      const rowsBefore = workbook.values("Ejerskab");
      const append: Fix = {
        label: { da: "Tilføj OWN-8", en: "Add OWN-8" },
        edits: [{ sheet: "Ejerskab", append: { Nøgle: "OWN-9", Ansvar: "Et nyt ansvar" } }],
      };

      const result = await applyFixes(host.excel(workbook).context, [append], OPTIONS);
      if (!result.applied) throw new Error("expected the fix to apply");
      const rows = workbook.values("Ejerskab");
      expect(rows).toHaveLength(rowsBefore.length + 1);
      expect(rows[rows.length - 1].slice(0, 2)).toEqual(["OWN-9", "Et nyt ansvar"]);

      await undoFixes(host.excel(workbook).context, result.undo, OPTIONS);
      expect(workbook.values("Ejerskab")).toEqual(rowsBefore);
    });

    it("refuses an append to a sheet whose headers are gone", async () => {
      const workbook = plan();
      await validateWorkbook(host.excel(workbook).context, OPTIONS);
      const before = workbook.fingerprint("Ejerskab");
      const append: Fix = { label: { da: "x", en: "x" }, edits: [{ sheet: "Ejerskab", append: { Nøglen: "OWN-9" } }] };
      const result = await applyFixes(host.excel(workbook).context, [append], OPTIONS);
      expect(result).toMatchObject({ applied: false, stale: [{ sheet: "Ejerskab", cell: null }] });
      expect(workbook.fingerprint("Ejerskab")).toBe(before);
    });
  });

  describe("Historik", () => {
    it("appends one row per validation in the validation's two syncs, and keeps one chart over the rows", async () => {
      const workbook = plan();
      const first = host.excel(workbook);
      const one = await validateWorkbook(first.context, OPTIONS);
      expect(first.fake.syncs).toBe(validationSyncs(host));
      expect(one.since).toBeNull();

      // The user fixes the misspelt name by hand; the next validation has one finding fewer.
      workbook.requireSheet("Enheder").setValue(2, 2, "Maja Friis");
      const second = host.excel(workbook);
      const two = await validateWorkbook(second.context, { ...OPTIONS, now: new Date(2026, 11, 8, 14, 0) });
      expect(second.fake.syncs).toBe(validationSyncs(host));

      const rows = workbook.values("Historik");
      expect(rows[0]).toEqual(["Tidspunkt", "Fejl", "Advarsler", "Info", "Accepterede", "Nye", "Løste"]);
      expect(rows).toHaveLength(3);
      expect(rows[1].slice(1, 5)).toEqual([one.summary.error, one.summary.warning, one.summary.info, 0]);
      expect(rows[1].slice(5)).toEqual(["", ""]);
      expect(rows[2].slice(1, 7)).toEqual([two.summary.error, two.summary.warning, two.summary.info, 0, 0, 1]);
      expect(two.since).toEqual({ new: 0, resolved: 1 });
      expect(rows[2][0]).toBeCloseTo(toSerial(day(2026, 12, 8) as Day) + 14 / 24, 6);
      expect(workbook.cellAt("Historik", "A3").numberFormat).toBe("dd-mm-yyyy hh:mm");
      expect(workbook.table("tblHistorik")?.area).toEqual({ r0: 0, c0: 0, r1: 2, c1: 6 });

      const charts = workbook.requireSheet("Historik").charts;
      expect(charts).toHaveLength(1);
      expect(charts[0]).toMatchObject({ name: HISTORY_CHART, type: "Line" });
      expect(charts[0].series.map((s) => [s.name, s.values])).toEqual([
        ["Fejl", [one.summary.error, two.summary.error]],
        ["Advarsler", [one.summary.warning, two.summary.warning]],
      ]);
      expect(workbook.requireSheet(KEYS_SHEET).visibility).toBe("VeryHidden");
    });

    it("skips the row, chart and keys of a protected Historik, writes the rest in the same syncs, and the next row still compares with the last one recorded", async () => {
      const workbook = plan();
      await validateWorkbook(host.excel(workbook).context, OPTIONS);
      workbook.requireSheet("Historik").protected = true;
      const history = [workbook.fingerprint("Historik"), workbook.fingerprint(KEYS_SHEET)];
      const report = workbook.values("Validering").length;

      workbook.requireSheet("Enheder").setValue(2, 2, "Maja Friis");
      const { context, fake } = host.excel(workbook);
      const skipped = await validateWorkbook(context, { ...OPTIONS, now: new Date(2026, 11, 8, 14, 0) });

      expect(fake.syncs).toBe(validationSyncs(host));
      expect(skipped.notWritten).toEqual([{ part: "history", sheet: "Historik" }]);
      expect(skipped.since).toEqual({ new: 0, resolved: 1 });
      expect([workbook.fingerprint("Historik"), workbook.fingerprint(KEYS_SHEET)]).toEqual(history);
      expect(workbook.values("Validering")).toHaveLength(report - 1); // the report is written all the same
      expect(LIFECYCLE_STRINGS.da.notWritten(skipped.notWritten ?? [])).toEqual([
        expect.stringMatching(/^Arket «Historik» er beskyttet, så denne validering blev ikke skrevet i historikken\./),
      ]);

      workbook.requireSheet("Historik").protected = false;
      const next = await validateWorkbook(host.excel(workbook).context, { ...OPTIONS, now: new Date(2026, 11, 15, 9, 0) });
      expect(next.notWritten).toBeUndefined();
      expect(next.since).toEqual({ new: 0, resolved: 1 }); // against the first validation, the last one recorded
      expect(workbook.values("Historik")).toHaveLength(3);
      expect(workbook.requireSheet("Historik").charts).toHaveLength(1);
    });

    it("leaves a protected data sheet without highlights on first validation, and names it", async () => {
      const workbook = plan();
      workbook.requireSheet("Enheder").protected = true;
      const before = workbook.fingerprint("Enheder");

      const outcome = await validateWorkbook(host.excel(workbook).context, OPTIONS);

      expect(outcome.notWritten).toEqual([{ part: "highlights", sheet: "Enheder" }]);
      expect(workbook.fingerprint("Enheder")).toBe(before);
      expect(workbook.requireSheet("Kontrakter").conditionalFormats).toHaveLength(3);
      expect(workbook.values("Historik")).toHaveLength(2);
      expect(LIFECYCLE_STRINGS.en.notWritten(outcome.notWritten ?? [])[0]).toMatch(/^The sheet «Enheder» is protected, so its findings are not highlighted there/);
    });

    it("gives the plan's people, each once, for the Accepteret af drop-down", async () => {
      const workbook = plan();
      const outcome = await validateWorkbook(host.excel(workbook).context, OPTIONS);
      expect(outcome.people).toContain("Maja Friis");
      expect(new Set(outcome.people).size).toBe(outcome.people?.length);
    });

  });
});

describe("Historik counts", () => {
  it("counts accepted findings apart from the open ones", () => {
    const accepted = { reason: "Besluttet", by: null, on: null, until: null, sheet: "Accepterede", row: 2 };
    const entry = historyEntry([finding(), finding({ severity: "error", accepted }), finding({ severity: "info" })], null);
    expect(entry).toEqual({ open: { error: 0, warning: 1, info: 1, accepted: 1 }, accepted: 1, since: null });
  });

  it("compares by rule, sheet and subject, as multisets", () => {
    expect(compareKeys(["A|s|x", "A|s|x", "B|s|"], ["A|s|x", "C|s|y"])).toEqual({ new: 1, resolved: 2 });
    expect(compareKeys([], [])).toEqual({ new: 0, resolved: 0 });
  });
});

describe("the Validering report", () => {
  it("counts open findings in its title and lists accepted ones last, apart, with their reasons", () => {
    const accepted = { reason: "Styregruppen forlænger ikke", by: null, on: null, until: null, sheet: "Accepterede", row: 2 };
    const findings = [finding({ severity: "error", accepted }), finding({ rule: "ORG-12" })];
    const content = reportContent(findings, { error: 0, warning: 1, info: 0, accepted: 1 }, "da", TODAY, () => true);
    expect(content.title).toBe("Validering af FBS-planen 01-12-2026: 0 fejl · 1 advarsel · 0 info · 1 accepterede");
    expect(content.rows.map((r) => [r.lead[0], r.lead[1], r.severity, r.tail[1]])).toEqual([
      ["ORG-12", "Advarsel", "warning", render(findings[1], { lang: "da", surface: "pane" }).hint],
      ["CON-04", "Fejl (accepteret)", null, "Accepteret: Styregruppen forlænger ikke"],
    ]);
  });
});
