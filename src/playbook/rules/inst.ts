/** Institutions (RULES.md, section 4.3 of the playbook). */
import { daysBetween } from "../dates";
import { defineRule, message, type Rule } from "../rule";
import { isoDay } from "./common";

type Named = { institution: string };

const INST_01 = defineRule({
  id: "INST-01",
  severity: "error",
  section: "4.3",
  title: { da: "Institutioner er varslet før ibrugtagning", en: "Institutions are notified before go-live" },
  messages: {
    notNotified: message<Named>({
      da: (d, w) => `${w.q(d.institution)} er ikke varslet om overgangen til FBS.`,
      en: (d, w) => `${w.q(d.institution)} has not been notified of the move to FBS.`,
      hint: {
        da: "Varsl institutionen om, hvornår kommunen forventer at gå på FBS, og skriv datoen i Varslet.",
        en: "Notify the institution of when the municipality expects to go live on FBS, and type the date in Notified on.",
      },
    }),
    notifiedLate: message<Named & { notified: string; goLive: string }>({
      da: (d, w) => `${w.q(d.institution)} varsles ${w.date(d.notified)}, ikke før ibrugtagning ${w.date(d.goLive)}.`,
      en: (d, w) => `${w.q(d.institution)} is notified on ${w.date(d.notified)}, not before go-live on ${w.date(d.goLive)}.`,
      hint: { da: "Varsl institutionen i god tid før ibrugtagning.", en: "Notify the institution well before go-live." },
    }),
  },
  check: ({ plan }, report) => {
    const goLive = plan.settings.goLive.value;
    for (const i of plan.institutions) {
      const notified = i.notifiedOn;
      if (notified.invalid) continue;
      const institution = i.institution.value ?? "?";
      if (!notified.value) report("notNotified", notified, { institution });
      else if (goLive && daysBetween(goLive, notified.value) <= 0) {
        report("notifiedLate", notified, { institution, notified: isoDay(notified.value), goLive: isoDay(goLive) });
      }
    }
  },
});

const INST_02 = defineRule({
  id: "INST-02",
  severity: "error",
  section: "4.3",
  title: { da: "Institutionernes beslutning er afklaret", en: "Each institution's decision is settled" },
  messages: {
    undecided: message<Named>({
      da: (d, w) => `Det er uafklaret, om ${w.q(d.institution)} går på FBS, eller om data skal migreres til en anden leverandør.`,
      en: (d, w) => `It is not settled whether ${w.q(d.institution)} moves to FBS or its data is migrated to another vendor.`,
      hint: { da: "Afklar med institutionen og vælg «FBS» eller «Anden leverandør».", en: "Settle it with the institution and choose «FBS» or «Other vendor»." },
    }),
  },
  check: ({ plan }, report) => {
    for (const i of plan.institutions) {
      const decision = i.decision;
      if (decision.invalid || (decision.value !== null && decision.value !== "undecided")) continue;
      report("undecided", decision, { institution: i.institution.value ?? "?" });
    }
  },
});

export const INST_RULES: ReadonlyArray<Rule> = [INST_01, INST_02];
