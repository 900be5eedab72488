/** Helpers for rule tests: mutate the correct sample plan and validate it. */
import { day, type Day } from "../../src/playbook/dates";
import { validateSnapshot } from "../../src/playbook/engine";
import { CORRECT_PLAN } from "../../src/playbook/example";
import type { Finding } from "../../src/playbook/findings";
import type { WorkbookSnapshot } from "../../src/playbook/snapshot";
import { planSnapshot, type PlanData, type PlanRecord } from "../../src/playbook/template";
import type { Lang } from "../../src/playbook/vocabulary";

/** "Today" for tests: before every notice deadline of the correct plan. */
export const TODAY = day(2026, 12, 1) as Day;

export function d(iso: string): Day {
  const [y, m, dd] = iso.split("-").map(Number);
  return day(y, m, dd) as Day;
}

/** A deep copy of the correct plan, for a test to change. */
export function correctPlan(): PlanData {
  return structuredClone(CORRECT_PLAN);
}

/** Change the rows of a sheet that match. */
export function update(records: PlanRecord[] | undefined, match: (r: PlanRecord) => boolean, change: PlanRecord): void {
  for (const r of records ?? []) if (match(r)) Object.assign(r, change);
}

export function remove(records: PlanRecord[] | undefined, match: (r: PlanRecord) => boolean): void {
  if (!records) return;
  const kept = records.filter((r) => !match(r));
  records.splice(0, records.length, ...kept);
}

export function validate(input: PlanData | WorkbookSnapshot, options: { today?: Day; lang?: Lang } = {}): Finding[] {
  const snapshot = "sheets" in input ? (input as WorkbookSnapshot) : planSnapshot(input as PlanData, options.lang ?? "da");
  return validateSnapshot(snapshot, { today: options.today ?? TODAY }).findings;
}

export function findingsOf(rule: string, input: PlanData | WorkbookSnapshot, options: { today?: Day; lang?: Lang } = {}): Finding[] {
  return validate(input, options).filter((f) => f.rule === rule);
}
