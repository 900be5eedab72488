/**
 * The sample plans the browser tests and the benchmark type into the stand-in Excel (office-host.ts):
 * importable from a Jest test too, since nothing here touches `window`.
 */
import { EXAMPLE_PLAN } from "../../src/playbook/example";
import type { PlanData, PlanRecord } from "../../src/playbook/template";

/** The example plan with extra project-group members, `size` people in all. */
export function largePlan(size: number): PlanData {
  const people = EXAMPLE_PLAN.people ?? [];
  const extra: PlanRecord[] = Array.from({ length: Math.max(0, size - people.length) }, (_, i) => ({
    name: `Medarbejder ${i + 1}`,
    email: `medarbejder${i + 1}@eksempelby.dk`,
    sector: "publicLibrary",
    body: "projectGroup",
    role: "publicLibrarySpecialist",
    hoursPerWeek: 5,
  }));
  return { ...EXAMPLE_PLAN, people: [...people, ...extra] };
}

/**
 * The example plan with a second misspelt super user: «Karin Dal» for PLC Åskolen (Enheder!C5)
 * besides the example's «Maja Fris» (Enheder!C3), so DATA-04 builds two fixes and the pane offers
 * *Ret alle (2)*.
 */
export const TYPO_PLAN: PlanData = {
  ...EXAMPLE_PLAN,
  units: (EXAMPLE_PLAN.units ?? []).map((u) => (u.unit === "PLC Åskolen" ? { ...u, superUser: "Karin Dal" } : u)),
};
