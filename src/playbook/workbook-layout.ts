/**
 * The generated planning workbook, described once (WORKBOOK.md): which sheets, in which order, each as
 * a table with its headers, widths, number formats, drop-downs with their alert texts, the frozen
 * header row, the prompts on the Projekt values, the pre-filled rows (Projekt settings with their
 * defaults, the eight Ejerskab responsibilities) and the hidden sheet of long lists (lists.ts).
 *
 * Pure. Two appliers read it and add nothing of their own to what a user sees in the cells: the
 * command line's `init` (src/cli/xlsx-writer.ts, exceljs) and the pane's "Generate sheets"
 * (src/excel/generate-plan.ts + generate.ts, Office.js), so a workbook made by one is what the
 * other would make. Presentation a spreadsheet program draws differently (the header's colours, the
 * print setup) stays with its applier.
 */
import { LISTS_SHEET, LONG_LISTS, longListOf, type LongList } from "./lists";
import { DATE_FORMAT, workbookTemplate, yesNoList, type PlanData, type TemplateRow } from "./template";
import {
  ACCEPTED_SHEET,
  DATA_SHEETS,
  HISTORY_SHEET,
  SETTINGS,
  YES_NO,
  type ColumnType,
  type Lang,
  type SettingKey,
  type SettingSpec,
  type SheetKey,
  type SheetSpec,
  type Text,
} from "./vocabulary";

/** Drop-downs and number formats reach at least this sheet row (1-based), so rows users add get them too. */
export const FORMATTED_ROWS = 500;

/** Below the last row of data, at least this many rows get the drop-downs and formats too. */
export const OPEN_ROWS_BELOW_DATA = 100;

/** The last sheet row (1-based) that gets a sheet's drop-downs and number formats. */
export function formattedThrough(lastDataRow: number): number {
  return Math.max(FORMATTED_ROWS, lastDataRow + OPEN_ROWS_BELOW_DATA);
}

/** The number format of Historik's time stamps. */
export const DATE_TIME_FORMAT = "dd-mm-yyyy hh:mm";

/** Excel cuts an input message's title at 32 characters and its text at 255. */
export const MAX_PROMPT_TITLE = 32;
export const MAX_PROMPT_MESSAGE = 255;

/** The message Excel shows when a typed value is not in a drop-down's list (a warning: the user may keep it). */
export interface DropDownAlert {
  title: string;
  message: string;
}

const VALUE_NOT_IN_LIST: Record<Lang, DropDownAlert> = {
  da: {
    title: "Værdi uden for listen",
    message: "Vælg en værdi fra listen. Valideringen kender kun listens værdier (på dansk eller engelsk); andre værdier bliver meldt som fejl.",
  },
  en: {
    title: "Value not in the list",
    message: "Choose a value from the list. Validation knows only the list's values (in Danish or English); other values are reported as errors.",
  },
};

const SHEET_NOT_IN_LIST: Record<Lang, DropDownAlert> = {
  da: {
    title: "Ark uden for listen",
    message: "Vælg et af planens ark fra listen, eller lad cellen stå tom for et fund om hele projektmappen.",
  },
  en: {
    title: "Sheet not in the list",
    message: "Choose one of the plan's sheets from the list, or leave the cell empty for a finding about the whole workbook.",
  },
};

export interface DropDown {
  /** The values offered, in the workbook's language. */
  list: string[];
  alert: DropDownAlert;
}

/** The message Excel shows beside a selected cell. */
export interface Prompt {
  title: string;
  message: string;
}

export interface ColumnLayout {
  key: string;
  header: string;
  type: ColumnType;
  /** In characters of the default font; wide enough that no word of the header breaks. */
  width: number;
  /** Excel number format of the column's cells, or null (General). */
  numberFormat: string | null;
  dropDown: DropDown | null;
}

/** A Projekt value cell: how the value of one setting is typed, offered and explained. */
export interface SettingCellLayout {
  key: SettingKey;
  numberFormat: string | null;
  dropDown: DropDown | null;
  prompt: Prompt;
}

export interface SheetLayout {
  key: SheetKey;
  spec: SheetSpec;
  /** The sheet's name in the workbook's language. */
  name: string;
  /** The Excel table (ListObject) holding the sheet's data. */
  table: string;
  columns: ColumnLayout[];
  /** The rows written below the header: settings with their defaults, OWN rows, or a plan's data. */
  rows: TemplateRow[];
  /** Header rows kept in view. */
  frozenRows: number;
  /** The last sheet row (1-based) that gets the columns' drop-downs and number formats. */
  formattedThrough: number;
  /** Projekt: the value cell (column B) of each setting row, in row order; empty on other sheets. */
  settingCells: SettingCellLayout[];
}

export interface WorkbookLayout {
  /** The visible sheets `init` and "Generate sheets" create, in workbook order. */
  sheets: SheetLayout[];
  /** The very hidden sheet of lists too long for a drop-down rule, when a drop-down uses one. */
  lists: { sheet: string; lists: ReadonlyArray<LongList> } | null;
}

/** The sheets `init` and "Generate sheets" create: the data sheets, then Accepterede. */
export const GENERATED_SHEETS: ReadonlyArray<SheetSpec> = [...DATA_SHEETS, ACCEPTED_SHEET];

export function dropDownAlert(lang: Lang): DropDownAlert {
  return VALUE_NOT_IN_LIST[lang];
}

/** The column's width: its spec's width, widened so that no word of its header is broken across lines. */
export function readableWidth(minimum: number, header: string): number {
  return Math.max(minimum, ...header.split(/\s+/).map((word) => word.length + 2));
}

const SETTING_PROMPT: Record<SettingSpec["type"], Text> = {
  date: { da: "En dato, dd-mm-åååå", en: "A date, dd-mm-yyyy" },
  number: { da: "Et tal", en: "A number" },
  text: { da: "Tekst", en: "Text" },
  yesno: { da: `${YES_NO.yes.da} eller ${YES_NO.no.da}`, en: `${YES_NO.yes.en} or ${YES_NO.no.en}` },
};
const REQUIRED: Text = { da: "skal udfyldes", en: "required" };

/** The value cell of a setting: date format, yes/no drop-down, and a prompt saying what to type. */
export function settingCell(spec: SettingSpec, lang: Lang): SettingCellLayout {
  const message = `${SETTING_PROMPT[spec.type][lang]}${spec.required ? ` (${REQUIRED[lang]})` : ""}`;
  return {
    key: spec.key,
    numberFormat: spec.type === "date" ? DATE_FORMAT : null,
    dropDown: spec.type === "yesno" ? { list: yesNoList(lang), alert: dropDownAlert(lang) } : null,
    prompt: { title: spec[lang].slice(0, MAX_PROMPT_TITLE), message: message.slice(0, MAX_PROMPT_MESSAGE) },
  };
}

function settingSpec(key: SettingKey): SettingSpec {
  return SETTINGS.find((s) => s.key === key) as SettingSpec;
}

function columnLayout(sheet: SheetSpec, column: SheetSpec["columns"][number], list: string[] | null, lang: Lang): ColumnLayout {
  const header = column[lang];
  let dropDown: DropDown | null = list ? { list, alert: dropDownAlert(lang) } : null;
  // Accepterede's `Ark` names one of the plan's sheets: offer them (a warning only, like every list).
  if (sheet.key === "accepted" && column.key === "sheet") dropDown = { list: DATA_SHEETS.map((s) => s[lang]), alert: SHEET_NOT_IN_LIST[lang] };
  return {
    key: column.key,
    header,
    type: column.type,
    width: readableWidth(column.width, header),
    numberFormat: column.type === "date" ? (sheet.key === "history" ? DATE_TIME_FORMAT : DATE_FORMAT) : null,
    dropDown,
  };
}

function sheetLayout(spec: SheetSpec, rows: TemplateRow[], lists: ReadonlyArray<string[] | null>, lang: Lang): SheetLayout {
  return {
    key: spec.key,
    spec,
    name: spec[lang],
    table: spec.table as string,
    // Projekt is a key/value table: its cells are typed per row (settingCells), not per column.
    columns: spec.columns.map((c, i) => columnLayout(spec, c, spec.key === "project" ? null : lists[i], lang)),
    rows,
    frozenRows: 1,
    formattedThrough: formattedThrough(rows.length + 1),
    settingCells: spec.key === "project" ? rows.map((r) => settingCell(settingSpec(r.setting as SettingKey), lang)) : [],
  };
}

/**
 * The workbook `init` writes and "Generate sheets" completes: empty (Projekt settings with their
 * defaults, the eight OWN rows), or holding a plan's data (the example plan, tests).
 */
export function workbookLayout(lang: Lang, data: PlanData = {}): WorkbookLayout {
  const sheets = workbookTemplate(lang, data, GENERATED_SHEETS).map((t) =>
    sheetLayout(
      t.spec,
      t.rows,
      t.columns.map((c) => c.list),
      lang,
    ),
  );
  const usesLongList = sheets.some((s) => s.columns.some((c) => c.dropDown && longListOf(c.dropDown.list)));
  return { sheets, lists: usesLongList ? { sheet: LISTS_SHEET, lists: LONG_LISTS } : null };
}

/**
 * Historik, as the add-in creates it on the first validation made in Excel (the rows are the
 * validations; neither `init` nor "Generate sheets" writes this sheet).
 */
export function historyLayout(lang: Lang): SheetLayout {
  const [template] = workbookTemplate(lang, {}, [HISTORY_SHEET]);
  return sheetLayout(
    HISTORY_SHEET,
    template.rows,
    template.columns.map(() => null),
    lang,
  );
}
