/** Operations organisation (RULES.md, section 3 of the playbook). */
import { daysBetween } from "../dates";
import type { Fix } from "../findings";
import { quote } from "../i18n";
import type { Person, Plan } from "../model";
import { defineRule, message, type Rule } from "../rule";
import { isPlaceholderName } from "../values";
import { OWNERSHIP_RESPONSIBILITIES, type OwnershipKey, type Role, type Sector, type Text } from "../vocabulary";
import { inBody, isoDay, personRows, roleName, sectorName, settingAt, settingName, sheetAt, withRole } from "./common";

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

function responsibility(key: OwnershipKey): Text {
  return OWNERSHIP_RESPONSIBILITIES.find((r) => r.key === key) as Text;
}

/** DRIFT-05's fix: append the missing row with its key and the responsibility's text, under the headers as they stand. */
function appendOwnershipFix(plan: Plan, key: OwnershipKey): Fix | undefined {
  const info = plan.sheets.ownership;
  const keyColumn = info?.columns["key"];
  const textColumn = info?.columns["responsibility"];
  if (!info || !keyColumn || !textColumn) return undefined;
  const text = responsibility(key);
  return {
    label: { da: `Tilføj rækken ${key} i ${quote(info.name)}`, en: `Add the row ${key} to ${quote(info.name)}` },
    edits: [{ sheet: info.name, append: { [keyColumn.header]: key, [textColumn.header]: text[plan.lang] } }],
  };
}

const DRIFT_01 = defineRule({
  id: "DRIFT-01",
  severity: "warning",
  section: "3",
  title: {
    da: "Driftsorganisationen har systemadministrator, superbruger og FBS-ejer",
    en: "The operations organisation has a system administrator, a super user and an FBS owner",
  },
  messages: {
    missingRole: message<{ role: Role }>({
      da: (d, w) => `Driftsorganisationen har ingen ${w.q(roleName(d.role).da)}.`,
      en: (d, w) => `The operations organisation has no ${w.q(roleName(d.role).en)}.`,
      hint: {
        da: (d, w) => `Tilføj en person med Rolle ${w.q(roleName(d.role).da)} og Organ «Driftsorganisation».`,
        en: (d, w) => `Add a person with Role ${w.q(roleName(d.role).en)} and Body «Operations organisation».`,
      },
    }),
  },
  check: ({ plan }, report) => {
    const held = new Set(inBody(plan, "operationsOrganisation").map((p) => p.role.value));
    for (const role of OPERATIONS_ROLES) {
      if (!held.has(role)) report("missingRole", sheetAt(plan, "people"), { role }, { subject: roleName(role) });
    }
  },
});

const DRIFT_02 = defineRule({
  id: "DRIFT-02",
  severity: "error",
  section: "3",
  title: { da: "Driftsorganisationen er meldt ud i god tid før ibrugtagning", en: "The operations organisation is announced well before go-live" },
  messages: {
    notPlanned: message<{ leadDays: number }>({
      da: "Det er ikke planlagt, hvornår driftsorganisationen meldes ud.",
      en: "It is not planned when the operations organisation is announced.",
      hint: {
        da: (d) => `Meld driftsorganisationen ud til brugerne mindst ${d.leadDays} dage før ibrugtagning, og skriv datoen.`,
        en: (d) => `Announce the operations organisation to users at least ${d.leadDays} days before go-live, and type the date.`,
      },
    }),
    tooLate: message<{ announced: string; daysBefore: number; leadDays: number; by: string }>({
      da: (d, w) =>
        `Driftsorganisationen meldes ud ${w.date(d.announced)}, ${d.daysBefore < 0 ? `${-d.daysBefore} dage efter` : `kun ${d.daysBefore} dage før`} ibrugtagning; der kræves ${d.leadDays} dage.`,
      en: (d, w) =>
        `The operations organisation is announced on ${w.date(d.announced)}, ${d.daysBefore < 0 ? `${-d.daysBefore} days after` : `only ${d.daysBefore} days before`} go-live; ${d.leadDays} days are required.`,
      hint: {
        da: (d, w) => `Meld den ud senest ${w.date(d.by)}.`,
        en: (d, w) => `Announce it by ${w.date(d.by)} at the latest.`,
      },
    }),
  },
  check: ({ plan }, report) => {
    const { operationsAnnounced: announced, goLive, announcementLeadDays } = plan.settings;
    const leadDays = announcementLeadDays.value ?? 30;
    const at = settingAt(plan, "operationsAnnounced");
    const subject = settingName("operationsAnnounced");
    if (announced.invalid) return;
    if (!announced.value) {
      report("notPlanned", at, { leadDays }, { subject });
      return;
    }
    if (!goLive.value) return;
    const daysBefore = daysBetween(goLive.value, announced.value);
    if (daysBefore >= leadDays) return;
    const by = new Date(goLive.value.getFullYear(), goLive.value.getMonth(), goLive.value.getDate() - leadDays);
    report("tooLate", at, { announced: isoDay(announced.value), daysBefore, leadDays, by: isoDay(by) }, { subject });
  },
});

const DRIFT_03 = defineRule({
  id: "DRIFT-03",
  severity: "error",
  section: "3",
  title: { da: "Alle enheder har en superbruger", en: "Every unit has a super user" },
  messages: {
    noSuperUser: message<{ unit: string }>({
      da: (d, w) => `Enheden ${w.q(d.unit)} har ingen superbruger.`,
      en: (d, w) => `The unit ${w.q(d.unit)} has no super user.`,
      hint: {
        da: "Skriv navnet på en superbruger fra driftsorganisationen, som enhedens brugere kan gå til.",
        en: "Type the name of a super user from the operations organisation, whom the unit's users can turn to.",
      },
    }),
    notSuperUser: message<{ unit: string; name: string }>({
      da: (d, w) => `${w.q(d.name)} er ikke superbruger i driftsorganisationen, men står som superbruger for ${w.q(d.unit)}.`,
      en: (d, w) => `${w.q(d.name)} is not a super user of the operations organisation, but is the super user of ${w.q(d.unit)}.`,
      hint: {
        da: "Giv personen rollen «Superbruger» i Driftsorganisation i Personer, eller vælg en anden superbruger.",
        en: "Give the person the role «Super user» in the Operations organisation in People, or choose another super user.",
      },
    }),
  },
  check: ({ plan }, report) => {
    for (const u of plan.units) {
      const ref = u.superUser;
      if (ref.invalid) continue;
      const unit = u.unit.value ?? "?";
      if (isPlaceholderName(ref.value)) {
        report("noSuperUser", ref, { unit });
        continue;
      }
      const rows = personRows(plan, ref.value);
      // Unknown names are DATA-04.
      if (rows && !isOperationsSuperUser(rows)) report("notSuperUser", ref, { unit, name: ref.value as string });
    }
  },
});

const DRIFT_04 = defineRule({
  id: "DRIFT-04",
  severity: "warning",
  section: "3.1, 3.2",
  title: { da: "Systemadministratorer og superbrugere opfylder forudsætningerne", en: "System administrators and super users meet the prerequisites" },
  messages: {
    notConfirmed: message<{ name: string; role: Role }>({
      da: (d, w) => `Det er ikke bekræftet, at ${w.q(d.name)} (${roleName(d.role).da}) opfylder forudsætningerne.`,
      en: (d, w) => `It is not confirmed that ${w.q(d.name)} (${roleName(d.role).en}) meets the prerequisites.`,
      hint: {
        da: "Forudsat: kendskab til kommunens organisering af folkebiblioteker, PLC og fællessamlinger, og IT-kompetencer på superbrugerniveau. Skriv «Ja», når det er på plads.",
        en: "Presupposed: knowledge of how the municipality organises public libraries, PLC and shared collections, and IT skills at super-user level. Put «Yes» once it is in place.",
      },
    }),
  },
  check: ({ plan }, report) => {
    for (const p of withRole(inBody(plan, "operationsOrganisation"), ["fbsSystemAdministrator", "superUser"])) {
      if (p.prerequisitesMet.value || p.prerequisitesMet.invalid) continue;
      const role = p.role.value as Role;
      report("notConfirmed", p.prerequisitesMet, { name: p.name.value ?? "?", role }, { section: role === "superUser" ? "3.2" : "3.1" });
    }
  },
});

const DRIFT_05 = defineRule({
  id: "DRIFT-05",
  severity: "warning",
  section: "3.3",
  title: { da: "Hvert ansvarsområde i FBS-ejerskabet har en ansvarlig", en: "Each responsibility of the FBS ownership has an owner" },
  messages: {
    missingResponsibility: message<{ key: OwnershipKey }>({
      da: (d) => `Ansvarsområdet ${d.key} («${responsibility(d.key).da}») mangler i Ejerskab.`,
      en: (d) => `The responsibility ${d.key} («${responsibility(d.key).en}») is missing from Ownership.`,
      hint: {
        da: (d, w) => `Tilføj en række med Nøgle ${d.key} og en ansvarlig (eller brug ${w.generate}).`,
        en: (d, w) => `Add a row with Key ${d.key} and an owner (or use ${w.generate}).`,
      },
    }),
    noOwner: message<{ key: OwnershipKey }>({
      da: (d) => `Ingen er ansvarlig for ${d.key}: ${responsibility(d.key).da}.`,
      en: (d) => `Nobody owns ${d.key}: ${responsibility(d.key).en}.`,
      hint: { da: "Skriv navnet på den ansvarlige (en person fra Personer).", en: "Type the owner's name (a person from People)." },
    }),
  },
  check: ({ plan }, report) => {
    for (const { key } of OWNERSHIP_RESPONSIBILITIES) {
      const row = plan.ownership.find((o) => o.ownershipKey === key);
      if (!row) report("missingResponsibility", sheetAt(plan, "ownership"), { key }, { subject: key, fix: appendOwnershipFix(plan, key) });
      else if (!row.owner.present && !row.owner.invalid) report("noOwner", row.owner, { key });
    }
  },
});

const DRIFT_06 = defineRule({
  id: "DRIFT-06",
  severity: "warning",
  section: "3.3",
  title: { da: "FBS-ejerskabet tilgodeser både folkebibliotek og PLC", en: "The FBS ownership covers public libraries and PLC" },
  messages: {
    missingSector: message<{ sector: Sector }>({
      da: (d) => `FBS-ejerskabet har ingen fra ${sectorName(d.sector).da}.`,
      en: (d) => `The FBS ownership has nobody from ${sectorName(d.sector).en}.`,
      hint: {
        da: (d) =>
          `Alle sektorers interesser skal tilgodeses: gør en person med Sektor «${sectorName(d.sector).da}» ansvarlig for et område eller til FBS-ejer.`,
        en: (d) =>
          `Every sector's interests must be looked after: make a person with Sector «${sectorName(d.sector).en}» owner of a responsibility or an FBS owner.`,
      },
    }),
  },
  check: ({ plan }, report) => {
    const sectors = ownerSectors(plan);
    for (const sector of ["publicLibrary", "plc"] as const) {
      if (!sectors.has(sector)) report("missingSector", sheetAt(plan, "ownership"), { sector }, { subject: sectorName(sector) });
    }
  },
});

export const DRIFT_RULES: ReadonlyArray<Rule> = [DRIFT_01, DRIFT_02, DRIFT_03, DRIFT_04, DRIFT_05, DRIFT_06];
