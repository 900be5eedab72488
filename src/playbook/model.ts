/**
 * The typed planning model that the rules run over, read from a workbook snapshot by `reader.ts`.
 * Every value keeps the place it came from, so a finding can point at the cell where the user acts.
 */
import type { CellValue } from "./snapshot";
import type { Day } from "./dates";
import type { CellPlace, Location } from "./location";
import type {
  Body,
  ColumnSpec,
  ContractType,
  EnumName,
  Lang,
  Course,
  Decision,
  OwnershipKey,
  Role,
  SeatType,
  Sector,
  SettingKey,
  SettingSpec,
  SheetKey,
  SheetSpec,
  UnitType,
} from "./vocabulary";

/**
 * One cell's value, parsed; `value` is null when the cell is empty or could not be read. It knows
 * where it stands (`cellLocation` in location.ts makes that a Location when a finding needs one).
 */
export interface Field<T> extends CellPlace {
  readonly value: T | null;
  /** The cell held something (even if it could not be read: see `invalid`). */
  readonly present: boolean;
  /** The cell held something that does not fit the column (reported as DATA-03). */
  readonly invalid: boolean;
  readonly raw: CellValue;
}

export interface RowBase {
  /** 1-based sheet row. */
  row: number;
  /** The row as a location on its sheet (no column). */
  at: Location;
}

/** A row of `Personer`: one role held by one person. */
export interface Person extends RowBase {
  name: Field<string>; // Navn
  /** The name as a comparison key (case and spaces ignored); null when empty. */
  nameKey: string | null;
  /** The name is a real person's, not empty or a placeholder such as "NN" (ORG-12). */
  named: boolean;
  email: Field<string>; // E-mail
  sector: Field<Sector>; // Sektor
  /** Organ as typed; see `effectiveBody` for the body the rules use. */
  body: Field<Body>; // Organ
  /** Organ, or the role's usual body when Organ is empty. */
  effectiveBody: Body | null;
  role: Field<Role>; // Rolle
  decisionAuthority: Field<boolean>; // Beslutningskompetence
  chair: Field<boolean>; // Formand
  overallLead: Field<boolean>; // Overordnet projektleder
  contact: Field<boolean>; // Kontaktperson for KOMBIT og Systematic
  hoursPerWeek: Field<number>; // Timer pr. uge
  currentSystem: Field<string>; // Nuværende system
  prerequisitesMet: Field<boolean>; // Forudsætninger opfyldt
}

/** A row of `Enheder`. */
export interface Unit extends RowBase {
  unit: Field<string>;
  type: Field<UnitType>;
  superUser: Field<string>;
}

/** A row of `Ejerskab`. */
export interface Ownership extends RowBase {
  key: Field<string>;
  ownershipKey: OwnershipKey | null;
  responsibility: Field<string>;
  owner: Field<string>;
}

/** A row of `Kursuspladser`. */
export interface Seat extends RowBase {
  course: Field<Course>;
  participant: Field<string>;
  seatType: Field<SeatType>;
  courseDate: Field<Day>;
}

/** A row of `Kontrakter`. */
export interface Contract extends RowBase {
  vendor: Field<string>;
  system: Field<string>;
  type: Field<ContractType>;
  start: Field<Day>;
  expires: Field<Day>;
  noticeMonths: Field<number>;
  extensionMonths: Field<number>;
  terminatedOn: Field<Day>;
  vendorEndOfSupport: Field<Day>;
  joinedContingency: Field<boolean>;
}

/** A row of `Institutioner`. */
export interface Institution extends RowBase {
  institution: Field<string>;
  agreement: Field<string>;
  notifiedOn: Field<Day>;
  decision: Field<Decision>;
}

/** A row of `Driftscenter`: a municipality hosted by this operations centre. */
export interface HostedMunicipality extends RowBase {
  municipality: Field<string>;
  coordinator: Field<string>;
  plannedTransition: Field<Day>;
}

/** A row of `Accepterede` (WORKBOOK.md): one finding, or a rule's findings on a sheet, accepted with a reason. */
export interface AcceptanceRow extends RowBase {
  rule: Field<string>; // Regel
  sheet: Field<string>; // Ark
  subject: Field<string>; // Emne
  column: Field<string>; // Kolonne
  reason: Field<string>; // Begrundelse
  acceptedBy: Field<string>; // Accepteret af
  date: Field<Day>; // Dato
  until: Field<Day>; // Gælder til
}

export interface Settings {
  municipality: Field<string>; // Kommune
  goLive: Field<Day>; // Ibrugtagning
  kickoff: Field<Day>; // Opstartsmøde med Systematic
  organisationEstablished: Field<Day>; // Projektorganisation etableret
  transitionAgreed: Field<Day>; // Overgangstidspunkt aftalt
  operationsAnnounced: Field<Day>; // Driftsorganisation meldt ud
  announcementLeadDays: Field<number>; // Varsel for udmelding (dage)
  operationsCentre: Field<boolean>; // Driftscenter for andre kommuner
  operationsCentreWindowDays: Field<number>; // Overgangsvindue for driftscenter (dage)
  currentSystems: Field<string[]>; // Nuværende bibliotekssystemer
  financeSystem: Field<string>; // Økonomisystem
  debtorSystem: Field<string>; // Debitorsystem
  integrationTestSilent: Field<boolean>; // Integrationstest uden udsendelse til borgere
}

/** A column found on a sheet. */
export interface FoundColumn {
  spec: ColumnSpec;
  /** 0-based column index. */
  index: number;
  /** The header text as it stands in the workbook. */
  header: string;
}

/** How a data sheet was found in the workbook. */
export interface SheetInfo {
  spec: SheetSpec;
  /** The sheet's name as it stands in the workbook. */
  name: string;
  /** 1-based row of the header; null when no header row was found. */
  headerRow: number | null;
  columns: Partial<Record<string, FoundColumn>>;
  /** Required columns that were not found. */
  missingColumns: ColumnSpec[];
  /** Number of data rows read (non-empty rows below the header). */
  rowCount: number;
}

/** A cell whose value does not fit its column (DATA-03). */
export interface InvalidCell {
  at: Location;
  raw: CellValue;
  expected: ColumnSpec["type"] | SettingSpec["type"] | "required";
  /** For enum columns: the list of allowed values. */
  list?: EnumName;
}

export interface SettingRow {
  spec: SettingSpec;
  /** 1-based row of the setting in Projekt. */
  row: number;
  /** The setting's `Felt` as it stands in the workbook. */
  label: string;
}

export interface Plan {
  /** The workbook's language: English when more of its sheets have English names than Danish ones. */
  lang: Lang;
  sheets: Record<SheetKey, SheetInfo | null>;
  /** Required sheets that are absent (DATA-01). */
  missingSheets: SheetSpec[];
  invalidCells: InvalidCell[];
  settings: Settings;
  /** Where each setting stands in Projekt (absent when the row is missing). */
  settingRows: Partial<Record<SettingKey, SettingRow>>;
  people: Person[];
  units: Unit[];
  ownership: Ownership[];
  seats: Seat[];
  contracts: Contract[];
  institutions: Institution[];
  hostedMunicipalities: HostedMunicipality[];
  /** Rows of `Accepterede` (empty when the sheet is absent). */
  acceptances: AcceptanceRow[];
  /** People rows by normalised name (one person may hold several roles). */
  peopleByName: Map<string, Person[]>;
}
