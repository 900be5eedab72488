/**
 * A workbook written by the command line's `init`, opened in Excel, then "Create sheets"
 * in the pane: both generators share the workbook's layout (tables, drop-downs, the long lists'
 * hidden sheet and names, the format version), so the pane finds nothing to add and changes nothing.
 * The .xlsx is loaded into the in-memory fake Excel as Excel would hold it.
 */
import ExcelJS from "exceljs";
import { workbookBytes } from "../../src/cli/xlsx-writer";
import { generateSheets } from "../../src/excel/generate";
import { fromDateCell, toSerial } from "../../src/playbook/dates";
import { isDate } from "../../src/playbook/snapshot";
import { parseA1 } from "../../src/playbook/location";
import { ROLES, type Lang } from "../../src/playbook/vocabulary";
import { FORMATTED_ROWS } from "../../src/playbook/workbook-layout";
import { POINTS_PER_CHARACTER } from "../../src/excel/cells";
import { definedNames, dropDownAt, tablesOf, validationAt } from "../cli/inspect";
import { fakeExcel } from "./fakes/context";
import { FakeWorkbook, parseAddress } from "./fakes/workbook";

async function openInFakeExcel(bytes: Buffer): Promise<FakeWorkbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const workbook = new FakeWorkbook();
  book.eachSheet((ws) => {
    const sheet = workbook.addSheet(ws.name);
    sheet.visibility = ws.state === "veryHidden" ? "VeryHidden" : ws.state === "hidden" ? "Hidden" : "Visible";
    const view = ws.views?.[0];
    sheet.frozenRows = view?.state === "frozen" ? (view.ySplit ?? 0) : 0;
    ws.eachRow({ includeEmpty: false }, (row, r) =>
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        const format = cell.numFmt || ws.getColumn(c).numFmt;
        if (format) sheet.mutable(r - 1, c - 1).numberFormat = format;
        const value = cell.value;
        if (isDate(value)) sheet.setValue(r - 1, c - 1, toSerial(fromDateCell(value) as Date));
        else if (value !== null && value !== undefined && value !== "") sheet.setValue(r - 1, c - 1, value as string | number | boolean);
      }),
    );
    const model = (ws as unknown as { dataValidations: { model: Record<string, { type: string; formulae: string[] }> } }).dataValidations.model;
    for (const [address, rule] of Object.entries(model)) {
      if (rule.type !== "list") continue;
      const at = parseA1(address)!;
      const source = rule.formulae[0].startsWith('"') ? rule.formulae[0].slice(1, -1) : `=${rule.formulae[0]}`;
      sheet.validations.set(`${at.row - 1},${at.column}`, { type: "List", source, alert: null });
    }
    for (const table of ws.getTables()) {
      const t = ((table as unknown as { table?: { name: string; tableRef: string } }).table ?? table) as unknown as { name: string; tableRef: string };
      const area = parseAddress(t.tableRef);
      workbook.tables.push({ name: t.name, sheet, area });
      // A column's own style formats its empty cells too (Excel shows them dd-mm-yyyy): give the
      // table's cells the column's number format where they have none of their own.
      for (let c = area.c0; c <= area.c1; c++) {
        const format = ws.getColumn(c + 1).numFmt;
        if (!format) continue;
        for (let r = area.r0 + 1; r <= area.r1; r++) if (sheet.cell(r, c).numberFormat === "General") sheet.mutable(r, c).numberFormat = format;
      }
    }
  });
  for (const [name, { text, hidden }] of Object.entries(await definedNames(bytes))) {
    workbook.names.set(name.toLowerCase(), { name, formula: `=${text.replace(/&apos;/g, "'")}`, visible: !hidden, comment: "" });
  }
  return workbook;
}

describe.each<Lang>(["da", "en"])("a workbook from `fbs-playbook init --lang %s`, then Generate in Excel", (lang) => {
  it("has everything already: the pane changes nothing", async () => {
    const workbook = await openInFakeExcel(await workbookBytes({ lang }));
    const before = workbook.sheets.map((s) => workbook.fingerprint(s.name));
    const { context } = fakeExcel(workbook);

    const summary = await generateSheets(context, lang);

    expect(summary).toMatchObject({ createdSheets: [], addedColumns: [], addedRows: 0, unchanged: true });
    expect(workbook.sheets.map((s) => workbook.fingerprint(s.name))).toEqual(before);
  });
});

describe("a workbook from `fbs-playbook init` whose role drop-down the user removed", () => {
  it("gets the drop-down back from the same hidden list, offering exactly the fourteen roles", async () => {
    const workbook = await openInFakeExcel(await workbookBytes({ lang: "da" }));
    const people = workbook.requireSheet("Personer");
    const roleColumn = 4; // E: Rolle
    for (const k of [...people.validations.keys()]) if (k.endsWith(`,${roleColumn}`)) people.validations.delete(k);
    const { context } = fakeExcel(workbook);

    await generateSheets(context, "da");

    const source = people.validations.get(`1,${roleColumn}`)?.source ?? "";
    expect(source).toBe("=FBS_LIST_ROLE_DA");
    const reference = workbook.names.get("fbs_list_role_da")?.formula ?? "";
    const m = /^='?([^'!]+)'?!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)$/.exec(reference);
    expect(m).not.toBeNull();
    const lists = workbook.requireSheet(m![1]);
    const column = parseA1(`${m![2]}1`)!.column;
    const offered = [];
    for (let r = Number(m![3]) - 1; r <= Number(m![5]) - 1; r++) offered.push(lists.cell(r, column).value);
    expect(offered).toEqual(ROLES.map((role) => role.da));
  });
});

/**
 * What a user sees of a generated workbook, described the same way whichever program made it:
 * sheets in order (and which are hidden), each sheet's table, headers, frozen rows, pre-filled cells,
 * and per column its width, number format and drop-down (values, alert) at the first and the last
 * formatted row and just below it; per Projekt value cell its format, drop-down and prompt; and the
 * workbook's hidden names.
 */
interface DropDownSeen {
  values: string[];
  style: string;
  title: string;
  message: string;
}

interface SheetSeen {
  name: string;
  table: string;
  frozenRows: number;
  rows: unknown[][];
  columns: Array<{
    width: number;
    format: [string, string];
    dropDown: DropDownSeen | null;
    lastDropDown: string[] | null;
    belowLast: string[] | null;
  }>;
  settings: Array<{ format: string; dropDown: string[] | null; prompt: { title: string; message: string } | null }>;
}

interface WorkbookSeen {
  sheets: SheetSeen[];
  hidden: Array<{ name: string; visibility: string }>;
  names: Record<string, string>;
}

const letter = (c: number) => String.fromCharCode(65 + c);

/** The workbook `init` writes, as exceljs (a reader independent of ours) reads the file. */
async function seenInFile(bytes: Buffer): Promise<WorkbookSeen> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const visible = book.worksheets.filter((ws) => ws.state === "visible");
  const sheets = visible.map((ws): SheetSeen => {
    const [table] = tablesOf(ws);
    const width = table.headers.length;
    const rows: unknown[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      const cells = Array.from({ length: width }, (_, c) => row.getCell(c + 1).value ?? "");
      if (cells.some((v) => v !== "")) rows[r - 1] = cells;
    });
    const format = (address: string, c: number) => ws.getCell(address).numFmt || ws.getColumn(c + 1).numFmt || "General";
    const full = (address: string): DropDownSeen | null => {
      const values = dropDownAt(book, ws, address);
      const v = validationAt(ws, address) as { errorStyle?: string; errorTitle?: string; error?: string } | undefined;
      return values ? { values, style: String(v?.errorStyle).toLowerCase(), title: v?.errorTitle ?? "", message: v?.error ?? "" } : null;
    };
    const isProject = table.name === "tblProjekt";
    return {
      name: ws.name,
      table: table.name,
      frozenRows: ws.views[0]?.state === "frozen" ? (ws.views[0].ySplit ?? 0) : 0,
      rows,
      columns: table.headers.map((_, c) => ({
        width: ws.getColumn(c + 1).width ?? 0,
        format: [format(`${letter(c)}2`, c), format(`${letter(c)}${FORMATTED_ROWS}`, c)],
        dropDown: isProject ? null : full(`${letter(c)}2`),
        lastDropDown: isProject ? null : dropDownAt(book, ws, `${letter(c)}${FORMATTED_ROWS}`),
        belowLast: dropDownAt(book, ws, `${letter(c)}${FORMATTED_ROWS + 1}`),
      })),
      settings: isProject
        ? rows.slice(1).map((_, i) => {
            const v = validationAt(ws, `B${i + 2}`) as { showInputMessage?: boolean; promptTitle?: string; prompt?: string } | undefined;
            return {
              format: ws.getCell(`B${i + 2}`).numFmt || "General",
              dropDown: dropDownAt(book, ws, `B${i + 2}`),
              prompt: v?.showInputMessage ? { title: v.promptTitle ?? "", message: v.prompt ?? "" } : null,
            };
          })
        : [],
    };
  });
  const names = Object.fromEntries(Object.entries(await definedNames(bytes)).filter(([, n]) => n.hidden).map(([name, n]) => [name, n.text.replace(/&apos;/g, "'")]));
  const hidden = book.worksheets.filter((ws) => ws.state !== "visible").map((ws) => ({ name: ws.name, visibility: ws.state.toLowerCase() }));
  return { sheets, hidden, names };
}

/** A workbook the pane's Generate made in (fake) Excel, seen the same way. */
function seenInExcel(workbook: FakeWorkbook): WorkbookSeen {
  const listValues = (source: string): string[] => {
    if (!source.startsWith("=")) return source.split(",");
    const reference = workbook.names.get(source.slice(1).toLowerCase())?.formula ?? "";
    const m = /^='?([^'!]+)'?!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)$/.exec(reference);
    if (!m) throw new Error(`unexpected list reference ${reference}`);
    const column = parseA1(`${m[2]}1`)!.column;
    return Array.from({ length: Number(m[5]) - Number(m[3]) + 1 }, (_, r) => String(workbook.requireSheet(m[1]).cell(Number(m[3]) - 1 + r, column).value));
  };
  const at = (sheet: string, address: string) => {
    const { row, column } = parseA1(address)!;
    return workbook.requireSheet(sheet).validations.get(`${row - 1},${column}`);
  };
  const dropDown = (sheet: string, address: string): string[] | null => {
    const v = at(sheet, address);
    return v && v.type === "List" ? listValues(v.source) : null;
  };
  const sheets = workbook.sheets
    .filter((s) => s.visibility === "Visible")
    .map((s): SheetSeen => {
      const table = workbook.tables.find((t) => t.sheet === s)!;
      const width = table.area.c1 - table.area.c0 + 1;
      const rows: unknown[][] = [];
      workbook.values(s.name).forEach((row, r) => {
        const cells = Array.from({ length: width }, (_, c) => row[c] ?? "");
        if (cells.some((v) => v !== "")) rows[r] = cells;
      });
      const isProject = table.name === "tblProjekt";
      return {
        name: s.name,
        table: table.name,
        frozenRows: s.frozenRows,
        rows,
        columns: Array.from({ length: width }, (_, c) => {
          const first = at(s.name, `${letter(c)}2`);
          const alert = first?.alert as { showAlert: boolean; style: string; title: string; message: string } | undefined;
          const values = dropDown(s.name, `${letter(c)}2`);
          return {
            width: (s.columnWidths.get(c) ?? 0) / POINTS_PER_CHARACTER,
            format: [workbook.cellAt(s.name, `${letter(c)}2`).numberFormat, workbook.cellAt(s.name, `${letter(c)}${FORMATTED_ROWS}`).numberFormat] as [string, string],
            dropDown: isProject || !values ? null : { values, style: alert?.showAlert ? alert.style.toLowerCase() : "none", title: alert?.title ?? "", message: alert?.message ?? "" },
            lastDropDown: isProject ? null : dropDown(s.name, `${letter(c)}${FORMATTED_ROWS}`),
            belowLast: dropDown(s.name, `${letter(c)}${FORMATTED_ROWS + 1}`),
          };
        }),
        settings: isProject
          ? rows.slice(1).map((_, i) => {
              const prompt = at(s.name, `B${i + 2}`)?.prompt as { showPrompt: boolean; title: string; message: string } | undefined;
              return {
                format: workbook.cellAt(s.name, `B${i + 2}`).numberFormat,
                dropDown: dropDown(s.name, `B${i + 2}`),
                prompt: prompt?.showPrompt ? { title: prompt.title, message: prompt.message } : null,
              };
            })
          : [],
      };
    });
  const names = Object.fromEntries([...workbook.names.values()].filter((n) => !n.visible).map((n) => [n.name, n.formula.replace(/^=/, "")]));
  const hidden = workbook.sheets.filter((s) => s.visibility !== "Visible").map((s) => ({ name: s.name, visibility: s.visibility.toLowerCase() }));
  return { sheets, hidden, names };
}

describe.each<Lang>(["da", "en"])("the workbook of `init --lang %s` and of the pane's Generate in an empty workbook", (lang) => {
  it("describe the same sheets, tables, cells, columns, drop-downs with their alerts, formats, widths, prompts and names", async () => {
    const fromInit = await seenInFile(await workbookBytes({ lang }));
    const workbook = new FakeWorkbook();
    await generateSheets(fakeExcel(workbook).context, lang);
    const fromPane = seenInExcel(workbook);

    expect(fromPane).toEqual(fromInit);
    // Not vacuous: the description holds what a user relies on.
    expect(fromInit.sheets).toHaveLength(9);
    const contracts = fromInit.sheets[5];
    expect(contracts.columns[4].format).toEqual(["dd-mm-yyyy", "dd-mm-yyyy"]);
    expect(contracts.columns[2].dropDown?.style).toBe("warning");
    expect(contracts.columns[2].lastDropDown).toHaveLength(3);
    expect(fromInit.sheets[0].settings.filter((s) => s.prompt)).toHaveLength(13);
    expect(fromInit.hidden).toEqual([{ name: "_fbs_lists", visibility: "veryhidden" }]);
  });
});
