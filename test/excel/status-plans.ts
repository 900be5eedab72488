/** Plans for the Status sheet's tests (status.test.ts, status-print.test.ts): large, empty, hostile. */
import { day, toSerial, type Day } from "../../src/playbook/dates";
import { CORRECT_PLAN } from "../../src/playbook/example";
import type { PlanData, PlanRecord } from "../../src/playbook/template";
import { HISTORY_SHEET } from "../../src/playbook/vocabulary";
import type { FakeWorkbook } from "./fakes/workbook";

/** "Today" of these tests: every plan's dates are counted from it. */
export const TODAY = day(2026, 12, 1) as Day;

const plus = (from: Day, days: number) => new Date(from.getFullYear(), from.getMonth(), from.getDate() + days) as Day;
const plusMonths = (from: Day, months: number) => new Date(from.getFullYear(), from.getMonth() + months, from.getDate()) as Day;

/** The name a contract of {@link hundredContracts} goes by on the page ("vendor – system"). */
export const contractLabel = (i: number) => `Leverandør ${String(i + 1).padStart(3, "0")} – System ${String(i + 1).padStart(3, "0")}`;

/**
 * The correct plan with a hundred contracts, each with three months' notice and a notice deadline in
 * the next 88 days (one to four a day, none given notice): a hundred dates due.
 */
export function hundredContracts(): PlanData {
  const contracts: PlanRecord[] = Array.from({ length: 100 }, (_, i) => {
    const deadline = plus(TODAY, 1 + Math.floor((i * 88) / 100));
    return {
      vendor: `Leverandør ${String(i + 1).padStart(3, "0")}`,
      system: `System ${String(i + 1).padStart(3, "0")}`,
      type: "other",
      start: day(2020, 1, 1) as Day,
      expires: plusMonths(deadline, 3),
      noticeMonths: 3,
      extensionMonths: 0,
    };
  });
  return { ...CORRECT_PLAN, contracts };
}

/** A plan with no dates at all and no contracts: a municipality and people, nothing dated. */
export function undatedPlan(): PlanData {
  const settings = { ...CORRECT_PLAN.settings };
  for (const key of ["goLive", "kickoff", "organisationEstablished", "transitionAgreed", "operationsAnnounced"] as const) settings[key] = null;
  return {
    ...CORRECT_PLAN,
    settings,
    seats: (CORRECT_PLAN.seats ?? []).map((s) => ({ ...s, courseDate: null })),
    institutions: (CORRECT_PLAN.institutions ?? []).map((i) => ({ ...i, notifiedOn: null })),
    contracts: [],
  };
}

/** Markup, quotes, right-to-left text and emoji (one of several code points), in 56 UTF-16 units. */
export const MIXED = `<b onclick="x()">"Citat" & 'enkelt'</b> مرحبا 🎉👩‍👩‍👧`;
/** 32,000 characters: under Excel's 32,767 a cell, pages of text if printed whole. */
export const LONG = `<script>${"ø".repeat(32_000 - 17)}</script>`;

/**
 * The correct plan with hostile texts where the Status page shows them: a 32,000-character
 * municipality; contracts whose vendor is markup, quotes, emoji and Arabic, or 32,000 characters; a
 * course whose participant's name is 32,000 characters. Every one of them is due within 90 days.
 */
export function hostilePlan(municipality: string = LONG): PlanData {
  const soon = plus(TODAY, 20);
  const contract = (vendor: string, system: string): PlanRecord => ({
    vendor,
    system,
    type: "other",
    start: day(2020, 1, 1) as Day,
    expires: plusMonths(soon, 3),
    noticeMonths: 3,
    extensionMonths: 0,
  });
  return {
    ...CORRECT_PLAN,
    settings: { ...CORRECT_PLAN.settings, municipality },
    contracts: [contract(MIXED, "=SUM(1;2)"), contract(LONG, "System")],
    seats: [...(CORRECT_PLAN.seats ?? []), { course: "superUser", participant: LONG, seatType: "standard", courseDate: plus(TODAY, 30) }],
  };
}

/** A `Historik` sheet of validations made before `TODAY`: [day, open errors, open warnings]. */
export function addHistory(workbook: FakeWorkbook, rows: ReadonlyArray<[Day, number, number]>): void {
  const header = HISTORY_SHEET.columns.map((c) => c.da);
  workbook.addSheet(HISTORY_SHEET.da, [header, ...rows.map(([d, errors, warnings]) => [toSerial(d), errors, warnings, 1, 0, 0, 0])]);
}

/** Three validations in November: the trend goes down towards the example plan's counts. */
export const NOVEMBER: ReadonlyArray<[Day, number, number]> = [
  [day(2026, 11, 3) as Day, 11, 9],
  [day(2026, 11, 17) as Day, 9, 8],
  [day(2026, 11, 30) as Day, 7, 7],
];
