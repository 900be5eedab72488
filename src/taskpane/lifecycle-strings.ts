/** The pane's words for accepting, reopening and fixing findings, and the history line (issue 8). */
import type { Lang } from "../playbook/vocabulary";
import type { StaleEdit } from "../port/pane-actions";

const place = (s: StaleEdit) => (s.cell ? `${s.sheet}!${s.cell}` : s.sheet);

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
};

export const LIFECYCLE_STRINGS: Record<Lang, LifecycleStrings> = { da, en };
