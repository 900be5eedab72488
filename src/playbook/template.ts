/**
 * The planning workbook as data: what generation writes (the command line's `init`, the pane's
 * "Generate sheets"), in Danish or English. Pure; the writers in src/cli and src/excel apply it.
 */
import { toUtcDate, type Day } from "./dates";
import { isDate, type CellValue, type WorkbookSnapshot } from "./snapshot";
import {
  ACCEPTED_SHEET,
  DATA_SHEETS,
  ENUMS,
  OWNERSHIP_RESPONSIBILITIES,
  SETTINGS,
  YES_NO,
  type ColumnSpec,
  type ColumnType,
  type Lang,
  type SettingKey,
  type SettingSpec,
  type SheetKey,
  type SheetSpec,
  type Text,
} from "./vocabulary";

/** The number format of date cells in generated sheets. */
export const DATE_FORMAT = "dd-mm-yyyy";

export interface TemplateColumn {
  key: string;
  header: string;
  width: number;
  type: ColumnType;
  /** Drop-down values, in the workbook's language; null when the column takes free input. */
  list: string[] | null;
  /** Excel number format (dates), or null. */
  numberFormat: string | null;
}

export interface TemplateRow {
  cells: CellValue[];
  /** For Projekt rows: the type of the value cell, so writers can format it and offer a drop-down. */
  valueType?: SettingSpec["type"];
  /** For Projekt rows: the setting the row holds (writers match settings by key, never by label). */
  setting?: SettingKey;
}

export interface TemplateSheet {
  key: SheetKey;
  spec: SheetSpec;
  name: string;
  table: string;
  columns: TemplateColumn[];
  rows: TemplateRow[];
}

export function dropDownList(column: ColumnSpec, lang: Lang): string[] | null {
  if (column.type === "yesno") return [YES_NO.yes[lang], YES_NO.no[lang]];
  if (column.type === "enum" && column.enum) return ENUMS[column.enum].map((v) => v[lang]);
  return null;
}

export function yesNoList(lang: Lang): string[] {
  return [YES_NO.yes[lang], YES_NO.no[lang]];
}

export function templateColumns(spec: SheetSpec, lang: Lang): TemplateColumn[] {
  return spec.columns.map((c) => ({
    key: c.key,
    header: c[lang],
    width: c.width,
    type: c.type,
    list: dropDownList(c, lang),
    numberFormat: c.type === "date" ? DATE_FORMAT : null,
  }));
}

/** A value in a plan record: enum values by key (`"projectOwner"`), yes/no as booleans, dates as days. */
export type RecordValue = string | number | boolean | Date | null | undefined;
export type PlanRecord = Record<string, RecordValue>;

/** Plan content by sheet, for the example plan and for tests. */
export interface PlanData {
  settings?: Partial<Record<SettingKey, RecordValue>>;
  people?: PlanRecord[];
  units?: PlanRecord[];
  /** Rows of Ejerskab; when absent, the eight OWN rows with no owner. */
  ownership?: PlanRecord[];
  seats?: PlanRecord[];
  contracts?: PlanRecord[];
  institutions?: PlanRecord[];
  operationsCentre?: PlanRecord[];
  /** Rows of `Accepterede`; the sheet is written only when there are some (the sample plan). */
  accepted?: AcceptedRecord[];
}

/** A row of `Accepterede` in a sample plan: the sheet by its key, the reason in both languages. */
export interface AcceptedRecord {
  rule: string;
  sheet: SheetKey | null;
  subject: string | null;
  column?: string | null;
  reason: Text;
  by: string | null;
  on: Day | null;
  until?: Day | null;
}

function acceptedRows(records: ReadonlyArray<AcceptedRecord>, lang: Lang): TemplateRow[] {
  return records.map((r) => {
    const sheet = r.sheet === null ? null : (DATA_SHEETS.find((s) => s.key === r.sheet)?.[lang] ?? null);
    const byKey: Record<string, CellValue> = {
      rule: r.rule,
      sheet,
      subject: r.subject,
      column: r.column ?? null,
      reason: r.reason[lang],
      acceptedBy: r.by,
      date: r.on ? toUtcDate(r.on) : null,
      until: r.until ? toUtcDate(r.until) : null,
    };
    return { cells: ACCEPTED_SHEET.columns.map((c) => byKey[c.key] ?? null) };
  });
}

function renderValue(value: RecordValue, type: ColumnType | SettingSpec["type"], column: ColumnSpec | null, lang: Lang): CellValue {
  if (value === undefined || value === null) return null;
  if (isDate(value)) return toUtcDate(value as Day);
  if (typeof value === "boolean") return type === "yesno" ? (value ? YES_NO.yes[lang] : YES_NO.no[lang]) : value;
  if (typeof value === "string" && type === "enum" && column?.enum) {
    const found = ENUMS[column.enum].find((v) => v.key === value);
    return found ? found[lang] : value;
  }
  return value;
}

function settingDefault(spec: SettingSpec, lang: Lang): CellValue {
  if (spec.default === null) return null;
  if (typeof spec.default === "boolean") return spec.default ? YES_NO.yes[lang] : YES_NO.no[lang];
  return spec.default;
}

function projectRows(lang: Lang, settings: PlanData["settings"]): TemplateRow[] {
  return SETTINGS.map((spec) => {
    const given = settings?.[spec.key];
    const value = given === undefined ? settingDefault(spec, lang) : renderValue(given, spec.type, null, lang);
    return { cells: [spec[lang], value], valueType: spec.type, setting: spec.key };
  });
}

function ownershipRecords(): PlanRecord[] {
  return OWNERSHIP_RESPONSIBILITIES.map((r) => ({ key: r.key, responsibility: r.da, owner: null }));
}

function recordRows(spec: SheetSpec, records: PlanRecord[], lang: Lang): TemplateRow[] {
  return records.map((record) => ({
    cells: spec.columns.map((c) => {
      let value = record[c.key];
      if (spec.key === "ownership" && c.key === "responsibility" && lang === "en" && typeof value === "string") {
        value = OWNERSHIP_RESPONSIBILITIES.find((r) => r.da === value)?.en ?? value;
      }
      return renderValue(value, c.type, c, lang);
    }),
  }));
}

/**
 * The sheets of a planning workbook. With no data: the empty workbook `init` writes (Projekt keys with
 * defaults, the eight ownership rows). With data: a filled-in plan. `specs`: which sheets (the data
 * sheets by default; workbook-layout.ts adds Accepterede).
 */
export function workbookTemplate(lang: Lang, data: PlanData = {}, specs: ReadonlyArray<SheetSpec> = DATA_SHEETS): TemplateSheet[] {
  const sheets = specs.map((spec) => {
    let rows: TemplateRow[];
    if (spec.key === "project") rows = projectRows(lang, data.settings);
    else if (spec.key === ACCEPTED_SHEET.key) rows = acceptedRows(data.accepted ?? [], lang);
    else {
      const records = (data as Record<string, PlanRecord[] | undefined>)[spec.key] ?? (spec.key === "ownership" ? ownershipRecords() : []);
      rows = recordRows(spec, records, lang);
    }
    return { key: spec.key, spec, name: spec[lang], table: spec.table as string, columns: templateColumns(spec, lang), rows };
  });
  if (data.accepted && data.accepted.length > 0 && !specs.includes(ACCEPTED_SHEET)) {
    const spec = ACCEPTED_SHEET;
    sheets.push({ key: spec.key, spec, name: spec[lang], table: spec.table as string, columns: templateColumns(spec, lang), rows: acceptedRows(data.accepted, lang) });
  }
  return sheets;
}

/** A workbook snapshot of a template, as a reader would see the generated file. */
export function templateSnapshot(sheets: TemplateSheet[]): WorkbookSnapshot {
  return {
    sheets: sheets.map((s) => ({
      name: s.name,
      rows: [s.columns.map((c) => c.header), ...s.rows.map((r) => r.cells)],
    })),
  };
}

/** Shortcut for tests and examples: a plan's snapshot in one language. */
export function planSnapshot(data: PlanData, lang: Lang = "da"): WorkbookSnapshot {
  return templateSnapshot(workbookTemplate(lang, data));
}
