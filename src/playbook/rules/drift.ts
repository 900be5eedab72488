/** Operations organisation (RULES.md, section 3 of the playbook). */
import { daysBetween, formatDay } from "../dates";
import type { Person, Plan } from "../model";
import type { Draft, Rule } from "../rule";
import { isPlaceholderName } from "../values";
import { OWNERSHIP_RESPONSIBILITIES, type Role, type Sector } from "../vocabulary";
import { draftsFor, inBody, personRows, q, roleName, sectorName, settingAt, sheetAt, text, withRole } from "./common";

const OPERATIONS_ROLES: ReadonlyArray<Role> = ["fbsSystemAdministrator", "superUser", "fbsOwner"];

function isOperationsSuperUser(rows: ReadonlyArray<Person> | undefined): boolean {
  return !!rows?.some((p) => p.role.value === "superUser" && p.effectiveBody === "operationsOrganisation");
}

/** The people of the FBS ownership: `Ansvarlig` in Ejerskab and the FBS-ejer rows. */
function ownerSectors(plan: Plan): Set<Sector | null> {
  const sectors = new Set<Sector | null>();
  for (const p of withRole(plan.people, ["fbsOwner"])) sectors.add(p.sector.value);
  for (const o of plan.ownership) for (const p of personRows(plan, o.owner.value) ?? []) sectors.add(p.sector.value);
  return sectors;
}

export const OPERATIONS_RULES: Rule[] = [
  {
    id: "DRIFT-01",
    severity: "warning",
    section: "3",
    title: text(
      "Driftsorganisationen har systemadministrator, superbruger og FBS-ejer",
      "The operations organisation has a system administrator, a super user and an FBS owner",
    ),
    check: ({ plan }) => {
      const held = new Set(inBody(plan, "operationsOrganisation").map((p) => p.role.value));
      return OPERATIONS_ROLES.filter((r) => !held.has(r)).map((r) => {
        const role = roleName(r);
        return {
          at: sheetAt(plan, "people"),
          message: text(`Driftsorganisationen har ingen ${q(role.da)}.`, `The operations organisation has no ${q(role.en)}.`),
          hint: text(
            `Tilføj en person med Rolle ${q(role.da)} og Organ «Driftsorganisation».`,
            `Add a person with Role ${q(role.en)} and Body «Operations organisation».`,
          ),
        };
      });
    },
  },
  {
    id: "DRIFT-02",
    severity: "error",
    section: "3",
    title: text("Driftsorganisationen er meldt ud i god tid før ibrugtagning", "The operations organisation is announced well before go-live"),
    check: ({ plan }) => {
      const { operationsAnnounced: announced, goLive, announcementLeadDays } = plan.settings;
      const lead = announcementLeadDays.value ?? 30;
      if (announced.invalid) return [];
      if (!announced.value) {
        return [
          {
            at: settingAt(plan, "operationsAnnounced"),
            message: text("Det er ikke planlagt, hvornår driftsorganisationen meldes ud.", "It is not planned when the operations organisation is announced."),
            hint: text(
              `Meld driftsorganisationen ud til brugerne mindst ${lead} dage før ibrugtagning, og skriv datoen.`,
              `Announce the operations organisation to users at least ${lead} days before go-live, and type the date.`,
            ),
          },
        ];
      }
      if (!goLive.value) return [];
      const before = daysBetween(goLive.value, announced.value);
      if (before >= lead) return [];
      return [
        {
          at: settingAt(plan, "operationsAnnounced"),
          message: text(
            `Driftsorganisationen meldes ud ${formatDay(announced.value, "da")}, ${before < 0 ? `${-before} dage efter` : `kun ${before} dage før`} ibrugtagning; der kræves ${lead} dage.`,
            `The operations organisation is announced on ${formatDay(announced.value, "en")}, ${before < 0 ? `${-before} days after` : `only ${before} days before`} go-live; ${lead} days are required.`,
          ),
          hint: text(
            `Meld den ud senest ${formatDay(new Date(goLive.value.getFullYear(), goLive.value.getMonth(), goLive.value.getDate() - lead), "da")}.`,
            `Announce it by ${formatDay(new Date(goLive.value.getFullYear(), goLive.value.getMonth(), goLive.value.getDate() - lead), "en")} at the latest.`,
          ),
        },
      ];
    },
  },
  {
    id: "DRIFT-03",
    severity: "error",
    section: "3",
    title: text("Alle enheder har en superbruger", "Every unit has a super user"),
    check: ({ plan }) =>
      draftsFor(plan.units, (u) => {
        const ref = u.superUser;
        if (ref.invalid) return null;
        const unit = q(u.unit.value ?? "?");
        const at = ref.at.cell ? ref.at : u.at;
        if (isPlaceholderName(ref.value)) {
          return {
            at,
            message: text(`Enheden ${unit} har ingen superbruger.`, `The unit ${unit} has no super user.`),
            hint: text(
              "Skriv navnet på en superbruger fra driftsorganisationen, så enhedens brugere er favnet.",
              "Type the name of a super user from the operations organisation, so the unit's users are covered.",
            ),
          };
        }
        const rows = personRows(plan, ref.value);
        if (!rows || isOperationsSuperUser(rows)) return null; // unknown names are DATA-04
        return {
          at,
          message: text(
            `${q(ref.value as string)} er ikke superbruger i driftsorganisationen, men står som superbruger for ${unit}.`,
            `${q(ref.value as string)} is not a super user of the operations organisation, but is the super user of ${unit}.`,
          ),
          hint: text(
            "Giv personen rollen «Superbruger» i Driftsorganisation i Personer, eller vælg en anden superbruger.",
            "Give the person the role «Super user» in the Operations organisation in People, or choose another super user.",
          ),
        };
      }),
  },
  {
    id: "DRIFT-04",
    severity: "warning",
    section: "3.1, 3.2",
    title: text("Systemadministratorer og superbrugere opfylder forudsætningerne", "System administrators and super users meet the prerequisites"),
    check: ({ plan }) =>
      withRole(inBody(plan, "operationsOrganisation"), ["fbsSystemAdministrator", "superUser"])
        .filter((p) => !p.prerequisitesMet.value && !p.prerequisitesMet.invalid)
        .map((p) => {
          const role = roleName(p.role.value as Role);
          const name = q(p.name.value ?? "?");
          return {
            at: p.prerequisitesMet.at.cell ? p.prerequisitesMet.at : p.at,
            section: p.role.value === "superUser" ? "3.2" : "3.1",
            message: text(
              `Det er ikke bekræftet, at ${name} (${role.da}) opfylder forudsætningerne.`,
              `It is not confirmed that ${name} (${role.en}) meets the prerequisites.`,
            ),
            hint: text(
              "Forudsat: kendskab til kommunens organisering af folkebiblioteker, PLC og fællessamlinger, og IT-kompetencer på superbrugerniveau. Skriv «Ja», når det er på plads.",
              "Presupposed: knowledge of how the municipality organises public libraries, PLC and shared collections, and IT skills at super-user level. Put «Yes» once it is in place.",
            ),
          };
        }),
  },
  {
    id: "DRIFT-05",
    severity: "warning",
    section: "3.3",
    title: text("Hvert ansvarsområde i FBS-ejerskabet har en ansvarlig", "Each responsibility of the FBS ownership has an owner"),
    check: ({ plan }) => {
      const drafts: Draft[] = [];
      for (const responsibility of OWNERSHIP_RESPONSIBILITIES) {
        const row = plan.ownership.find((o) => o.ownershipKey === responsibility.key);
        if (!row) {
          drafts.push({
            at: sheetAt(plan, "ownership"),
            message: text(
              `Ansvarsområdet ${responsibility.key} («${responsibility.da}») mangler i Ejerskab.`,
              `The responsibility ${responsibility.key} («${responsibility.en}») is missing from Ownership.`,
            ),
            hint: text(
              `Tilføj en række med Nøgle ${responsibility.key} og en ansvarlig (eller kør "Generér/opdatér ark").`,
              `Add a row with Key ${responsibility.key} and an owner (or run "Generate/update sheets").`,
            ),
          });
        } else if (!row.owner.present && !row.owner.invalid) {
          drafts.push({
            at: row.owner.at.cell ? row.owner.at : row.at,
            message: text(
              `Ingen er ansvarlig for ${responsibility.key}: ${responsibility.da}.`,
              `Nobody owns ${responsibility.key}: ${responsibility.en}.`,
            ),
            hint: text("Skriv navnet på den ansvarlige (en person fra Personer).", "Type the owner's name (a person from People)."),
          });
        }
      }
      return drafts;
    },
  },
  {
    id: "DRIFT-06",
    severity: "warning",
    section: "3.3",
    title: text("FBS-ejerskabet tilgodeser både folkebibliotek og PLC", "The FBS ownership covers public libraries and PLC"),
    check: ({ plan }) => {
      const sectors = ownerSectors(plan);
      return (["publicLibrary", "plc"] as const)
        .filter((s) => !sectors.has(s))
        .map((s) => {
          const sector = sectorName(s);
          return {
            at: sheetAt(plan, "ownership"),
            message: text(`FBS-ejerskabet har ingen fra ${sector.da}.`, `The FBS ownership has nobody from ${sector.en}.`),
            hint: text(
              `Alle sektorers interesser skal tilgodeses: gør en person med Sektor «${sector.da}» ansvarlig for et område eller til FBS-ejer.`,
              `Every sector's interests must be looked after: make a person with Sector «${sector.en}» owner of a responsibility or an FBS owner.`,
            ),
          };
        });
    },
  },
];
