/**
 * The one-page status for the steering group (WORKBOOK.md, *Status*): lights per chapter, counts of
 * open and accepted findings, the dates due in the next 90 days and the trend from `Historik`.
 * Pure; the Excel `Status` sheet, the HTML report and the calendar all start from here.
 */
import { daysBetween, type Day } from "./dates";
import { eventsDue, planEvents, type PlanEvent } from "./events";
import type { Finding } from "./findings";
import type { HistoryRow } from "./history";
import type { Plan } from "./model";
import type { Text } from "./vocabulary";

export type ChapterKey = "organisation" | "finance" | "operations" | "training" | "contracts" | "institutions" | "data";

export interface Chapter {
  key: ChapterKey;
  /** Rule id prefix, e.g. "ORG". */
  prefix: string;
  label: Text;
}

export const CHAPTERS: ReadonlyArray<Chapter> = [
  { key: "organisation", prefix: "ORG", label: { da: "Organisation §1–2", en: "Organisation §1–2" } },
  { key: "finance", prefix: "ECO", label: { da: "Økonomiintegration §2.2.5", en: "Finance integration §2.2.5" } },
  { key: "operations", prefix: "DRIFT", label: { da: "Drift §3", en: "Operations §3" } },
  { key: "training", prefix: "SEAT", label: { da: "Uddannelse §3.1–3.2", en: "Training §3.1–3.2" } },
  { key: "contracts", prefix: "CON", label: { da: "Kontrakter §4.1–4.2", en: "Contracts §4.1–4.2" } },
  { key: "institutions", prefix: "INST", label: { da: "Institutioner §4.3", en: "Institutions §4.3" } },
  { key: "data", prefix: "DATA", label: { da: "Data", en: "Data" } },
];

export type Light = "red" | "amber" | "green";

/** The light in a word: never colour alone. */
export const LIGHT_LABEL: Record<Light, Text> = {
  red: { da: "Rød", en: "Red" },
  amber: { da: "Gul", en: "Amber" },
  green: { da: "Grøn", en: "Green" },
};

/** Fill colours (with the word beside them); readable with black text. */
export const LIGHT_COLOUR: Record<Light, string> = { red: "#F4B6B6", amber: "#FFE08A", green: "#B7E1B0" };

export interface Counts {
  errors: number;
  warnings: number;
  info: number;
  accepted: number;
}

export interface ChapterStatus extends Counts {
  chapter: Chapter;
  light: Light;
}

export interface DueItem extends PlanEvent {
  /** Days from today (0 = today). */
  inDays: number;
}

export interface StatusModel {
  municipality: string | null;
  today: Day;
  goLive: Day | null;
  /** Days from today to go-live (negative once passed). */
  daysToGoLive: number | null;
  chapters: ChapterStatus[];
  totals: Counts;
  light: Light;
  /** The dates due in the next {@link DUE_DAYS} days. */
  due: DueItem[];
  /** The first date from today on, due or not (the overview's "nearest deadline"). */
  nearest: DueItem | null;
  /** Open errors and warnings over time. */
  trend: HistoryRow[];
  /** Every dated event of the plan (the calendar's content). */
  events: PlanEvent[];
}

export const DUE_DAYS = 90;

/** A finding counts as open unless an acceptance applies to it. */
export function isOpen(finding: Finding): boolean {
  return !finding.accepted;
}

export function chapterOf(rule: string): Chapter | null {
  const prefix = rule.replace(/-.*$/, "").toUpperCase();
  return CHAPTERS.find((c) => c.prefix === prefix) ?? null;
}

export function lightOf(counts: Counts): Light {
  return counts.errors > 0 ? "red" : counts.warnings > 0 ? "amber" : "green";
}

export function countFindings(findings: ReadonlyArray<Finding>): Counts {
  const counts: Counts = { errors: 0, warnings: 0, info: 0, accepted: 0 };
  for (const f of findings) {
    if (!isOpen(f)) counts.accepted++;
    else if (f.severity === "error") counts.errors++;
    else if (f.severity === "warning") counts.warnings++;
    else counts.info++;
  }
  return counts;
}

export interface StatusInput {
  plan: Plan;
  findings: ReadonlyArray<Finding>;
  today: Day;
  history?: ReadonlyArray<HistoryRow>;
}

export function buildStatus({ plan, findings, today, history = [] }: StatusInput): StatusModel {
  const chapters = CHAPTERS.map((chapter) => {
    const counts = countFindings(findings.filter((f) => chapterOf(f.rule)?.key === chapter.key));
    return { chapter, ...counts, light: lightOf(counts) };
  });
  const totals = countFindings(findings);
  const events = planEvents(plan);
  const withDays = (e: PlanEvent): DueItem => ({ ...e, inDays: daysBetween(e.date, today) });
  const upcoming = events.filter((e) => e.date.getTime() >= today.getTime());
  const goLive = plan.settings.goLive.value;
  return {
    municipality: plan.settings.municipality.value,
    today,
    goLive,
    daysToGoLive: goLive ? daysBetween(goLive, today) : null,
    chapters,
    totals,
    light: lightOf(totals),
    due: eventsDue(events, today, DUE_DAYS).map(withDays),
    nearest: upcoming.length ? withDays(upcoming[0]) : null,
    trend: [...history],
    events,
  };
}

const t = (da: string, en: string): Text => ({ da, en });

/** The words of the status, shared by the Excel sheet and the HTML report. */
export const STATUS_TEXT = {
  title: t("Status for overgangen til FBS", "Status of the move to FBS"),
  municipality: t("Kommune", "Municipality"),
  date: t("Dato", "Date"),
  goLive: t("Ibrugtagning", "Go-live"),
  daysToGoLive: t("Dage til ibrugtagning", "Days to go-live"),
  notSet: t("ikke fastsat", "not set"),
  passed: t("overstået", "passed"),
  chapter: t("Kapitel", "Chapter"),
  light: t("Lys", "Light"),
  errors: t("Fejl", "Errors"),
  warnings: t("Advarsler", "Warnings"),
  accepted: t("Accepterede", "Accepted"),
  total: t("I alt", "Total"),
  due: t(`Datoer de næste ${DUE_DAYS} dage`, `Dates due in the next ${DUE_DAYS} days`),
  dueDate: t("Dato", "Date"),
  inDays: t("Om dage", "In days"),
  what: t("Hvad", "What"),
  todo: t("Det skal gøres", "What to do"),
  section: t("Afsnit", "Section"),
  noneDue: t(`Ingen datoer de næste ${DUE_DAYS} dage.`, `No dates due in the next ${DUE_DAYS} days.`),
  trend: t("Åbne fejl og advarsler over tid", "Open errors and warnings over time"),
  noHistory: t(
    "Ingen historik endnu: hver validering i Excel tilføjer en række i arket Historik, og så vises udviklingen her.",
    "No history yet: each validation in Excel adds a row to the History sheet, and the trend then shows here.",
  ),
  lightsNote: t(
    "Rød = en åben fejl, Gul = en åben advarsel, Grøn = ingen af delene. Accepterede fund tæller ikke som åbne.",
    "Red = an open error, Amber = an open warning, Green = neither. Accepted findings do not count as open.",
  ),
};
