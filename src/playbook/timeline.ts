/** The dates the contract timeline derives (WORKBOOK.md, "Dates the timeline derives"). */
import { addCalendarMonths, type Day } from "./dates";
import type { Plan } from "./model";
import type { ContractType, Text } from "./vocabulary";

export type MilestoneKey =
  | "kickoff"
  | "organisation-established"
  | "transition-agreed"
  | "operations-announced"
  | "go-live"
  | "go-live-plus-1-month";

export interface Milestone {
  key: MilestoneKey;
  label: Text;
  date: Day;
}

export interface ContractTimeline {
  row: number;
  vendor: string | null;
  system: string | null;
  type: ContractType | null;
  start: Day | null;
  expires: Day | null;
  /** Udløber − Opsigelsesvarsel months. */
  noticeDeadline: Day | null;
  /** Udløber + Forlængelse months. */
  extendedUntil: Day | null;
  terminatedOn: Day | null;
}

export interface Timeline {
  milestones: Milestone[];
  contracts: ContractTimeline[];
}

export const MILESTONE_LABELS: Record<MilestoneKey, Text> = {
  kickoff: { da: "Opstartsmøde med Systematic", en: "Kickoff meeting with Systematic" },
  "organisation-established": { da: "Projektorganisation etableret", en: "Project organisation established" },
  "transition-agreed": { da: "Overgangstidspunkt aftalt", en: "Transition date agreed" },
  "operations-announced": { da: "Driftsorganisation meldt ud", en: "Operations organisation announced" },
  "go-live": { da: "Ibrugtagning", en: "Go-live" },
  "go-live-plus-1-month": { da: "Ibrugtagning + 1 måned", en: "Go-live + 1 month" },
};

export function noticeDeadline(expires: Day | null, noticeMonths: number | null): Day | null {
  return expires && noticeMonths !== null ? calendarDay(addCalendarMonths(expires, -noticeMonths)) : null;
}

export function extendedUntil(expires: Day | null, extensionMonths: number | null): Day | null {
  return expires && extensionMonths !== null ? calendarDay(addCalendarMonths(expires, extensionMonths)) : null;
}

/** A day that exists; null when the months added ran past any calendar (a notice period of 10^300 months). */
function calendarDay(d: Day): Day | null {
  return Number.isNaN(d.getTime()) ? null : d;
}

/** Ibrugtagning + 1 calendar month: the minimum overlap end. */
export function minimumOverlapEnd(goLive: Day | null): Day | null {
  return goLive ? addCalendarMonths(goLive, 1) : null;
}

export function buildTimeline(plan: Plan): Timeline {
  const s = plan.settings;
  const dated: Array<[MilestoneKey, Day | null]> = [
    ["kickoff", s.kickoff.value],
    ["organisation-established", s.organisationEstablished.value],
    ["transition-agreed", s.transitionAgreed.value],
    ["operations-announced", s.operationsAnnounced.value],
    ["go-live", s.goLive.value],
    ["go-live-plus-1-month", minimumOverlapEnd(s.goLive.value)],
  ];
  const milestones = dated
    .filter((m): m is [MilestoneKey, Day] => m[1] !== null)
    .map(([key, date]) => ({ key, label: MILESTONE_LABELS[key], date }));
  const contracts = plan.contracts.map((c) => ({
    row: c.row,
    vendor: c.vendor.value,
    system: c.system.value,
    type: c.type.value,
    start: c.start.value,
    expires: c.expires.value,
    noticeDeadline: noticeDeadline(c.expires.value, c.noticeMonths.value),
    extendedUntil: extendedUntil(c.expires.value, c.extensionMonths.value),
    terminatedOn: c.terminatedOn.value,
  }));
  return { milestones, contracts };
}
