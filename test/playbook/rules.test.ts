/**
 * Every rule of RULES.md, tested as ESLint's RuleTester tests a rule: `valid` plans where it stays
 * quiet (the correct sample plan always among them), and `invalid` plans with exactly the findings it
 * must make, each by message id, values, sheet, cell, severity and subject, in the engine's order.
 */
import { ALL_RULES } from "../../src/playbook/engine";
import type { Finding, MessageData, Severity } from "../../src/playbook/findings";
import { kebabCase } from "../../src/playbook/rule";
import { render } from "../../src/playbook/render";
import type { WorkbookSnapshot } from "../../src/playbook/snapshot";
import { planSnapshot, type PlanData } from "../../src/playbook/template";
import { TODAY, correctPlan, d, findingsOf, remove, update, validate } from "./plan-fixtures";

interface PlanCase {
  name: string;
  /** Change the correct plan… */
  change?: (plan: PlanData) => void;
  /** …or its Danish snapshot. */
  changeSnapshot?: (snapshot: WorkbookSnapshot) => void;
  today?: Date;
}

interface ExpectedFinding {
  /** The message's id within the rule (`too-short`; the finding's `messageId` is `CON-03/too-short`). */
  messageId: string;
  data: MessageData;
  sheet: string | null;
  cell: string | null;
  severity: Severity;
  subject: string | null;
  /** A piece of the Danish message, as the command line shows it. */
  says?: string;
}

interface RuleTests {
  valid: PlanCase[];
  invalid: Array<PlanCase & { errors: ExpectedFinding[] }>;
}

const sheet = (s: WorkbookSnapshot, name: string) => s.sheets.find((x) => x.name === name)!;

/** An Accepterede sheet with these rows (Regel, Ark, Emne, Kolonne, Begrundelse, Accepteret af, Dato, Gælder til). */
const accepted = (...rows: WorkbookSnapshot["sheets"][number]["rows"]) => ({
  name: "Accepterede",
  rows: [["Regel", "Ark", "Emne", "Kolonne", "Begrundelse", "Accepteret af", "Dato", "Gælder til"], ...rows],
});

const TESTS: Record<string, RuleTests> = {
  "DATA-01": {
    valid: [],
    invalid: [
      {
        name: "the Kontrakter sheet is missing",
        changeSnapshot: (s) => s.sheets.splice(s.sheets.indexOf(sheet(s, "Kontrakter")), 1),
        errors: [
          { messageId: "missing-sheet", data: { sheet: "contracts" }, sheet: null, cell: null, severity: "error", subject: "Kontrakter", says: "Kontrakter" },
        ],
      },
    ],
  },
  "DATA-02": {
    valid: [],
    invalid: [
      {
        name: "the Rolle header was renamed",
        changeSnapshot: (s) => {
          sheet(s, "Personer").rows[0][4] = "Funktion";
        },
        errors: [
          { messageId: "missing-column", data: { sheet: "Personer", sheetKey: "people", column: "role", headerRow: 1 }, sheet: "Personer", cell: null, severity: "error", subject: "Rolle", says: "Rolle" },
        ],
      },
      {
        name: "a sheet has no header row at all",
        changeSnapshot: (s) => {
          sheet(s, "Enheder").rows = [[], ["Hovedbiblioteket"]];
        },
        errors: [
          { messageId: "no-header-row", data: { sheet: "Enheder", sheetKey: "units" }, sheet: "Enheder", cell: null, severity: "error", subject: null, says: "ingen overskriftsrække" },
        ],
      },
    ],
  },
  "DATA-03": {
    valid: [],
    invalid: [
      {
        name: "a number column holds a word",
        change: (p) => update(p.people, (r) => r.name === "Karin Dahl" && r.body === "projectGroup", { hoursPerWeek: "mange" }),
        errors: [
          { messageId: "not-a-number", data: { value: "mange", column: "Timer pr. uge" }, sheet: "Personer", cell: "J7", severity: "error", subject: "Karin Dahl / Fagperson PLC", says: "der forventes et tal" },
        ],
      },
      {
        name: "an impossible date, a formula error, an unknown value and a bad yes/no",
        change: (p) => {
          update(p.contracts, (c) => c.system === "DDElibra", { expires: "31-02-2027" });
          update(p.people, (r) => r.name === "Karin Dahl" && r.body === "projectGroup", { sector: "Skolen" });
          update(p.people, (r) => r.name === "Jens Madsen", { contact: "måske" });
        },
        changeSnapshot: (s) => {
          sheet(s, "Personer").rows[7][9] = { error: "#REF!" };
        },
        errors: [
          { messageId: "does-not-fit", data: { value: "måske", column: "Kontaktperson for KOMBIT og Systematic", expected: "yesno" }, sheet: "Personer", cell: "I5", severity: "error", subject: "Jens Madsen / Projektleder", says: "«måske»" },
          { messageId: "not-in-list", data: { value: "Skolen", column: "Sektor", list: "sector", suggestion: null }, sheet: "Personer", cell: "C7", severity: "error", subject: "Karin Dahl / Fagperson PLC", says: "«Skolen»" },
          { messageId: "formula-error", data: { error: "#REF!" }, sheet: "Personer", cell: "J8", severity: "error", subject: "Peter Nørgaard / Fagperson kommunal IT", says: "#REF!" },
          { messageId: "not-a-date", data: { value: "31-02-2027", column: "Udløber" }, sheet: "Kontrakter", cell: "E2", severity: "error", subject: "Axiell / DDElibra", says: "31-02-2027" },
        ],
      },
      {
        name: "a required text cell is empty",
        change: (p) => update(p.units, (u) => u.unit === "Filial Nord", { unit: null }),
        errors: [
          { messageId: "required", data: { column: "Enhed" }, sheet: "Enheder", cell: "A3", severity: "error", subject: null, says: "skal udfyldes" },
        ],
      },
    ],
  },
  "DATA-04": {
    valid: [
      { name: "a super user written in other case and spacing", change: (p) => update(p.units, (u) => u.unit === "Hovedbiblioteket", { superUser: "  lise   KJÆR " }) },
    ],
    invalid: [
      {
        name: "a misspelt super user gets the closest name suggested",
        change: (p) => update(p.units, (u) => u.unit === "Hovedbiblioteket", { superUser: "Lise Kjar" }),
        errors: [
          { messageId: "unknown-person", data: { name: "Lise Kjar", sheet: "Personer", suggestion: "Lise Kjær" }, sheet: "Enheder", cell: "C2", severity: "error", subject: "Hovedbiblioteket", says: "Mente du «Lise Kjær»?" },
        ],
      },
    ],
  },
  "DATA-05": {
    valid: [],
    invalid: [
      {
        name: "a person's row appears twice",
        change: (p) => p.people!.push({ ...p.people![4] }),
        errors: [
          { messageId: "repeated-row", data: { row: 18, firstRow: 6, label: "Lise Kjær" }, sheet: "Personer", cell: null, severity: "warning", subject: "Lise Kjær / Fagperson folkebibliotek", says: "gentager række 6" },
        ],
      },
    ],
  },
  "DATA-06": {
    valid: [],
    invalid: [
      {
        name: "Kommune is empty",
        change: (p) => (p.settings!.municipality = null),
        errors: [
          { messageId: "no-municipality", data: {}, sheet: "Projekt", cell: "B2", severity: "error", subject: "Kommune", says: "Kommune" },
        ],
      },
      {
        name: "the Ibrugtagning row is gone",
        changeSnapshot: (s) => sheet(s, "Projekt").rows.splice(2, 1),
        errors: [
          { messageId: "no-go-live", data: {}, sheet: "Projekt", cell: null, severity: "error", subject: "Ibrugtagning", says: "Ibrugtagning" },
        ],
      },
    ],
  },
  "DATA-07": {
    valid: [
      { name: "a complete row of Accepterede", changeSnapshot: (s) => s.sheets.push(accepted(["CON-04", "Kontrakter", null, null, "Besluttet"])) },
    ],
    invalid: [
      {
        name: "Regel empty, Regel not a rule, Begrundelse empty",
        changeSnapshot: (s) => s.sheets.push(accepted([null, "Kontrakter", null, null, "Besluttet"], ["CON-99", null, null, null, "Besluttet"], ["CON-04", null, null, null, " "])),
        errors: [
          { messageId: "no-rule", data: { row: 2 }, sheet: "Accepterede", cell: "A2", severity: "warning", subject: null, says: "«Regel» er tom" },
          { messageId: "unknown-rule", data: { row: 3, rule: "CON-99" }, sheet: "Accepterede", cell: "A3", severity: "warning", subject: null, says: "«CON-99» er ikke en regel" },
          { messageId: "no-reason", data: { row: 4 }, sheet: "Accepterede", cell: "E4", severity: "warning", subject: null, says: "«Begrundelse» er tom" },
        ],
      },
    ],
  },
  "DATA-08": {
    valid: [
      {
        name: "a row that accepts a finding, holding through today",
        change: (p) => update(p.contracts, (r) => r.system === "DDElibra", { extensionMonths: 0 }),
        changeSnapshot: (s) => s.sheets.push(accepted(["CON-04", "Kontrakter", "Axiell / DDElibra", null, "Besluttet", null, null, new Date(Date.UTC(2026, 11, 1))])),
      },
    ],
    invalid: [
      {
        name: "a row that matches nothing, and one that has lapsed",
        change: (p) => update(p.contracts, (r) => r.system === "DDElibra", { extensionMonths: 0 }),
        changeSnapshot: (s) =>
          s.sheets.push(
            accepted(["CON-04", "Kontrakter", "Axiell / Andet", null, "Besluttet"], ["CON-04", "Kontrakter", "Axiell / DDElibra", null, "Besluttet", null, null, new Date(Date.UTC(2026, 10, 30))]),
          ),
        errors: [
          { messageId: "matches-nothing", data: { row: 2, rule: "CON-04" }, sheet: "Accepterede", cell: null, severity: "info", subject: null, says: "problemet er væk" },
          { messageId: "lapsed", data: { row: 3, rule: "CON-04", until: "2026-11-30" }, sheet: "Accepterede", cell: null, severity: "info", subject: null, says: "gjaldt til 30-11-2026" },
        ],
      },
    ],
  },
  "ORG-01": {
    valid: [],
    invalid: [
      {
        name: "no project owner",
        change: (p) => update(p.people, (r) => r.role === "projectOwner", { role: "steeringGroupMember" }),
        errors: [
          { messageId: "no-owner", data: {}, sheet: "Personer", cell: null, severity: "error", subject: "Projektejer", says: "ingen projektejer" },
        ],
      },
      {
        name: "two project owners",
        change: (p) => update(p.people, (r) => r.name === "Søren Lund", { role: "projectOwner" }),
        errors: [
          { messageId: "second-owner", data: { name: "Søren Lund", row: 3, other: "Mette Holm", otherRow: 2 }, sheet: "Personer", cell: "E3", severity: "error", subject: "Søren Lund / Projektejer", says: "Søren Lund" },
        ],
      },
    ],
  },
  "ORG-02": {
    valid: [],
    invalid: [
      {
        name: "the owner does not chair and someone else does",
        change: (p) => {
          update(p.people, (r) => r.role === "projectOwner", { chair: false });
          update(p.people, (r) => r.name === "Anne Berg", { chair: true });
        },
        errors: [
          { messageId: "owner-not-chair", data: { name: "Mette Holm", row: 2 }, sheet: "Personer", cell: "G2", severity: "warning", subject: "Mette Holm / Projektejer", says: "ikke styregruppens formand" },
          { messageId: "chair-not-owner", data: { name: "Anne Berg", row: 4 }, sheet: "Personer", cell: "G4", severity: "warning", subject: "Anne Berg / Styregruppemedlem", says: "Anne Berg" },
        ],
      },
      {
        name: "no steering group",
        change: (p) => update(p.people, (r) => r.body === "steeringGroup", { body: "projectGroup" }),
        errors: [
          { messageId: "no-steering-group", data: {}, sheet: "Personer", cell: null, severity: "warning", subject: "Styregruppe", says: "ingen styregruppe" },
        ],
      },
    ],
  },
  "ORG-03": {
    valid: [],
    invalid: [
      {
        name: "IT has no decision authority in the steering group",
        change: (p) => update(p.people, (r) => r.name === "Anne Berg", { decisionAuthority: false }),
        errors: [
          { messageId: "no-authority", data: { sector: "municipalIt" }, sheet: "Personer", cell: null, severity: "error", subject: "Kommunal IT", says: "Kommunal IT" },
        ],
      },
    ],
  },
  "ORG-04": {
    valid: [],
    invalid: [
      {
        name: "no project manager",
        change: (p) => remove(p.people, (r) => r.role === "projectManager"),
        errors: [
          { messageId: "no-manager", data: {}, sheet: "Personer", cell: null, severity: "error", subject: "Projektleder", says: "projektleder" },
        ],
      },
    ],
  },
  "ORG-05": {
    valid: [],
    invalid: [
      {
        name: "shared management without an overall lead",
        change: (p) => p.people!.push({ name: "Tina Krog", sector: "municipalIt", body: "projectGroup", role: "technicalProjectManager", hoursPerWeek: 10 }),
        errors: [
          { messageId: "no-overall-lead", data: { managers: ["Jens Madsen", "Tina Krog"] }, sheet: "Personer", cell: "H5", severity: "error", subject: "Jens Madsen / Projektleder", says: "ingen er overordnet" },
        ],
      },
      {
        name: "two overall leads",
        change: (p) => {
          update(p.people, (r) => r.role === "projectManager", { overallLead: true });
          p.people!.push({ name: "Tina Krog", sector: "municipalIt", body: "projectGroup", role: "technicalProjectManager", hoursPerWeek: 10, overallLead: true });
        },
        errors: [
          { messageId: "two-overall-leads", data: { name: "Jens Madsen", row: 5, other: "Tina Krog", otherRow: 18 }, sheet: "Personer", cell: "H18", severity: "error", subject: "Tina Krog / Teknisk projektleder", says: "Tina Krog" },
        ],
      },
    ],
  },
  "ORG-06": {
    valid: [],
    invalid: [
      {
        name: "no contact for KOMBIT and Systematic",
        change: (p) => update(p.people, (r) => r.contact === true, { contact: false }),
        errors: [
          { messageId: "no-contact", data: {}, sheet: "Personer", cell: "I5", severity: "error", subject: "Jens Madsen / Projektleder", says: "Ingen er kontaktperson" },
        ],
      },
      {
        name: "two contacts",
        change: (p) => update(p.people, (r) => r.name === "Lise Kjær" && r.body === "projectGroup", { contact: true }),
        errors: [
          { messageId: "two-contacts", data: { name: "Jens Madsen", row: 5, other: "Lise Kjær", otherRow: 6 }, sheet: "Personer", cell: "I6", severity: "error", subject: "Lise Kjær / Fagperson folkebibliotek", says: "Lise Kjær" },
        ],
      },
    ],
  },
  "ORG-07": {
    valid: [],
    invalid: [
      {
        name: "the project group lacks a finance-system specialist",
        change: (p) => remove(p.people, (r) => r.role === "financeSystemSpecialist"),
        errors: [
          { messageId: "missing-role", data: { role: "financeSystemSpecialist" }, sheet: "Personer", cell: null, severity: "warning", subject: "Fagperson økonomisystem", says: "Fagperson økonomisystem" },
        ],
      },
    ],
  },
  "ORG-08": {
    valid: [],
    invalid: [
      {
        name: "a project-group member has no hours",
        change: (p) => update(p.people, (r) => r.name === "Karin Dahl" && r.body === "projectGroup", { hoursPerWeek: 0 }),
        errors: [
          { messageId: "no-hours", data: { name: "Karin Dahl", row: 7 }, sheet: "Personer", cell: "J7", severity: "warning", subject: "Karin Dahl / Fagperson PLC", says: "Karin Dahl" },
        ],
      },
    ],
  },
  "ORG-09": {
    valid: [],
    invalid: [
      {
        name: "Mikromarc has no current-system administrator",
        change: (p) => update(p.people, (r) => r.currentSystem === "Mikromarc", { currentSystem: "Andet" }),
        errors: [
          { messageId: "no-administrator", data: { system: "Mikromarc" }, sheet: "Projekt", cell: "B11", severity: "error", subject: "Nuværende bibliotekssystemer", says: "Mikromarc" },
        ],
      },
    ],
  },
  "ORG-10": {
    valid: [],
    invalid: [
      {
        name: "the project organisation comes after the kickoff",
        change: (p) => (p.settings!.organisationEstablished = d("2027-01-15")),
        errors: [
          { messageId: "after-kickoff", data: { established: "2027-01-15", kickoff: "2027-01-15" }, sheet: "Projekt", cell: "B5", severity: "error", subject: "Projektorganisation etableret", says: "ikke før opstartsmødet" },
        ],
      },
      {
        name: "the project organisation date is empty",
        change: (p) => (p.settings!.organisationEstablished = null),
        errors: [
          { messageId: "not-set", data: {}, sheet: "Projekt", cell: "B5", severity: "error", subject: "Projektorganisation etableret", says: "ikke udfyldt" },
        ],
      },
    ],
  },
  "ORG-11": {
    valid: [],
    invalid: [
      {
        name: "nobody from PLC in the project group",
        change: (p) => update(p.people, (r) => r.body === "projectGroup" && r.sector === "plc", { sector: "publicLibrary" }),
        errors: [
          { messageId: "missing-sector", data: { sector: "plc" }, sheet: "Personer", cell: null, severity: "error", subject: "PLC", says: "PLC" },
        ],
      },
    ],
  },
  "ORG-12": {
    valid: [],
    invalid: [
      {
        name: "a row named NN with no role",
        change: (p) => p.people!.push({ name: "NN", sector: "plc", body: "projectGroup", hoursPerWeek: 5 }),
        errors: [
          { messageId: "not-named", data: { value: "NN" }, sheet: "Personer", cell: "A18", severity: "warning", subject: "NN", says: "«NN» er ikke en navngiven person" },
        ],
      },
      {
        name: "a role held by NN, and a seat with no participant",
        change: (p) => {
          update(p.people, (r) => r.role === "financeSystemSpecialist", { name: "NN" });
          p.seats!.push({ course: "superUser", participant: null, seatType: "purchased", courseDate: d("2027-06-07") });
        },
        errors: [
          { messageId: "role-not-named", data: { role: "financeSystemSpecialist", value: "NN" }, sheet: "Personer", cell: "A11", severity: "warning", subject: "NN / Fagperson økonomisystem", says: "Fagperson økonomisystem" },
          { messageId: "role-not-named", data: { role: "courseParticipant", value: null }, sheet: "Kursuspladser", cell: "B7", severity: "warning", subject: "Superbruger", says: "Kursusdeltager" },
        ],
      },
    ],
  },
  "ORG-13": {
    valid: [],
    invalid: [
      {
        name: "an operations centre without a coordinator",
        change: (p) => {
          p.settings!.operationsCentre = true;
          p.operationsCentre = [{ municipality: "Nabo Kommune", coordinator: null, plannedTransition: d("2027-09-01") }];
        },
        errors: [
          { messageId: "no-coordinator-role", data: {}, sheet: "Personer", cell: null, severity: "warning", subject: "Koordinator driftscenter", says: "Koordinator driftscenter" },
          { messageId: "no-coordinator", data: { municipality: "Nabo Kommune" }, sheet: "Driftscenter", cell: "B2", severity: "warning", subject: "Nabo Kommune", says: "Nabo Kommune" },
        ],
      },
    ],
  },
  "ORG-14": {
    valid: [],
    invalid: [
      {
        name: "each near go-live, but spread over more than the window",
        change: (p) => {
          p.settings!.operationsCentre = true;
          p.people!.push({ name: "Carl Mogensen", sector: "operationsCentre", body: "projectGroup", role: "operationsCentreCoordinator", hoursPerWeek: 10 });
          p.operationsCentre = [
            { municipality: "Nabo Kommune", coordinator: "Carl Mogensen", plannedTransition: d("2027-08-05") },
            { municipality: "Fjern Kommune", coordinator: "Carl Mogensen", plannedTransition: d("2027-09-28") },
          ];
        },
        errors: [
          { messageId: "spread-out", data: { days: 54, first: "2027-08-05", last: "2027-09-28", window: 30 }, sheet: "Driftscenter", cell: null, severity: "warning", subject: null, says: "05-08-2027 til 28-09-2027" },
        ],
      },
      {
        name: "a hosted municipality moves two months after go-live",
        change: (p) => {
          p.settings!.operationsCentre = true;
          p.people!.push({ name: "Carl Mogensen", sector: "operationsCentre", body: "projectGroup", role: "operationsCentreCoordinator", hoursPerWeek: 10 });
          p.operationsCentre = [
            { municipality: "Nabo Kommune", coordinator: "Carl Mogensen", plannedTransition: d("2027-09-10") },
            { municipality: "Fjern Kommune", coordinator: "Carl Mogensen", plannedTransition: d("2027-11-01") },
          ];
        },
        errors: [
          { messageId: "far-from-go-live", data: { municipality: "Fjern Kommune", days: 61, goLive: "2027-09-01", window: 30 }, sheet: "Driftscenter", cell: "C3", severity: "warning", subject: "Fjern Kommune", says: "61 dage" },
        ],
      },
    ],
  },
  "ORG-15": {
    valid: [],
    invalid: [
      {
        name: "one person over 37 hours across rows",
        change: (p) => {
          update(p.people, (r) => r.name === "Jens Madsen", { hoursPerWeek: 30 });
          update(p.people, (r) => r.name === "Lise Kjær" && r.body === "operationsOrganisation", { name: "Jens Madsen", hoursPerWeek: 8 });
        },
        errors: [
          { messageId: "over-full-time", data: { name: "Jens Madsen", row: 5, hours: 38, rows: 2 }, sheet: "Personer", cell: "J5", severity: "warning", subject: "Jens Madsen / Projektleder", says: "38 timer" },
        ],
      },
      {
        // Found by the property test: 1e308 + 1e308 overflows to Infinity, which JSON prints as null.
        name: "absurd hours that overflow a number still give a finite count of hours",
        change: (p) => {
          update(p.people, (r) => r.name === "Jens Madsen", { hoursPerWeek: 1e308 });
          update(p.people, (r) => r.name === "Lise Kjær" && r.body === "operationsOrganisation", { name: "Jens Madsen", hoursPerWeek: 1e308 });
        },
        errors: [
          { messageId: "over-full-time", data: { name: "Jens Madsen", row: 5, hours: 1_000_000, rows: 2 }, sheet: "Personer", cell: "J5", severity: "warning", subject: "Jens Madsen / Projektleder" },
        ],
      },
    ],
  },
  "ECO-01": {
    valid: [],
    invalid: [
      {
        name: "the integration test may write to citizens",
        change: (p) => (p.settings!.integrationTestSilent = false),
        errors: [
          { messageId: "not-ensured", data: {}, sheet: "Projekt", cell: "B14", severity: "error", subject: "Integrationstest uden udsendelse til borgere" },
        ],
      },
    ],
  },
  "ECO-02": {
    valid: [],
    invalid: [
      {
        name: "no debtor system named",
        change: (p) => (p.settings!.debtorSystem = null),
        errors: [
          { messageId: "no-debtor-system", data: {}, sheet: "Projekt", cell: "B13", severity: "warning", subject: "Debitorsystem", says: "debitorsystem" },
        ],
      },
      {
        name: "no finance system named",
        change: (p) => (p.settings!.financeSystem = null),
        errors: [
          { messageId: "no-finance-system", data: {}, sheet: "Projekt", cell: "B12", severity: "warning", subject: "Økonomisystem", says: "økonomisystem" },
        ],
      },
    ],
  },
  "DRIFT-01": {
    valid: [],
    invalid: [
      {
        name: "no FBS owner in the operations organisation",
        change: (p) => remove(p.people, (r) => r.role === "fbsOwner"),
        errors: [
          { messageId: "missing-role", data: { role: "fbsOwner" }, sheet: "Personer", cell: null, severity: "warning", subject: "FBS-ejer", says: "FBS-ejer" },
        ],
      },
    ],
  },
  "DRIFT-02": {
    valid: [
      { name: "announced exactly the 30 days before go-live", change: (p) => (p.settings!.operationsAnnounced = d("2027-08-02")) },
    ],
    invalid: [
      {
        name: "no date for announcing the operations organisation",
        change: (p) => (p.settings!.operationsAnnounced = null),
        errors: [
          { messageId: "not-planned", data: { leadDays: 30 }, sheet: "Projekt", cell: "B7", severity: "error", subject: "Driftsorganisation meldt ud", says: "ikke planlagt" },
        ],
      },
      {
        name: "the operations organisation is announced 12 days before go-live",
        change: (p) => (p.settings!.operationsAnnounced = d("2027-08-20")),
        errors: [
          { messageId: "too-late", data: { announced: "2027-08-20", daysBefore: 12, leadDays: 30, by: "2027-08-02" }, sheet: "Projekt", cell: "B7", severity: "error", subject: "Driftsorganisation meldt ud", says: "kun 12 dage før" },
        ],
      },
    ],
  },
  "DRIFT-03": {
    valid: [],
    invalid: [
      {
        name: "a unit's super user is not a super user",
        change: (p) => update(p.units, (u) => u.unit === "Hovedbiblioteket", { superUser: "Peter Nørgaard" }),
        errors: [
          { messageId: "not-super-user", data: { unit: "Hovedbiblioteket", name: "Peter Nørgaard" }, sheet: "Enheder", cell: "C2", severity: "error", subject: "Hovedbiblioteket", says: "Peter Nørgaard" },
        ],
      },
      {
        name: "a unit has no super user",
        change: (p) => update(p.units, (u) => u.unit === "Filial Nord", { superUser: null }),
        errors: [
          { messageId: "no-super-user", data: { unit: "Filial Nord" }, sheet: "Enheder", cell: "C3", severity: "error", subject: "Filial Nord", says: "Filial Nord" },
        ],
      },
    ],
  },
  "DRIFT-04": {
    valid: [],
    invalid: [
      {
        name: "a super user's prerequisites are not confirmed",
        change: (p) => update(p.people, (r) => r.name === "Maja Friis", { prerequisitesMet: false }),
        errors: [
          { messageId: "not-confirmed", data: { name: "Maja Friis", role: "superUser" }, sheet: "Personer", cell: "L16", severity: "warning", subject: "Maja Friis / Superbruger", says: "Maja Friis" },
        ],
      },
    ],
  },
  "DRIFT-05": {
    valid: [],
    invalid: [
      {
        name: "OWN-3 has no owner and OWN-7 is gone",
        change: (p) => {
          update(p.ownership, (o) => o.key === "OWN-3", { owner: null });
          remove(p.ownership, (o) => o.key === "OWN-7");
        },
        errors: [
          { messageId: "missing-responsibility", data: { key: "OWN-7" }, sheet: "Ejerskab", cell: null, severity: "warning", subject: "OWN-7", says: "OWN-7" },
          { messageId: "no-owner", data: { key: "OWN-3" }, sheet: "Ejerskab", cell: "C4", severity: "warning", subject: "OWN-3", says: "OWN-3" },
        ],
      },
    ],
  },
  "DRIFT-06": {
    valid: [],
    invalid: [
      {
        name: "nobody from PLC in the FBS ownership",
        change: (p) => update(p.ownership, (o) => o.owner === "Søren Lund", { owner: "Mette Holm" }),
        errors: [
          { messageId: "missing-sector", data: { sector: "plc" }, sheet: "Ejerskab", cell: null, severity: "warning", subject: "PLC", says: "PLC" },
        ],
      },
    ],
  },
  "SEAT-01": {
    valid: [
      {
        name: "a third seat on the system administrator course, purchased",
        change: (p) => p.seats!.push({ course: "systemAdministrator", participant: "Jens Madsen", seatType: "purchased", courseDate: d("2027-05-10") }),
      },
    ],
    invalid: [
      {
        name: "a third standard seat on the system administrator course",
        change: (p) => p.seats!.push({ course: "systemAdministrator", participant: "Jens Madsen", seatType: "standard", courseDate: d("2027-05-10") }),
        errors: [
          { messageId: "over-quota", data: { seat: 3, limit: 2, course: "systemAdministrator" }, sheet: "Kursuspladser", cell: "C7", severity: "error", subject: "Systemadministrator / Jens Madsen", says: "Plads nr. 3" },
        ],
      },
    ],
  },
  "SEAT-02": {
    valid: [],
    invalid: [
      {
        name: "a sixth standard seat on the super user course",
        change: (p) => {
          for (const name of ["Søren Lund", "Anne Berg", "Hanne Juul"]) {
            p.seats!.push({ course: "superUser", participant: name, seatType: "standard", courseDate: d("2027-06-07") });
          }
        },
        errors: [
          { messageId: "over-quota", data: { seat: 6, limit: 5, course: "superUser" }, sheet: "Kursuspladser", cell: "C9", severity: "error", subject: "Superbruger / Hanne Juul", says: "Plads nr. 6" },
        ],
      },
    ],
  },
  "SEAT-03": {
    valid: [],
    invalid: [
      {
        name: "a super user without a seat",
        change: (p) => remove(p.seats, (s) => s.participant === "Maja Friis"),
        errors: [
          { messageId: "no-seat", data: { name: "Maja Friis", course: "superUser" }, sheet: "Personer", cell: "A16", severity: "warning", subject: "Maja Friis / Superbruger", says: "Maja Friis" },
        ],
      },
    ],
  },
  "SEAT-04": {
    valid: [],
    invalid: [
      {
        name: "a seat for someone who is not a system administrator",
        change: (p) => p.seats!.push({ course: "systemAdministrator", participant: "Jens Madsen", seatType: "purchased", courseDate: d("2027-05-10") }),
        errors: [
          { messageId: "wrong-role", data: { name: "Jens Madsen", role: "fbsSystemAdministrator" }, sheet: "Kursuspladser", cell: "B7", severity: "warning", subject: "Systemadministrator / Jens Madsen", says: "Jens Madsen" },
        ],
      },
    ],
  },
  "SEAT-05": {
    valid: [],
    invalid: [
      {
        name: "a course after go-live",
        change: (p) => update(p.seats, (s) => s.participant === "Ole Vestergaard", { courseDate: d("2027-09-06") }),
        errors: [
          { messageId: "after-go-live", data: { courseDate: "2027-09-06", goLive: "2027-09-01" }, sheet: "Kursuspladser", cell: "D2", severity: "warning", subject: "Systemadministrator / Ole Vestergaard", says: "06-09-2027" },
        ],
      },
    ],
  },
  "SEAT-06": {
    valid: [],
    invalid: [
      {
        name: "purchased seats are counted",
        change: (p) => {
          p.people!.push({ name: "Thomas Bach", sector: "plc", body: "operationsOrganisation", role: "superUser", prerequisitesMet: true });
          p.seats!.push({ course: "superUser", participant: "Thomas Bach", seatType: "purchased", courseDate: d("2027-06-07") });
        },
        errors: [
          { messageId: "purchased", data: { count: 1, course: "superUser" }, sheet: "Kursuspladser", cell: null, severity: "info", subject: null, says: "1 plads" },
        ],
      },
    ],
  },
  "CON-01": {
    valid: [],
    invalid: [
      {
        name: "the expiry and the extension option are empty",
        change: (p) => update(p.contracts, (c) => c.system === "DDElibra", { expires: null, extensionMonths: null }),
        errors: [
          { messageId: "expires-unknown", data: { contract: "Axiell / DDElibra" }, sheet: "Kontrakter", cell: "E2", severity: "error", subject: "Axiell / DDElibra", says: "hvornår kontrakten udløber" },
          { messageId: "extension-unknown", data: { contract: "Axiell / DDElibra" }, sheet: "Kontrakter", cell: "G2", severity: "error", subject: "Axiell / DDElibra", says: "muligheden for forlængelse" },
        ],
      },
      {
        name: "the notice period is empty",
        change: (p) => update(p.contracts, (c) => c.system === "DDElibra", { noticeMonths: null }),
        errors: [
          { messageId: "notice-unknown", data: { contract: "Axiell / DDElibra" }, sheet: "Kontrakter", cell: "F2", severity: "error", subject: "Axiell / DDElibra", says: "opsigelsesvarslet" },
        ],
      },
    ],
  },
  "CON-02": {
    valid: [],
    invalid: [
      {
        name: "the library-system contract expires before go-live",
        change: (p) => update(p.contracts, (c) => c.system === "DDElibra", { expires: d("2027-08-01") }),
        errors: [
          { messageId: "expires-before-go-live", data: { contract: "Axiell / DDElibra", expires: "2027-08-01", goLive: "2027-09-01" }, sheet: "Kontrakter", cell: "E2", severity: "error", subject: "Axiell / DDElibra", says: "før ibrugtagning" },
        ],
      },
    ],
  },
  "CON-03": {
    valid: [
      { name: "the contract runs exactly a month past go-live", change: (p) => update(p.contracts, (c) => c.system === "DDElibra", { expires: d("2027-10-01") }) },
    ],
    invalid: [
      {
        name: "less than a month of overlap",
        change: (p) => update(p.contracts, (c) => c.system === "DDElibra", { expires: d("2027-09-20") }),
        errors: [
          { messageId: "too-short", data: { contract: "Axiell / DDElibra", expires: "2027-09-20", goLive: "2027-09-01", until: "2027-10-01" }, sheet: "Kontrakter", cell: "E2", severity: "warning", subject: "Axiell / DDElibra", says: "mindre end en måned" },
        ],
      },
    ],
  },
  "CON-04": {
    valid: [
      { name: "the recommended 3 months of extension", change: (p) => update(p.contracts, (c) => c.system === "DDElibra", { extensionMonths: 3 }) },
    ],
    invalid: [
      {
        name: "no extension option is a warning",
        change: (p) => update(p.contracts, (c) => c.system === "DDElibra", { extensionMonths: 0 }),
        errors: [
          { messageId: "no-extension", data: { contract: "Axiell / DDElibra" }, sheet: "Kontrakter", cell: "G2", severity: "warning", subject: "Axiell / DDElibra", says: "kan ikke forlænges" },
        ],
      },
      {
        name: "a short extension option is info",
        change: (p) => update(p.contracts, (c) => c.system === "DDElibra", { extensionMonths: "1,5" }),
        errors: [
          { messageId: "short-extension", data: { contract: "Axiell / DDElibra", months: 1.5 }, sheet: "Kontrakter", cell: "G2", severity: "info", subject: "Axiell / DDElibra", says: "1,5 måned" },
        ],
      },
    ],
  },
  "CON-05": {
    valid: [],
    invalid: [
      {
        name: "terminated while the transition date is not agreed",
        change: (p) => {
          p.settings!.transitionAgreed = null;
          update(p.contracts, (c) => c.system === "Mikromarc", { terminatedOn: d("2027-01-05") });
        },
        errors: [
          { messageId: "terminated-unagreed", data: { contract: "Mikromarc AS / Mikromarc", terminated: "2027-01-05" }, sheet: "Kontrakter", cell: "H3", severity: "warning", subject: "Mikromarc AS / Mikromarc", says: "ikke aftalt" },
        ],
      },
      {
        name: "terminated before the transition date was agreed",
        change: (p) => update(p.contracts, (c) => c.system === "Mikromarc", { terminatedOn: d("2027-01-05") }),
        errors: [
          { messageId: "terminated-before-agreement", data: { contract: "Mikromarc AS / Mikromarc", terminated: "2027-01-05", agreed: "2027-02-01" }, sheet: "Kontrakter", cell: "H3", severity: "warning", subject: "Mikromarc AS / Mikromarc", says: "før overgangstidspunktet" },
        ],
      },
    ],
  },
  "CON-06": {
    valid: [],
    invalid: [
      {
        name: "the transition date is not agreed",
        change: (p) => (p.settings!.transitionAgreed = null),
        errors: [
          { messageId: "deadline-unagreed", data: { contract: "Axiell / DDElibra", deadline: "2027-06-30" }, sheet: "Kontrakter", cell: "F2", severity: "warning", subject: "Axiell / DDElibra", says: "endnu ikke aftalt" },
          { messageId: "deadline-unagreed", data: { contract: "Mikromarc AS / Mikromarc", deadline: "2027-12-31" }, sheet: "Kontrakter", cell: "F3", severity: "warning", subject: "Mikromarc AS / Mikromarc", says: "31-12-2027" },
        ],
      },
      {
        name: "the notice deadline comes before the transition is agreed",
        change: (p) => (p.settings!.transitionAgreed = d("2027-08-01")),
        errors: [
          { messageId: "deadline-before-agreement", data: { contract: "Axiell / DDElibra", deadline: "2027-06-30", agreed: "2027-08-01" }, sheet: "Kontrakter", cell: "F2", severity: "warning", subject: "Axiell / DDElibra", says: "30-06-2027" },
        ],
      },
    ],
  },
  "CON-07": {
    valid: [
      { name: "today is the notice deadline itself", today: d("2027-06-30") },
    ],
    invalid: [
      {
        name: "the notice deadline has passed",
        today: d("2027-07-15"),
        errors: [
          { messageId: "deadline-passed", data: { contract: "Axiell / DDElibra", deadline: "2027-06-30", today: "2027-07-15" }, sheet: "Kontrakter", cell: "E2", severity: "warning", subject: "Axiell / DDElibra", says: "30-06-2027" },
        ],
      },
    ],
  },
  "CON-08": {
    valid: [],
    invalid: [
      {
        name: "an end-of-life server outside the contingency",
        change: (p) => update(p.contracts, (c) => c.type === "hardware", { joinedContingency: false }),
        errors: [
          { messageId: "outside-contingency", data: { contract: "Dell / Bibliotekssystemserver", end: "2027-06-30", until: "2027-10-01" }, sheet: "Kontrakter", cell: "I4", severity: "warning", subject: "Dell / Bibliotekssystemserver", says: "beredskabet" },
        ],
      },
    ],
  },
  "CON-09": {
    valid: [],
    invalid: [
      {
        name: "no contract for a current system",
        change: (p) => update(p.contracts, (c) => c.system === "Mikromarc", { system: "Anden skoleløsning" }),
        errors: [
          { messageId: "no-contract", data: { system: "Mikromarc" }, sheet: "Projekt", cell: "B11", severity: "warning", subject: "Nuværende bibliotekssystemer", says: "Mikromarc" },
        ],
      },
    ],
  },
  "INST-01": {
    valid: [],
    invalid: [
      {
        name: "an institution not notified",
        change: (p) => update(p.institutions, () => true, { notifiedOn: null }),
        errors: [
          { messageId: "not-notified", data: { institution: "Eksempelby Gymnasium" }, sheet: "Institutioner", cell: "C2", severity: "error", subject: "Eksempelby Gymnasium", says: "ikke varslet" },
        ],
      },
      {
        name: "an institution notified after go-live",
        change: (p) => update(p.institutions, () => true, { notifiedOn: d("2027-09-02") }),
        errors: [
          { messageId: "notified-late", data: { institution: "Eksempelby Gymnasium", notified: "2027-09-02", goLive: "2027-09-01" }, sheet: "Institutioner", cell: "C2", severity: "error", subject: "Eksempelby Gymnasium", says: "ikke før ibrugtagning" },
        ],
      },
    ],
  },
  "INST-02": {
    valid: [],
    invalid: [
      {
        name: "an undecided institution",
        change: (p) => update(p.institutions, () => true, { decision: "undecided" }),
        errors: [
          { messageId: "undecided", data: { institution: "Eksempelby Gymnasium" }, sheet: "Institutioner", cell: "D2", severity: "error", subject: "Eksempelby Gymnasium", says: "uafklaret" },
        ],
      },
    ],
  },
};

function findingsFor(rule: string, c: PlanCase): Finding[] {
  const plan = correctPlan();
  c.change?.(plan);
  let input: PlanData | WorkbookSnapshot = plan;
  if (c.changeSnapshot) {
    const snapshot = planSnapshot(plan, "da");
    c.changeSnapshot(snapshot);
    input = snapshot;
  }
  return findingsOf(rule, input, { today: c.today ?? TODAY });
}

const CORRECT: PlanCase = { name: "the correct sample plan" };

describe.each(ALL_RULES.map((r) => [r.id, r] as const))("%s", (id, rule) => {
  const tests = TESTS[id] ?? { valid: [], invalid: [] };

  it.each([CORRECT, ...tests.valid].map((c) => [c.name, c] as const))("valid: %s", (_name, c) => {
    expect(findingsFor(id, c)).toEqual([]);
  });

  it.each(tests.invalid.map((c) => [c.name, c] as const))("invalid: %s", (_name, c) => {
    const found = findingsFor(id, c);
    expect(found.map((f) => ({ messageId: f.messageId, data: f.data, sheet: f.sheet, cell: f.cell, severity: f.severity, subject: f.subject }))).toEqual(
      c.errors.map((e) => ({ messageId: `${id}/${e.messageId}`, data: e.data, sheet: e.sheet, cell: e.cell, severity: e.severity, subject: e.subject })),
    );
    c.errors.forEach((e, i) => {
      if (e.says) expect(render(found[i], { lang: "da", surface: "cli" }).message).toContain(e.says);
    });
  });

  it("has a test that fires each of its messages", () => {
    const fired = new Set(tests.invalid.flatMap((c) => c.errors.map((e) => e.messageId)));
    expect(Object.keys(rule.messages).map(kebabCase).filter((m) => !fired.has(m))).toEqual([]);
  });
});

describe("the rule tests", () => {
  it("test every rule there is, and no other", () => {
    expect(Object.keys(TESTS).sort()).toEqual(ALL_RULES.map((r) => r.id).sort());
  });

  it("find nothing at all in the correct sample plan, in Danish and in English", () => {
    expect(validate(correctPlan())).toEqual([]);
    expect(validate(correctPlan(), { lang: "en" })).toEqual([]);
  });
});

describe("rule metadata", () => {
  it("gives each rule the severity and section of RULES.md", () => {
    const table = Object.fromEntries(ALL_RULES.map((r) => [r.id, `${r.severity} ${r.section ?? "-"}`]));
    expect(table).toMatchObject({
      "DATA-01": "error -",
      "DATA-05": "warning -",
      "ORG-01": "error 2.1",
      "ORG-02": "warning 2.1",
      "ORG-05": "error 2.2",
      "ORG-09": "error 2.2.4",
      "ORG-10": "error 1.2",
      "ORG-12": "warning 1.1",
      "ORG-14": "warning 2.2.6",
      "ECO-01": "error 2.2.5",
      "ECO-02": "warning 2.2.5",
      "DRIFT-02": "error 3",
      "DRIFT-05": "warning 3.3",
      "SEAT-01": "error 3.1",
      "SEAT-02": "error 3.2",
      "SEAT-06": "info 3.1, 3.2",
      "CON-02": "error 4.1",
      "CON-08": "warning 4.2",
      "INST-01": "error 4.3",
    });
  });

  it("gives every rule a distinct id and a title in Danish and English", () => {
    expect(new Set(ALL_RULES.map((r) => r.id)).size).toBe(ALL_RULES.length);
    for (const r of ALL_RULES) expect([r.id, r.title.da !== "", r.title.en !== ""]).toEqual([r.id, true, true]);
  });

  it("words every finding in Danish and English, for the pane and the command line", () => {
    const plan = correctPlan();
    plan.settings!.goLive = null;
    for (const f of validate(plan)) {
      for (const lang of ["da", "en"] as const) {
        for (const surface of ["pane", "cli"] as const) {
          const { message, hint } = render(f, { lang, surface });
          expect([f.messageId, message !== "", hint !== ""]).toEqual([f.messageId, true, true]);
        }
      }
    }
  });
});
