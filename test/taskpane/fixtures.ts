import { summarize, type Finding, type MessageData, type Severity } from "../../src/playbook/findings";
import type { CalendarFile, GenerateSummary, PaneActions, StatusSummary, TimelineSummary, ValidationOutcome } from "../../src/port/pane-actions";

function finding(
  severity: Severity,
  rule: string,
  section: string | null,
  sheet: string | null,
  row: number | null,
  cell: string | null,
  message: string,
  data: MessageData,
  subject: string | null = null,
): Finding {
  return { severity, rule, section, sheet, row, column: null, cell, messageId: `${rule}/${message}`, data, subject };
}

/**
 * Six findings in the engine's order (sheet, row), deliberately not sorted by severity:
 * cells on three sheets, one row without a cell, one sheet-wide and one workbook-wide finding.
 */
export const FINDINGS: Finding[] = [
  finding("warning", "ORG-12", "1.1", "Personer", 3, "E3", "role-not-named", { role: "superUser", value: "NN" }, "NN / Superbruger"),
  finding("error", "ORG-03", "2.1", "Personer", null, null, "no-authority", { sector: "municipalIt" }, "Kommunal IT"),
  finding("error", "DATA-04", null, "Enheder", 7, null, "unknown-person", { name: "Maja Fris", sheet: "Personer", suggestion: "Maja Friis" }, "Filial Nord"),
  finding("info", "SEAT-06", "3.2", "Kursuspladser", null, null, "purchased", { count: 1, course: "superUser" }),
  finding("warning", "CON-03", "4.1", "Kontrakter", 2, "E2", "too-short", {
    contract: "DBC / DDElibra",
    expires: "2027-09-20",
    goLive: "2027-09-01",
    until: "2027-10-01",
  }, "DBC / DDElibra"),
  finding("error", "DATA-01", null, null, null, null, "missing-sheet", { sheet: "institutions" }, "Institutioner"),
];

export function outcome(findings: Finding[] = FINDINGS, highlighted = 4): ValidationOutcome {
  return { findings, summary: summarize(findings), reportSheet: "Validering", highlighted };
}

export const GENERATED: GenerateSummary = {
  createdSheets: ["Projekt", "Personer", "Enheder"],
  addedColumns: [],
  addedRows: 0,
  unchanged: false,
};

export const TIMELINE: TimelineSummary = { sheet: "Tidslinje", contracts: 2, milestones: 6, chart: true };

export const STATUS: StatusSummary = { sheet: "Status" };

export const CALENDAR: CalendarFile = {
  fileName: "frister.ics",
  text: "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n",
  events: 5,
  notices: 2,
};

/** A promise the test settles by hand, to look at the pane while an action runs. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** PaneActions whose every method is a jest mock resolving to a plausible result. */
export function fakeActions(overrides: Partial<PaneActions> = {}): jest.Mocked<PaneActions> {
  return {
    generate: jest.fn(async () => GENERATED),
    validate: jest.fn(async () => outcome()),
    clearHighlights: jest.fn(async () => undefined),
    goTo: jest.fn(async () => undefined),
    timeline: jest.fn(async () => TIMELINE),
    statusReport: jest.fn(async () => STATUS),
    calendar: jest.fn(async () => CALENDAR),
    ...overrides,
  } as jest.Mocked<PaneActions>;
}

/**
 * jsdom has no layout: every element's offsetParent is null and the body measures 0×0, which
 * Fluent's focus manager (tabster) reads as "hidden" and so will not move focus with arrow keys.
 * Give elements a parent and the body a task pane's size, as a browser would. Call restore() after.
 */
export function fakeLayout(): { restore(): void } {
  const offsetParent = jest
    .spyOn(HTMLElement.prototype, "offsetParent", "get")
    .mockImplementation(function (this: HTMLElement) {
      return this.parentElement;
    });
  const bodyRect = jest
    .spyOn(document.body, "getBoundingClientRect")
    .mockReturnValue({ x: 0, y: 0, top: 0, left: 0, right: 320, bottom: 800, width: 320, height: 800, toJSON: () => ({}) });
  return {
    restore() {
      offsetParent.mockRestore();
      bodyRect.mockRestore();
    },
  };
}
