/** The pane's words for accepting, reopening and fixing findings, and the history line (issue 8). */
import { joinList } from "../playbook/i18n";
import type { Lang } from "../playbook/vocabulary";
import type { StaleEdit, UnwrittenPart } from "../port/pane-actions";

const place = (s: StaleEdit) => (s.cell ? `${s.sheet}!${s.cell}` : s.sheet);
const sheetsOf = (parts: UnwrittenPart[], lang: Lang) => joinList(parts.map((p) => `«${p.sheet}»`), lang);

const da = {
  accept: "Acceptér…",
  acceptFormLabel: "Acceptér fundet",
  reason: "Begrundelse",
  reasonHint: "Hvorfor accepterer projektet fundet? Fx en beslutning i styregruppen.",
  reasonRequired: "Skriv en begrundelse: hvorfor accepterer projektet fundet?",
  by: "Accepteret af",
  nobody: "(ingen valgt)",
  until: "Gælder til (valgfri)",
  confirm: "Acceptér",
  cancel: "Annullér",
  accepted: "Fundet er accepteret og flyttet til Accepterede.",
  acceptedGroup: (n: number) => `Accepterede (${n})`,
  acceptedListLabel: "Accepterede fund med begrundelse",
  acceptedBy: (by: string) => `accepteret af ${by}`,
  acceptedUntil: (date: string) => `gælder til ${date}`,
  reopen: "Genåbn",
  reopened: "Fundet er genåbnet.",
  fixAll: (n: number) => `Ret alle (${n})`,
  fixed: (n: number) => (n === 1 ? "Rettet. Planen er valideret igen." : `${n} fund er rettet. Planen er valideret igen.`),
  undo: "Fortryd",
  undone: "Rettelsen er fortrudt. Planen er valideret igen.",
  stale: (s: StaleEdit[]) =>
    `Intet er rettet: ${s
      .map((e) => (e.found === null ? `${place(e)} findes ikke længere` : `${place(e)} indeholder nu «${e.found}», ikke «${e.expected}»`))
      .join("; ")}. Planen er valideret igen.`,
  undoStale: (s: StaleEdit[]) =>
    `Intet er fortrudt: ${s.map((e) => (e.cell ? `${place(e)} er ændret siden rettelsen` : `rækken i ${e.sheet} er ændret`)).join("; ")}.`,
  since: (added: number, resolved: number) => `${added} ${added === 1 ? "nyt" : "nye"}, ${resolved} løst siden sidst`,
  /** After a validation that left parts unwritten because their sheets are protected: one note per part. */
  notWritten: (parts: UnwrittenPart[]): string[] => {
    const of = (part: UnwrittenPart["part"]) => parts.filter((p) => p.part === part);
    const notes: string[] = [];
    for (const p of of("history")) {
      notes.push(
        `Arket «${p.sheet}» er beskyttet, så denne validering blev ikke skrevet i historikken. Nye og løste tælles næste gang fra den sidst skrevne. Fjern beskyttelsen (Gennemse > Fjern arkbeskyttelse) for at få valideringerne med igen.`,
      );
    }
    for (const p of of("report")) {
      notes.push(
        `Arket «${p.sheet}» er beskyttet, så rapporten dér er ikke opdateret og viser stadig den forrige validering. Fundene står her i ruden. Fjern beskyttelsen (Gennemse > Fjern arkbeskyttelse), og validér igen for at opdatere den.`,
      );
    }
    const sheets = of("highlights");
    if (sheets.length > 0) {
      const one = sheets.length === 1;
      notes.push(
        `${one ? "Arket" : "Arkene"} ${sheetsOf(sheets, "da")} er beskyttet, så fundene i ${one ? "det" : "dem"} er ikke markeret med farve (de står her i ruden). Fjern beskyttelsen, og validér igen for at få markeringerne; derefter virker de, også når arket er beskyttet.`,
      );
    }
    return notes;
  },
};

export type LifecycleStrings = typeof da;

const en: LifecycleStrings = {
  accept: "Accept…",
  acceptFormLabel: "Accept the finding",
  reason: "Reason",
  reasonHint: "Why does the project accept the finding? E.g. a steering group decision.",
  reasonRequired: "Write a reason: why does the project accept the finding?",
  by: "Accepted by",
  nobody: "(nobody chosen)",
  until: "Until (optional)",
  confirm: "Accept",
  cancel: "Cancel",
  accepted: "The finding is accepted and moved to Accepted.",
  acceptedGroup: (n: number) => `Accepted (${n})`,
  acceptedListLabel: "Accepted findings with their reasons",
  acceptedBy: (by: string) => `accepted by ${by}`,
  acceptedUntil: (date: string) => `until ${date}`,
  reopen: "Reopen",
  reopened: "The finding is open again.",
  fixAll: (n: number) => `Fix all (${n})`,
  fixed: (n: number) => (n === 1 ? "Fixed. The plan is validated again." : `${n} findings fixed. The plan is validated again.`),
  undo: "Undo",
  undone: "The fix is undone. The plan is validated again.",
  stale: (s: StaleEdit[]) =>
    `Nothing was fixed: ${s
      .map((e) => (e.found === null ? `${place(e)} no longer exists` : `${place(e)} now holds «${e.found}», not «${e.expected}»`))
      .join("; ")}. The plan is validated again.`,
  undoStale: (s: StaleEdit[]) =>
    `Nothing was undone: ${s.map((e) => (e.cell ? `${place(e)} changed after the fix` : `the row on ${e.sheet} changed`)).join("; ")}.`,
  since: (added: number, resolved: number) => `${added} new, ${resolved} resolved since last time`,
  notWritten: (parts: UnwrittenPart[]): string[] => {
    const of = (part: UnwrittenPart["part"]) => parts.filter((p) => p.part === part);
    const notes: string[] = [];
    for (const p of of("history")) {
      notes.push(
        `The sheet «${p.sheet}» is protected, so this validation was not written to the history. Next time, new and resolved are counted from the last one written there. Remove the protection (Review > Unprotect Sheet) to have validations recorded again.`,
      );
    }
    for (const p of of("report")) {
      notes.push(
        `The sheet «${p.sheet}» is protected, so the report there was not updated and still shows the previous validation. The findings are listed here in the pane. Remove the protection (Review > Unprotect Sheet) and validate again to update it.`,
      );
    }
    const sheets = of("highlights");
    if (sheets.length > 0) {
      const one = sheets.length === 1;
      notes.push(
        `${one ? "The sheet" : "The sheets"} ${sheetsOf(sheets, "en")} ${one ? "is" : "are"} protected, so ${one ? "its" : "their"} findings are not highlighted there (they are listed here in the pane). Remove the protection and validate again to get the highlights; after that they work even when the sheet is protected.`,
      );
    }
    return notes;
  },
};

export const LIFECYCLE_STRINGS: Record<Lang, LifecycleStrings> = { da, en };
