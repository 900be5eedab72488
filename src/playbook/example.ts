/**
 * Sample plans: `CORRECT_PLAN` satisfies every rule (for a "today" before 30-06-2027);
 * `EXAMPLE_PLAN` is the same municipality with a handful of typical breaches, for newcomers
 * (`fbs-playbook init --example`) and for the pane's demonstrations.
 */
import { day, type Day } from "./dates";
import type { PlanData, PlanRecord } from "./template";

const d = (iso: string): Day => {
  const [y, m, dd] = iso.split("-").map(Number);
  return day(y, m, dd) as Day;
};

function person(
  name: string,
  sector: string,
  body: string,
  role: string,
  extra: Partial<Record<"decisionAuthority" | "chair" | "overallLead" | "contact" | "prerequisitesMet", boolean>> & {
    hoursPerWeek?: number;
    currentSystem?: string;
  } = {},
): PlanRecord {
  const email = `${name.toLowerCase().replace(/æ/g, "ae").replace(/ø/g, "oe").replace(/å/g, "aa").replace(/\s+/g, ".")}@eksempelby.dk`;
  return { name, email, sector, body, role, ...extra };
}

export const CORRECT_PLAN: PlanData = {
  settings: {
    municipality: "Eksempelby Kommune",
    goLive: d("2027-09-01"),
    kickoff: d("2027-01-15"),
    organisationEstablished: d("2026-12-01"),
    transitionAgreed: d("2027-02-01"),
    operationsAnnounced: d("2027-07-01"),
    announcementLeadDays: 30,
    operationsCentre: false,
    operationsCentreWindowDays: 30,
    currentSystems: "DDElibra; Mikromarc",
    financeSystem: "OPUS",
    debtorSystem: "KMD Debitor",
    integrationTestSilent: true,
  },
  people: [
    person("Mette Holm", "publicLibrary", "steeringGroup", "projectOwner", { decisionAuthority: true, chair: true }),
    person("Søren Lund", "plc", "steeringGroup", "steeringGroupMember", { decisionAuthority: true }),
    person("Anne Berg", "municipalIt", "steeringGroup", "steeringGroupMember", { decisionAuthority: true }),
    person("Jens Madsen", "publicLibrary", "projectGroup", "projectManager", { contact: true, hoursPerWeek: 30 }),
    person("Lise Kjær", "publicLibrary", "projectGroup", "publicLibrarySpecialist", { hoursPerWeek: 10 }),
    person("Karin Dahl", "plc", "projectGroup", "plcSpecialist", { hoursPerWeek: 8 }),
    person("Peter Nørgaard", "municipalIt", "projectGroup", "municipalItSpecialist", { hoursPerWeek: 5 }),
    person("Ole Vestergaard", "publicLibrary", "projectGroup", "currentSystemAdministrator", {
      hoursPerWeek: 10,
      currentSystem: "DDElibra",
    }),
    person("Birgitte Skov", "plc", "projectGroup", "currentSystemAdministrator", { hoursPerWeek: 6, currentSystem: "Mikromarc" }),
    person("Hanne Juul", "finance", "projectGroup", "financeSystemSpecialist", { hoursPerWeek: 4 }),
    person("Ole Vestergaard", "publicLibrary", "operationsOrganisation", "fbsSystemAdministrator", { prerequisitesMet: true }),
    person("Birgitte Skov", "plc", "operationsOrganisation", "fbsSystemAdministrator", { prerequisitesMet: true }),
    person("Lise Kjær", "publicLibrary", "operationsOrganisation", "superUser", { prerequisitesMet: true }),
    person("Karin Dahl", "plc", "operationsOrganisation", "superUser", { prerequisitesMet: true }),
    person("Maja Friis", "publicLibrary", "operationsOrganisation", "superUser", { prerequisitesMet: true }),
    person("Mette Holm", "publicLibrary", "operationsOrganisation", "fbsOwner"),
  ],
  units: [
    { unit: "Hovedbiblioteket", type: "publicLibrary", superUser: "Lise Kjær" },
    { unit: "Filial Nord", type: "publicLibrary", superUser: "Maja Friis" },
    { unit: "PLC Skovskolen", type: "plc", superUser: "Karin Dahl" },
    { unit: "PLC Åskolen", type: "plc", superUser: "Karin Dahl" },
    { unit: "Fællessamlingen", type: "sharedCollection", superUser: "Maja Friis" },
  ],
  ownership: [
    { key: "OWN-1", responsibility: "Faglig garant for optimal anvendelse og lokale arbejdsgange", owner: "Mette Holm" },
    { key: "OWN-2", responsibility: "Lokal datasikkerhed, også for tredjepartsudstyr", owner: "Anne Berg" },
    { key: "OWN-3", responsibility: "Formel godkendelse af anskaffelse og installation af tredjepartsudstyr", owner: "Anne Berg" },
    { key: "OWN-4", responsibility: "Adgangsrettigheder i overensstemmelse med adgangspolitikken", owner: "Ole Vestergaard" },
    { key: "OWN-5", responsibility: "Koordineret indmelding af udviklingsønsker til Fællesskabet FBS", owner: "Søren Lund" },
    { key: "OWN-6", responsibility: "Kontaktpunkt til KOMBIT og Fællesskabet FBS", owner: "Mette Holm" },
    { key: "OWN-7", responsibility: "Klargøring og opretholdelse af driftsorganisationen", owner: "Jens Madsen" },
    { key: "OWN-8", responsibility: "Forretningsejerskab: monitorering og dokumentation af gevinster", owner: "Mette Holm" },
  ],
  seats: [
    { course: "systemAdministrator", participant: "Ole Vestergaard", seatType: "standard", courseDate: d("2027-05-10") },
    { course: "systemAdministrator", participant: "Birgitte Skov", seatType: "standard", courseDate: d("2027-05-10") },
    { course: "superUser", participant: "Lise Kjær", seatType: "standard", courseDate: d("2027-06-07") },
    { course: "superUser", participant: "Karin Dahl", seatType: "standard", courseDate: d("2027-06-07") },
    { course: "superUser", participant: "Maja Friis", seatType: "standard", courseDate: d("2027-06-07") },
  ],
  contracts: [
    {
      vendor: "Axiell",
      system: "DDElibra",
      type: "librarySystem",
      start: d("2019-01-01"),
      expires: d("2027-12-31"),
      noticeMonths: 6,
      extensionMonths: 3,
    },
    {
      vendor: "Mikromarc AS",
      system: "Mikromarc",
      type: "librarySystem",
      start: d("2020-08-01"),
      expires: d("2028-03-31"),
      noticeMonths: 3,
      extensionMonths: 6,
    },
    {
      vendor: "Dell",
      system: "Bibliotekssystemserver",
      type: "hardware",
      start: d("2021-01-01"),
      expires: d("2027-12-31"),
      noticeMonths: 3,
      extensionMonths: 0,
      vendorEndOfSupport: d("2027-06-30"),
      joinedContingency: true,
    },
  ],
  institutions: [
    { institution: "Eksempelby Gymnasium", agreement: "Driftsaftale af 2018", notifiedOn: d("2027-01-10"), decision: "fbs" },
  ],
  operationsCentre: [],
};

function edit(records: PlanRecord[] | undefined, match: (r: PlanRecord) => boolean, change: PlanRecord): PlanRecord[] {
  return (records ?? []).map((r) => (match(r) ? { ...r, ...change } : r));
}

/** The sample plan with typical breaches: a newcomer sees findings of every severity. */
export const EXAMPLE_PLAN: PlanData = {
  ...CORRECT_PLAN,
  settings: {
    ...CORRECT_PLAN.settings,
    organisationEstablished: d("2027-02-01"), // ORG-10: after the kickoff
    transitionAgreed: null, // CON-05, CON-06
  },
  people: [
    ...edit(CORRECT_PLAN.people, (p) => p.name === "Anne Berg" && p.body === "steeringGroup", { decisionAuthority: false }), // ORG-03
    person("Thomas Bach", "plc", "operationsOrganisation", "superUser", { prerequisitesMet: true }),
  ],
  units: [
    ...edit(CORRECT_PLAN.units, (u) => u.unit === "Filial Nord", { superUser: "Maja Fris" }), // DATA-04: did you mean Maja Friis?
    { unit: "Filial Syd", type: "publicLibrary", superUser: "NN" }, // DRIFT-03, ORG-12
  ],
  ownership: edit(CORRECT_PLAN.ownership, (o) => o.key === "OWN-8", { owner: null }), // DRIFT-05
  seats: [
    ...(CORRECT_PLAN.seats ?? []),
    { course: "systemAdministrator", participant: "Jens Madsen", seatType: "standard", courseDate: d("2027-05-10") }, // SEAT-01, SEAT-04
    { course: "superUser", participant: "Thomas Bach", seatType: "purchased", courseDate: d("2027-06-07") }, // SEAT-06 (info)
  ],
  contracts: [
    ...edit(CORRECT_PLAN.contracts, (c) => c.system === "DDElibra", { expires: d("2027-09-15"), extensionMonths: 0 }), // CON-03, CON-04
  ].map((c) => (c.system === "Mikromarc" ? { ...c, terminatedOn: d("2026-10-01") } : c)), // CON-05
  institutions: [
    ...(CORRECT_PLAN.institutions ?? []),
    { institution: "Eksempelby Erhvervsskole", agreement: "Driftsaftale af 2020", notifiedOn: "31-02-2027", decision: "undecided" }, // DATA-03, INST-02
  ],
};

/**
 * What `init --example` writes: the sample plan and an Accepterede sheet with one real acceptance, so
 * a newcomer sees an accepted finding in the first minute. CON-04 is shown apart, not counted as open.
 * (The pane's demonstrations type EXAMPLE_PLAN alone, without Accepterede.)
 */
export const EXAMPLE_WORKBOOK: PlanData = {
  ...EXAMPLE_PLAN,
  accepted: [
    {
      rule: "CON-04",
      sheet: "contracts",
      subject: "Axiell / DDElibra",
      reason: {
        da: "Styregruppen besluttede 02-11-2026 ikke at forlænge DDElibra: kontrakten udløber efter ibrugtagningen, og en forlængelse er ikke nødvendig.",
        en: "The steering group decided on 2026-11-02 not to extend DDElibra: the contract expires after go-live, and no extension is needed.",
      },
      by: "Mette Holm",
      on: d("2026-11-02"),
    },
  ],
};
