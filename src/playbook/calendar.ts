/**
 * The deadlines as an iCalendar file (RFC 5545; CLI.md, `calendar`), made with ical-generator. Pure:
 * events in, text out; the command line writes it to a file and the pane offers it as a download.
 */
import ical, { ICalAlarmType } from "ical-generator";
import { toUtcDate, type Day } from "./dates";
import { DEFAULT_REMIND_DAYS, type PlanEvent } from "./events";
import { normalizeKey, type Lang, type Text } from "./vocabulary";


export interface CalendarOptions {
  municipality: string | null;
  lang: Lang;
  /** Days before a notice deadline that a reminder goes off (CLI.md `--remind`, default 30,7). */
  remindDays?: ReadonlyArray<number>;
  /** DTSTAMP: when the file was made (the machine's clock when absent). */
  stamp?: Date;
}

const T = {
  name: { da: (m: string) => `FBS-overgang: ${m}`, en: (m: string) => `FBS transition: ${m}` },
  unnamed: { da: "kommunen", en: "the municipality" },
  section: { da: "Drejebog 1", en: "Playbook 1" },
  made: {
    da: "Lavet af fbs-playbook ud fra planlægningsprojektmappen. Importér en nyere fil for at opdatere begivenhederne.",
    en: "Made by fbs-playbook from the planning workbook. Import a newer file to update the events.",
  },
  reminder: { da: (d: number) => `Om ${d} dage`, en: (d: number) => `In ${d} days` },
} satisfies Record<string, Text | Record<Lang, unknown>>;

/** The part of every UID that names the municipality; the same in every language and run. */
function municipalityKey(municipality: string | null): string {
  const key = normalizeKey((municipality ?? "").normalize("NFC"));
  return key ? encodeURIComponent(key).replace(/%/g, "").toLowerCase() : "kommune";
}

/** A UID from the municipality and what the event is (never the row, the language or the run). */
export function eventUid(municipality: string | null, event: PlanEvent): string {
  return `${municipalityKey(municipality)}/${event.key}@fbs-playbook`;
}

const nextDay = (d: Day): Day => new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1);

export function calendarText(events: ReadonlyArray<PlanEvent>, options: CalendarOptions): string {
  const { lang } = options;
  const remind = [...new Set(options.remindDays ?? DEFAULT_REMIND_DAYS)].sort((a, b) => b - a);
  const place = options.municipality?.trim() || T.unnamed[lang];
  const calendar = ical({
    name: T.name[lang](place),
    prodId: { company: "fbs-playbook", product: "fbs-playbook", language: lang.toUpperCase() },
  });
  const stamp = options.stamp ?? new Date();
  for (const event of events) {
    const section = event.section ? `${T.section[lang]} §${event.section}` : T.section[lang];
    calendar.createEvent({
      id: eventUid(options.municipality, event),
      start: toUtcDate(event.date),
      end: toUtcDate(nextDay(event.date)),
      allDay: true,
      stamp,
      summary: event.summary[lang],
      description: `${event.todo[lang]}\n${section}\n\n${T.made[lang]}`,
      alarms: event.alarm
        ? remind.map((days) => ({ type: ICalAlarmType.display, trigger: days * 86_400, description: `${T.reminder[lang](days)}: ${event.summary[lang]}` }))
        : [],
    });
  }
  // RFC 5545 §3.1: every content line, the last one too, ends with CRLF (ical-generator leaves the last one bare).
  const text = calendar.toString();
  return text.endsWith("\r\n") ? text : `${text}\r\n`;
}
