/**
 * A workbook written by the command line's `init`, opened in Excel, then "Generate/update sheets"
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
import { definedNames } from "../cli/inspect";
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
