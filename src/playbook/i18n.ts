/**
 * The bilingual words every surface shares: the text type, list joining, counts and plurals, the
 * severity words and their order, and the few words that differ between the pane and the command
 * line. Danish first, English second. Pure; the rules, the report sheet, the terminal output and the
 * pane all take their words from here.
 */
import type { Severity, Summary } from "./findings";

export type Lang = "da" | "en";

/** A text in both of the workbook's languages. */
export interface Text {
  da: string;
  en: string;
}

/** A text in Danish and English. */
export function text(da: string, en: string): Text {
  return { da, en };
}

/** Where a text is shown: the Excel pane (and the sheets it writes) or the command line. */
export type Surface = "pane" | "cli";

/** Quote a value the user typed: «Maja Friis». */
export function quote(value: string): string {
  return `«${value}»`;
}

/** "a, b og c" / "a, b and c". */
export function joinList(items: ReadonlyArray<string>, lang: Lang): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${lang === "da" ? "og" : "and"} ${items[items.length - 1]}`;
}

/** A noun's singular and plural, in each language. */
export type Noun = Record<Lang, readonly [one: string, many: string]>;

/** "1 advarsel" / "3 advarsler": a whole number and its noun, singular only for one. */
export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "1 advarsel" / "3 advarsler", in `lang`. */
export function count(n: number, noun: Noun, lang: Lang): string {
  return plural(n, ...noun[lang]);
}

/** A number as the language writes it: 7,5 in Danish, 7.5 in English. */
export function formatNumber(n: number, lang: Lang): string {
  const s = String(n);
  return lang === "da" ? s.replace(".", ",") : s;
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Most severe first. */
export const SEVERITIES: ReadonlyArray<Severity> = ["error", "warning", "info"];

/** The severity as a label: "Fejl", "Advarsel", "Info". */
export const SEVERITY_LABEL: Record<Severity, Text> = {
  error: { da: "Fejl", en: "Error" },
  warning: { da: "Advarsel", en: "Warning" },
  info: { da: "Info", en: "Info" },
};

/** The severity as a counted noun: "2 fejl", "1 advarsel", "3 info". */
export const SEVERITY_NOUN: Record<Severity, Noun> = {
  error: { da: ["fejl", "fejl"], en: ["error", "errors"] },
  warning: { da: ["advarsel", "advarsler"], en: ["warning", "warnings"] },
  info: { da: ["info", "info"], en: ["info", "info"] },
};

/** Negative when `a` is more severe than `b`. */
export function compareSeverity(a: Severity, b: Severity): number {
  return SEVERITIES.indexOf(a) - SEVERITIES.indexOf(b);
}

/** "3 advarsler". */
export function severityCount(severity: Severity, n: number, lang: Lang): string {
  return count(n, SEVERITY_NOUN[severity], lang);
}

/** "2 fejl · 5 advarsler · 1 info", every severity, most severe first. */
export function countsLine(summary: Summary, lang: Lang, each: (severity: Severity, words: string) => string = (_, w) => w): string {
  return SEVERITIES.map((s) => each(s, severityCount(s, summary[s], lang))).join(" · ");
}

/** The pane's button that creates the sheets, columns and rows a workbook lacks. */
export const GENERATE_SHEETS: Text = { da: "Opret ark", en: "Create sheets" };

/**
 * The words that depend on where a text is shown. The pane never mentions the command line; the
 * command line may mention the pane.
 */
export interface SurfaceWords {
  /** How to let the add-in add what is missing: "knappen «Opret ark»". */
  generate: string;
  /** A second way to get a missing sheet, after `generate`; empty in the pane. */
  orNewWorkbook: string;
}

export const SURFACE_WORDS: Record<Surface, Record<Lang, SurfaceWords>> = {
  pane: {
    da: { generate: `knappen ${quote(GENERATE_SHEETS.da)}`, orNewWorkbook: "" },
    en: { generate: `the ${quote(GENERATE_SHEETS.en)} button`, orNewWorkbook: "" },
  },
  cli: {
    da: {
      generate: `knappen ${quote(GENERATE_SHEETS.da)} i FBS Drejebog i Excel`,
      orNewWorkbook: ", eller kopiér det fra en ny projektmappe lavet med fbs-playbook init",
    },
    en: {
      generate: `the ${quote(GENERATE_SHEETS.en)} button of FBS Playbook in Excel`,
      orNewWorkbook: ", or copy it from a new workbook made with fbs-playbook init",
    },
  },
};
