/**
 * Every rule of RULES.md: one or more cases where it fires at the right cell with the right severity,
 * and the correct sample plan, where it stays quiet.
 */
import { ALL_RULES } from "../../src/playbook/engine";
import type { Severity } from "../../src/playbook/findings";
import type { WorkbookSnapshot } from "../../src/playbook/snapshot";
import { planSnapshot, type PlanData } from "../../src/playbook/template";
import { TODAY, correctPlan, d, findingsOf, remove, update, validate } from "./plan-fixtures";

interface Expected {
  sheet: string | null;
  cell: string | null;
  severity: Severity;
  /** A piece of the Danish message. */
  says?: string;
}

interface Case {
  rule: string;
  name: string;
  /** Change the correct plan… */
  change?: (plan: PlanData) => void;
  /** …or its Danish snapshot. */
  changeSnapshot?: (snapshot: WorkbookSnapshot) => void;
  today?: Date;
  expect: Expected[];
}

const sheet = (s: WorkbookSnapshot, name: string) => s.sheets.find((x) => x.name === name)!;
const E = (sheetName: string | null, cell: string | null, severity: Severity, says?: string): Expected => ({ sheet: sheetName, cell, severity, says });

const CASES: Case[] = [
  // Data
  {
    rule: "DATA-01",
    name: "the Kontrakter sheet is missing",
    changeSnapshot: (s) => s.sheets.splice(s.sheets.indexOf(sheet(s, "Kontrakter")), 1),
    expect: [E(null, null, "error", "Kontrakter")],
  },
  {
    rule: "DATA-02",
    name: "the Rolle header was renamed",
    changeSnapshot: (s) => {
      sheet(s, "Personer").rows[0][4] = "Funktion";
    },
    expect: [E("Personer", null, "error", "Rolle")],
  },
  {
    rule: "DATA-02",
    name: "a sheet has no header row at all",
    changeSnapshot: (s) => {
      sheet(s, "Enheder").rows = [[], ["Hovedbiblioteket"]];
    },
    expect: [E("Enheder", null, "error", "ingen overskriftsrække")],
  },
  {
    rule: "DATA-03",
    name: "an impossible date, a formula error, an unknown value and a bad yes/no",
    change: (p) => {
      update(p.contracts, (c) => c.system === "DDElibra", { expires: "31-02-2027" });
      update(p.people, (r) => r.name === "Karin Dahl" && r.body === "projectGroup", { sector: "Skolen" });
      update(p.people, (r) => r.name === "Jens Madsen", { contact: "måske" });
    },
    changeSnapshot: (s) => {
      sheet(s, "Personer").rows[7][9] = { error: "#REF!" };
    },
    expect: [
      E("Personer", "I5", "error", "«måske»"),
      E("Personer", "C7", "error", "«Skolen»"),
      E("Personer", "J8", "error", "#REF!"),
      E("Kontrakter", "E2", "error", "31-02-2027"),
    ],
  },
  {
    rule: "DATA-03",
    name: "a required text cell is empty",
    change: (p) => update(p.units, (u) => u.unit === "Filial Nord", { unit: null }),
    expect: [E("Enheder", "A3", "error", "skal udfyldes")],
  },
  {
    rule: "DATA-04",
    name: "a misspelt super user gets the closest name suggested",
    change: (p) => update(p.units, (u) => u.unit === "Hovedbiblioteket", { superUser: "Lise Kjar" }),
    expect: [E("Enheder", "C2", "error", "Mente du «Lise Kjær»?")],
  },
  {
    rule: "DATA-05",
    name: "a person's row appears twice",
    change: (p) => p.people!.push({ ...p.people![4] }),
    expect: [E("Personer", null, "warning", "gentager række 6")],
  },
  {
    rule: "DATA-06",
    name: "Kommune is empty",
    change: (p) => (p.settings!.municipality = null),
    expect: [E("Projekt", "B2", "error", "Kommune")],
  },
  {
    rule: "DATA-06",
    name: "the Ibrugtagning row is gone",
    changeSnapshot: (s) => sheet(s, "Projekt").rows.splice(2, 1),
    expect: [E("Projekt", null, "error", "Ibrugtagning")],
  },
  // Organisation
  {
    rule: "ORG-01",
    name: "no project owner",
    change: (p) => update(p.people, (r) => r.role === "projectOwner", { role: "steeringGroupMember" }),
    expect: [E("Personer", null, "error", "ingen projektejer")],
  },
  {
    rule: "ORG-01",
    name: "two project owners",
    change: (p) => update(p.people, (r) => r.name === "Søren Lund", { role: "projectOwner" }),
    expect: [E("Personer", "E3", "error", "Søren Lund")],
  },
  {
    rule: "ORG-02",
    name: "the owner does not chair and someone else does",
    change: (p) => {
      update(p.people, (r) => r.role === "projectOwner", { chair: false });
      update(p.people, (r) => r.name === "Anne Berg", { chair: true });
    },
    expect: [E("Personer", "G2", "warning", "ikke styregruppens formand"), E("Personer", "G4", "warning", "Anne Berg")],
  },
  {
    rule: "ORG-02",
    name: "no steering group",
    change: (p) => update(p.people, (r) => r.body === "steeringGroup", { body: "projectGroup" }),
    expect: [E("Personer", null, "warning", "ingen styregruppe")],
  },
  {
    rule: "ORG-03",
    name: "IT has no decision authority in the steering group",
    change: (p) => update(p.people, (r) => r.name === "Anne Berg", { decisionAuthority: false }),
    expect: [E("Personer", null, "error", "Kommunal IT")],
  },
  {
    rule: "ORG-04",
    name: "no project manager",
    change: (p) => remove(p.people, (r) => r.role === "projectManager"),
    expect: [E("Personer", null, "error", "projektleder")],
  },
  {
    rule: "ORG-05",
    name: "shared management without an overall lead",
    change: (p) => p.people!.push({ name: "Tina Krog", sector: "municipalIt", body: "projectGroup", role: "technicalProjectManager", hoursPerWeek: 10 }),
    expect: [E("Personer", "H5", "error", "ingen er overordnet")],
  },
  {
    rule: "ORG-05",
    name: "two overall leads",
    change: (p) => {
      update(p.people, (r) => r.role === "projectManager", { overallLead: true });
      p.people!.push({ name: "Tina Krog", sector: "municipalIt", body: "projectGroup", role: "technicalProjectManager", hoursPerWeek: 10, overallLead: true });
    },
    expect: [E("Personer", "H18", "error", "Tina Krog")],
  },
  {
    rule: "ORG-06",
    name: "no contact for KOMBIT and Systematic",
    change: (p) => update(p.people, (r) => r.contact === true, { contact: false }),
    expect: [E("Personer", "I5", "error", "Ingen er kontaktperson")],
  },
  {
    rule: "ORG-06",
    name: "two contacts",
    change: (p) => update(p.people, (r) => r.name === "Lise Kjær" && r.body === "projectGroup", { contact: true }),
    expect: [E("Personer", "I6", "error", "Lise Kjær")],
  },
  {
    rule: "ORG-07",
    name: "the project group lacks a finance-system specialist",
    change: (p) => remove(p.people, (r) => r.role === "financeSystemSpecialist"),
    expect: [E("Personer", null, "warning", "Fagperson økonomisystem")],
  },
  {
    rule: "ORG-08",
    name: "a project-group member has no hours",
    change: (p) => update(p.people, (r) => r.name === "Karin Dahl" && r.body === "projectGroup", { hoursPerWeek: 0 }),
    expect: [E("Personer", "J7", "warning", "Karin Dahl")],
  },
  {
    rule: "ORG-09",
    name: "Mikromarc has no current-system administrator",
    change: (p) => update(p.people, (r) => r.currentSystem === "Mikromarc", { currentSystem: "Andet" }),
    expect: [E("Projekt", "B11", "error", "Mikromarc")],
  },
  {
    rule: "ORG-10",
    name: "the project organisation comes after the kickoff",
    change: (p) => (p.settings!.organisationEstablished = d("2027-01-15")),
    expect: [E("Projekt", "B5", "error", "ikke før opstartsmødet")],
  },
  {
    rule: "ORG-10",
    name: "the project organisation date is empty",
    change: (p) => (p.settings!.organisationEstablished = null),
    expect: [E("Projekt", "B5", "error", "ikke udfyldt")],
  },
  {
    rule: "ORG-11",
    name: "nobody from PLC in the project group",
    change: (p) => update(p.people, (r) => r.body === "projectGroup" && r.sector === "plc", { sector: "publicLibrary" }),
    expect: [E("Personer", null, "error", "PLC")],
  },
  {
    rule: "ORG-12",
    name: "a role held by NN, and a seat with no participant",
    change: (p) => {
      update(p.people, (r) => r.role === "financeSystemSpecialist", { name: "NN" });
      p.seats!.push({ course: "superUser", participant: null, seatType: "purchased", courseDate: d("2027-06-07") });
    },
    expect: [E("Personer", "A11", "warning", "Fagperson økonomisystem"), E("Kursuspladser", "B7", "warning", "Kursusdeltager")],
  },
  {
    rule: "ORG-13",
    name: "an operations centre without a coordinator",
    change: (p) => {
      p.settings!.operationsCentre = true;
      p.operationsCentre = [{ municipality: "Nabo Kommune", coordinator: null, plannedTransition: d("2027-09-01") }];
    },
    expect: [E("Personer", null, "warning", "Koordinator driftscenter"), E("Driftscenter", "B2", "warning", "Nabo Kommune")],
  },
  {
    rule: "ORG-14",
    name: "a hosted municipality moves two months after go-live",
    change: (p) => {
      p.settings!.operationsCentre = true;
      p.people!.push({ name: "Carl Mogensen", sector: "operationsCentre", body: "projectGroup", role: "operationsCentreCoordinator", hoursPerWeek: 10 });
      p.operationsCentre = [
        { municipality: "Nabo Kommune", coordinator: "Carl Mogensen", plannedTransition: d("2027-09-10") },
        { municipality: "Fjern Kommune", coordinator: "Carl Mogensen", plannedTransition: d("2027-11-01") },
      ];
    },
    expect: [E("Driftscenter", "C3", "warning", "61 dage")],
  },
  {
    rule: "ORG-15",
    name: "one person over 37 hours across rows",
    change: (p) => {
      update(p.people, (r) => r.name === "Jens Madsen", { hoursPerWeek: 30 });
      update(p.people, (r) => r.name === "Lise Kjær" && r.body === "operationsOrganisation", { name: "Jens Madsen", hoursPerWeek: 8 });
    },
    expect: [E("Personer", "J5", "warning", "38 timer")],
  },
  // Finance
  {
    rule: "ECO-01",
    name: "the integration test may write to citizens",
    change: (p) => (p.settings!.integrationTestSilent = false),
    expect: [E("Projekt", "B14", "error")],
  },
  {
    rule: "ECO-02",
    name: "no finance system named",
    change: (p) => (p.settings!.financeSystem = null),
    expect: [E("Projekt", "B12", "warning", "økonomisystem")],
  },
  // Operations
  {
    rule: "DRIFT-01",
    name: "no FBS owner in the operations organisation",
    change: (p) => remove(p.people, (r) => r.role === "fbsOwner"),
    expect: [E("Personer", null, "warning", "FBS-ejer")],
  },
  {
    rule: "DRIFT-02",
    name: "the operations organisation is announced 12 days before go-live",
    change: (p) => (p.settings!.operationsAnnounced = d("2027-08-20")),
    expect: [E("Projekt", "B7", "error", "kun 12 dage før")],
  },
  {
    rule: "DRIFT-03",
    name: "a unit's super user is not a super user",
    change: (p) => update(p.units, (u) => u.unit === "Hovedbiblioteket", { superUser: "Peter Nørgaard" }),
    expect: [E("Enheder", "C2", "error", "Peter Nørgaard")],
  },
  {
    rule: "DRIFT-03",
    name: "a unit has no super user",
    change: (p) => update(p.units, (u) => u.unit === "Filial Nord", { superUser: null }),
    expect: [E("Enheder", "C3", "error", "Filial Nord")],
  },
  {
    rule: "DRIFT-04",
    name: "a super user's prerequisites are not confirmed",
    change: (p) => update(p.people, (r) => r.name === "Maja Friis", { prerequisitesMet: false }),
    expect: [E("Personer", "L16", "warning", "Maja Friis")],
  },
  {
    rule: "DRIFT-05",
    name: "OWN-3 has no owner and OWN-7 is gone",
    change: (p) => {
      update(p.ownership, (o) => o.key === "OWN-3", { owner: null });
      remove(p.ownership, (o) => o.key === "OWN-7");
    },
    expect: [E("Ejerskab", "C4", "warning", "OWN-3"), E("Ejerskab", null, "warning", "OWN-7")],
  },
  {
    rule: "DRIFT-06",
    name: "nobody from PLC in the FBS ownership",
    change: (p) => update(p.ownership, (o) => o.owner === "Søren Lund", { owner: "Mette Holm" }),
    expect: [E("Ejerskab", null, "warning", "PLC")],
  },
  // Seats
  {
    rule: "SEAT-01",
    name: "a third standard seat on the system administrator course",
    change: (p) => p.seats!.push({ course: "systemAdministrator", participant: "Jens Madsen", seatType: "standard", courseDate: d("2027-05-10") }),
    expect: [E("Kursuspladser", "C7", "error", "Plads nr. 3")],
  },
  {
    rule: "SEAT-02",
    name: "a sixth standard seat on the super user course",
    change: (p) => {
      for (const name of ["Søren Lund", "Anne Berg", "Hanne Juul"]) {
        p.seats!.push({ course: "superUser", participant: name, seatType: "standard", courseDate: d("2027-06-07") });
      }
    },
    expect: [E("Kursuspladser", "C9", "error", "Plads nr. 6")],
  },
  {
    rule: "SEAT-03",
    name: "a super user without a seat",
    change: (p) => remove(p.seats, (s) => s.participant === "Maja Friis"),
    expect: [E("Personer", "A16", "warning", "Maja Friis")],
  },
  {
    rule: "SEAT-04",
    name: "a seat for someone who is not a system administrator",
    change: (p) => p.seats!.push({ course: "systemAdministrator", participant: "Jens Madsen", seatType: "purchased", courseDate: d("2027-05-10") }),
    expect: [E("Kursuspladser", "B7", "warning", "Jens Madsen")],
  },
  {
    rule: "SEAT-05",
    name: "a course after go-live",
    change: (p) => update(p.seats, (s) => s.participant === "Ole Vestergaard", { courseDate: d("2027-09-06") }),
    expect: [E("Kursuspladser", "D2", "warning", "06-09-2027")],
  },
  {
    rule: "SEAT-06",
    name: "purchased seats are counted",
    change: (p) => {
      p.people!.push({ name: "Thomas Bach", sector: "plc", body: "operationsOrganisation", role: "superUser", prerequisitesMet: true });
      p.seats!.push({ course: "superUser", participant: "Thomas Bach", seatType: "purchased", courseDate: d("2027-06-07") });
    },
    expect: [E("Kursuspladser", null, "info", "1 plads")],
  },
  // Contracts
  {
    rule: "CON-01",
    name: "the notice period is empty",
    change: (p) => update(p.contracts, (c) => c.system === "DDElibra", { noticeMonths: null }),
    expect: [E("Kontrakter", "F2", "error", "opsigelsesvarslet")],
  },
  {
    rule: "CON-02",
    name: "the library-system contract expires before go-live",
    change: (p) => update(p.contracts, (c) => c.system === "DDElibra", { expires: d("2027-08-01") }),
    expect: [E("Kontrakter", "E2", "error", "før ibrugtagning")],
  },
  {
    rule: "CON-03",
    name: "less than a month of overlap",
    change: (p) => update(p.contracts, (c) => c.system === "DDElibra", { expires: d("2027-09-20") }),
    expect: [E("Kontrakter", "E2", "warning", "mindre end en måned")],
  },
  {
    rule: "CON-04",
    name: "no extension option is a warning",
    change: (p) => update(p.contracts, (c) => c.system === "DDElibra", { extensionMonths: 0 }),
    expect: [E("Kontrakter", "G2", "warning", "kan ikke forlænges")],
  },
  {
    rule: "CON-04",
    name: "a short extension option is info",
    change: (p) => update(p.contracts, (c) => c.system === "DDElibra", { extensionMonths: "1,5" }),
    expect: [E("Kontrakter", "G2", "info", "1,5 måned")],
  },
  {
    rule: "CON-05",
    name: "terminated before the transition date was agreed",
    change: (p) => update(p.contracts, (c) => c.system === "Mikromarc", { terminatedOn: d("2027-01-05") }),
    expect: [E("Kontrakter", "H3", "warning", "før overgangstidspunktet")],
  },
  {
    rule: "CON-06",
    name: "the notice deadline comes before the transition is agreed",
    change: (p) => (p.settings!.transitionAgreed = d("2027-08-01")),
    expect: [E("Kontrakter", "F2", "warning", "30-06-2027")],
  },
  {
    rule: "CON-07",
    name: "the notice deadline has passed",
    today: d("2027-07-15"),
    expect: [E("Kontrakter", "E2", "warning", "30-06-2027")],
  },
  {
    rule: "CON-08",
    name: "an end-of-life server outside the contingency",
    change: (p) => update(p.contracts, (c) => c.type === "hardware", { joinedContingency: false }),
    expect: [E("Kontrakter", "I4", "warning", "beredskabet")],
  },
  {
    rule: "CON-09",
    name: "no contract for a current system",
    change: (p) => update(p.contracts, (c) => c.system === "Mikromarc", { system: "Anden skoleløsning" }),
    expect: [E("Projekt", "B11", "warning", "Mikromarc")],
  },
  // Institutions
  {
    rule: "INST-01",
    name: "an institution not notified",
    change: (p) => update(p.institutions, () => true, { notifiedOn: null }),
    expect: [E("Institutioner", "C2", "error", "ikke varslet")],
  },
  {
    rule: "INST-01",
    name: "an institution notified after go-live",
    change: (p) => update(p.institutions, () => true, { notifiedOn: d("2027-09-02") }),
    expect: [E("Institutioner", "C2", "error", "ikke før ibrugtagning")],
  },
  {
    rule: "INST-02",
    name: "an undecided institution",
    change: (p) => update(p.institutions, () => true, { decision: "undecided" }),
    expect: [E("Institutioner", "D2", "error", "uafklaret")],
  },
];

function run(c: Case) {
  const plan = correctPlan();
  c.change?.(plan);
  let input: PlanData | WorkbookSnapshot = plan;
  if (c.changeSnapshot) {
    const snapshot = planSnapshot(plan, "da");
    c.changeSnapshot(snapshot);
    input = snapshot;
  }
  return findingsOf(c.rule, input, { today: c.today ?? TODAY });
}

describe("the correct sample plan", () => {
  it("has no finding at all, in Danish and in English", () => {
    expect(validate(correctPlan())).toEqual([]);
    expect(validate(correctPlan(), { lang: "en" })).toEqual([]);
  });

  it.each(ALL_RULES.map((r) => r.id))("keeps %s quiet", (id) => {
    expect(findingsOf(id, correctPlan())).toHaveLength(0);
  });
});

describe("every rule fires", () => {
  it("has a firing case for every rule of RULES.md", () => {
    const covered = new Set(CASES.map((c) => c.rule));
    expect(ALL_RULES.map((r) => r.id).filter((id) => !covered.has(id))).toEqual([]);
  });

  it.each(CASES.map((c) => [c.rule, c.name, c] as const))("%s: %s", (_id, _name, c) => {
    const found = run(c).map((f) => ({ sheet: f.sheet, cell: f.cell, severity: f.severity, message: f.message.da }));
    expect(found).toHaveLength(c.expect.length);
    for (const e of c.expect) {
      expect(found).toContainEqual(
        expect.objectContaining({ sheet: e.sheet, cell: e.cell, severity: e.severity, ...(e.says ? { message: expect.stringContaining(e.says) } : {}) }),
      );
    }
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
    expect(ALL_RULES).toHaveLength(6 + 15 + 2 + 6 + 6 + 9 + 2);
  });

  it("words every finding in Danish and English", () => {
    const plan = correctPlan();
    plan.settings!.goLive = null;
    for (const f of validate(plan)) {
      expect(f.message.da).not.toEqual("");
      expect(f.message.en).not.toEqual("");
      expect(f.hint.da).not.toEqual("");
      expect(f.hint.en).not.toEqual("");
    }
  });
});
