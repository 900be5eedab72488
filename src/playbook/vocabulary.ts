/**
 * The vocabulary of the planning workbook (shared/playbook/WORKBOOK.md): sheet names, headers,
 * fixed values and settings, in Danish and English. This is a contract with users: only add to it.
 */

import type { Lang, Text } from "./i18n";

export type { Lang, Text } from "./i18n";

export const WORKBOOK_FORMAT_VERSION = 1;

/** The hidden workbook name that records the format version, written by both generators. */
export const FORMAT_VERSION_NAME = "FBS_FORMAT_VERSION";

// ---------------------------------------------------------------------------------------------
// Fixed values (drop-down lists)

export interface EnumValue<K extends string = string> extends Text {
  key: K;
}

function values<K extends string>(list: ReadonlyArray<EnumValue<K>>): ReadonlyArray<EnumValue<K>> {
  return list;
}

/** Sektor */
export type Sector = "publicLibrary" | "plc" | "municipalIt" | "finance" | "operationsCentre" | "external";
export const SECTORS = values<Sector>([
  { key: "publicLibrary", da: "Folkebibliotek", en: "Public library" },
  { key: "plc", da: "PLC", en: "PLC" },
  { key: "municipalIt", da: "Kommunal IT", en: "Municipal IT" },
  { key: "finance", da: "Økonomi", en: "Finance" },
  { key: "operationsCentre", da: "Driftscenter", en: "Operations centre" },
  { key: "external", da: "Ekstern", en: "External" },
]);

/** Organ */
export type Body = "steeringGroup" | "projectGroup" | "operationsOrganisation";
export const BODIES = values<Body>([
  { key: "steeringGroup", da: "Styregruppe", en: "Steering group" },
  { key: "projectGroup", da: "Projektgruppe", en: "Project group" },
  { key: "operationsOrganisation", da: "Driftsorganisation", en: "Operations organisation" },
]);

/** Rolle */
export type Role =
  | "projectOwner" // Projektejer
  | "steeringGroupMember" // Styregruppemedlem
  | "projectManager" // Projektleder
  | "businessProjectManager" // Faglig projektleder
  | "technicalProjectManager" // Teknisk projektleder
  | "publicLibrarySpecialist" // Fagperson folkebibliotek
  | "plcSpecialist" // Fagperson PLC
  | "municipalItSpecialist" // Fagperson kommunal IT
  | "currentSystemAdministrator" // Systemadministrator (nuværende system)
  | "financeSystemSpecialist" // Fagperson økonomisystem
  | "operationsCentreCoordinator" // Koordinator driftscenter
  | "fbsSystemAdministrator" // FBS-systemadministrator
  | "superUser" // Superbruger
  | "fbsOwner"; // FBS-ejer

export interface RoleValue extends EnumValue<Role> {
  /** The body the role usually sits in; used when `Organ` is left empty. */
  body: Body;
}

export const ROLES: ReadonlyArray<RoleValue> = [
  { key: "projectOwner", da: "Projektejer", en: "Project owner", body: "steeringGroup" },
  { key: "steeringGroupMember", da: "Styregruppemedlem", en: "Steering group member", body: "steeringGroup" },
  { key: "projectManager", da: "Projektleder", en: "Project manager", body: "projectGroup" },
  { key: "businessProjectManager", da: "Faglig projektleder", en: "Business project manager", body: "projectGroup" },
  { key: "technicalProjectManager", da: "Teknisk projektleder", en: "Technical project manager", body: "projectGroup" },
  { key: "publicLibrarySpecialist", da: "Fagperson folkebibliotek", en: "Public library specialist", body: "projectGroup" },
  { key: "plcSpecialist", da: "Fagperson PLC", en: "PLC specialist", body: "projectGroup" },
  { key: "municipalItSpecialist", da: "Fagperson kommunal IT", en: "Municipal IT specialist", body: "projectGroup" },
  {
    key: "currentSystemAdministrator",
    da: "Systemadministrator (nuværende system)",
    en: "Current system administrator",
    body: "projectGroup",
  },
  { key: "financeSystemSpecialist", da: "Fagperson økonomisystem", en: "Finance system specialist", body: "projectGroup" },
  { key: "operationsCentreCoordinator", da: "Koordinator driftscenter", en: "Operations centre coordinator", body: "projectGroup" },
  { key: "fbsSystemAdministrator", da: "FBS-systemadministrator", en: "FBS system administrator", body: "operationsOrganisation" },
  { key: "superUser", da: "Superbruger", en: "Super user", body: "operationsOrganisation" },
  { key: "fbsOwner", da: "FBS-ejer", en: "FBS owner", body: "operationsOrganisation" },
];

export const PROJECT_MANAGER_ROLES: ReadonlyArray<Role> = ["projectManager", "businessProjectManager", "technicalProjectManager"];

/** Enheder: Type */
export type UnitType = "publicLibrary" | "plc" | "sharedCollection";
export const UNIT_TYPES = values<UnitType>([
  { key: "publicLibrary", da: "Folkebibliotek", en: "Public library" },
  { key: "plc", da: "PLC", en: "PLC" },
  { key: "sharedCollection", da: "Fællessamling", en: "Shared collection" },
]);

/** Kursus */
export type Course = "systemAdministrator" | "superUser";
export const COURSES = values<Course>([
  { key: "systemAdministrator", da: "Systemadministrator", en: "System administrator" },
  { key: "superUser", da: "Superbruger", en: "Super user" },
]);

/** Pladstype */
export type SeatType = "standard" | "purchased";
export const SEAT_TYPES = values<SeatType>([
  { key: "standard", da: "Standard", en: "Standard" },
  { key: "purchased", da: "Tilkøb", en: "Purchased" },
]);

/** Kontrakter: Type */
export type ContractType = "librarySystem" | "hardware" | "other";
export const CONTRACT_TYPES = values<ContractType>([
  { key: "librarySystem", da: "Bibliotekssystem", en: "Library system" },
  { key: "hardware", da: "Hardware/server", en: "Hardware/server" },
  { key: "other", da: "Andet", en: "Other" },
]);

/** Beslutning */
export type Decision = "fbs" | "otherVendor" | "undecided";
export const DECISIONS = values<Decision>([
  { key: "fbs", da: "FBS", en: "FBS" },
  { key: "otherVendor", da: "Anden leverandør", en: "Other vendor" },
  { key: "undecided", da: "Uafklaret", en: "Undecided" },
]);

export const YES_NO: { yes: Text; no: Text } = {
  yes: { da: "Ja", en: "Yes" },
  no: { da: "Nej", en: "No" },
};

export type EnumName = "sector" | "body" | "role" | "unitType" | "course" | "seatType" | "contractType" | "decision";

export const ENUMS: Record<EnumName, ReadonlyArray<EnumValue>> = {
  sector: SECTORS,
  body: BODIES,
  role: ROLES,
  unitType: UNIT_TYPES,
  course: COURSES,
  seatType: SEAT_TYPES,
  contractType: CONTRACT_TYPES,
  decision: DECISIONS,
};

export function enumValue<K extends string>(list: ReadonlyArray<EnumValue<K>>, key: K): EnumValue<K> {
  const found = list.find((v) => v.key === key);
  if (!found) throw new Error(`Unknown value key "${key}"`);
  return found;
}

// ---------------------------------------------------------------------------------------------
// Sheets and columns

export type ColumnType = "text" | "date" | "number" | "yesno" | "enum" | "person";

export interface ColumnSpec extends Text {
  /** Stable key used by the model. */
  key: string;
  type: ColumnType;
  /** For `enum` columns: which list. */
  enum?: EnumName;
  /** The cell may not be empty (DATA-03 when it is). */
  valueRequired?: boolean;
  /** The column must be present (DATA-02 when it is not). */
  columnRequired: boolean;
  /** Readable width in characters for generated sheets. */
  width: number;
}

export type SheetKey =
  | "project"
  | "people"
  | "units"
  | "ownership"
  | "seats"
  | "contracts"
  | "institutions"
  | "operationsCentre"
  | "accepted"
  | "validation"
  | "timeline"
  | "history"
  | "status";

export interface SheetSpec extends Text {
  key: SheetKey;
  /** ListObject name in a generated workbook. */
  table: string | null;
  /** DATA-01 when missing. */
  required: boolean;
  columns: ColumnSpec[];
}

function col(
  key: string,
  da: string,
  en: string,
  type: ColumnType,
  width: number,
  extra: Partial<Pick<ColumnSpec, "enum" | "valueRequired" | "columnRequired">> = {},
): ColumnSpec {
  return { key, da, en, type, width, columnRequired: true, ...extra };
}

export const PROJECT_SHEET: SheetSpec = {
  key: "project",
  da: "Projekt",
  en: "Project",
  table: "tblProjekt",
  required: true,
  columns: [col("field", "Felt", "Field", "text", 44, { valueRequired: true }), col("value", "Værdi", "Value", "text", 36)],
};

export const PEOPLE_SHEET: SheetSpec = {
  key: "people",
  da: "Personer",
  en: "People",
  table: "tblPersoner",
  required: true,
  columns: [
    col("name", "Navn", "Name", "text", 26, { valueRequired: true }),
    col("email", "E-mail", "Email", "text", 30, { columnRequired: false }),
    col("sector", "Sektor", "Sector", "enum", 18, { enum: "sector" }),
    col("body", "Organ", "Body", "enum", 22, { enum: "body" }),
    col("role", "Rolle", "Role", "enum", 40, { enum: "role" }),
    col("decisionAuthority", "Beslutningskompetence", "Decision authority", "yesno", 14),
    col("chair", "Formand", "Chair", "yesno", 10),
    col("overallLead", "Overordnet projektleder", "Overall project lead", "yesno", 14),
    col("contact", "Kontaktperson for KOMBIT og Systematic", "Contact for KOMBIT and Systematic", "yesno", 18),
    col("hoursPerWeek", "Timer pr. uge", "Hours per week", "number", 10),
    col("currentSystem", "Nuværende system", "Current system", "text", 18),
    col("prerequisitesMet", "Forudsætninger opfyldt", "Prerequisites met", "yesno", 14),
  ],
};

export const UNITS_SHEET: SheetSpec = {
  key: "units",
  da: "Enheder",
  en: "Units",
  table: "tblEnheder",
  required: false,
  columns: [
    col("unit", "Enhed", "Unit", "text", 30, { valueRequired: true }),
    col("type", "Type", "Type", "enum", 18, { enum: "unitType" }),
    col("superUser", "Superbruger", "Super user", "person", 26),
  ],
};

export const OWNERSHIP_SHEET: SheetSpec = {
  key: "ownership",
  da: "Ejerskab",
  en: "Ownership",
  table: "tblEjerskab",
  required: false,
  columns: [
    col("key", "Nøgle", "Key", "text", 8),
    col("responsibility", "Ansvar", "Responsibility", "text", 64, { valueRequired: true }),
    col("owner", "Ansvarlig", "Owner", "person", 26),
  ],
};

export const SEATS_SHEET: SheetSpec = {
  key: "seats",
  da: "Kursuspladser",
  en: "Training seats",
  table: "tblKursuspladser",
  required: false,
  columns: [
    col("course", "Kursus", "Course", "enum", 22, { enum: "course" }),
    col("participant", "Deltager", "Participant", "person", 26),
    col("seatType", "Pladstype", "Seat type", "enum", 12, { enum: "seatType" }),
    col("courseDate", "Kursusdato", "Course date", "date", 12),
  ],
};

export const CONTRACTS_SHEET: SheetSpec = {
  key: "contracts",
  da: "Kontrakter",
  en: "Contracts",
  table: "tblKontrakter",
  required: true,
  columns: [
    col("vendor", "Leverandør", "Vendor", "text", 22, { valueRequired: true }),
    col("system", "System", "System", "text", 18),
    col("type", "Type", "Type", "enum", 18, { enum: "contractType" }),
    col("start", "Startdato", "Start date", "date", 12, { columnRequired: false }),
    col("expires", "Udløber", "Expires", "date", 12),
    col("noticeMonths", "Opsigelsesvarsel (måneder)", "Notice period (months)", "number", 14),
    col("extensionMonths", "Forlængelse (måneder)", "Extension option (months)", "number", 14),
    col("terminatedOn", "Opsagt", "Terminated on", "date", 12),
    col("vendorEndOfSupport", "Leverandørens ophør", "Vendor end of support", "date", 14),
    col("joinedContingency", "Beredskab tilmeldt", "Joined contingency", "yesno", 12),
  ],
};

export const INSTITUTIONS_SHEET: SheetSpec = {
  key: "institutions",
  da: "Institutioner",
  en: "Institutions",
  table: "tblInstitutioner",
  required: false,
  columns: [
    col("institution", "Institution", "Institution", "text", 30, { valueRequired: true }),
    col("agreement", "Driftsaftale", "Operations agreement", "text", 24),
    col("notifiedOn", "Varslet", "Notified on", "date", 12),
    col("decision", "Beslutning", "Decision", "enum", 18, { enum: "decision" }),
  ],
};

export const OPERATIONS_CENTRE_SHEET: SheetSpec = {
  key: "operationsCentre",
  da: "Driftscenter",
  en: "Operations centre",
  table: "tblDriftscenter",
  required: false,
  columns: [
    col("municipality", "Kommune", "Municipality", "text", 22, { valueRequired: true }),
    col("coordinator", "Koordinator", "Coordinator", "person", 26),
    col("plannedTransition", "Planlagt overgang", "Planned transition", "date", 14),
  ],
};

/** WORKBOOK.md, *Accepterede*: one finding the project has decided to accept, with the reason. */
export const ACCEPTED_SHEET: SheetSpec = {
  key: "accepted",
  da: "Accepterede",
  en: "Accepted",
  table: "tblAccepterede",
  required: false,
  columns: [
    col("rule", "Regel", "Rule", "text", 10),
    col("sheet", "Ark", "Sheet", "text", 16, { columnRequired: false }),
    col("subject", "Emne", "Subject", "text", 36, { columnRequired: false }),
    col("column", "Kolonne", "Column", "text", 18, { columnRequired: false }),
    col("reason", "Begrundelse", "Reason", "text", 48),
    col("acceptedBy", "Accepteret af", "Accepted by", "person", 22, { columnRequired: false }),
    col("date", "Dato", "Date", "date", 12, { columnRequired: false }),
    col("until", "Gælder til", "Until", "date", 12, { columnRequired: false }),
  ],
};

/** WORKBOOK.md, *Historik*: one validation made in Excel, appended by the add-in, read by the command line. */
export const HISTORY_SHEET: SheetSpec = {
  key: "history",
  da: "Historik",
  en: "History",
  table: "tblHistorik",
  required: false,
  columns: [
    col("time", "Tidspunkt", "Time", "date", 18),
    col("errors", "Fejl", "Errors", "number", 8),
    col("warnings", "Advarsler", "Warnings", "number", 10),
    col("info", "Info", "Info", "number", 8),
    col("accepted", "Accepterede", "Accepted", "number", 11),
    col("new", "Nye", "New", "number", 8),
    col("resolved", "Løste", "Resolved", "number", 8),
  ],
};

/** WORKBOOK.md, *Status*: the one-page status for the steering group (generated). */
export const STATUS_SHEET: SheetSpec = {
  key: "status",
  da: "Status",
  en: "Status",
  table: null,
  required: false,
  columns: [],
};

export const VALIDATION_SHEET: SheetSpec = {
  key: "validation",
  da: "Validering",
  en: "Validation",
  table: null,
  required: false,
  columns: [],
};

export const TIMELINE_SHEET: SheetSpec = {
  key: "timeline",
  da: "Tidslinje",
  en: "Timeline",
  table: null,
  required: false,
  columns: [],
};

/** The data sheets in workbook order. */
export const DATA_SHEETS: ReadonlyArray<SheetSpec> = [
  PROJECT_SHEET,
  PEOPLE_SHEET,
  UNITS_SHEET,
  OWNERSHIP_SHEET,
  SEATS_SHEET,
  CONTRACTS_SHEET,
  INSTITUTIONS_SHEET,
  OPERATIONS_CENTRE_SHEET,
];

// ---------------------------------------------------------------------------------------------
// Projekt settings (key/value rows)

export type SettingKey =
  | "municipality"
  | "goLive"
  | "kickoff"
  | "organisationEstablished"
  | "transitionAgreed"
  | "operationsAnnounced"
  | "announcementLeadDays"
  | "operationsCentre"
  | "operationsCentreWindowDays"
  | "currentSystems"
  | "financeSystem"
  | "debtorSystem"
  | "integrationTestSilent";

export interface SettingSpec extends Text {
  key: SettingKey;
  type: "text" | "date" | "number" | "yesno";
  required: boolean;
  /** Default written by generation and assumed when the row is absent or empty. */
  default: number | boolean | null;
}

export const SETTINGS: ReadonlyArray<SettingSpec> = [
  { key: "municipality", da: "Kommune", en: "Municipality", type: "text", required: true, default: null },
  { key: "goLive", da: "Ibrugtagning", en: "Go-live", type: "date", required: true, default: null },
  { key: "kickoff", da: "Opstartsmøde med Systematic", en: "Kickoff meeting with Systematic", type: "date", required: false, default: null },
  {
    key: "organisationEstablished",
    da: "Projektorganisation etableret",
    en: "Project organisation established",
    type: "date",
    required: false,
    default: null,
  },
  { key: "transitionAgreed", da: "Overgangstidspunkt aftalt", en: "Transition date agreed", type: "date", required: false, default: null },
  {
    key: "operationsAnnounced",
    da: "Driftsorganisation meldt ud",
    en: "Operations organisation announced",
    type: "date",
    required: false,
    default: null,
  },
  {
    key: "announcementLeadDays",
    da: "Varsel for udmelding (dage)",
    en: "Announcement lead time (days)",
    type: "number",
    required: false,
    default: 30,
  },
  {
    key: "operationsCentre",
    da: "Driftscenter for andre kommuner",
    en: "Operations centre for other municipalities",
    type: "yesno",
    required: false,
    default: false,
  },
  {
    key: "operationsCentreWindowDays",
    da: "Overgangsvindue for driftscenter (dage)",
    en: "Operations-centre transition window (days)",
    type: "number",
    required: false,
    default: 30,
  },
  { key: "currentSystems", da: "Nuværende bibliotekssystemer", en: "Current library systems", type: "text", required: false, default: null },
  { key: "financeSystem", da: "Økonomisystem", en: "Finance system", type: "text", required: false, default: null },
  { key: "debtorSystem", da: "Debitorsystem", en: "Debtor system", type: "text", required: false, default: null },
  {
    key: "integrationTestSilent",
    da: "Integrationstest uden udsendelse til borgere",
    en: "Integration test sends nothing to citizens",
    type: "yesno",
    required: false,
    default: false,
  },
];

// ---------------------------------------------------------------------------------------------
// Ownership responsibilities of section 3.3

export type OwnershipKey = "OWN-1" | "OWN-2" | "OWN-3" | "OWN-4" | "OWN-5" | "OWN-6" | "OWN-7" | "OWN-8";

export const OWNERSHIP_RESPONSIBILITIES: ReadonlyArray<{ key: OwnershipKey } & Text> = [
  {
    key: "OWN-1",
    da: "Faglig garant for optimal anvendelse og lokale arbejdsgange",
    en: "Professional guarantor of optimal use and local workflows",
  },
  { key: "OWN-2", da: "Lokal datasikkerhed, også for tredjepartsudstyr", en: "Local data security, third-party equipment included" },
  {
    key: "OWN-3",
    da: "Formel godkendelse af anskaffelse og installation af tredjepartsudstyr",
    en: "Formal approval of purchase and installation of third-party equipment",
  },
  {
    key: "OWN-4",
    da: "Adgangsrettigheder i overensstemmelse med adgangspolitikken",
    en: "Access rights in line with the access policy",
  },
  {
    key: "OWN-5",
    da: "Koordineret indmelding af udviklingsønsker til Fællesskabet FBS",
    en: "Coordinated submission of development requests to Fællesskabet FBS",
  },
  { key: "OWN-6", da: "Kontaktpunkt til KOMBIT og Fællesskabet FBS", en: "Point of contact for KOMBIT and Fællesskabet FBS" },
  {
    key: "OWN-7",
    da: "Klargøring og opretholdelse af driftsorganisationen",
    en: "Setting up and maintaining the operations organisation",
  },
  {
    key: "OWN-8",
    da: "Forretningsejerskab: monitorering og dokumentation af gevinster",
    en: "Business ownership: monitoring and documenting benefits",
  },
];

// ---------------------------------------------------------------------------------------------
// Matching

// A constant, not a literal in normalizeKey: a literal makes a new RegExp on every call, and this runs for every name.
const SPACES = /\s+/g;

// Text with no character from U+0300 on is already NFC (combining marks and every other character
// that composition changes start there), so the common case skips `normalize`.
const MAYBE_NOT_NFC = /[\u0300-\uffff]/;

/** Case- and space-insensitive comparison key, on Unicode NFC (WORKBOOK.md: `A` + ring is `Å`). */
export function normalizeKey(text: string): string {
  const nfc = MAYBE_NOT_NFC.test(text) ? text.normalize("NFC") : text;
  return nfc.toLowerCase().replace(SPACES, "");
}

/** Same as {@link normalizeKey}, ignoring a parenthesised unit such as "(måneder)". */
export function normalizeHeaderLoose(text: string): string {
  return normalizeKey(text.replace(/\([^)]*\)/g, ""));
}

/** A sheet name stands for a spec: its Danish name or English alias, case- and space-insensitively. */
export function matchesSheet(name: string, spec: Text): boolean {
  const k = normalizeKey(name);
  return k === normalizeKey(spec.da) || k === normalizeKey(spec.en);
}

export function label(text: Text, lang: Lang): string {
  return text[lang];
}
