/**
 * Any value in any cell: the engine never throws, and every finding it makes is complete. Random
 * workbooks (fast-check) put strings (huge ones too), numbers (NaN, ±Infinity, negative), booleans,
 * dates (invalid ones too), formula errors, empties and impossible text dates such as 31-02-2027 in
 * every column of every sheet, under Danish or English names, with columns in any order. The
 * command line's output (text, JSON, timeline) is built from the result too.
 */
import fc from "fast-check";
import { validationJson } from "../../src/cli/format-json";
import { formatFileReport, formatTimelineText } from "../../src/cli/format-text";
import { makeStyle } from "../../src/cli/style";
import { ALL_RULES, validateSnapshot } from "../../src/playbook/engine";
import { render } from "../../src/playbook/render";
import { ERROR_LITERALS, type CellValue, type SheetSnapshot, type WorkbookSnapshot } from "../../src/playbook/snapshot";
import { buildTimeline } from "../../src/playbook/timeline";
import { DATA_SHEETS, ENUMS, OWNERSHIP_RESPONSIBILITIES, SETTINGS, YES_NO, type SheetSpec } from "../../src/playbook/vocabulary";

const NAMES = ["Mette Holm", "mette  holm", "Jens Madsen", "NN", "TBD", "Maja Fris", ""];
const VOCABULARY = [
  ...Object.values(ENUMS).flatMap((list) => list.flatMap((v) => [v.da, v.en])),
  ...[YES_NO.yes, YES_NO.no].flatMap((t) => [t.da, t.en]),
  "x",
  "J",
  "TRUE",
  ...OWNERSHIP_RESPONSIBILITIES.map((r) => r.key),
  ...NAMES,
];

const textDate = fc.oneof(
  fc.constantFrom("31-02-2027", "29-02-2027", "29-02-2028", "00-00-0000", "2027-13-01", "32.01.2027", "1/1/1", "99/99/9999", "2027-02-30"),
  fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 14 }), fc.integer({ min: 0, max: 10000 })).map(
    ([d, m, y]) => `${String(d).padStart(2, "0")}-${String(m).padStart(2, "0")}-${y}`,
  ),
  fc.date({ min: new Date(1899, 0, 1), max: new Date(2100, 0, 1), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
);

const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 3, arbitrary: fc.constantFrom(...VOCABULARY) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 10 }).map((s) => s.repeat(300)) },
  { weight: 2, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.constantFrom(Number.NaN, Infinity, -Infinity, -1, 0, 0.5, 7.5, 37.5, 1e308, 2958466, 60, 61) },
  { weight: 2, arbitrary: fc.integer({ min: -100000, max: 3000000 }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 2, arbitrary: fc.date({ min: new Date(-8.64e15), max: new Date(8.64e15) }) },
  { weight: 1, arbitrary: fc.constant(new Date(Number.NaN)) },
  { weight: 1, arbitrary: fc.constantFrom(...ERROR_LITERALS).map((error) => ({ error })) },
  { weight: 2, arbitrary: textDate },
  { weight: 1, arbitrary: fc.constantFrom("7,5", "7.5", "1.000,5", "-3", "+4", " 12 ", "3 måneder", "∞") },
);

/** A sheet of a data sheet spec: maybe renamed to English, columns shuffled and thinned, rows random. */
function sheetOf(spec: SheetSpec): fc.Arbitrary<SheetSnapshot> {
  const columns = spec.columns.map((c) => fc.record({ header: fc.constantFrom(c.da, c.en, c.da.toUpperCase(), ` ${c.en} `), keep: fc.boolean() }));
  return fc
    .record({
      name: fc.constantFrom(spec.da, spec.en, spec.da.toLowerCase()),
      headers: fc.tuple(...columns).chain((cs) => fc.shuffledSubarray([...cs.filter((c) => c.keep).map((c) => c.header), "Noter"], { minLength: 0 })),
      rows: fc.array(fc.array(cellValue, { maxLength: spec.columns.length + 2 }), { maxLength: 8 }),
      blankTop: fc.nat({ max: 2 }),
    })
    .map(({ name, headers, rows, blankTop }) => ({
      name,
      rows: [...Array.from({ length: blankTop }, () => [] as CellValue[]), headers, ...rows],
    }));
}

/** Projekt: key/value rows for a random subset of the settings, each with a random value. */
const projectSheet: fc.Arbitrary<SheetSnapshot> = fc
  .record({
    name: fc.constantFrom("Projekt", "Project"),
    rows: fc.array(fc.tuple(fc.constantFrom(...SETTINGS.flatMap((s) => [s.da, s.en]), "Min egen nøgle"), cellValue), { maxLength: 16 }),
  })
  .map(({ name, rows }) => ({ name, rows: [["Felt", "Værdi"], ...rows.map(([k, v]) => [k, v] as CellValue[])] }));

const workbook: fc.Arbitrary<WorkbookSnapshot> = fc
  .tuple(fc.option(projectSheet, { nil: undefined }), ...DATA_SHEETS.slice(1).map((spec) => fc.option(sheetOf(spec), { freq: 4, nil: undefined })))
  .map((sheets) => ({ sheets: sheets.filter((s): s is SheetSnapshot => s !== undefined) }));

/** Excel's longest cell (32,767 characters) in every cell of every sheet. */
const EXCEL_MAX_CELL = "Å".repeat(32_767);
const longestCells: WorkbookSnapshot = {
  sheets: DATA_SHEETS.map((spec) => ({
    name: spec.da,
    rows: [spec.columns.map((c) => c.da), ...Array.from({ length: 3 }, () => spec.columns.map(() => EXCEL_MAX_CELL))],
  })),
};

const RULE_IDS = new Set(ALL_RULES.map((r) => r.id));
const nonEmpty = (s: unknown) => typeof s === "string" && s.trim() !== "";

/** A finding's values are what CLI.md promises: names, ISO dates, numbers, lists of names. */
const plainValue = (v: unknown) =>
  v === null || typeof v === "string" || typeof v === "boolean" || (typeof v === "number" && Number.isFinite(v)) || (Array.isArray(v) && v.every((x) => typeof x === "string"));

it("never throws, and every finding has a known rule id and message id, a severity, a place, plain values, a subject, and message and hint in Danish and English for the pane and the command line", () => {
  fc.assert(
    fc.property(workbook, fc.date({ min: new Date(2020, 0, 1), max: new Date(2035, 0, 1), noInvalidDate: true }), (snapshot, now) => {
      const today = new Date(now.getFullYear(), now.getMonth(), now.getDate());
      const result = validateSnapshot(snapshot, { today });
      for (const f of result.findings) {
        expect(RULE_IDS.has(f.rule)).toBe(true);
        expect(["error", "warning", "info"]).toContain(f.severity);
        expect(f.messageId.startsWith(`${f.rule}/`)).toBe(true);
        expect(Object.values(f.data).every(plainValue)).toBe(true);
        expect(f.subject === null || nonEmpty(f.subject)).toBe(true);
        for (const surface of ["pane", "cli"] as const) {
          for (const lang of ["da", "en"] as const) {
            const { message, hint } = render(f, { lang, surface });
            expect([f.messageId, nonEmpty(message), nonEmpty(hint)]).toEqual([f.messageId, true, true]);
            // What the program wrote (the user's own values taken out) holds no broken value or markup.
            const typed = Object.values(f.data).flatMap((v) => (typeof v === "string" ? [v] : Array.isArray(v) ? v : []));
            const own = typed.reduce((text, v) => (v ? text.split(v).join("") : text), `${message} ${hint}`);
            expect(own).not.toMatch(/NaN|undefined|\[object|`/);
            // Danish says ibrugtagning; the pane never sends the user to the command line.
            if (lang === "da") expect(own).not.toMatch(/go-live/i);
            if (surface === "pane") expect(own).not.toMatch(/fbs-playbook/);
          }
        }
        expect(f.row === null || (Number.isInteger(f.row) && f.row >= 1)).toBe(true);
        expect(f.cell === null || /^[A-Z]{1,3}[1-9]\d*$/.test(f.cell)).toBe(true);
      }
      expect(result.summary.error + result.summary.warning + result.summary.info).toBe(result.findings.length);

      // What the command line makes of it does not throw either.
      const report = { file: "plan.xlsx", today, municipality: null, findings: result.findings, summary: result.summary, rulesRun: 1, rulesTotal: 1 };
      expect(formatFileReport(report, "da", makeStyle(true))).toContain("plan.xlsx");
      JSON.stringify(validationJson(report, "en"));
      formatTimelineText("plan.xlsx", buildTimeline(result.plan), today, "en", makeStyle(false));
    }),
    { numRuns: 200, examples: [[longestCells, new Date(2026, 11, 1)]] },
  );
});
