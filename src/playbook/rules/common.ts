/** Helpers the rule chapters share. */
import { sheetLocation, type Location } from "../location";
import type { Field, Person, Plan } from "../model";
import type { Draft } from "../rule";
import { isPlaceholderName } from "../values";
import {
  BODIES,
  ROLES,
  SECTORS,
  normalizeKey,
  type Body,
  type Role,
  type Sector,
  type SettingKey,
  type SheetKey,
  type SheetSpec,
  type Text,
} from "../vocabulary";
import { DATA_SHEETS } from "../vocabulary";

/**
 * A text in Danish and English. Trimmed, which changes nothing (no message begins or ends with a space)
 * but stores each as one flat string: a template literal leaves a tree of the pieces it joined (a dozen
 * small objects in V8), and a large plan's thousands of findings made the garbage collector copy them
 * again and again while the rules ran.
 */
export function text(da: string, en: string): Text {
  return { da: da.trim(), en: en.trim() };
}

/** Quote a value the user typed. */
export function q(value: string): string {
  return `«${value}»`;
}

export function sheetSpec(key: SheetKey): SheetSpec {
  return DATA_SHEETS.find((s) => s.key === key) as SheetSpec;
}

/** The sheet as a location: its name in the workbook, or its Danish name when it is absent. */
export function sheetAt(plan: Plan, key: SheetKey): Location {
  return sheetLocation(plan.sheets[key]?.name ?? sheetSpec(key).da);
}

/** The sheet's name as the user sees it, in messages. */
export function sheetName(plan: Plan, key: SheetKey): Text {
  const name = plan.sheets[key]?.name;
  const spec = sheetSpec(key);
  return name ? { da: name, en: name } : { da: spec.da, en: spec.en };
}

/** Where a setting's value stands (its Værdi cell), or the Projekt sheet when the row is absent. */
export function settingAt(plan: Plan, key: SettingKey): Location {
  const field = plan.settings[key] as Field<unknown>;
  if (field.at.cell) return field.at;
  const row = plan.settingRows[key];
  const sheet = plan.sheets.project;
  if (row && sheet) return { sheet: sheet.name, row: row.row, column: null, cell: null };
  return sheetAt(plan, "project");
}

export function roleName(role: Role): Text {
  const r = ROLES.find((x) => x.key === role) as Text;
  return { da: r.da, en: r.en };
}

export function sectorName(sector: Sector): Text {
  const s = SECTORS.find((x) => x.key === sector) as Text;
  return { da: s.da, en: s.en };
}

export function bodyName(body: Body): Text {
  const b = BODIES.find((x) => x.key === body) as Text;
  return { da: b.da, en: b.en };
}

/** Rows grouped by a key, each group in row order. */
function groupBy<K>(people: ReadonlyArray<Person>, keyOf: (p: Person) => K): Map<K, Person[]> {
  const groups = new Map<K, Person[]>();
  people.forEach((p) => {
    const key = keyOf(p);
    const list = groups.get(key);
    if (list) list.push(p);
    else groups.set(key, [p]);
  });
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

/**
 * What a check reports for each row that it reports on (null: nothing for this row). The rules' loop over
 * large sheets; an index, not for…of, which makes an object per row until V8 has optimised the loop.
 */
export function draftsFor<R>(rows: ReadonlyArray<R>, check: (row: R) => Draft | null): Draft[] {
  const drafts: Draft[] = [];
  for (let i = 0; i < rows.length; i++) {
    const draft = check(rows[i]);
    if (draft) drafts.push(draft);
  }
  return drafts;
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

/** Join with commas and a final "og"/"and". */
export function list(items: ReadonlyArray<string>, lang: "da" | "en"): string {
  if (items.length <= 1) return items.join("");
  const and = lang === "da" ? " og " : " and ";
  return `${items.slice(0, -1).join(", ")}${and}${items[items.length - 1]}`;
}

export function listText(items: ReadonlyArray<Text>): Text {
  return { da: list(items.map((i) => i.da), "da"), en: list(items.map((i) => i.en), "en") };
}

/** The header of a column as the user sees it: the workbook's text, or the spec's in each language. */
export function columnName(plan: Plan, sheet: SheetKey, columnKey: string): Text {
  const found = plan.sheets[sheet]?.columns[columnKey];
  if (found) return { da: found.header, en: found.header };
  const spec = sheetSpec(sheet).columns.find((c) => c.key === columnKey);
  return spec ? { da: spec.da, en: spec.en } : { da: columnKey, en: columnKey };
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
