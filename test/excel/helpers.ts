/** Building fake workbooks for the adapter tests. */
import { fromDateCell, toSerial } from "../../src/playbook/dates";
import type { CellValue, WorkbookSnapshot } from "../../src/playbook/snapshot";
import { DATE_FORMAT } from "../../src/playbook/template";
import { FakeWorkbook } from "./fakes/workbook";

/** A workbook holding a snapshot's sheets as Excel would: dates as serial numbers in date format. */
export function workbookFrom(snapshot: WorkbookSnapshot, extraSheets: string[] = []): FakeWorkbook {
  const workbook = new FakeWorkbook();
  for (const sheet of snapshot.sheets) {
    const fake = workbook.addSheet(sheet.name);
    sheet.rows.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value instanceof Date) {
          fake.mutable(r, c).numberFormat = DATE_FORMAT;
          fake.setValue(r, c, toSerial(fromDateCell(value) as Date));
        } else if (value !== null && value !== "") fake.setValue(r, c, value);
      }),
    );
  }
  for (const name of extraSheets) workbook.addSheet(name);
  return workbook;
}

/** A snapshot's rows as the reader gets them back from Excel: dates as serial numbers. */
export function asExcelReturnsIt(rows: CellValue[][]): CellValue[][] {
  return rows.map((row) => row.map((v) => (v instanceof Date ? toSerial(fromDateCell(v) as Date) : v === "" ? null : v)));
}
