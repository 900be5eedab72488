/** Training seats (RULES.md, sections 3.1 and 3.2 of the playbook). */
import { daysBetween, formatDay } from "../dates";
import type { Plan, Seat } from "../model";
import type { Rule } from "../rule";
import { COURSES, normalizeKey, type Course, type Role, type Text } from "../vocabulary";
import { draftsFor, inBody, namesSomeone, personRows, q, roleName, sheetAt, text, withRole } from "./common";

/** Standard seats per course included for every municipality. */
export const STANDARD_SEATS: Record<Course, number> = { systemAdministrator: 2, superUser: 5 };

const COURSE_ROLE: Record<Course, Role> = { systemAdministrator: "fbsSystemAdministrator", superUser: "superUser" };
const COURSE_SECTION: Record<Course, string> = { systemAdministrator: "3.1", superUser: "3.2" };

function courseName(course: Course) {
  const c = COURSES.find((x) => x.key === course)!;
  return { da: c.da, en: c.en };
}

function standardSeatLimit(id: string, course: Course): Rule {
  const limit = STANDARD_SEATS[course];
  const name = courseName(course);
  return {
    id,
    severity: "error",
    section: COURSE_SECTION[course],
    title: text(`Højst ${limit} standardpladser på kurset for ${name.da}`, `At most ${limit} standard seats on the ${name.en} course`),
    check: ({ plan }) => {
      const standard = plan.seats.filter((s) => s.course.value === course && !s.seatType.invalid && s.seatType.value !== "purchased");
      return standard.slice(limit).map((s, i) => ({
        at: s.seatType.at.cell ? s.seatType.at : s.at,
        message: text(
          `Plads nr. ${limit + i + 1} på kurset for ${name.da} står som standard; kommunen har kun ${limit} standardpladser.`,
          `Seat no. ${limit + i + 1} on the ${name.en} course is marked standard; the municipality has only ${limit} standard seats.`,
        ),
        hint: text("Ekstra pladser skal tilkøbes: vælg «Tilkøb» i Pladstype.", "Extra seats are purchased: choose «Purchased» in Seat type."),
      }));
    },
  };
}

/** The normalised names of each course's participants. */
function participantsByCourse(plan: Plan): Record<Course, Set<string>> {
  const byCourse: Record<Course, Set<string>> = { systemAdministrator: new Set(), superUser: new Set() };
  plan.seats.forEach((s) => {
    if (s.course.value && s.participant.value) byCourse[s.course.value].add(normalizeKey(s.participant.value));
  });
  return byCourse;
}

function courseOf(role: Role | null): Course | null {
  return role === "fbsSystemAdministrator" ? "systemAdministrator" : role === "superUser" ? "superUser" : null;
}

/** What SEAT-03 says for a course, made once: a large plan reports thousands of rows. */
function missingSeatTexts(course: Course): { name: Text; role: Text; hint: Text } {
  const name = courseName(course);
  return {
    name,
    role: roleName(COURSE_ROLE[course]),
    hint: text(
      `Tilføj en række i Kursuspladser med Kursus ${q(name.da)} og personen som Deltager.`,
      `Add a row to Training seats with Course ${q(name.en)} and the person as Participant.`,
    ),
  };
}

const MISSING_SEAT_TEXTS: Record<Course, ReturnType<typeof missingSeatTexts>> = {
  systemAdministrator: missingSeatTexts("systemAdministrator"),
  superUser: missingSeatTexts("superUser"),
};

export const SEAT_RULES: Rule[] = [
  standardSeatLimit("SEAT-01", "systemAdministrator"),
  standardSeatLimit("SEAT-02", "superUser"),
  {
    id: "SEAT-03",
    severity: "warning",
    section: "3.1, 3.2",
    title: text("Systemadministratorer og superbrugere har en kursusplads", "System administrators and super users hold a course seat"),
    check: ({ plan }) => {
      const seated = participantsByCourse(plan);
      const reported: Record<Course, Set<string>> = { systemAdministrator: new Set(), superUser: new Set() };
      return draftsFor(withRole(inBody(plan, "operationsOrganisation"), ["fbsSystemAdministrator", "superUser"]), (p) => {
        if (!p.named || !p.nameKey) return null;
        const course = courseOf(p.role.value) as Course;
        if (seated[course].has(p.nameKey) || reported[course].has(p.nameKey)) return null;
        reported[course].add(p.nameKey);
        const { name, role, hint } = MISSING_SEAT_TEXTS[course];
        const person = q(p.name.value as string);
        const at = p.name.at;
        return {
          at: at.cell ? at : p.at,
          section: COURSE_SECTION[course],
          message: text(`${person} (${role.da}) har ingen plads på kurset for ${name.da}.`, `${person} (${role.en}) has no seat on the ${name.en} course.`),
          hint,
        };
      });
    },
  },
  {
    id: "SEAT-04",
    severity: "warning",
    section: "3.1, 3.2",
    title: text("Kursusdeltagere har den tilsvarende rolle", "Course participants hold the matching role"),
    check: ({ plan }) =>
      plan.seats
        .filter((s): s is Seat & { course: { value: Course } } => s.course.value !== null)
        .filter((s) => {
          if (!namesSomeone(s.participant.value)) return false;
          const rows = personRows(plan, s.participant.value);
          if (!rows) return false; // unknown names are DATA-04
          const role = COURSE_ROLE[s.course.value];
          return !rows.some((p) => p.role.value === role && p.effectiveBody === "operationsOrganisation");
        })
        .map((s) => {
          const role = roleName(COURSE_ROLE[s.course.value]);
          return {
            at: s.participant.at,
            section: COURSE_SECTION[s.course.value],
            message: text(
              `${q(s.participant.value!)} har en plads på kurset, men er ikke ${role.da} i driftsorganisationen.`,
              `${q(s.participant.value!)} holds a seat on the course but is not ${role.en} in the operations organisation.`,
            ),
            hint: text(
              `Giv personen rollen ${q(role.da)} i Driftsorganisation, eller giv pladsen til en, der har rollen.`,
              `Give the person the role ${q(role.en)} in the Operations organisation, or give the seat to someone who has it.`,
            ),
          };
        }),
  },
  {
    id: "SEAT-05",
    severity: "warning",
    section: "3.1, 3.2",
    title: text("Kurserne ligger før ibrugtagning", "Courses take place before go-live"),
    check: ({ plan }) => {
      const goLive = plan.settings.goLive.value;
      if (!goLive) return [];
      return plan.seats
        .filter((s) => s.courseDate.value && daysBetween(goLive, s.courseDate.value) <= 0)
        .map((s) => ({
          at: s.courseDate.at,
          section: s.course.value ? COURSE_SECTION[s.course.value] : undefined,
          message: text(
            `Kurset ${formatDay(s.courseDate.value, "da")} ligger ikke før ibrugtagning ${formatDay(goLive, "da")}.`,
            `The course on ${formatDay(s.courseDate.value, "en")} is not before go-live on ${formatDay(goLive, "en")}.`,
          ),
          hint: text("Book et kursushold før ibrugtagning, så deltagerne er klar.", "Book a course before go-live so the participants are ready."),
        }));
    },
  },
  {
    id: "SEAT-06",
    severity: "info",
    section: "3.1, 3.2",
    title: text("Antal tilkøbte kursuspladser", "Number of purchased course seats"),
    check: ({ plan }) =>
      (["systemAdministrator", "superUser"] as const).flatMap((course) => {
        const n = plan.seats.filter((s) => s.course.value === course && s.seatType.value === "purchased").length;
        if (n === 0) return [];
        const name = courseName(course);
        return [
          {
            at: sheetAt(plan, "seats"),
            section: COURSE_SECTION[course],
            message: text(
              `${n} ${n === 1 ? "plads" : "pladser"} på kurset for ${name.da} er tilkøbt.`,
              `${n} ${n === 1 ? "seat" : "seats"} on the ${name.en} course ${n === 1 ? "is" : "are"} purchased.`,
            ),
            hint: text("Tilkøbte pladser koster ekstra: husk dem i budgettet.", "Purchased seats cost extra: include them in the budget."),
          },
        ];
      }),
  },
];
