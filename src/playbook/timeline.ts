/** The dates the contract timeline derives (WORKBOOK.md, "Dates the timeline derives"). */
import { addCalendarMonths, toSerial, type Day } from "./dates";
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

/** Segment colours of the chart: term, notice period, extension, go-live window. */
export const SEGMENT_COLOURS: ReadonlyArray<string> = ["#4472C4", "#ED7D31", "#A5A5A5", "#70AD47"];

/**
 * One bar of the contract chart, in Excel serial days (the geometry both the Excel chart and the
 * report's SVG draw): an offset to `start`, the term before the notice deadline, the notice period,
 * the extension.
 */
export interface ContractBar {
  contract: ContractTimeline;
  start: number;
  notice: number;
  expires: number;
  end: number;
}

export interface ChartGeometry {
  bars: ContractBar[];
  /** Go-live to go-live + 1 month, when go-live is set. */
  goLive: { from: number; to: number } | null;
  /** Axis bounds and step, in serial days. */
  minimum: number;
  maximum: number;
  majorUnit: number;
}

/** Round a day count up to a readable axis step (about a month, a quarter, half a year, …). */
function niceStep(days: number): number {
  return [30, 61, 91, 182, 365, 730, 1461].find((s) => s >= days) ?? 1461;
}

/** The chart's bars and axis; null when no contract has an expiry date (nothing to draw). */
export function chartGeometry(timeline: Timeline): ChartGeometry | null {
  const bars: ContractBar[] = [];
  let minimum = Infinity;
  let maximum = -Infinity;
  for (const c of timeline.contracts) {
    if (!c.expires) continue;
    const expires = toSerial(c.expires);
    const start = Math.min(toSerial(c.start ?? c.noticeDeadline ?? c.expires), expires);
    const notice = Math.min(Math.max(c.noticeDeadline ? toSerial(c.noticeDeadline) : expires, start), expires);
    const end = Math.max(c.extendedUntil ? toSerial(c.extendedUntil) : expires, expires);
    bars.push({ contract: c, start, notice, expires, end });
    minimum = Math.min(minimum, start);
    maximum = Math.max(maximum, end);
  }
  if (bars.length === 0) return null;
  const goLiveDay = timeline.milestones.find((m) => m.key === "go-live")?.date ?? null;
  let goLive: ChartGeometry["goLive"] = null;
  if (goLiveDay) {
    goLive = { from: toSerial(goLiveDay), to: toSerial(addCalendarMonths(goLiveDay, 1)) };
    minimum = Math.min(minimum, goLive.from);
    maximum = Math.max(maximum, goLive.to);
  }
  const majorUnit = niceStep(Math.ceil((maximum - minimum) / 8));
  return {
    bars,
    goLive,
    minimum: Math.max(1, minimum - Math.round(majorUnit / 2)),
    maximum: maximum + Math.round(majorUnit / 2),
    majorUnit,
  };
}
