/** Taking the user to a finding: activate its sheet and select its cell. One sync. */

/**
 * Activate `sheet` and select `cell` (an A1 address), or the first cell of the sheet's used range
 * when `cell` is null. Does nothing when `sheet` is null (a finding about the workbook as a whole).
 * A sheet or cell that no longer exists fails with Excel's ItemNotFound / InvalidArgument, which
 * `describeOfficeError` words for the user.
 */
export async function goToCell(context: Excel.RequestContext, sheet: string | null, cell: string | null): Promise<void> {
  if (sheet === null) return;
  const worksheet = context.workbook.worksheets.getItem(sheet);
  worksheet.activate();
  // getUsedRange returns A1 for a blank sheet, so this never fails on an empty sheet.
  const target = cell ? worksheet.getRange(cell) : worksheet.getUsedRange(true).getCell(0, 0);
  target.select();
  await context.sync();
}
