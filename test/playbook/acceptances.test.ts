/** Accepted findings (RULES.md, *Accepted findings*; WORKBOOK.md, *Accepterede*) and DATA-07/08. */
import { validateSnapshot, type ValidateOptions } from "../../src/playbook/engine";
import { EXAMPLE_PLAN, EXAMPLE_WORKBOOK } from "../../src/playbook/example";
import type { Finding } from "../../src/playbook/findings";
import type { CellValue, WorkbookSnapshot } from "../../src/playbook/snapshot";
import { planSnapshot } from "../../src/playbook/template";
import type { Lang } from "../../src/playbook/vocabulary";
import { TODAY } from "./plan-fixtures";

const HEADERS_DA = ["Regel", "Ark", "Emne", "Kolonne", "Begrundelse", "Accepteret af", "Dato", "Gælder til"];
const HEADERS_EN = ["Rule", "Sheet", "Subject", "Column", "Reason", "Accepted by", "Date", "Until"];
const utc = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
const REASON = "Styregruppen besluttede 02-11-2026 ikke at forlænge";
const PLAN = EXAMPLE_PLAN;

/** The example plan (in `lang`) with an Accepterede sheet of these rows. */
function withAcceptances(rows: CellValue[][], lang: Lang = "da", headers = HEADERS_DA, sheetName = "Accepterede"): WorkbookSnapshot {
  const snapshot = planSnapshot(PLAN, lang);
  return { sheets: [...snapshot.sheets, { name: sheetName, rows: [headers, ...rows] }] };
}

function run(snapshot: WorkbookSnapshot, options: ValidateOptions = {}) {
  return validateSnapshot(snapshot, { today: TODAY, ...options });
}

const one = (findings: Finding[], rule: string): Finding => {
  const found = findings.filter((f) => f.rule === rule);
  expect(found).toHaveLength(1);
  return found[0];
};

describe("a row of Accepterede accepts the findings it matches", () => {
  test("by rule, sheet and subject: that finding is accepted with the row's reason, the others on the same row stay open", () => {
    const { findings } = run(withAcceptances([["CON-04", "Kontrakter", "Axiell / DDElibra", null, REASON, "Mette Holm", utc("2026-11-02"), null]]));
    expect(one(findings, "CON-04").accepted).toEqual({ reason: REASON, by: "Mette Holm", on: "2026-11-02", until: null, sheet: "Accepterede", row: 2 });
    expect(one(findings, "CON-03").accepted ?? null).toBeNull();
    expect(findings.filter((f) => f.rule === "DATA-08")).toEqual([]);
  });

  test("subject and sheet match case-, space- and language-insensitively (a Danish row in an English workbook)", () => {
    const { findings } = run(withAcceptances([["con-04", " kontrakter ", "AXIELL/ddelibra", null, REASON]], "en", HEADERS_EN, "Accepted"));
    expect(one(findings, "CON-04").accepted).toMatchObject({ reason: REASON, sheet: "Accepted" });
  });

  test("a fixed value in the subject matches in Danish or English: a role, a sector", () => {
    const { findings } = run(
      withAcceptances([
        ["SEAT-01", "Training seats", "system administrator / JENS MADSEN", null, "Ekstra plads er bevilget"],
        ["ORG-03", "People", "Municipal IT", null, "IT deltager fra foråret"],
      ]),
    );
    expect(one(findings, "SEAT-01").accepted?.row).toBe(2);
    expect(one(findings, "ORG-03").accepted?.row).toBe(3);
  });

  test("an empty subject accepts every finding of the rule on that sheet, and none on another sheet", () => {
    const { findings } = run(withAcceptances([["CON-04", "Kontrakter", null, null, REASON], ["DATA-03", "Personer", null, null, "x"]]));
    expect(one(findings, "CON-04").accepted?.row).toBe(2);
    expect(one(findings, "DATA-03").accepted ?? null).toBeNull(); // DATA-03 is on Institutioner
    expect(one(findings, "DATA-08")).toMatchObject({ sheet: "Accepterede", row: 3 });
  });

  test("a column narrows it: the right header (either language, unit ignored) accepts, another header does not", () => {
    const right = run(withAcceptances([["CON-04", "Kontrakter", "Axiell / DDElibra", "Extension option", REASON]])).findings;
    expect(one(right, "CON-04").accepted?.row).toBe(2);
    const wrong = run(withAcceptances([["CON-04", "Kontrakter", "Axiell / DDElibra", "Udløber", REASON]])).findings;
    expect(one(wrong, "CON-04").accepted ?? null).toBeNull();
    expect(one(wrong, "DATA-08").messageId).toBe("DATA-08/matches-nothing");
  });

  test("Gælder til holds through that day and lapses after it (DATA-08)", () => {
    const row = (until: string): CellValue[] => ["CON-04", "Kontrakter", "Axiell / DDElibra", null, REASON, null, null, utc(until)];
    const holding = run(withAcceptances([row("2026-12-01")])).findings;
    expect(one(holding, "CON-04").accepted?.until).toBe("2026-12-01");
    const lapsed = run(withAcceptances([row("2026-11-30")])).findings;
    expect(one(lapsed, "CON-04").accepted ?? null).toBeNull();
    expect(one(lapsed, "DATA-08")).toMatchObject({ messageId: "DATA-08/lapsed", severity: "info", sheet: "Accepterede", row: 2, data: { until: "2026-11-30" } });
  });

  test("a row that matches nothing (the problem is gone) is DATA-08 at that row", () => {
    const { findings } = run(withAcceptances([["CON-04", "Kontrakter", "Axiell / Gammelt system", null, REASON]]));
    expect(one(findings, "DATA-08")).toMatchObject({ messageId: "DATA-08/matches-nothing", row: 3 - 1, cell: null, data: { rule: "CON-04" } });
  });

  test("DATA-07: an empty or unknown Regel at the Regel cell, an empty Begrundelse at the Begrundelse cell; such rows accept nothing", () => {
    const { findings } = run(
      withAcceptances([
        [null, "Kontrakter", "Axiell / DDElibra", null, REASON],
        ["CON-99", "Kontrakter", "Axiell / DDElibra", null, REASON],
        ["CON-04", "Kontrakter", "Axiell / DDElibra", null, null],
      ]),
    );
    const data07 = findings.filter((f) => f.rule === "DATA-07");
    expect(data07.map((f) => [f.messageId, f.cell, f.severity])).toEqual([
      ["DATA-07/no-rule", "A2", "warning"],
      ["DATA-07/unknown-rule", "A3", "warning"],
      ["DATA-07/no-reason", "E4", "warning"],
    ]);
    expect(one(findings, "CON-04").accepted ?? null).toBeNull();
    expect(findings.filter((f) => f.rule === "DATA-08")).toEqual([]);
  });

  test("DATA-07 and DATA-08 cannot be accepted", () => {
    const { findings } = run(
      withAcceptances([
        ["CON-04", "Kontrakter", "Axiell / Gammelt system", null, REASON], // DATA-08
        [null, null, null, null, REASON], // DATA-07
        ["DATA-08", "Accepterede", null, null, "vi ved det"],
        ["DATA-07", "Accepterede", null, null, "vi ved det"],
      ]),
    );
    expect(findings.filter((f) => f.rule.startsWith("DATA-0") && f.sheet === "Accepterede" && f.accepted)).toEqual([]);
    expect(findings.filter((f) => f.rule === "DATA-08").map((f) => f.row)).toEqual([2, 4, 5]);
    expect(one(findings, "DATA-07").row).toBe(3);
  });

  test("summary counts open findings per severity and the accepted apart", () => {
    const before = run(withAcceptances([])).summary;
    const after = run(withAcceptances([["CON-04", "Kontrakter", null, null, REASON], ["CON-03", "Kontrakter", null, null, REASON]])).summary;
    const con03 = run(withAcceptances([])).findings.filter((f) => f.rule === "CON-03")[0].severity;
    expect(after.accepted).toBe(2);
    expect(before.accepted).toBe(0);
    expect(after.error + after.warning + after.info).toBe(before.error + before.warning + before.info - 2);
    expect(after[con03]).toBeLessThan(before[con03]);
  });

  test("--pick: a row for a rule that did not run is not 'matching nothing'", () => {
    const { findings } = run(withAcceptances([["CON-04", "Kontrakter", null, null, REASON]]), { pick: ["ORG", "DATA"] });
    expect(findings.filter((f) => f.rule === "DATA-08")).toEqual([]);
  });

  test("ignoreAccepted reports everything as open, with no DATA-07/08", () => {
    const { findings, summary } = run(withAcceptances([["CON-04", "Kontrakter", null, null, REASON], [null, null, null, null, null, "x"]]), { ignoreAccepted: true });
    expect(findings.filter((f) => f.accepted)).toEqual([]);
    expect(findings.filter((f) => f.rule === "DATA-07" || f.rule === "DATA-08")).toEqual([]);
    expect(summary.accepted).toBe(0);
  });

  test("junk in every cell and ten thousand rows: findings, no crash", () => {
    const junk: CellValue[] = [{ error: "#REF!" }, true, 42, utc("2027-01-01"), { error: "#N/A" }, false, "not a date", { error: "#VALUE!" }];
    const many: CellValue[][] = Array.from({ length: 10_000 }, (_, i) => ["CON-04", "Kontrakter", `Leverandør ${i}`, null, REASON]);
    const { findings } = run(withAcceptances([junk, junk.slice().reverse(), ...many]));
    expect(findings.filter((f) => f.rule === "DATA-07").length).toBeGreaterThan(0);
    expect(findings.filter((f) => f.rule === "DATA-08")).toHaveLength(10_000);
  });

  test("a sheet without the Begrundelse column: DATA-02 names the column, each row is DATA-07, and nothing is accepted", () => {
    const snapshot = planSnapshot(PLAN, "da");
    const { findings, summary } = run({ sheets: [...snapshot.sheets, { name: "Accepterede", rows: [["Regel", "Ark", "Emne", "Kolonne"], ["CON-04", "Kontrakter", "", ""]] }] });
    expect(findings.filter((f) => f.rule === "DATA-02" && f.sheet === "Accepterede").map((f) => f.data.column)).toEqual(["reason"]);
    expect(one(findings, "DATA-07")).toMatchObject({ messageId: "DATA-07/no-reason", sheet: "Accepterede", row: 2 });
    expect(one(findings, "CON-04").accepted ?? null).toBeNull();
    expect(summary.accepted).toBe(0);
  });

  test("one row with an empty subject accepts every one of a thousand findings of its rule; rows naming subjects accept theirs", () => {
    const contracts = Array.from({ length: 1000 }, (_, i) => ({ ...(PLAN.contracts ?? [])[0], vendor: `Leverandør ${i}` }));
    const snapshot = planSnapshot({ ...PLAN, contracts }, "da");
    const open = validateSnapshot(snapshot, { today: TODAY }).findings;
    const con04 = open.filter((f) => f.rule === "CON-04");
    const con03 = open.filter((f) => f.rule === "CON-03");
    expect([con04.length, con03.length]).toEqual([1000, 1000]);
    // Every CON-04 by one row; CON-03 by subject, one row each for the first 500 contracts.
    const rows: CellValue[][] = [["CON-04", "Kontrakter", null, null, REASON], ...con03.slice(0, 500).map((f) => ["CON-03", "Kontrakter", f.subject, null, `Besluttet for ${f.subject}`])];
    const { findings, summary } = run({ sheets: [...snapshot.sheets, { name: "Accepterede", rows: [HEADERS_DA, ...rows] }] });
    expect(findings.filter((f) => f.rule === "CON-04").every((f) => f.accepted?.reason === REASON && f.accepted.row === 2)).toBe(true);
    const accepted03 = findings.filter((f) => f.rule === "CON-03" && f.accepted);
    expect(accepted03).toHaveLength(500);
    expect(accepted03.every((f) => f.accepted?.reason === `Besluttet for ${f.subject}`)).toBe(true);
    expect(summary.accepted).toBe(1500);
    expect(findings.some((f) => f.rule === "DATA-07" || f.rule === "DATA-08")).toBe(false);
  });

  test("the sheet is optional: without it nothing is accepted and there is no DATA-07/08", () => {
    const { findings, summary } = run(planSnapshot(PLAN, "da"));
    expect(summary.accepted).toBe(0);
    expect(findings.some((f) => f.rule === "DATA-07" || f.rule === "DATA-08" || f.accepted)).toBe(false);
  });
});

test("the sample plan (init --example) accepts CON-04 on the contract the steering group decided not to extend, in both languages", () => {
  for (const lang of ["da", "en"] as const) {
    const { findings, summary } = run(planSnapshot(EXAMPLE_WORKBOOK, lang));
    expect(one(findings, "CON-04").accepted).toMatchObject({ by: "Mette Holm", on: "2026-11-02", row: 2, sheet: lang === "da" ? "Accepterede" : "Accepted" });
    expect(summary.accepted).toBe(1);
    expect(findings.some((f) => f.rule === "DATA-07" || f.rule === "DATA-08")).toBe(false);
  }
});
