/**
 * *Acceptér…* and *Genåbn* (WORKBOOK.md, *Accepterede*): one row of `Accepterede` written or
 * removed, nothing else. Two syncs to read (the sheet names, then the sheet and its table) and one to
 * write. The sheet and its table are created as "Generate sheets" makes them when missing.
 */
import { iso, parseIsoDay, toSerial, type Day } from "../playbook/dates";
import type { Acceptance, Finding } from "../playbook/findings";
import { DATE_FORMAT } from "../playbook/template";
import { ACCEPTED_SHEET, normalizeKey, type Lang, type Text } from "../playbook/vocabulary";
import type { AcceptanceInput } from "../port/pane-actions";
import { TEXT_FORMAT, type OfficeValue } from "./cells";
import { PlaybookExcelError } from "./errors";
import {
  findSheetName,
  layoutOf,
  nextRow,
  queueNewTableSheet,
  queueRowWrite,
  queueTableSheetRead,
  rowsOfRead,
  tableOfRead,
  type RowCell,
} from "./table-sheet";

const t = (da: string, en: string): Text => ({ da, en });

function isProtectionError(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  const code = typeof e?.code === "string" ? e.code.toLowerCase() : "";
  return code === "accessdenied" || code === "notallowed" || (typeof e?.message === "string" && /protect|beskyt/i.test(e.message));
}

function protectedSheet(sheet: string, cause: unknown): PlaybookExcelError {
  return new PlaybookExcelError(
    {
      title: t(`Arket «${sheet}» er beskyttet`, `The sheet «${sheet}» is protected`),
      detail: t(
        `Accepterede fund skrives i arket «${sheet}», men det er beskyttet, så intet blev ændret. Fjern beskyttelsen (Gennemse > Fjern arkbeskyttelse), eller bed den, der har beskyttet det, om at gøre det, og prøv igen.`,
        `Accepted findings are written to the sheet «${sheet}», but it is protected, so nothing was changed. Remove the protection (Review > Unprotect Sheet), or ask whoever protected it, and try again.`,
      ),
    },
    cause,
  );
}

/** Sync; a protected sheet becomes a sentence that names it. */
async function write(context: Excel.RequestContext, sheet: string): Promise<void> {
  try {
    await context.sync();
  } catch (error) {
    if (isProtectionError(error)) throw protectedSheet(sheet, error);
    throw error;
  }
}

interface AcceptedSheetState {
  name: string;
  read: ReturnType<typeof queueTableSheetRead>;
}

/** Two syncs: the names (and the workbook's tables), then `Accepterede` and its table when it is there. */
async function readAcceptedSheet(context: Excel.RequestContext): Promise<{ state: AcceptedSheetState | null; tableNameTaken: boolean }> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  const tables = context.workbook.tables;
  tables.load("items/name");
  await context.sync();
  const tableNameTaken = tables.items.some((x) => x.name.toLowerCase() === (ACCEPTED_SHEET.table as string).toLowerCase());
  const name = findSheetName(
    worksheets.items.map((w) => w.name),
    ACCEPTED_SHEET,
  );
  if (name === null) return { state: null, tableNameTaken };
  // Through the workbook's tables, loaded above: a host may refuse the range of a table that is not there.
  const read = queueTableSheetRead(worksheets.getItem(name), ACCEPTED_SHEET.table, { context, names: tables.items.map((x) => x.name) });
  await context.sync();
  return { state: { name, read }, tableNameTaken };
}

function missingColumns(sheet: string, headers: string[]): PlaybookExcelError {
  const list = headers.map((h) => `«${h}»`).join(", ");
  return new PlaybookExcelError({
    title: t(`Arket «${sheet}» mangler kolonner`, `The sheet «${sheet}» lacks columns`),
    detail: t(
      `Tilføj kolonnerne ${list} i overskriftsrækken i «${sheet}», og prøv igen. Intet blev ændret.`,
      `Add the columns ${list} to the header row of «${sheet}» and try again. Nothing was changed.`,
    ),
  });
}

/** The values of an acceptance row by column key, as written. */
function acceptanceValues(finding: Finding, input: AcceptanceInput, today: Day, until: Day | null): Record<string, { value: OfficeValue; format: string }> {
  const text = (v: string | null | undefined) => ({ value: v ?? "", format: TEXT_FORMAT });
  return {
    rule: text(finding.rule),
    sheet: text(finding.sheet),
    subject: text(finding.subject ?? null),
    column: text(finding.column),
    reason: text(input.reason.trim()),
    acceptedBy: text(input.by),
    date: { value: toSerial(today), format: DATE_FORMAT },
    until: until ? { value: toSerial(until), format: DATE_FORMAT } : { value: "", format: DATE_FORMAT },
  };
}

function badInput(da: string, en: string): PlaybookExcelError {
  return new PlaybookExcelError({ title: t("Acceptén mangler noget", "The acceptance lacks something"), detail: t(da, en) });
}

/**
 * Write one row to `Accepterede` that accepts `finding` (rule, sheet, subject and column), with the
 * reason, who and until when, and today as its date. Creates the sheet and table when missing.
 */
export async function acceptFinding(
  context: Excel.RequestContext,
  finding: Finding,
  input: AcceptanceInput,
  lang: Lang,
  today: Day,
): Promise<Acceptance> {
  if (input.reason.trim() === "") {
    throw badInput("Skriv en begrundelse: hvorfor accepterer projektet fundet? Intet blev ændret.", "Write a reason: why does the project accept the finding? Nothing was changed.");
  }
  const until = input.until ? parseIsoDay(input.until) : null;
  if (input.until && !until) {
    throw badInput(`«${input.until}» er ikke en dato. Skriv datoen som åååå-mm-dd. Intet blev ændret.`, `«${input.until}» is not a date. Write it as yyyy-mm-dd. Nothing was changed.`);
  }
  const values = acceptanceValues(finding, input, today, until);
  const { state, tableNameTaken } = await readAcceptedSheet(context);
  const result = (sheet: string, row: number): Acceptance => ({
    reason: input.reason.trim(),
    by: input.by,
    on: iso(today),
    until: until ? input.until : null,
    sheet,
    row,
  });

  if (state === null) {
    // Dates through the template; text cells after it, as text, so a subject such as "2" stays text.
    const cells = ACCEPTED_SHEET.columns.map((c) => (c.type === "date" && values[c.key].value !== "" ? (values[c.key].value as number) : null));
    const created = queueNewTableSheet(context, ACCEPTED_SHEET, lang, cells, tableNameTaken);
    ACCEPTED_SHEET.columns.forEach((c, i) => {
      const v = values[c.key];
      if (c.type === "date" || v.value === "") return;
      const range = created.worksheet.getRangeByIndexes(1, i, 1, 1);
      range.numberFormat = [[TEXT_FORMAT]];
      range.values = [[v.value]];
    });
    await write(context, created.name);
    return result(created.name, 2);
  }

  const rows = rowsOfRead(state.read);
  const layout = layoutOf(rows, ACCEPTED_SHEET);
  if (!layout) {
    throw missingColumns(
      state.name,
      ACCEPTED_SHEET.columns.filter((c) => c.columnRequired).map((c) => c[lang]),
    );
  }
  const absent = ACCEPTED_SHEET.columns.filter((c) => values[c.key].value !== "" && !layout.columns.has(c.key));
  if (absent.length > 0) throw missingColumns(state.name, absent.map((c) => c[lang]));
  const table = tableOfRead(state.read);
  const place = nextRow(layout, table, rows);
  const cells: RowCell[] = ACCEPTED_SHEET.columns.flatMap((c) => {
    const column = layout.columns.get(c.key);
    return column === undefined ? [] : [{ column, ...values[c.key] }];
  });
  queueRowWrite(
    state.read.worksheet,
    table && place.growTable ? { name: table.name, columns: table.columnCount } : null,
    place,
    cells,
  );
  await write(context, state.name);
  return result(state.name, place.row + 1);
}

function changedRow(sheet: string, row: number): PlaybookExcelError {
  return new PlaybookExcelError({
    title: t("Acceptén er flyttet eller ændret", "The acceptance has moved or changed"),
    detail: t(
      `Række ${row} i «${sheet}» er ikke længere den accept, der blev vist. Intet blev slettet. Kør Validér igen, og prøv så igen.`,
      `Row ${row} of «${sheet}» is no longer the acceptance that was shown. Nothing was deleted. Run Validate again, then try again.`,
    ),
  });
}

/**
 * Remove the row of `Accepterede` that holds `acceptance`: its cells in the sheet's columns move up
 * (the table shrinks), so nothing else in the workbook changes. Refused when the row no longer holds
 * that acceptance's reason (rows sorted or edited since the validation).
 */
export async function reopenAcceptance(context: Excel.RequestContext, acceptance: Acceptance): Promise<void> {
  const { state } = await readAcceptedSheet(context);
  if (state === null || normalizeKey(state.name) !== normalizeKey(acceptance.sheet)) throw changedRow(acceptance.sheet, acceptance.row);
  const rows = rowsOfRead(state.read);
  const layout = layoutOf(rows, ACCEPTED_SHEET);
  const r = acceptance.row - 1;
  const reasonColumn = layout?.columns.get("reason");
  const cell = reasonColumn === undefined ? undefined : rows[r]?.[reasonColumn];
  if (!layout || r <= layout.headerRow || typeof cell !== "string" || cell.trim() !== acceptance.reason.trim()) {
    throw changedRow(state.name, acceptance.row);
  }
  const table = tableOfRead(state.read);
  const inTable = table !== null && r > table.rowIndex && r < table.rowIndex + table.rowCount;
  const left = inTable ? table.columnIndex : Math.min(...layout.columns.values());
  const width = inTable ? table.columnCount : Math.max(...layout.columns.values()) - left + 1;
  const range = state.read.worksheet.getRangeByIndexes(r, left, 1, width);
  // A table keeps at least one body row: its only row is emptied instead.
  if (inTable && table.rowCount <= 2) range.clear("Contents");
  else range.delete("Up");
  await write(context, state.name);
}
