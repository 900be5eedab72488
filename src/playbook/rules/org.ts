/** Organisation of the project (RULES.md, sections 1 and 2 of the playbook). */
import { daysBetween } from "../dates";
import type { Field, Person } from "../model";
import { defineRule, message, type Report, type Rule, type Words } from "../rule";
import { isPlaceholderName } from "../values";
import { PEOPLE_SHEET, PROJECT_MANAGER_ROLES, ROLES, YES_NO, type Role, type Sector, type Text } from "../vocabulary";
import {
  bodyName,
  distinctPeople,
  inBody,
  isoDay,
  namesSystem,
  roleName,
  sectorName,
  settingAt,
  settingName,
  sheetAt,
  systemParts,
  withRole,
  setCellFix,
} from "./common";

/** A Danish full-time week (ORG-15). */
export const FULL_TIME_HOURS = 37;

const GUIDING_ROLES: ReadonlyArray<Role> = [
  "publicLibrarySpecialist",
  "plcSpecialist",
  "municipalItSpecialist",
  "currentSystemAdministrator",
  "financeSystemSpecialist",
];

/** A person as a message's values: the name (null when empty) and the row. */
type Who = { name: string | null; row: number };

function whoOf(p: Person): Who {
  return { name: p.name.value, row: p.row };
}

/** The person by name, or by row when the name is empty. */
function who(person: Who, w: Words): string {
  return person.name ? w.q(person.name) : `${w.lang === "da" ? "række" : "row"} ${person.row}`;
}

/** Two people in one message: `name`/`row` and `other`/`otherRow`. */
type Pair = { name: string | null; row: number; other: string | null; otherRow: number };

function pairOf(first: Person, second: Person): Pair {
  return { name: first.name.value, row: first.row, other: second.name.value, otherRow: second.row };
}

function second(d: Pair): Who {
  return { name: d.other, row: d.otherRow };
}

const ORG_01 = defineRule({
  id: "ORG-01",
  severity: "error",
  section: "2.1",
  title: { da: "Præcis én projektejer", en: "Exactly one project owner" },
  messages: {
    noOwner: message({
      da: "Projektet har ingen projektejer.",
      en: "The project has no project owner.",
      hint: {
        da: "Tilføj en række med Rolle «Projektejer» i Styregruppe: typisk den faglige chef eller direktør med den største aktie i FBS.",
        en: "Add a row with Role «Project owner» in the Steering group: usually the head of department or director with the largest stake in FBS.",
      },
    }),
    secondOwner: message<Pair>({
      da: (d, w) => `${who(d, w)} er projektejer ved siden af ${who(second(d), w)}: projektet skal have én projektejer.`,
      en: (d, w) => `${who(d, w)} is project owner besides ${who(second(d), w)}: the project must have one project owner.`,
      hint: { da: "Behold én projektejer; giv de andre rollen «Styregruppemedlem».", en: "Keep one project owner; give the others the role «Steering group member»." },
    }),
  },
  check: ({ plan }, report) => {
    const owners = distinctPeople(withRole(plan.people, ["projectOwner"]));
    if (owners.length === 0) report("noOwner", sheetAt(plan, "people"), {}, { subject: roleName("projectOwner") });
    for (const p of owners.slice(1)) report("secondOwner", p.role, pairOf(p, owners[0]));
  },
});

const ORG_02 = defineRule({
  id: "ORG-02",
  severity: "warning",
  section: "2.1",
  title: { da: "Styregruppe med projektejeren som formand", en: "A steering group chaired by the project owner" },
  messages: {
    noSteeringGroup: message({
      da: "Der er ingen styregruppe.",
      en: "There is no steering group.",
      hint: {
        da: "Nedsæt en styregruppe: rækker med Organ «Styregruppe», med projektejeren som formand.",
        en: "Set up a steering group: rows with Body «Steering group», chaired by the project owner.",
      },
    }),
    ownerNotChair: message<Who>({
      da: (d, w) => `Projektejeren ${who(d, w)} er ikke styregruppens formand.`,
      en: (d, w) => `The project owner ${who(d, w)} does not chair the steering group.`,
      hint: { da: "Skriv «Ja» i Formand på projektejerens række.", en: "Put «Yes» in Chair on the project owner's row." },
    }),
    chairNotOwner: message<Who>({
      da: (d, w) => `${who(d, w)} er markeret som formand, men er ikke projektejer.`,
      en: (d, w) => `${who(d, w)} is marked as chair but is not the project owner.`,
      hint: { da: "Projektejeren er styregruppens formand: skriv «Nej» i Formand her.", en: "The project owner chairs the steering group: put «No» in Chair here." },
    }),
  },
  check: ({ plan }, report) => {
    if (inBody(plan, "steeringGroup").length === 0) {
      report("noSteeringGroup", sheetAt(plan, "people"), {}, { subject: bodyName("steeringGroup") });
      return;
    }
    const ownerRows = withRole(plan.people, ["projectOwner"]);
    const owners = distinctPeople(ownerRows);
    const ownerKeys = new Set(owners.map((o) => o.nameKey ?? `#${o.row}`));
    if (owners.length === 1 && !ownerRows.some((p) => p.chair.value)) report("ownerNotChair", ownerRows[0].chair, whoOf(ownerRows[0]), { fix: setCellFix(ownerRows[0].chair, YES_NO.yes[plan.lang]) });
    for (const p of plan.people) {
      if (!p.chair.value) continue;
      if (p.role.value === "projectOwner" || (p.nameKey !== null && ownerKeys.has(p.nameKey) && p.role.value === null)) continue;
      report("chairNotOwner", p.chair, whoOf(p), { fix: setCellFix(p.chair, YES_NO.no[plan.lang]) });
    }
  },
});

const STEERING_SECTORS: ReadonlyArray<Sector> = ["publicLibrary", "plc", "municipalIt"];

const ORG_03 = defineRule({
  id: "ORG-03",
  severity: "error",
  section: "2.1",
  title: {
    da: "Styregruppen har beslutningskompetence for folkebibliotek, PLC og kommunal IT",
    en: "The steering group has decision authority for public libraries, PLC and municipal IT",
  },
  messages: {
    noAuthority: message<{ sector: Sector }>({
      da: (d) => `Ingen i styregruppen har beslutningskompetence for ${sectorName(d.sector).da}.`,
      en: (d) => `Nobody in the steering group has decision authority for ${sectorName(d.sector).en}.`,
      hint: {
        da: (d) => `Tilføj et styregruppemedlem med Sektor «${sectorName(d.sector).da}» og Beslutningskompetence «Ja».`,
        en: (d) => `Add a steering group member with Sector «${sectorName(d.sector).en}» and Decision authority «Yes».`,
      },
    }),
  },
  check: ({ plan }, report) => {
    const deciding = new Set(inBody(plan, "steeringGroup").filter((p) => p.decisionAuthority.value).map((p) => p.sector.value));
    for (const sector of STEERING_SECTORS) {
      if (!deciding.has(sector)) report("noAuthority", sheetAt(plan, "people"), { sector }, { subject: sectorName(sector) });
    }
  },
});

const ORG_04 = defineRule({
  id: "ORG-04",
  severity: "error",
  section: "2.2",
  title: { da: "Mindst én projektleder", en: "At least one project manager" },
  messages: {
    noManager: message({
      da: "Der er ikke udpeget en projektleder.",
      en: "No project manager has been appointed.",
      hint: {
        da: "Tilføj en række med Rolle «Projektleder» (eller en faglig og en teknisk projektleder) i Projektgruppe.",
        en: "Add a row with Role «Project manager» (or a business and a technical project manager) in the Project group.",
      },
    }),
  },
  check: ({ plan }, report) => {
    if (withRole(plan.people, PROJECT_MANAGER_ROLES).length === 0) {
      report("noManager", sheetAt(plan, "people"), {}, { subject: roleName("projectManager") });
    }
  },
});

const ORG_05 = defineRule({
  id: "ORG-05",
  severity: "error",
  section: "2.2",
  title: { da: "Én overordnet projektleder, når ledelsen er delt", en: "One overall project lead when management is shared" },
  messages: {
    noOverallLead: message<{ managers: ReadonlyArray<string> }>({
      da: (d, w) => `Projektledelsen er delt mellem ${d.managers.map(w.q).join(", ")}, men ingen er overordnet projektleder.`,
      en: (d, w) => `Project management is shared between ${d.managers.map(w.q).join(", ")}, but nobody is the overall project lead.`,
      hint: { da: "Skriv «Ja» i Overordnet projektleder for præcis én af dem.", en: "Put «Yes» in Overall project lead for exactly one of them." },
    }),
    twoOverallLeads: message<Pair>({
      da: (d, w) => `Både ${who(d, w)} og ${who(second(d), w)} er markeret som overordnet projektleder.`,
      en: (d, w) => `Both ${who(d, w)} and ${who(second(d), w)} are marked as overall project lead.`,
      hint: { da: "Der skal være tydelige aftaler: kun én overordnet projektleder.", en: "Agreements must be clear: only one overall project lead." },
    }),
  },
  check: ({ plan }, report) => {
    const rows = withRole(plan.people, PROJECT_MANAGER_ROLES);
    const managers = distinctPeople(rows);
    if (managers.length < 2) return;
    const leads = distinctPeople(rows.filter((p) => p.overallLead.value));
    if (leads.length === 0) report("noOverallLead", managers[0].overallLead, { managers: managers.map((m) => m.name.value ?? "?") });
    for (const p of leads.slice(1)) report("twoOverallLeads", p.overallLead, pairOf(leads[0], p));
  },
});

const CONTACT_COLUMN = PEOPLE_SHEET.columns.find((c) => c.key === "contact") as Text;

const ORG_06 = defineRule({
  id: "ORG-06",
  severity: "error",
  section: "2.2",
  title: { da: "Én kontaktperson for KOMBIT og Systematic", en: "One contact for KOMBIT and Systematic" },
  messages: {
    noContact: message({
      da: "Ingen er kontaktperson for KOMBIT og Systematic.",
      en: "Nobody is the contact for KOMBIT and Systematic.",
      hint: {
        da: "Skriv «Ja» i Kontaktperson for KOMBIT og Systematic for én person, typisk projektlederen.",
        en: "Put «Yes» in Contact for KOMBIT and Systematic for one person, usually the project manager.",
      },
    }),
    twoContacts: message<Pair>({
      da: (d, w) => `Både ${who(d, w)} og ${who(second(d), w)} er kontaktperson for KOMBIT og Systematic.`,
      en: (d, w) => `Both ${who(d, w)} and ${who(second(d), w)} are the contact for KOMBIT and Systematic.`,
      hint: { da: "Kontakten skal være éntydigt placeret: behold én kontaktperson.", en: "The contact must be unambiguous: keep one contact." },
    }),
  },
  check: ({ plan }, report) => {
    const contacts = distinctPeople(plan.people.filter((p) => p.contact.value));
    if (contacts.length === 0) {
      const manager = withRole(plan.people, PROJECT_MANAGER_ROLES)[0];
      report("noContact", manager ? manager.contact : sheetAt(plan, "people"), {}, { subject: CONTACT_COLUMN });
    }
    for (const p of contacts.slice(1)) report("twoContacts", p.contact, pairOf(contacts[0], p));
  },
});

const ORG_07 = defineRule({
  id: "ORG-07",
  severity: "warning",
  section: "2.2",
  title: { da: "Projektgruppen har de vejledende roller", en: "The project group holds the guiding roles" },
  messages: {
    missingRole: message<{ role: Role }>({
      da: (d, w) => `Projektgruppen har ingen ${w.q(roleName(d.role).da)}.`,
      en: (d, w) => `The project group has no ${w.q(roleName(d.role).en)}.`,
      hint: {
        da: (d, w) => `Tilføj en navngiven person med Rolle ${w.q(roleName(d.role).da)} i Projektgruppe.`,
        en: (d, w) => `Add a named person with Role ${w.q(roleName(d.role).en)} in the Project group.`,
      },
    }),
  },
  check: ({ plan }, report) => {
    const held = new Set(inBody(plan, "projectGroup").map((p) => p.role.value));
    for (const role of GUIDING_ROLES) {
      if (!held.has(role)) report("missingRole", sheetAt(plan, "people"), { role }, { subject: roleName(role) });
    }
  },
});

const ORG_08 = defineRule({
  id: "ORG-08",
  severity: "warning",
  section: "2.2",
  title: { da: "Projektgruppens deltagere har fået frigjort tid", en: "Project group members have time freed" },
  messages: {
    noHours: message<Who>({
      da: (d, w) => `${who(d, w)} har ingen timer pr. uge afsat til projektet.`,
      en: (d, w) => `${who(d, w)} has no hours per week set aside for the project.`,
      hint: {
        da: "Aftal hvor mange timer om ugen personen frigøres til projektet, og skriv tallet i Timer pr. uge.",
        en: "Agree how many hours a week the person is freed for the project, and type it in Hours per week.",
      },
    }),
  },
  check: ({ plan }, report) => {
    for (const p of inBody(plan, "projectGroup")) {
      if (!p.hoursPerWeek.invalid && !((p.hoursPerWeek.value ?? 0) > 0)) report("noHours", p.hoursPerWeek, whoOf(p));
    }
  },
});

const ORG_09 = defineRule({
  id: "ORG-09",
  severity: "error",
  section: "2.2.4",
  title: {
    da: "Kommer kommunen fra flere systemer, er hvert system repræsenteret af en systemadministrator",
    en: "Each current system has a system administrator when there are several",
  },
  messages: {
    noAdministrator: message<{ system: string }>({
      da: (d, w) => `Systemet ${w.q(d.system)} har ingen systemadministrator (nuværende system) i projektgruppen.`,
      en: (d, w) => `The system ${w.q(d.system)} has no current system administrator in the project group.`,
      hint: {
        da: (d, w) => `Tilføj en person med Rolle «Systemadministrator (nuværende system)» og ${w.q(d.system)} i Nuværende system.`,
        en: (d, w) => `Add a person with Role «Current system administrator» and ${w.q(d.system)} in Current system.`,
      },
    }),
  },
  check: ({ plan }, report) => {
    const systems = plan.settings.currentSystems.value ?? [];
    if (systems.length < 2) return;
    const adminSystems = withRole(plan.people, ["currentSystemAdministrator"]).map((p) => systemParts(p.currentSystem.value));
    for (const system of systems) {
      if (adminSystems.some((parts) => namesSystem(parts, system))) continue;
      report("noAdministrator", settingAt(plan, "currentSystems"), { system }, { subject: settingName("currentSystems") });
    }
  },
});

const ORG_10 = defineRule({
  id: "ORG-10",
  severity: "error",
  section: "1.2",
  title: { da: "Projektorganisationen er etableret før opstartsmødet", en: "The project organisation is set up before the kickoff" },
  messages: {
    notSet: message({
      da: "Datoen for «Projektorganisation etableret» er ikke udfyldt.",
      en: "The date «Project organisation established» is empty.",
      hint: {
        da: "Sæt projektorganisationen op før opstartsmødet med Systematic, og skriv datoen.",
        en: "Set up the project organisation before the kickoff meeting with Systematic, and type the date.",
      },
    }),
    afterKickoff: message<{ established: string; kickoff: string }>({
      da: (d, w) => `Projektorganisationen etableres ${w.date(d.established)}, ikke før opstartsmødet ${w.date(d.kickoff)}.`,
      en: (d, w) => `The project organisation is set up on ${w.date(d.established)}, not before the kickoff on ${w.date(d.kickoff)}.`,
      hint: {
        da: "Det er afgørende at have en robust projektorganisation før opstartsmødet: etablér den tidligere, eller flyt opstartsmødet.",
        en: "A robust project organisation before the kickoff is crucial: set it up earlier or move the kickoff.",
      },
    }),
  },
  check: ({ plan }, report) => {
    const { organisationEstablished: established, kickoff } = plan.settings;
    const at = settingAt(plan, "organisationEstablished");
    const subject = settingName("organisationEstablished");
    if (established.invalid) return;
    if (!established.value) report("notSet", at, {}, { subject });
    else if (kickoff.value && daysBetween(kickoff.value, established.value) <= 0) {
      report("afterKickoff", at, { established: isoDay(established.value), kickoff: isoDay(kickoff.value) }, { subject });
    }
  },
});

const ORG_11 = defineRule({
  id: "ORG-11",
  severity: "error",
  section: "1.2",
  title: { da: "Projektgruppen favner både folkebibliotek og PLC", en: "The project group spans public libraries and PLC" },
  messages: {
    missingSector: message<{ sector: "publicLibrary" | "plc" }>({
      da: (d) => `Projektgruppen har ingen fra ${sectorName(d.sector).da}.`,
      en: (d) => `The project group has nobody from ${sectorName(d.sector).en}.`,
      hint: {
        da: (d) => `Tilføj en person med Sektor «${sectorName(d.sector).da}» i Projektgruppe, fx Fagperson ${d.sector === "plc" ? "PLC" : "folkebibliotek"}.`,
        en: (d) => `Add a person with Sector «${sectorName(d.sector).en}» to the Project group, e.g. a ${d.sector === "plc" ? "PLC" : "public library"} specialist.`,
      },
    }),
  },
  check: ({ plan }, report) => {
    const sectors = new Set(inBody(plan, "projectGroup").map((p) => p.sector.value));
    for (const sector of ["publicLibrary", "plc"] as const) {
      if (!sectors.has(sector)) report("missingSector", sheetAt(plan, "people"), { sector }, { subject: sectorName(sector) });
    }
  },
});

/** Who holds a person reference, in ORG-12's messages: a role, or the two holders that are not roles. */
const HOLDERS: Record<string, Text> = {
  ...Object.fromEntries(ROLES.map((r) => [r.key, r])),
  fbsOwnership: { da: "FBS-ejerskab", en: "FBS ownership" },
  courseParticipant: { da: "Kursusdeltager", en: "Course participant" },
};

type Holder = Role | "fbsOwnership" | "courseParticipant";

const PLACEHOLDER_HINT = { da: "Skriv navnet på den person, der skal varetage rollen.", en: "Type the name of the person who will hold the role." };

type PlaceholderMessages = {
  roleNotNamed: ReturnType<typeof roleNotNamed>;
  notNamed: ReturnType<typeof notNamed>;
};

function roleNotNamed() {
  return message<{ role: Holder; value: string | null }>({
    da: (d, w) => `Rollen ${w.q(HOLDERS[d.role].da)} er ikke bemandet med en navngiven person${d.value ? ` (${w.q(d.value)})` : ""}.`,
    en: (d, w) => `The role ${w.q(HOLDERS[d.role].en)} is not held by a named person${d.value ? ` (${w.q(d.value)})` : ""}.`,
    hint: PLACEHOLDER_HINT,
  });
}

function notNamed() {
  return message<{ value: string | null }>({
    da: (d, w) => `${d.value ? w.q(d.value) : "Feltet"} er ikke en navngiven person.`,
    en: (d, w) => `${d.value ? w.q(d.value) : "The field"} is not a named person.`,
    hint: PLACEHOLDER_HINT,
  });
}

/** Person references (`Superbruger`, `Ansvarlig` …) that name nobody in particular; an empty cell counts only where `emptyCounts`. */
function reportPlaceholders<R>(
  report: Report<PlaceholderMessages>,
  rows: ReadonlyArray<R>,
  refOf: (row: R) => Field<string>,
  role: Holder,
  emptyCounts: boolean,
): void {
  for (const row of rows) {
    const ref = refOf(row);
    if (ref.invalid || !(ref.present || emptyCounts) || !isPlaceholderName(ref.value) || ref.column === null) continue;
    report("roleNotNamed", ref, { role, value: ref.value });
  }
}

const ORG_12 = defineRule({
  id: "ORG-12",
  severity: "warning",
  section: "1.1",
  title: { da: "Roller er bemandet med navngivne personer", en: "Roles are held by named people" },
  messages: { roleNotNamed: roleNotNamed(), notNamed: notNamed() },
  check: ({ plan }, report) => {
    for (const p of plan.people) {
      if (p.named || p.name.invalid) continue;
      if (p.role.value) report("roleNotNamed", p.name, { role: p.role.value, value: p.name.value });
      else report("notNamed", p.name, { value: p.name.value });
    }
    reportPlaceholders(report, plan.units, (u) => u.superUser, "superUser", false);
    reportPlaceholders(report, plan.ownership, (o) => o.owner, "fbsOwnership", false);
    reportPlaceholders(report, plan.seats, (s) => s.participant, "courseParticipant", true);
    reportPlaceholders(report, plan.hostedMunicipalities, (h) => h.coordinator, "operationsCentreCoordinator", false);
  },
});

const ORG_13 = defineRule({
  id: "ORG-13",
  severity: "warning",
  section: "2.2.6",
  title: { da: "Driftscentret har en koordinator", en: "The operations centre has a coordinator" },
  messages: {
    noCoordinatorRole: message({
      da: "Kommunen er driftscenter for andre kommuner, men projektgruppen har ingen «Koordinator driftscenter».",
      en: "The municipality is an operations centre for others, but the project group has no «Operations centre coordinator».",
      hint: {
        da: "Tilføj en person med Rolle «Koordinator driftscenter» i Projektgruppe.",
        en: "Add a person with Role «Operations centre coordinator» in the Project group.",
      },
    }),
    noCoordinator: message<{ municipality: string | null }>({
      da: (d, w) => `${d.municipality ? w.q(d.municipality) : "Kommunen"} har ingen koordinator.`,
      en: (d, w) => `${d.municipality ? w.q(d.municipality) : "The municipality"} has no coordinator.`,
      hint: {
        da: "Skriv navnet på den koordinator, der følger kommunens overgang.",
        en: "Type the name of the coordinator who follows the municipality's transition.",
      },
    }),
  },
  check: ({ plan }, report) => {
    if (!plan.settings.operationsCentre.value) return;
    if (withRole(inBody(plan, "projectGroup"), ["operationsCentreCoordinator"]).length === 0) {
      report("noCoordinatorRole", sheetAt(plan, "people"), {}, { subject: roleName("operationsCentreCoordinator") });
    }
    for (const h of plan.hostedMunicipalities) {
      if (!h.coordinator.present) report("noCoordinator", h.coordinator, { municipality: h.municipality.value });
    }
  },
});

const SPREAD_HINT = {
  da: "En samlet overgang eller overgange tæt på hinanden er ønskværdig: planlæg overgangen inden for vinduet.",
  en: "One joint transition, or transitions close together, is desirable: plan the transition within the window.",
};

const ORG_14 = defineRule({
  id: "ORG-14",
  severity: "warning",
  section: "2.2.6",
  title: { da: "Driftscentrets kommuner går over tæt på hinanden", en: "The operations centre's municipalities move close together" },
  messages: {
    farFromGoLive: message<{ municipality: string; days: number; goLive: string; window: number }>({
      da: (d, w) => `${w.q(d.municipality)} går over ${d.days} dage fra egen ibrugtagning ${w.date(d.goLive)}; vinduet er ${d.window} dage.`,
      en: (d, w) => `${w.q(d.municipality)} moves ${d.days} days from this municipality's go-live ${w.date(d.goLive)}; the window is ${d.window} days.`,
      hint: SPREAD_HINT,
    }),
    spreadOut: message<{ days: number; first: string; last: string; window: number }>({
      da: (d, w) => `Overgangene spænder over ${d.days} dage (${w.date(d.first)} til ${w.date(d.last)}); vinduet er ${d.window} dage.`,
      en: (d, w) => `The transitions span ${d.days} days (${w.date(d.first)} to ${w.date(d.last)}); the window is ${d.window} days.`,
      hint: { da: "Saml overgangene inden for vinduet.", en: "Bring the transitions within the window." },
    }),
  },
  check: ({ plan }, report) => {
    if (!plan.settings.operationsCentre.value) return;
    const window = plan.settings.operationsCentreWindowDays.value ?? 30;
    const goLive = plan.settings.goLive.value;
    const dated = plan.hostedMunicipalities.filter((h) => h.plannedTransition.value);
    if (dated.length === 0) return;
    let far = 0;
    if (goLive) {
      for (const h of dated) {
        const days = Math.abs(daysBetween(h.plannedTransition.value!, goLive));
        if (days <= window) continue;
        far++;
        report("farFromGoLive", h.plannedTransition, { municipality: h.municipality.value ?? "?", days, goLive: isoDay(goLive), window });
      }
    }
    if (far > 0) return;
    const days = dated.map((h) => h.plannedTransition.value!).concat(goLive ? [goLive] : []);
    const times = days.map((d) => d.getTime());
    const first = days[times.indexOf(Math.min(...times))];
    const last = days[times.indexOf(Math.max(...times))];
    const spread = daysBetween(last, first);
    if (spread > window) report("spreadOut", sheetAt(plan, "operationsCentre"), { days: spread, first: isoDay(first), last: isoDay(last), window });
  },
});

/** Hours a week across a person's rows. */
function weeklyHours(rows: ReadonlyArray<Person>): number {
  let total = 0;
  for (const p of rows) total += p.hoursPerWeek.value ?? 0;
  return total;
}

const ORG_15 = defineRule({
  id: "ORG-15",
  severity: "warning",
  section: "2.2",
  title: { da: "Ingen har mere end en fuld uge i projektet", en: "Nobody has more than a full-time week in the project" },
  messages: {
    overFullTime: message<Who & { hours: number; rows: number }>({
      da: (d, w) =>
        `${who(d, w)} har ${w.number(d.hours)} timer om ugen på tværs af ${d.rows} rækker: mere end en fuld uge (${FULL_TIME_HOURS} timer).`,
      en: (d, w) => `${who(d, w)} has ${w.number(d.hours)} hours a week across ${d.rows} rows: more than a full-time week (${FULL_TIME_HOURS} hours).`,
      hint: {
        da: "Tiden er ikke reelt frigjort: fordel opgaverne på flere personer eller sænk timetallet.",
        en: "The time has not really been freed: spread the tasks over more people or lower the hours.",
      },
    }),
  },
  check: ({ plan }, report) => {
    plan.peopleByName.forEach((rows) => {
      const total = weeklyHours(rows);
      if (total <= FULL_TIME_HOURS) return;
      const first = rows.find((p) => p.hoursPerWeek.value) ?? rows[0];
      // Capped at a million: absurd hours (1e308 twice is Infinity) stay a finite number in JSON and text.
      const hours = Math.round(Math.min(total, 1_000_000) * 10) / 10;
      report("overFullTime", first.hoursPerWeek, { ...whoOf(first), hours, rows: rows.length });
    });
  },
});

export const ORG_RULES: ReadonlyArray<Rule> = [
  ORG_01,
  ORG_02,
  ORG_03,
  ORG_04,
  ORG_05,
  ORG_06,
  ORG_07,
  ORG_08,
  ORG_09,
  ORG_10,
  ORG_11,
  ORG_12,
  ORG_13,
  ORG_14,
  ORG_15,
];
