/**
 * What the pane makes of a validation that found the planning sheets missing. (The engine's texts
 * themselves are rendered for the pane by src/playbook/render.ts: no command line, the pane's words.)
 */
import type { Finding } from "../playbook/findings";
import { DATA_SHEETS, type Lang } from "../playbook/vocabulary";
import { STRINGS, type Outcome } from "./strings";

const REQUIRED = DATA_SHEETS.filter((s) => s.required);

/** The required planning sheets the validation found missing (DATA-01), in the pane's language. */
export function missingSheets(findings: ReadonlyArray<Finding>, lang: Lang): string[] {
  const missing = findings.filter((f) => f.rule === "DATA-01" && f.sheet === null);
  return REQUIRED.filter((spec) => missing.some((f) => f.data.sheet === spec.key)).map((spec) => spec[lang]);
}

/**
 * What a validation says when the workbook is not set up: with no planning sheet at all, only that
 * (the other findings are what empty sheets lack); with some missing, which ones. Both offer
 * «Opret ark». Null when every planning sheet is there.
 */
export function setupOutcome(findings: ReadonlyArray<Finding>, lang: Lang): { outcome: Outcome; blank: boolean } | null {
  const missing = missingSheets(findings, lang);
  if (missing.length === 0) return null;
  const strings = STRINGS[lang];
  const blank = missing.length === REQUIRED.length;
  return { outcome: blank ? strings.notSetUp : strings.sheetsMissing(missing), blank };
}
