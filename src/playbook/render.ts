/**
 * A finding's text: its message and hint, made from its `messageId` and `data` by the rule's message,
 * in the language asked for and for the surface that shows it. The one place a finding becomes words.
 */
import type { Finding } from "./findings";
import { SURFACE_WORDS, formatNumber, joinList, quote, type Lang, type Surface } from "./i18n";
import type { Location } from "./location";
import { kebabCase, type MessageSpec, type Template, type Words } from "./rule";
import { ALL_RULES } from "./rules";

export interface RenderOptions {
  lang: Lang;
  /** The pane's texts never mention the command line. */
  surface: Surface;
}

export interface RenderedText {
  message: string;
  hint: string;
}

/** An ISO date (as `iso` writes it, any year) as `formatDay` would write that day. */
function formatIsoDay(text: string, lang: Lang): string {
  const m = /^(-?\d+)-(\d{2})-(\d{2})$/.exec(text);
  return m && lang === "da" ? `${m[3]}-${m[2]}-${m[1]}` : text;
}

function wordsFor(lang: Lang, surface: Surface): Words {
  return {
    ...SURFACE_WORDS[surface][lang],
    lang,
    date: (text) => formatIsoDay(text, lang),
    number: (n) => formatNumber(n, lang),
    list: (items) => joinList(items, lang),
    q: quote,
    name: (text) => text[lang],
  };
}

const WORDS: Record<Surface, Record<Lang, Words>> = {
  pane: { da: wordsFor("da", "pane"), en: wordsFor("en", "pane") },
  cli: { da: wordsFor("da", "cli"), en: wordsFor("en", "cli") },
};

let messages: Map<string, MessageSpec<never>> | undefined;

/** Every rule's messages by `RULE-ID/message-id`. */
function messageById(): Map<string, MessageSpec<never>> {
  if (!messages) {
    messages = new Map();
    for (const rule of ALL_RULES) {
      for (const [id, spec] of Object.entries(rule.messages)) messages.set(`${rule.id}/${kebabCase(id)}`, spec);
    }
  }
  return messages;
}

function fill(template: Template<never>, finding: Pick<Finding, "data">, words: Words): string {
  return typeof template === "string" ? template : template(finding.data as never, words);
}

/** The finding's message and hint in `lang`, worded for `surface`. */
export function render(finding: Pick<Finding, "messageId" | "data">, { lang, surface }: RenderOptions): RenderedText {
  const spec = messageById().get(finding.messageId);
  if (!spec) return { message: finding.messageId, hint: "" };
  const words = WORDS[surface][lang];
  return { message: fill(spec[lang], finding, words), hint: fill(spec.hint[lang], finding, words) };
}

/** A finding in one language, as the command line's JSON prints it (CLI.md, `validate --format json`). */
export interface LocalizedFinding extends Location {
  rule: string;
  severity: Finding["severity"];
  section: string | null;
  message: string;
  hint: string;
  subject: string | null;
  messageId: string;
  data: Finding["data"];
  /** The fix with its label in the language asked for (CLI.md), or null. */
  fix: { label: string; edits: NonNullable<Finding["fix"]>["edits"] } | null;
  accepted: NonNullable<Finding["accepted"]> | null;
}

export function localize(finding: Finding, lang: Lang, surface: Surface = "cli"): LocalizedFinding {
  const { message, hint } = render(finding, { lang, surface });
  return {
    rule: finding.rule,
    severity: finding.severity,
    section: finding.section,
    sheet: finding.sheet,
    row: finding.row,
    column: finding.column,
    cell: finding.cell,
    message,
    hint,
    subject: finding.subject,
    messageId: finding.messageId,
    data: finding.data,
    fix: finding.fix ? { label: finding.fix.label[lang], edits: finding.fix.edits } : null,
    accepted: finding.accepted ?? null,
  };
}
