/**
 * The engine's texts as the pane shows them, and what the pane makes of a validation that found
 * the planning sheets missing. The rule texts are written for the pane and the command line alike;
 * until they are rendered per surface (src/playbook), the pane adjusts them here at display time:
 * no command line in a hint, and the pane's buttons named as the pane names them.
 */
import type { Finding } from "../playbook/findings";
import { DATA_SHEETS, type Lang } from "../playbook/vocabulary";
import { STRINGS, type Outcome, type Strings } from "./strings";

/** The buttons' words in the rule texts before the pane renamed them. */
const OLD_NAMES: Record<Lang, Array<{ old: RegExp; key: keyof Strings["action"] }>> = {
  da: [{ old: /["«“]Generér\/opdatér ark["»”]/g, key: "generate" }],
  en: [{ old: /["«“]Generate\/update sheets["»”]/g, key: "generate" }],
};

/** "run/kør «button»": one chooses a button in the pane. */
const RUN: Record<Lang, [RegExp, string]> = { da: [/\bkør «/g, "vælg «"], en: [/\brun "/g, 'choose "'] };

/** ", eller `fbs-playbook init`" / " or `fbs-playbook init`": the command line as an alternative. */
const OR_COMMAND = /,?\s+(?:eller|or)\s+`[^`]*`/g;
/** A sentence that still names a command. */
const COMMAND_SENTENCE = /[^.!?]*`[^`]*`[^.!?]*[.!?]?\s*/g;

/** An engine text (message or hint) for the pane: no command line, the pane's own button words. */
export function paneText(text: string, lang: Lang): string {
  const strings = STRINGS[lang];
  let shown = text.replace(OR_COMMAND, "").replace(COMMAND_SENTENCE, "").trim();
  for (const { old, key } of OLD_NAMES[lang]) {
    shown = shown.replace(old, lang === "da" ? `«${strings.action[key]}»` : `"${strings.action[key]}"`);
  }
  const [run, choose] = RUN[lang];
  return shown.replace(run, choose);
}

const REQUIRED = DATA_SHEETS.filter((s) => s.required);

/** The required planning sheets the validation found missing (DATA-01), in the pane's language. */
export function missingSheets(findings: ReadonlyArray<Finding>, lang: Lang): string[] {
  const missing = findings.filter((f) => f.rule === "DATA-01" && f.sheet === null);
  return REQUIRED.filter((spec) => missing.some((f) => f.message.da.includes(`«${spec.da}»`) || f.message.en.includes(`«${spec.en}»`))).map(
    (spec) => spec[lang],
  );
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
