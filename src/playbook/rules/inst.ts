/** Institutions (RULES.md, section 4.3 of the playbook). */
import { daysBetween, formatDay } from "../dates";
import type { Draft, Rule } from "../rule";
import { q, text } from "./common";

export const INSTITUTION_RULES: Rule[] = [
  {
    id: "INST-01",
    severity: "error",
    section: "4.3",
    title: text("Institutioner er varslet før ibrugtagning", "Institutions are notified before go-live"),
    check: ({ plan }) => {
      const goLive = plan.settings.goLive.value;
      const drafts: Draft[] = [];
      for (const i of plan.institutions) {
        const name = q(i.institution.value ?? "?");
        const notified = i.notifiedOn;
        if (notified.invalid) continue;
        const at = notified.at.cell ? notified.at : i.at;
        if (!notified.value) {
          drafts.push({
            at,
            message: text(`${name} er ikke varslet om overgangen til FBS.`, `${name} has not been notified of the move to FBS.`),
            hint: text(
              "Varsl institutionen om, hvornår kommunen forventer at gå på FBS, og skriv datoen i Varslet.",
              "Notify the institution of when the municipality expects to go live on FBS, and type the date in Notified on.",
            ),
          });
        } else if (goLive && daysBetween(goLive, notified.value) <= 0) {
          drafts.push({
            at,
            message: text(
              `${name} varsles ${formatDay(notified.value, "da")}, ikke før ibrugtagning ${formatDay(goLive, "da")}.`,
              `${name} is notified on ${formatDay(notified.value, "en")}, not before go-live on ${formatDay(goLive, "en")}.`,
            ),
            hint: text("Varsl institutionen i god tid før ibrugtagning.", "Notify the institution well before go-live."),
          });
        }
      }
      return drafts;
    },
  },
  {
    id: "INST-02",
    severity: "error",
    section: "4.3",
    title: text("Institutionernes beslutning er afklaret", "Each institution's decision is settled"),
    check: ({ plan }) =>
      plan.institutions
        .filter((i) => !i.decision.invalid && (i.decision.value === null || i.decision.value === "undecided"))
        .map((i) => ({
          at: i.decision.at.cell ? i.decision.at : i.at,
          message: text(
            `Det er uafklaret, om ${q(i.institution.value ?? "?")} går på FBS, eller om data skal migreres til en anden leverandør.`,
            `It is not settled whether ${q(i.institution.value ?? "?")} moves to FBS or its data is migrated to another vendor.`,
          ),
          hint: text("Afklar med institutionen og vælg «FBS» eller «Anden leverandør».", "Settle it with the institution and choose «FBS» or «Other vendor»."),
        })),
  },
];
