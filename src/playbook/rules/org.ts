/** Organisation of the project (RULES.md, sections 1 and 2 of the playbook). */
import { daysBetween, formatDay } from "../dates";
import type { Location } from "../location";
import type { Field, Person } from "../model";
import type { Draft, Rule } from "../rule";
import { isPlaceholderName } from "../values";
import { PROJECT_MANAGER_ROLES, type Role, type Sector, type Text } from "../vocabulary";
import { distinctPeople, draftsFor, inBody, namesSystem, q, roleName, sectorName, settingAt, sheetAt, systemParts, text, withRole } from "./common";

/** A Danish full-time week (ORG-15). */
export const FULL_TIME_HOURS = 37;

const GUIDING_ROLES: ReadonlyArray<Role> = [
  "publicLibrarySpecialist",
  "plcSpecialist",
  "municipalItSpecialist",
  "currentSystemAdministrator",
  "financeSystemSpecialist",
];

/** A yes/no field's cell, or the row when the column is absent. */
function cellOf(field: Field<unknown>, person: Person): Location {
  return field.at.cell ? field.at : person.at;
}

function who(p: Person): string {
  return p.name.value ? q(p.name.value) : `række ${p.row}`;
}

function whoEn(p: Person): string {
  return p.name.value ? q(p.name.value) : `row ${p.row}`;
}

const ORG_01: Rule = {
  id: "ORG-01",
  severity: "error",
  section: "2.1",
  title: text("Præcis én projektejer", "Exactly one project owner"),
  check: ({ plan }) => {
    const owners = distinctPeople(withRole(plan.people, ["projectOwner"]));
    if (owners.length === 0) {
      return [
        {
          at: sheetAt(plan, "people"),
          message: text("Projektet har ingen projektejer.", "The project has no project owner."),
          hint: text(
            "Tilføj en række med Rolle «Projektejer» i Styregruppe: typisk den faglige chef eller direktør med den største aktie i FBS.",
            "Add a row with Role «Project owner» in the Steering group: usually the head of department or director with the largest stake in FBS.",
          ),
        },
      ];
    }
    return owners.slice(1).map((p) => ({
      at: cellOf(p.role, p),
      message: text(
        `${who(p)} er projektejer ved siden af ${who(owners[0])}: projektet skal have én projektejer.`,
        `${whoEn(p)} is project owner besides ${whoEn(owners[0])}: the project must have one project owner.`,
      ),
      hint: text("Behold én projektejer; giv de andre rollen «Styregruppemedlem».", "Keep one project owner; give the others the role «Steering group member»."),
    }));
  },
};

const ORG_02: Rule = {
  id: "ORG-02",
  severity: "warning",
  section: "2.1",
  title: text("Styregruppe med projektejeren som formand", "A steering group chaired by the project owner"),
  check: ({ plan }) => {
    const steering = inBody(plan, "steeringGroup");
    if (steering.length === 0) {
      return [
        {
          at: sheetAt(plan, "people"),
          message: text("Der er ingen styregruppe.", "There is no steering group."),
          hint: text(
            "Nedsæt en styregruppe: rækker med Organ «Styregruppe», med projektejeren som formand.",
            "Set up a steering group: rows with Body «Steering group», chaired by the project owner.",
          ),
        },
      ];
    }
    const drafts: Draft[] = [];
    const owners = distinctPeople(withRole(plan.people, ["projectOwner"]));
    const ownerKeys = new Set(owners.map((o) => o.nameKey ?? `#${o.row}`));
    if (owners.length === 1) {
      const ownerRows = withRole(plan.people, ["projectOwner"]);
      if (!ownerRows.some((p) => p.chair.value)) {
        const p = ownerRows[0];
        drafts.push({
          at: cellOf(p.chair, p),
          message: text(`Projektejeren ${who(p)} er ikke styregruppens formand.`, `The project owner ${whoEn(p)} does not chair the steering group.`),
          hint: text("Skriv «Ja» i Formand på projektejerens række.", "Put «Yes» in Chair on the project owner's row."),
        });
      }
    }
    const otherChairs = draftsFor(plan.people, (p) => {
      if (!p.chair.value) return null;
      if (p.role.value === "projectOwner" || (p.nameKey !== null && ownerKeys.has(p.nameKey) && p.role.value === null)) return null;
      return {
        at: cellOf(p.chair, p),
        message: text(`${who(p)} er markeret som formand, men er ikke projektejer.`, `${whoEn(p)} is marked as chair but is not the project owner.`),
        hint: text("Projektejeren er styregruppens formand: skriv «Nej» i Formand her.", "The project owner chairs the steering group: put «No» in Chair here."),
      };
    });
    return [...drafts, ...otherChairs];
  },
};

const STEERING_SECTORS: ReadonlyArray<Sector> = ["publicLibrary", "plc", "municipalIt"];

const ORG_03: Rule = {
  id: "ORG-03",
  severity: "error",
  section: "2.1",
  title: text(
    "Styregruppen har beslutningskompetence for folkebibliotek, PLC og kommunal IT",
    "The steering group has decision authority for public libraries, PLC and municipal IT",
  ),
  check: ({ plan }) => {
    const deciding = new Set(inBody(plan, "steeringGroup").filter((p) => p.decisionAuthority.value).map((p) => p.sector.value));
    return STEERING_SECTORS.filter((s) => !deciding.has(s)).map((s) => {
      const sector = sectorName(s);
      return {
        at: sheetAt(plan, "people"),
        message: text(
          `Ingen i styregruppen har beslutningskompetence for ${sector.da}.`,
          `Nobody in the steering group has decision authority for ${sector.en}.`,
        ),
        hint: text(
          `Tilføj et styregruppemedlem med Sektor «${sector.da}» og Beslutningskompetence «Ja».`,
          `Add a steering group member with Sector «${sector.en}» and Decision authority «Yes».`,
        ),
      };
    });
  },
};

const ORG_04: Rule = {
  id: "ORG-04",
  severity: "error",
  section: "2.2",
  title: text("Mindst én projektleder", "At least one project manager"),
  check: ({ plan }) =>
    withRole(plan.people, PROJECT_MANAGER_ROLES).length > 0
      ? []
      : [
          {
            at: sheetAt(plan, "people"),
            message: text("Der er ikke udpeget en projektleder.", "No project manager has been appointed."),
            hint: text(
              "Tilføj en række med Rolle «Projektleder» (eller en faglig og en teknisk projektleder) i Projektgruppe.",
              "Add a row with Role «Project manager» (or a business and a technical project manager) in the Project group.",
            ),
          },
        ],
};

const ORG_05: Rule = {
  id: "ORG-05",
  severity: "error",
  section: "2.2",
  title: text("Én overordnet projektleder, når ledelsen er delt", "One overall project lead when management is shared"),
  check: ({ plan }) => {
    const managers = distinctPeople(withRole(plan.people, PROJECT_MANAGER_ROLES));
    if (managers.length < 2) return [];
    const rows = withRole(plan.people, PROJECT_MANAGER_ROLES);
    const leads = distinctPeople(rows.filter((p) => p.overallLead.value));
    const names = managers.map((m) => m.name.value ?? "?");
    if (leads.length === 0) {
      return [
        {
          at: cellOf(managers[0].overallLead, managers[0]),
          message: text(
            `Projektledelsen er delt mellem ${names.map(q).join(", ")}, men ingen er overordnet projektleder.`,
            `Project management is shared between ${names.map(q).join(", ")}, but nobody is the overall project lead.`,
          ),
          hint: text("Skriv «Ja» i Overordnet projektleder for præcis én af dem.", "Put «Yes» in Overall project lead for exactly one of them."),
        },
      ];
    }
    return leads.slice(1).map((p) => ({
      at: cellOf(p.overallLead, p),
      message: text(
        `Både ${who(leads[0])} og ${who(p)} er markeret som overordnet projektleder.`,
        `Both ${whoEn(leads[0])} and ${whoEn(p)} are marked as overall project lead.`,
      ),
      hint: text("Der skal være tydelige aftaler: kun én overordnet projektleder.", "Agreements must be clear: only one overall project lead."),
    }));
  },
};

const ORG_06: Rule = {
  id: "ORG-06",
  severity: "error",
  section: "2.2",
  title: text("Én kontaktperson for KOMBIT og Systematic", "One contact for KOMBIT and Systematic"),
  check: ({ plan }) => {
    const contacts = distinctPeople(plan.people.filter((p) => p.contact.value));
    if (contacts.length === 0) {
      const manager = withRole(plan.people, PROJECT_MANAGER_ROLES)[0];
      return [
        {
          at: manager ? cellOf(manager.contact, manager) : sheetAt(plan, "people"),
          message: text("Ingen er kontaktperson for KOMBIT og Systematic.", "Nobody is the contact for KOMBIT and Systematic."),
          hint: text(
            "Skriv «Ja» i Kontaktperson for KOMBIT og Systematic for én person, typisk projektlederen.",
            "Put «Yes» in Contact for KOMBIT and Systematic for one person, usually the project manager.",
          ),
        },
      ];
    }
    return contacts.slice(1).map((p) => ({
      at: cellOf(p.contact, p),
      message: text(
        `Både ${who(contacts[0])} og ${who(p)} er kontaktperson for KOMBIT og Systematic.`,
        `Both ${whoEn(contacts[0])} and ${whoEn(p)} are the contact for KOMBIT and Systematic.`,
      ),
      hint: text("Kontakten skal være éntydigt placeret: behold én kontaktperson.", "The contact must be unambiguous: keep one contact."),
    }));
  },
};

const ORG_07: Rule = {
  id: "ORG-07",
  severity: "warning",
  section: "2.2",
  title: text("Projektgruppen har de vejledende roller", "The project group holds the guiding roles"),
  check: ({ plan }) => {
    const held = new Set(inBody(plan, "projectGroup").map((p) => p.role.value));
    return GUIDING_ROLES.filter((r) => !held.has(r)).map((r) => {
      const role = roleName(r);
      return {
        at: sheetAt(plan, "people"),
        message: text(`Projektgruppen har ingen ${q(role.da)}.`, `The project group has no ${q(role.en)}.`),
        hint: text(`Tilføj en navngiven person med Rolle ${q(role.da)} i Projektgruppe.`, `Add a named person with Role ${q(role.en)} in the Project group.`),
      };
    });
  },
};

const ORG_08: Rule = {
  id: "ORG-08",
  severity: "warning",
  section: "2.2",
  title: text("Projektgruppens deltagere har fået frigjort tid", "Project group members have time freed"),
  check: ({ plan }) =>
    inBody(plan, "projectGroup")
      .filter((p) => !p.hoursPerWeek.invalid && !((p.hoursPerWeek.value ?? 0) > 0))
      .map((p) => ({
        at: cellOf(p.hoursPerWeek, p),
        message: text(`${who(p)} har ingen timer pr. uge afsat til projektet.`, `${whoEn(p)} has no hours per week set aside for the project.`),
        hint: text(
          "Aftal hvor mange timer om ugen personen frigøres til projektet, og skriv tallet i Timer pr. uge.",
          "Agree how many hours a week the person is freed for the project, and type it in Hours per week.",
        ),
      })),
};

const ORG_09: Rule = {
  id: "ORG-09",
  severity: "error",
  section: "2.2.4",
  title: text(
    "Kommer kommunen fra flere systemer, er hvert system repræsenteret af en systemadministrator",
    "Each current system has a system administrator when there are several",
  ),
  check: ({ plan }) => {
    const systems = plan.settings.currentSystems.value ?? [];
    if (systems.length < 2) return [];
    const adminSystems = withRole(plan.people, ["currentSystemAdministrator"]).map((p) => systemParts(p.currentSystem.value));
    return systems
      .filter((s) => !adminSystems.some((parts) => namesSystem(parts, s)))
      .map((s) => ({
        at: settingAt(plan, "currentSystems"),
        message: text(
          `Systemet ${q(s)} har ingen systemadministrator (nuværende system) i projektgruppen.`,
          `The system ${q(s)} has no current system administrator in the project group.`,
        ),
        hint: text(
          `Tilføj en person med Rolle «Systemadministrator (nuværende system)» og ${q(s)} i Nuværende system.`,
          `Add a person with Role «Current system administrator» and ${q(s)} in Current system.`,
        ),
      }));
  },
};

const ORG_10: Rule = {
  id: "ORG-10",
  severity: "error",
  section: "1.2",
  title: text("Projektorganisationen er etableret før opstartsmødet", "The project organisation is set up before the kickoff"),
  check: ({ plan }) => {
    const { organisationEstablished: established, kickoff } = plan.settings;
    if (established.invalid) return [];
    if (!established.value) {
      return [
        {
          at: settingAt(plan, "organisationEstablished"),
          message: text("Datoen for «Projektorganisation etableret» er ikke udfyldt.", "The date «Project organisation established» is empty."),
          hint: text(
            "Sæt projektorganisationen op før opstartsmødet med Systematic, og skriv datoen.",
            "Set up the project organisation before the kickoff meeting with Systematic, and type the date.",
          ),
        },
      ];
    }
    if (kickoff.value && daysBetween(kickoff.value, established.value) <= 0) {
      return [
        {
          at: settingAt(plan, "organisationEstablished"),
          message: text(
            `Projektorganisationen etableres ${formatDay(established.value, "da")}, ikke før opstartsmødet ${formatDay(kickoff.value, "da")}.`,
            `The project organisation is set up on ${formatDay(established.value, "en")}, not before the kickoff on ${formatDay(kickoff.value, "en")}.`,
          ),
          hint: text(
            "Det er afgørende at have en robust projektorganisation før opstartsmødet: ryk etableringen frem eller opstartsmødet.",
            "A robust project organisation before the kickoff is crucial: set it up earlier or move the kickoff.",
          ),
        },
      ];
    }
    return [];
  },
};

const ORG_11: Rule = {
  id: "ORG-11",
  severity: "error",
  section: "1.2",
  title: text("Projektgruppen favner både folkebibliotek og PLC", "The project group spans public libraries and PLC"),
  check: ({ plan }) => {
    const sectors = new Set(inBody(plan, "projectGroup").map((p) => p.sector.value));
    return (["publicLibrary", "plc"] as const)
      .filter((s) => !sectors.has(s))
      .map((s) => {
        const sector = sectorName(s);
        return {
          at: sheetAt(plan, "people"),
          message: text(`Projektgruppen har ingen fra ${sector.da}.`, `The project group has nobody from ${sector.en}.`),
          hint: text(
            `Tilføj en person med Sektor «${sector.da}» i Projektgruppe, fx Fagperson ${s === "plc" ? "PLC" : "folkebibliotek"}.`,
            `Add a person with Sector «${sector.en}» to the Project group, e.g. a ${s === "plc" ? "PLC" : "public library"} specialist.`,
          ),
        };
      });
  },
};

function placeholderDraft(at: Location, shown: string | null, role: Text | null): Draft {
  const value = shown ? q(shown) : null;
  return {
    at,
    message: role
      ? text(
          `Rollen ${q(role.da)} er ikke bemandet med en navngiven person${value ? ` (${value})` : ""}.`,
          `The role ${q(role.en)} is not held by a named person${value ? ` (${value})` : ""}.`,
        )
      : text(`${value ?? "Feltet"} er ikke en navngiven person.`, `${value ?? "The field"} is not a named person.`),
    hint: text("Skriv navnet på den person, der skal varetage rollen.", "Type the name of the person who will hold the role."),
  };
}

const ORG_12: Rule = {
  id: "ORG-12",
  severity: "warning",
  section: "1.1",
  title: text("Roller er bemandet med navngivne personer", "Roles are held by named people"),
  check: ({ plan }) => [
    ...draftsFor(plan.people, (p) =>
      !p.named && !p.name.invalid
        ? placeholderDraft(p.name.at.cell ? p.name.at : p.at, p.name.value, p.role.value ? roleName(p.role.value) : null)
        : null,
    ),
    ...placeholderRefs(plan.units, (u) => u.superUser, roleName("superUser"), false),
    ...placeholderRefs(plan.ownership, (o) => o.owner, text("FBS-ejerskab", "FBS ownership"), false),
    ...placeholderRefs(plan.seats, (s) => s.participant, text("Kursusdeltager", "Course participant"), true),
    ...placeholderRefs(plan.hostedMunicipalities, (h) => h.coordinator, roleName("operationsCentreCoordinator"), false),
  ],
};

/** Person references (`Superbruger`, `Ansvarlig` …) that name nobody in particular; an empty cell counts only where `emptyCounts`. */
function placeholderRefs<R>(rows: ReadonlyArray<R>, refOf: (row: R) => Field<string>, role: Text, emptyCounts: boolean): Draft[] {
  return draftsFor(rows, (row) => {
    const ref = refOf(row);
    if (ref.invalid || !(ref.present || emptyCounts) || !isPlaceholderName(ref.value)) return null;
    const at = ref.at;
    return at.cell ? placeholderDraft(at, ref.value, role) : null;
  });
}

const ORG_13: Rule = {
  id: "ORG-13",
  severity: "warning",
  section: "2.2.6",
  title: text("Driftscentret har en koordinator", "The operations centre has a coordinator"),
  check: ({ plan }) => {
    if (!plan.settings.operationsCentre.value) return [];
    const drafts: Draft[] = [];
    if (withRole(inBody(plan, "projectGroup"), ["operationsCentreCoordinator"]).length === 0) {
      drafts.push({
        at: sheetAt(plan, "people"),
        message: text(
          "Kommunen er driftscenter for andre kommuner, men projektgruppen har ingen «Koordinator driftscenter».",
          "The municipality is an operations centre for others, but the project group has no «Operations centre coordinator».",
        ),
        hint: text(
          "Tilføj en person med Rolle «Koordinator driftscenter» i Projektgruppe.",
          "Add a person with Role «Operations centre coordinator» in the Project group.",
        ),
      });
    }
    for (const h of plan.hostedMunicipalities) {
      if (h.coordinator.present) continue;
      drafts.push({
        at: h.coordinator.at.cell ? h.coordinator.at : h.at,
        message: text(
          `${h.municipality.value ? q(h.municipality.value) : "Kommunen"} har ingen koordinator.`,
          `${h.municipality.value ? q(h.municipality.value) : "The municipality"} has no coordinator.`,
        ),
        hint: text("Skriv navnet på den koordinator, der følger kommunens overgang.", "Type the name of the coordinator who follows the municipality's transition."),
      });
    }
    return drafts;
  },
};

const ORG_14: Rule = {
  id: "ORG-14",
  severity: "warning",
  section: "2.2.6",
  title: text("Driftscentrets kommuner går over tæt på hinanden", "The operations centre's municipalities move close together"),
  check: ({ plan }) => {
    if (!plan.settings.operationsCentre.value) return [];
    const window = plan.settings.operationsCentreWindowDays.value ?? 30;
    const goLive = plan.settings.goLive.value;
    const dated = plan.hostedMunicipalities.filter((h) => h.plannedTransition.value);
    if (dated.length === 0) return [];
    const drafts: Draft[] = [];
    if (goLive) {
      for (const h of dated) {
        const gap = Math.abs(daysBetween(h.plannedTransition.value!, goLive));
        if (gap <= window) continue;
        drafts.push({
          at: h.plannedTransition.at,
          message: text(
            `${q(h.municipality.value ?? "?")} går over ${gap} dage fra egen ibrugtagning ${formatDay(goLive, "da")}; vinduet er ${window} dage.`,
            `${q(h.municipality.value ?? "?")} moves ${gap} days from this municipality's go-live ${formatDay(goLive, "en")}; the window is ${window} days.`,
          ),
          hint: text(
            "En samlet overgang eller overgange tæt på hinanden er ønskværdig: planlæg overgangen inden for vinduet.",
            "One joint transition, or transitions close together, is desirable: plan the transition within the window.",
          ),
        });
      }
    }
    if (drafts.length === 0) {
      const days = dated.map((h) => h.plannedTransition.value!).concat(goLive ? [goLive] : []);
      const times = days.map((d) => d.getTime());
      const first = days[times.indexOf(Math.min(...times))];
      const last = days[times.indexOf(Math.max(...times))];
      const spread = daysBetween(last, first);
      if (spread > window) {
        drafts.push({
          at: sheetAt(plan, "operationsCentre"),
          message: text(
            `Overgangene spænder over ${spread} dage (${formatDay(first, "da")} til ${formatDay(last, "da")}); vinduet er ${window} dage.`,
            `The transitions span ${spread} days (${formatDay(first, "en")} to ${formatDay(last, "en")}); the window is ${window} days.`,
          ),
          hint: text("Saml overgangene inden for vinduet.", "Bring the transitions within the window."),
        });
      }
    }
    return drafts;
  },
};

/** Hours a week across a person's rows. */
function weeklyHours(rows: ReadonlyArray<Person>): number {
  let total = 0;
  for (let i = 0; i < rows.length; i++) total += rows[i].hoursPerWeek.value ?? 0;
  return total;
}

const ORG_15: Rule = {
  id: "ORG-15",
  severity: "warning",
  section: "2.2",
  title: text("Ingen har mere end en fuld uge i projektet", "Nobody has more than a full-time week in the project"),
  check: ({ plan }) => {
    const drafts: Draft[] = [];
    plan.peopleByName.forEach((rows) => {
      const total = weeklyHours(rows);
      if (total <= FULL_TIME_HOURS) return;
      const first = rows.find((p) => p.hoursPerWeek.value) ?? rows[0];
      const hours = String(Math.round(total * 10) / 10);
      drafts.push({
        at: cellOf(first.hoursPerWeek, first),
        message: text(
          `${who(first)} har ${hours.replace(".", ",")} timer om ugen på tværs af ${rows.length} rækker: mere end en fuld uge (${FULL_TIME_HOURS} timer).`,
          `${whoEn(first)} has ${hours} hours a week across ${rows.length} rows: more than a full-time week (${FULL_TIME_HOURS} hours).`,
        ),
        hint: text(
          "Tiden er ikke reelt frigjort: fordel opgaverne på flere personer eller sænk timetallet.",
          "The time has not really been freed: spread the tasks over more people or lower the hours.",
        ),
      });
    });
    return drafts;
  },
};

export const ORGANISATION_RULES: Rule[] = [ORG_01, ORG_02, ORG_03, ORG_04, ORG_05, ORG_06, ORG_07, ORG_08, ORG_09, ORG_10, ORG_11, ORG_12, ORG_13, ORG_14, ORG_15];
