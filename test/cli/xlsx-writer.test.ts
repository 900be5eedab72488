/** `init`: the planning workbook the command line writes, and reading it back. */
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type ExcelJS from "exceljs";
import { WorkbookWriteError } from "../../src/cli/errors";
import { readXlsx } from "../../src/cli/xlsx-reader";
import { FORMATTED_ROWS, FORMAT_VERSION_NAME, workbookBytes, writeWorkbookFile } from "../../src/cli/xlsx-writer";
import { parseIsoDay, type Day } from "../../src/playbook/dates";
import { validateSnapshot } from "../../src/playbook/engine";
import { CORRECT_PLAN, EXAMPLE_PLAN } from "../../src/playbook/example";
import type { Finding } from "../../src/playbook/findings";
import { render } from "../../src/playbook/render";
import { planSnapshot } from "../../src/playbook/template";
import { ACCEPTED_SHEET, DATA_SHEETS, ENUMS, OWNERSHIP_RESPONSIBILITIES, SETTINGS, WORKBOOK_FORMAT_VERSION, YES_NO, type Lang } from "../../src/playbook/vocabulary";
import { tempFolder } from "./helpers";
import { definedNames, dropDownAt, loadWorkbook, tablesOf, validationAt } from "./inspect";

const TODAY = parseIsoDay("2026-12-01") as Day;
const LANGS: Lang[] = ["da", "en"];
/** The sheets init writes: the data sheets, then Accepterede. */
const GENERATED = [...DATA_SHEETS, ACCEPTED_SHEET];

describe.each(LANGS)("the empty workbook init writes (--lang %s)", (lang) => {
  let bytes: Buffer;
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    bytes = await workbookBytes({ lang });
    wb = await loadWorkbook(bytes);
  });
  const sheet = (name: string) => {
    const ws = wb.getWorksheet(name);
    if (!ws) throw new Error(`sheet ${name} is missing`);
    return ws;
  };

  it("holds every data sheet of WORKBOOK.md and Accepterede, in order, as an Excel table with its table name and headers", () => {
    const visible = wb.worksheets.filter((ws) => ws.state === "visible").map((ws) => ws.name);
    expect(visible).toEqual(GENERATED.map((s) => s[lang]));
    for (const spec of GENERATED) {
      const tables = tablesOf(sheet(spec[lang]));
      expect(tables.map((t) => t.name)).toEqual([spec.table]);
      expect(tables[0].headers).toEqual(spec.columns.map((c) => c[lang]));
      expect(tables[0].ref.startsWith("A1:")).toBe(true);
    }
  });

  it("offers a drop-down with the fixed values on every list column, from row 2 to row 500", () => {
    for (const spec of DATA_SHEETS) {
      const ws = sheet(spec[lang]);
      spec.columns.forEach((column, i) => {
        const letter = String.fromCharCode(65 + i);
        const expected =
          column.type === "yesno"
            ? [YES_NO.yes[lang], YES_NO.no[lang]]
            : column.type === "enum" && column.enum
              ? ENUMS[column.enum].map((v) => v[lang])
              : null;
        for (const row of [2, 37, FORMATTED_ROWS]) {
          expect([`${spec[lang]}!${letter}${row}`, dropDownAt(wb, ws, `${letter}${row}`)]).toEqual([`${spec[lang]}!${letter}${row}`, expected]);
        }
        expect(validationAt(ws, `${letter}${FORMATTED_ROWS + 1}`)).toBeUndefined();
      });
    }
  });

  it("offers the fourteen roles, a list too long for Excel's inline limit, from a hidden sheet", () => {
    const people = sheet(DATA_SHEETS[1][lang]);
    const roleColumn = String.fromCharCode(65 + DATA_SHEETS[1].columns.findIndex((c) => c.key === "role"));
    expect(dropDownAt(wb, people, `${roleColumn}2`)).toHaveLength(14);
    expect(validationAt(people, `${roleColumn}2`)?.formulae[0]).not.toMatch(/^"/);
    const lists = wb.worksheets.filter((ws) => ws.state !== "visible");
    expect(lists.map((ws) => ws.state)).toEqual(["veryHidden"]);
  });

  it("offers the plan's sheets under Accepterede's Ark, and free input under Regel", () => {
    const accepted = sheet(ACCEPTED_SHEET[lang]);
    for (const row of [2, FORMATTED_ROWS]) expect(dropDownAt(wb, accepted, `B${row}`)).toEqual(DATA_SHEETS.map((s) => s[lang]));
    expect(validationAt(accepted, "B2")?.errorStyle).toBe("warning");
    expect(dropDownAt(wb, accepted, "A2")).toBeNull();
  });

  it("formats date columns dd-mm-yyyy, also on rows the user has not typed yet", () => {
    for (const spec of GENERATED) {
      const ws = sheet(spec[lang]);
      spec.columns.forEach((column, i) => {
        const format = column.type === "date" ? "dd-mm-yyyy" : undefined;
        expect([spec[lang], column[lang], ws.getColumn(i + 1).numFmt ?? undefined]).toEqual([spec[lang], column[lang], format]);
      });
    }
  });

  it("freezes the header row and gives every column a readable width: no header word broken", () => {
    for (const spec of GENERATED) {
      const ws = sheet(spec[lang]);
      expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
      spec.columns.forEach((column, i) => {
        const width = ws.getColumn(i + 1).width ?? 0;
        expect(width).toBeGreaterThanOrEqual(column.width);
        for (const word of column[lang].split(" ")) expect([column[lang], width >= word.length + 2]).toEqual([column[lang], true]);
      });
    }
  });

  it("fills in the Projekt keys with their defaults, typed value cells, and the eight ownership rows", () => {
    const project = sheet(DATA_SHEETS[0][lang]);
    SETTINGS.forEach((setting, i) => {
      const row = i + 2;
      expect(project.getCell(row, 1).value).toBe(setting[lang]);
      const defaultValue = typeof setting.default === "boolean" ? (setting.default ? YES_NO.yes[lang] : YES_NO.no[lang]) : setting.default;
      expect([setting.key, project.getCell(row, 2).value]).toEqual([setting.key, defaultValue]);
      expect([setting.key, dropDownAt(wb, project, `B${row}`)]).toEqual([setting.key, setting.type === "yesno" ? [YES_NO.yes[lang], YES_NO.no[lang]] : null]);
      if (setting.type === "date") expect(project.getCell(row, 2).numFmt).toBe("dd-mm-yyyy");
    });
    const ownership = sheet(DATA_SHEETS[3][lang]);
    expect(OWNERSHIP_RESPONSIBILITIES.map((_, i) => [ownership.getCell(i + 2, 1).value, ownership.getCell(i + 2, 2).value])).toEqual(
      OWNERSHIP_RESPONSIBILITIES.map((r) => [r.key, r[lang]]),
    );
  });

  it("records the workbook format version as the hidden name FBS_FORMAT_VERSION", async () => {
    expect((await definedNames(bytes))[FORMAT_VERSION_NAME]).toEqual({ text: String(WORKBOOK_FORMAT_VERSION), hidden: true });
  });

  it("reads back cleanly: no missing sheet or column and no bad cell, only the two settings still to fill in", async () => {
    const { findings } = validateSnapshot((await readXlsx(bytes)).snapshot, { today: TODAY, pick: ["DATA"] });
    expect(findings.map((f) => `${f.rule} ${f.cell}`)).toEqual(["DATA-06 B2", "DATA-06 B3"]);
  });
});

describe("a filled-in plan written by init and read back", () => {
  it.each(LANGS)("the correct plan (--lang %s) has no error and no warning", async (lang) => {
    const { summary, findings } = validateSnapshot((await readXlsx(await workbookBytes({ lang, data: CORRECT_PLAN }))).snapshot, {
      today: TODAY,
    });
    expect(findings.filter((f) => f.severity !== "info")).toEqual([]);
    expect(summary.error + summary.warning).toBe(0);
  });

  it.each(LANGS)("the example plan (--lang %s) gives the same findings, at the same cells, as the plan itself", async (lang) => {
    const describe = (f: Finding) => `${f.rule} ${f.severity} ${f.sheet}!${f.cell} ${render(f, { lang: "da", surface: "cli" }).message}`;
    const fromFile = validateSnapshot((await readXlsx(await workbookBytes({ lang, data: EXAMPLE_PLAN }))).snapshot, { today: TODAY });
    const fromPlan = validateSnapshot(planSnapshot(EXAMPLE_PLAN, lang), { today: TODAY });
    expect(fromFile.findings.map(describe)).toEqual(fromPlan.findings.map(describe));
    expect(fromFile.summary.error).toBeGreaterThan(0);
  });
});

describe("writing the file", () => {
  const folder = tempFolder();
  afterAll(folder.cleanup);

  async function writeError(file: string, force = false): Promise<WorkbookWriteError> {
    try {
      await writeWorkbookFile(file, { lang: "da", force });
    } catch (error) {
      if (error instanceof WorkbookWriteError) return error;
      throw error;
    }
    throw new Error(`${file} was written`);
  }

  it("never overwrites an existing file without force, and does with it", async () => {
    const file = join(folder.dir, "plan.xlsx");
    writeFileSync(file, "brugerens egne data");
    const error = await writeError(file);
    expect(error.reason).toBe("exists");
    expect(error.describe("da")).toContain("--force");
    expect(readFileSync(file, "utf8")).toBe("brugerens egne data");

    await writeWorkbookFile(file, { lang: "da", force: true });
    expect((await readXlsx(file)).snapshot.sheets[0].name).toBe("Projekt");
  });

  it("refuses a name without .xlsx and a folder that does not exist, writing nothing", async () => {
    expect((await writeError(join(folder.dir, "plan.xls"))).reason).toBe("not-xlsx");
    expect((await writeError(join(folder.dir, "findes-ikke", "plan.xlsx"))).reason).toBe("no-folder");
    expect(existsSync(join(folder.dir, "plan.xls"))).toBe(false);
    expect(existsSync(join(folder.dir, "findes-ikke"))).toBe(false);
  });

  it("writes a file of a sensible size", async () => {
    const file = join(folder.dir, "eksempel.xlsx");
    await writeWorkbookFile(file, { lang: "da", data: EXAMPLE_PLAN });
    expect(statSync(file).size).toBeLessThan(200_000);
  });
});
