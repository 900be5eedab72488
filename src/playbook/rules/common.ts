/** Helpers the rule chapters share. */
import { iso, type Day } from "../dates";
import { cellLocation, sheetLocation, type Location } from "../location";
import type { Fix } from "../findings";
import { quote } from "../i18n";
import type { Field, Person, Plan } from "../model";
import type { CellValue } from "../snapshot";
import { cellText } from "../subject";
import { isPlaceholderName } from "../values";
import {
  BODIES,
  DATA_SHEETS,
  ROLES,
  SECTORS,
  SETTINGS,
  normalizeKey,
  type Body,
  type Role,
  type Sector,
  type SettingKey,
  type SheetKey,
  type SheetSpec,
  type Text,
} from "../vocabulary";

/**
 * A fix that sets one cell to `to` (RULES.md, *Fixes*), applied only while the cell still holds what
 * the snapshot holds (`from`); none when the column is absent (there is no cell to set).
 */
export function setCellFix(field: Field<unknown>, to: string): Fix | undefined {
  return cellFix(cellLocation(field), field.raw, to);
}

/** A fix that sets the cell at `at`, which holds `raw`, to `to`. */
export function cellFix(at: Location, raw: CellValue, to: string): Fix | undefined {
  if (at.sheet === null || at.cell === null) return undefined;
  const shown = cellText(raw);
  const column = at.column ?? "";
  return {
    label:
      shown === null
        ? { da: `Skriv ${quote(to)} i ${quote(column)}`, en: `Enter ${quote(to)} in ${quote(column)}` }
        : { da: `Ret ${quote(shown)} til ${quote(to)}`, en: `Change ${quote(shown)} to ${quote(to)}` },
    edits: [{ sheet: at.sheet, cell: at.cell, from: raw, to }],
  };
}

export function sheetSpec(key: SheetKey): SheetSpec {
  return DATA_SHEETS.find((s) => s.key === key) as SheetSpec;
}

/** The sheet as a location: its name in the workbook, or its Danish name when it is absent. */
export function sheetAt(plan: Plan, key: SheetKey): Location {
  return sheetLocation(plan.sheets[key]?.name ?? sheetSpec(key).da);
}

/** Where a setting's value stands (its Værdi cell), or the Projekt sheet when the row is absent. */
export function settingAt(plan: Plan, key: SettingKey): Location {
  const field = plan.settings[key];
  if (field.sheet === null) return sheetAt(plan, "project");
  return cellLocation(field);
}

/** A setting's `Felt` in Danish and English: the subject of a finding about a setting whose row is absent. */
export function settingName(key: SettingKey): Text {
  return SETTINGS.find((s) => s.key === key) as Text;
}

export function roleName(role: Role): Text {
  return ROLES.find((x) => x.key === role) as Text;
}

export function sectorName(sector: Sector): Text {
  return SECTORS.find((x) => x.key === sector) as Text;
}

export function bodyName(body: Body): Text {
  return BODIES.find((x) => x.key === body) as Text;
}

/** A calendar day as a message's value: its ISO date. */
export function isoDay(d: Day): string {
  return iso(d) as string;
}

/** Rows grouped by a key, each group in row order. */
function groupBy<K>(people: ReadonlyArray<Person>, keyOf: (p: Person) => K): Map<K, Person[]> {
  const groups = new Map<K, Person[]>();
  for (const p of people) {
    const key = keyOf(p);
    const list = groups.get(key);
    if (list) list.push(p);
    else groups.set(key, [p]);
  }
  return groups;
}

const bodies = new WeakMap<Plan, Map<Body | null, Person[]>>();

/** The Personer rows of a body (grouped once per plan: several rules ask). */
export function inBody(plan: Plan, body: Body): ReadonlyArray<Person> {
  let groups = bodies.get(plan);
  if (!groups) bodies.set(plan, (groups = groupBy(plan.people, (p) => p.effectiveBody)));
  return groups.get(body) ?? [];
}

const roleIndexes = new WeakMap<ReadonlyArray<Person>, { byRole: Map<Role | null, Person[]>; byRoles: Map<string, Person[]> }>();

/**
 * The rows of `people` that hold one of `wanted`, in row order. Grouped by role once per list (the
 * plan's people, or a body's from {@link inBody}; lists the plan never changes): several rules ask.
 */
export function withRole(people: ReadonlyArray<Person>, wanted: ReadonlyArray<Role>): ReadonlyArray<Person> {
  let index = roleIndexes.get(people);
  if (!index) roleIndexes.set(people, (index = { byRole: groupBy(people, (p) => p.role.value), byRoles: new Map() }));
  const { byRole, byRoles } = index;
  if (wanted.length === 1) return byRole.get(wanted[0]) ?? [];
  const key = wanted.join("|");
  let rows = byRoles.get(key);
  // Each group is in row order already: sorting merges them.
  if (!rows) byRoles.set(key, (rows = wanted.flatMap((r) => byRole.get(r) ?? []).sort((a, b) => a.row - b.row)));
  return rows;
}

/** Distinct people (by normalised name; unnamed rows count one each). */
export function distinctPeople(rows: ReadonlyArray<Person>): Person[] {
  const seen = new Set<string>();
  const out: Person[] = [];
  for (const p of rows) {
    const k = p.nameKey ?? `#row${p.row}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(p);
  }
  return out;
}

/** The Personer rows of a named person, or undefined when the name is unknown. */
export function personRows(plan: Plan, name: string | null): Person[] | undefined {
  if (!name) return undefined;
  return plan.peopleByName.get(normalizeKey(name));
}

/** A person reference that names someone real (not empty, not a placeholder such as "NN"). */
export function namesSomeone(name: string | null): name is string {
  return name !== null && !isPlaceholderName(name);
}

const SYSTEM_SEPARATORS = /[;,\n]/;

/** The `;`-separated parts of a free-text cell (`Nuværende system`, `System`) as comparison keys. */
export function systemParts(cell: string | null): string[] {
  return cell ? cell.split(SYSTEM_SEPARATORS).map((part) => normalizeKey(part)) : [];
}

/** A cell, split by {@link systemParts}, names a system: one of its parts is it, or contains it. */
export function namesSystem(parts: ReadonlyArray<string>, system: string): boolean {
  const wanted = normalizeKey(system);
  return wanted !== "" && parts.some((part) => part === wanted || (part.length > 0 && part.includes(wanted)));
}
