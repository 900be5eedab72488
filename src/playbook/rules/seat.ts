/** Training seats (RULES.md, sections 3.1 and 3.2 of the playbook). */
import { daysBetween } from "../dates";
import type { Plan } from "../model";
import { defineRule, message, type Rule } from "../rule";
import { COURSES, SEAT_TYPES, enumValue, normalizeKey, type Course, type Role, type Text } from "../vocabulary";
import { inBody, isoDay, namesSomeone, personRows, roleName, setCellFix, sheetAt, withRole } from "./common";

/** `Tilkøb` / `Purchased`: what SEAT-01/02's fix writes in Pladstype. */
const PURCHASED = enumValue(SEAT_TYPES, "purchased");

/** Standard seats per course included for every municipality. */
export const STANDARD_SEATS: Record<Course, number> = { systemAdministrator: 2, superUser: 5 };

const COURSE_ROLE: Record<Course, Role> = { systemAdministrator: "fbsSystemAdministrator", superUser: "superUser" };
const COURSE_SECTION: Record<Course, string> = { systemAdministrator: "3.1", superUser: "3.2" };

function courseName(course: Course): Text {
  return COURSES.find((x) => x.key === course) as Text;
}

/** The normalised names of each course's participants. */
function participantsByCourse(plan: Plan): Record<Course, Set<string>> {
  const byCourse: Record<Course, Set<string>> = { systemAdministrator: new Set(), superUser: new Set() };
  for (const s of plan.seats) if (s.course.value && s.participant.value) byCourse[s.course.value].add(normalizeKey(s.participant.value));
  return byCourse;
}

function courseOf(role: Role | null): Course | null {
  return role === "fbsSystemAdministrator" ? "systemAdministrator" : role === "superUser" ? "superUser" : null;
}

/** SEAT-01 and SEAT-02: at most the standard seats of one course. */
function standardSeatLimit(id: string, course: Course): Rule {
  const limit = STANDARD_SEATS[course];
  const name = courseName(course);
  return defineRule({
    id,
    severity: "error",
    section: COURSE_SECTION[course],
    title: { da: `Højst ${limit} standardpladser på kurset for ${name.da}`, en: `At most ${limit} standard seats on the ${name.en} course` },
    messages: {
      overQuota: message<{ seat: number; limit: number; course: Course }>({
        da: (d) =>
          `Plads nr. ${d.seat} på kurset for ${courseName(d.course).da} står som standard; kommunen har kun ${d.limit} standardpladser.`,
        en: (d) =>
          `Seat no. ${d.seat} on the ${courseName(d.course).en} course is marked standard; the municipality has only ${d.limit} standard seats.`,
        hint: { da: "Ekstra pladser skal tilkøbes: vælg «Tilkøb» i Pladstype.", en: "Extra seats are purchased: choose «Purchased» in Seat type." },
      }),
    },
    check: ({ plan }, report) => {
      const standard = plan.seats.filter((s) => s.course.value === course && !s.seatType.invalid && s.seatType.value !== "purchased");
      standard.slice(limit).forEach((s, i) =>
        report("overQuota", s.seatType, { seat: limit + i + 1, limit, course }, { fix: setCellFix(s.seatType, PURCHASED[plan.lang]) }),
      );
    },
  });
}

const SEAT_01 = standardSeatLimit("SEAT-01", "systemAdministrator");

const SEAT_02 = standardSeatLimit("SEAT-02", "superUser");

const SEAT_03 = defineRule({
  id: "SEAT-03",
  severity: "warning",
  section: "3.1, 3.2",
  title: { da: "Systemadministratorer og superbrugere har en kursusplads", en: "System administrators and super users hold a course seat" },
  messages: {
    noSeat: message<{ name: string; course: Course }>({
      da: (d, w) => `${w.q(d.name)} (${roleName(COURSE_ROLE[d.course]).da}) har ingen plads på kurset for ${courseName(d.course).da}.`,
      en: (d, w) => `${w.q(d.name)} (${roleName(COURSE_ROLE[d.course]).en}) has no seat on the ${courseName(d.course).en} course.`,
      hint: {
        da: (d, w) => `Tilføj en række i Kursuspladser med Kursus ${w.q(courseName(d.course).da)} og personen som Deltager.`,
        en: (d, w) => `Add a row to Training seats with Course ${w.q(courseName(d.course).en)} and the person as Participant.`,
      },
    }),
  },
  check: ({ plan }, report) => {
    const seated = participantsByCourse(plan);
    const reported: Record<Course, Set<string>> = { systemAdministrator: new Set(), superUser: new Set() };
    for (const p of withRole(inBody(plan, "operationsOrganisation"), ["fbsSystemAdministrator", "superUser"])) {
      if (!p.named || !p.nameKey) continue;
      const course = courseOf(p.role.value) as Course;
      if (seated[course].has(p.nameKey) || reported[course].has(p.nameKey)) continue;
      reported[course].add(p.nameKey);
      report("noSeat", p.name, { name: p.name.value as string, course }, { section: COURSE_SECTION[course] });
    }
  },
});

const SEAT_04 = defineRule({
  id: "SEAT-04",
  severity: "warning",
  section: "3.1, 3.2",
  title: { da: "Kursusdeltagere har den tilsvarende rolle", en: "Course participants hold the matching role" },
  messages: {
    wrongRole: message<{ name: string; role: Role }>({
      da: (d, w) => `${w.q(d.name)} har en plads på kurset, men er ikke ${roleName(d.role).da} i driftsorganisationen.`,
      en: (d, w) => `${w.q(d.name)} holds a seat on the course but is not ${roleName(d.role).en} in the operations organisation.`,
      hint: {
        da: (d, w) => `Giv personen rollen ${w.q(roleName(d.role).da)} i Driftsorganisation, eller giv pladsen til en, der har rollen.`,
        en: (d, w) => `Give the person the role ${w.q(roleName(d.role).en)} in the Operations organisation, or give the seat to someone who has it.`,
      },
    }),
  },
  check: ({ plan }, report) => {
    for (const s of plan.seats) {
      const course = s.course.value;
      const name = s.participant.value;
      if (course === null || !namesSomeone(name)) continue;
      const rows = personRows(plan, name);
      if (!rows) continue; // unknown names are DATA-04
      const role = COURSE_ROLE[course];
      if (rows.some((p) => p.role.value === role && p.effectiveBody === "operationsOrganisation")) continue;
      report("wrongRole", s.participant, { name, role }, { section: COURSE_SECTION[course] });
    }
  },
});

const SEAT_05 = defineRule({
  id: "SEAT-05",
  severity: "warning",
  section: "3.1, 3.2",
  title: { da: "Kurserne ligger før ibrugtagning", en: "Courses take place before go-live" },
  messages: {
    afterGoLive: message<{ courseDate: string; goLive: string }>({
      da: (d, w) => `Kurset ${w.date(d.courseDate)} ligger ikke før ibrugtagning ${w.date(d.goLive)}.`,
      en: (d, w) => `The course on ${w.date(d.courseDate)} is not before go-live on ${w.date(d.goLive)}.`,
      hint: { da: "Book et kursushold før ibrugtagning, så deltagerne er klar.", en: "Book a course before go-live so the participants are ready." },
    }),
  },
  check: ({ plan }, report) => {
    const goLive = plan.settings.goLive.value;
    if (!goLive) return;
    for (const s of plan.seats) {
      const date = s.courseDate.value;
      if (!date || daysBetween(goLive, date) > 0) continue;
      const section = s.course.value ? COURSE_SECTION[s.course.value] : undefined;
      report("afterGoLive", s.courseDate, { courseDate: isoDay(date), goLive: isoDay(goLive) }, { section });
    }
  },
});

const SEAT_06 = defineRule({
  id: "SEAT-06",
  severity: "info",
  section: "3.1, 3.2",
  title: { da: "Antal tilkøbte kursuspladser", en: "Number of purchased course seats" },
  messages: {
    purchased: message<{ count: number; course: Course }>({
      da: (d) => `${d.count} ${d.count === 1 ? "plads" : "pladser"} på kurset for ${courseName(d.course).da} er tilkøbt.`,
      en: (d) => `${d.count} ${d.count === 1 ? "seat" : "seats"} on the ${courseName(d.course).en} course ${d.count === 1 ? "is" : "are"} purchased.`,
      hint: { da: "Tilkøbte pladser koster ekstra: husk dem i budgettet.", en: "Purchased seats cost extra: include them in the budget." },
    }),
  },
  check: ({ plan }, report) => {
    for (const course of ["systemAdministrator", "superUser"] as const) {
      const count = plan.seats.filter((s) => s.course.value === course && s.seatType.value === "purchased").length;
      if (count > 0) report("purchased", sheetAt(plan, "seats"), { count, course }, { section: COURSE_SECTION[course] });
    }
  },
});

export const SEAT_RULES: ReadonlyArray<Rule> = [SEAT_01, SEAT_02, SEAT_03, SEAT_04, SEAT_05, SEAT_06];
