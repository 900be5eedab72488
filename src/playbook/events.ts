/**
 * The dated events of a plan: what the calendar holds and what the status lists as due. Pure; the
 * dates come from `timeline.ts`. Each event has a key made from what it is (never the row number, the
 * language or the run), so a calendar's UIDs stay the same when rows are sorted or the plan re-exported.
 */
import { formatDay, iso, type Day } from "./dates";
import type { Plan } from "./model";
import { buildTimeline, type ContractTimeline, type MilestoneKey, type Timeline } from "./timeline";
import { COURSES, enumValue, normalizeKey, type Text } from "./vocabulary";

/** Days before a notice deadline that its reminders go off (CLI.md `--remind`). Here, not in calendar.ts, so that reading the arguments does not load ical-generator. */
export const DEFAULT_REMIND_DAYS: ReadonlyArray<number> = [30, 7];

export type EventKind = "milestone" | "notice" | "expiry" | "extension" | "course" | "announce-by";

export interface PlanEvent {
  /** What the event is, stable across runs, languages and row order (CLI.md, `calendar`). */
  key: string;
  kind: EventKind;
  date: Day;
  /** The calendar summary: names the contract or milestone. */
  summary: Text;
  /** What to do by then. */
  todo: Text;
  /** Playbook section, e.g. "4.1". */
  section: string | null;
  /** A notice deadline: carries reminders in the calendar. */
  alarm: boolean;
}

const t = (da: string, en: string): Text => ({ da, en });

const MILESTONE_SECTION: Record<MilestoneKey, string> = {
  kickoff: "1.2",
  "organisation-established": "1.2",
  "transition-agreed": "4.1",
  "operations-announced": "3",
  "go-live": "3",
  "go-live-plus-1-month": "4.1",
};

const MILESTONE_TODO: Record<MilestoneKey, Text> = {
  kickoff: t("Opstartsmøde med Systematic; projektorganisationen skal være på plads inden.", "Kickoff meeting with Systematic; the project organisation must be in place before it."),
  "organisation-established": t("Projektorganisationen skal være etableret.", "The project organisation must be established."),
  "transition-agreed": t("Overgangstidspunktet aftales med KOMBIT og Systematic.", "The transition date is agreed with KOMBIT and Systematic."),
  "operations-announced": t("Driftsorganisationen meldes ud til brugerne.", "The operations organisation is announced to users."),
  "go-live": t("FBS tages i brug.", "FBS goes live."),
  "go-live-plus-1-month": t(
    "Den gamle kontrakt skal løbe mindst til denne dag (en måneds overlap).",
    "The old contract must run at least until this day (one month's overlap).",
  ),
};

const NAME_MAX = 120;

/** A name for a contract: vendor and system, or its row when both are empty. */
export function contractName(vendor: string | null, system: string | null, row: number): Text {
  const full = [vendor, system].filter((s): s is string => !!s && s.trim() !== "").join(" – ");
  // A name is a label: a 32,000-character cell would fill pages of every table and calendar entry.
  const chars = [...full];
  const name = chars.length > NAME_MAX ? `${chars.slice(0, NAME_MAX - 1).join("")}…` : full;
  return name ? t(name, name) : t(`kontrakten i række ${row}`, `the contract in row ${row}`);
}

function slug(text: string): string {
  return encodeURIComponent(normalizeKey(text.normalize("NFC"))).replace(/%/g, "").toLowerCase() || "-";
}

const serial = (d: Day | null): number => d?.getTime() ?? Infinity;

/** Contracts in an order that depends on their content alone: the order numbers contracts that share names. */
function compareContracts(a: ContractTimeline, b: ContractTimeline): number {
  const dates = (c: ContractTimeline) => [c.expires, c.start, c.noticeDeadline, c.extendedUntil, c.terminatedOn].map(serial);
  const [da, db] = [dates(a), dates(b)];
  for (let i = 0; i < da.length; i++) if (da[i] !== db[i]) return da[i] < db[i] ? -1 : 1;
  const [ta, tb] = [a.type ?? "", b.type ?? ""];
  // Equal in every field the calendar shows: their events are the same, so either order gives the same file.
  return ta < tb ? -1 : ta > tb ? 1 : 0;
}

/** The events of a plan, by date (then key). */
export function planEvents(plan: Plan, timeline: Timeline = buildTimeline(plan)): PlanEvent[] {
  const events: PlanEvent[] = [];
  for (const m of timeline.milestones) {
    events.push({
      key: `milestone/${m.key}`,
      kind: "milestone",
      date: m.date,
      summary: m.label,
      todo: MILESTONE_TODO[m.key],
      section: MILESTONE_SECTION[m.key],
      alarm: false,
    });
  }

  const goLive = plan.settings.goLive.value;
  if (goLive) {
    const lead = plan.settings.announcementLeadDays.value ?? 30;
    const by = new Date(goLive.getFullYear(), goLive.getMonth(), goLive.getDate() - lead);
    events.push({
      key: "announce-operations-by",
      kind: "announce-by",
      date: by,
      summary: t("Sidste frist: meld driftsorganisationen ud", "Last day to announce the operations organisation"),
      todo: t(
        `Driftsorganisationen skal være meldt ud til brugerne mindst ${lead} dage før ibrugtagning.`,
        `The operations organisation must be announced to users at least ${lead} days before go-live.`,
      ),
      section: "3",
      alarm: false,
    });
  }

  // Contracts: keyed by vendor and system (`contract/-/-` for neither); contracts with the same names are told
  // apart by what they hold (expiry, start, notice deadline, extension, termination, type), never by their row.
  const seen = new Map<string, number>();
  const contracts = [...timeline.contracts].sort(compareContracts);
  for (const c of contracts) {
    let base = `contract/${slug(c.vendor ?? "")}/${slug(c.system ?? "")}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    if (n > 1) base += `/${n}`;
    const name = contractName(c.vendor, c.system, c.row);
    if (c.noticeDeadline && !c.terminatedOn) {
      events.push({
        key: `${base}/notice`,
        kind: "notice",
        date: c.noticeDeadline,
        summary: t(`Opsigelsesfrist: ${name.da}`, `Notice deadline: ${name.en}`),
        todo: t(
          `Sidste dag for at opsige ${name.da} (udløber ${formatDay(c.expires, "da")}), eller aftal forlængelse.`,
          `Last day to give notice on ${name.en} (expires ${formatDay(c.expires, "en")}), or agree an extension.`,
        ),
        section: "4.1",
        alarm: true,
      });
    }
    if (c.expires) {
      events.push({
        key: `${base}/expiry`,
        kind: "expiry",
        date: c.expires,
        summary: t(`Udløber: ${name.da}`, `Expires: ${name.en}`),
        todo: t(`${name.da} udløber.`, `${name.en} expires.`),
        section: "4.1",
        alarm: false,
      });
    }
    if (c.extendedUntil && (!c.expires || c.extendedUntil.getTime() !== c.expires.getTime())) {
      events.push({
        key: `${base}/extension-end`,
        kind: "extension",
        date: c.extendedUntil,
        summary: t(`Slut med forlængelse: ${name.da}`, `End with extension: ${name.en}`),
        todo: t(`${name.da} slutter, når forlængelsen er brugt.`, `${name.en} ends with the extension used.`),
        section: "4.2",
        alarm: false,
      });
    }
  }

  // Courses: one event per course and date, however many participants.
  const courses = new Map<string, { course: (typeof COURSES)[number] | null; date: Day; participants: string[] }>();
  for (const seat of plan.seats) {
    const date = seat.courseDate.value;
    if (!date) continue;
    const course = seat.course.value ? enumValue(COURSES, seat.course.value) : null;
    const key = `course/${course?.key ?? "course"}/${iso(date)}`;
    const entry = courses.get(key) ?? { course, date, participants: [] };
    if (seat.participant.value) entry.participants.push(seat.participant.value);
    courses.set(key, entry);
  }
  for (const [key, { course, date, participants }] of courses) {
    const who = participants.length ? participants.sort().join(", ") : null;
    events.push({
      key,
      kind: "course",
      date,
      summary: t(`Kursus: ${course?.da ?? "kursus"}`, `Course: ${course?.en ?? "course"}`),
      todo: t(
        `Kursusdag${who ? ` for ${who}` : ""}; skal ligge før ibrugtagning.`,
        `Course day${who ? ` for ${who}` : ""}; must fall before go-live.`,
      ),
      section: "3.1, 3.2",
      alarm: false,
    });
  }
  return events.sort((a, b) => a.date.getTime() - b.date.getTime() || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** The events from `today` through `today + days`. */
export function eventsDue(events: ReadonlyArray<PlanEvent>, today: Day, days = 90): PlanEvent[] {
  const end = new Date(today.getFullYear(), today.getMonth(), today.getDate() + days).getTime();
  return events.filter((e) => e.date.getTime() >= today.getTime() && e.date.getTime() <= end);
}

