/** Data: the workbook itself (RULES.md, "Data"). */
import { formatDay } from "../dates";
import { sheetLocation } from "../location";
import type { Field, Person, Plan, RowBase } from "../model";
import type { Draft, Rule } from "../rule";
import { describeRaw } from "../values";
import { isCellError } from "../snapshot";
import { normalizeKey, type Text } from "../vocabulary";
import { draftsFor, listText, namesSomeone, q, settingAt, text } from "./common";

const EXPECTED: Record<string, Text> = {
  text: text("tekst", "text"),
  person: text("et navn", "a name"),
  date: text("en dato (dd-mm-åååå)", "a date (dd-mm-yyyy)"),
  number: text("et tal (0 eller derover)", "a number (0 or more)"),
  yesno: text("Ja eller Nej", "Yes or No"),
  enum: text("en af de faste værdier", "one of the fixed values"),
};

function dataMissingSheets(plan: Plan): Draft[] {
  return plan.missingSheets.map((spec) => ({
    at: sheetLocation(null),
    message: text(`Arket ${q(spec.da)} mangler i projektmappen.`, `The sheet ${q(spec.en)} is missing from the workbook.`),
    hint: text(
      `Tilføj arket ${q(spec.da)} (eller ${q(spec.en)}), fx med "Generér/opdatér ark" eller \`fbs-playbook init\`.`,
      `Add the sheet ${q(spec.en)} (or ${q(spec.da)}), e.g. with "Generate/update sheets" or \`fbs-playbook init\`.`,
    ),
  }));
}

function dataMissingColumns(plan: Plan): Draft[] {
  const drafts: Draft[] = [];
  for (const info of Object.values(plan.sheets)) {
    if (!info || info.missingColumns.length === 0) continue;
    const at = sheetLocation(info.name);
    if (info.headerRow === null) {
      const headers = listText(info.spec.columns.filter((c) => c.columnRequired).map((c) => ({ da: q(c.da), en: q(c.en) })));
      drafts.push({
        at,
        message: text(
          `Arket ${q(info.name)} har ingen overskriftsrække; der forventes kolonnerne ${headers.da}.`,
          `The sheet ${q(info.name)} has no header row; the columns ${headers.en} are expected.`,
        ),
        hint: text(
          "Skriv overskrifterne i første række, eller kør \"Generér/opdatér ark\", som tilføjer dem uden at røre dine data.",
          'Type the headers in the first row, or run "Generate/update sheets", which adds them without touching your data.',
        ),
      });
      continue;
    }
    for (const column of info.missingColumns) {
      drafts.push({
        at: { ...at, row: info.headerRow },
        message: text(
          `Kolonnen ${q(column.da)} mangler i arket ${q(info.name)}.`,
          `The column ${q(column.en)} is missing from the sheet ${q(info.name)}.`,
        ),
        hint: text(
          `Tilføj kolonnen ${q(column.da)} (eller ${q(column.en)}) i overskriftsrækken (række ${info.headerRow}); er den omdøbt, så giv den navnet tilbage.`,
          `Add the column ${q(column.en)} (or ${q(column.da)}) to the header row (row ${info.headerRow}); if it was renamed, rename it back.`,
        ),
      });
    }
  }
  return drafts;
}

function dataInvalidCells(plan: Plan): Draft[] {
  return plan.invalidCells.map((cell) => {
    const shown = q(describeRaw(cell.raw));
    if (isCellError(cell.raw)) {
      return {
        at: cell.at,
        message: text(`Cellen indeholder formelfejlen ${cell.raw.error}.`, `The cell holds the formula error ${cell.raw.error}.`),
        hint: text("Ret formlen, eller skriv værdien direkte i cellen.", "Fix the formula, or type the value into the cell."),
      };
    }
    if (cell.expected === "required") {
      return {
        at: cell.at,
        message: text(`${q(cell.at.column ?? "")} skal udfyldes.`, `${q(cell.at.column ?? "")} must be filled in.`),
        hint: text("Udfyld cellen, eller slet rækken, hvis den ikke skal bruges.", "Fill in the cell, or delete the row if it is not needed."),
      };
    }
    const expected = EXPECTED[cell.expected] ?? EXPECTED.text;
    const allowed = cell.allowed ? listText(cell.allowed.map((v) => ({ da: q(v.da), en: q(v.en) }))) : null;
    return {
      at: cell.at,
      message: text(
        `${shown} passer ikke i ${q(cell.at.column ?? "")}: der forventes ${allowed ? `en af ${allowed.da}` : expected.da}.`,
        `${shown} does not fit ${q(cell.at.column ?? "")}: expected ${allowed ? `one of ${allowed.en}` : expected.en}.`,
      ),
      hint:
        cell.expected === "date"
          ? text(
              "Skriv datoen som dd-mm-åååå (fx 01-03-2027) eller brug en datocelle. Findes datoen ikke (fx 31-02), så ret den.",
              "Type the date as dd-mm-yyyy (e.g. 01-03-2027) or use a date cell. If the date does not exist (e.g. 31-02), correct it.",
            )
          : cell.expected === "number"
            ? text("Skriv et tal, fx 7,5 eller 7.5.", "Type a number, e.g. 7.5 or 7,5.")
            : allowed
              ? text("Vælg en værdi fra rullelisten.", "Pick a value from the drop-down.")
              : text("Ret værdien i cellen.", "Correct the value in the cell."),
    };
  });
}

let rowA = new Int32Array(64);
let rowB = new Int32Array(64);

/** Edit distance, for suggesting the closest known name; gives up (limit + 1) once it passes `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (rowA.length <= b.length) {
    rowA = new Int32Array(b.length + 1);
    rowB = new Int32Array(b.length + 1);
  }
  let prev = rowA;
  let cur = rowB;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let best = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca === b.charCodeAt(j - 1) ? 0 : 1));
      cur[j] = v;
      if (v < best) best = v;
    }
    if (best > limit) return limit + 1;
    const t = prev;
    prev = cur;
    cur = t;
  }
  return prev[b.length];
}

/**
 * How many name comparisons suggestions may cost in one validation. A real plan (hundreds of people)
 * never reaches it; a huge one with many unknown names gets suggestions for the first of them, so the
 * engine's cost stays linear in the number of rows.
 */
export const SUGGESTION_BUDGET = 20_000;

/** Longer texts are not names anyone mistyped: no suggestion (and no quadratic cost on huge cells). */
const MAX_SUGGESTED_LENGTH = 64;

/** Known names of one length: in lower case to compare, and as written to suggest. */
export interface NameBucket {
  lower: string[];
  names: string[];
}

/** Known names bucketed by length, so a suggestion looks only at names of similar length. */
export type NameIndex = Map<number, NameBucket>;

/** Built when DATA-04 first needs a suggestion, and dropped with it (not kept with the plan). */
function nameIndex(plan: Plan): NameIndex {
  const index: NameIndex = new Map();
  plan.peopleByName.forEach((rows) => {
    const name = rows[0].name.value as string;
    const lower = name.toLowerCase();
    let bucket = index.get(lower.length);
    if (!bucket) index.set(lower.length, (bucket = { lower: [], names: [] }));
    bucket.lower.push(lower);
    bucket.names.push(name);
  });
  return index;
}

/** The known name closest to `name` (edit distance up to a third of its length), or null. */
export function closestName(index: NameIndex, name: string, budget = { left: SUGGESTION_BUDGET }): string | null {
  const wanted = name.toLowerCase().trim();
  if (wanted.length > MAX_SUGGESTED_LENGTH) return null;
  const limit = Math.max(2, Math.floor(wanted.length / 3));
  let best: string | null = null;
  let bestDistance = limit + 1;
  for (let delta = 0; delta <= limit && delta < bestDistance; delta++) {
    for (const length of delta === 0 ? [wanted.length] : [wanted.length - delta, wanted.length + delta]) {
      const bucket = index.get(length);
      if (!bucket) continue;
      if (budget.left < bucket.lower.length) return best;
      budget.left -= bucket.lower.length;
      for (let i = 0; i < bucket.lower.length; i++) {
        const distance = editDistance(wanted, bucket.lower[i], bestDistance - 1);
        if (distance < bestDistance) {
          bestDistance = distance;
          best = bucket.names[i];
        }
      }
    }
  }
  return best;
}

function dataUnknownPeople(plan: Plan): Draft[] {
  const peopleSheet = plan.sheets.people?.name ?? "Personer";
  const suggestions = new Map<string, string | null>();
  const budget = { left: SUGGESTION_BUDGET };
  let index: NameIndex | undefined;
  const unknownPerson = (ref: Field<string>): Draft | null => {
    const name = ref.value;
    if (!namesSomeone(name) || plan.peopleByName.has(normalizeKey(name))) return null;
    const key = normalizeKey(name);
    let suggestion = suggestions.get(key);
    if (suggestion === undefined) {
      suggestion = closestName((index ??= nameIndex(plan)), name, budget);
      suggestions.set(key, suggestion);
    }
    return {
      at: ref.at,
      message: text(
        `${q(name)} findes ikke i ${q(peopleSheet)}.${suggestion ? ` Mente du ${q(suggestion)}?` : ""}`,
        `${q(name)} is not in ${q(peopleSheet)}.${suggestion ? ` Did you mean ${q(suggestion)}?` : ""}`,
      ),
      hint: suggestion
        ? text(
            `Ret navnet til ${q(suggestion)}, eller tilføj personen i ${q(peopleSheet)}.`,
            `Change the name to ${q(suggestion)}, or add the person to ${q(peopleSheet)}.`,
          )
        : text(`Tilføj personen i ${q(peopleSheet)} med sin rolle.`, `Add the person to ${q(peopleSheet)} with their role.`),
    };
  };
  return [
    ...draftsFor(plan.units, (u) => unknownPerson(u.superUser)),
    ...draftsFor(plan.ownership, (o) => unknownPerson(o.owner)),
    ...draftsFor(plan.seats, (s) => unknownPerson(s.participant)),
    ...draftsFor(plan.hostedMunicipalities, (h) => unknownPerson(h.coordinator)),
  ];
}

/** Rows of one sheet that repeat an earlier row's key (null: the row is never a repeat), reported at the repeat. */
function repeatedRows<R extends RowBase>(rows: ReadonlyArray<R>, keyOf: (row: R) => string | null, labelOf: (row: R) => string): Draft[] {
  const first = new Map<string, number>();
  return draftsFor(rows, (row) => {
    const key = keyOf(row);
    if (key === null) return null;
    const firstRow = first.get(key);
    if (firstRow === undefined) {
      first.set(key, row.row);
      return null;
    }
    const label = labelOf(row);
    return {
      at: row.at,
      message: text(
        `Række ${row.row} gentager række ${firstRow}${label ? ` (${q(label)})` : ""}.`,
        `Row ${row.row} repeats row ${firstRow}${label ? ` (${q(label)})` : ""}.`,
      ),
      hint: text("Slet den ene række, eller ret den, hvis den skulle være en anden.", "Delete one of the rows, or correct it if it was meant to be another."),
    };
  });
}

/** What makes two rows "the same row", sheet by sheet. */
function dataDuplicates(plan: Plan): Draft[] {
  // Only a name on several rows can repeat a Personer row: the key is built for those rows alone
  // (grouped by name, in row order within a name, so the earlier row of a pair comes first).
  const namesakes: Person[] = [];
  plan.peopleByName.forEach((rows) => {
    if (rows.length > 1) rows.forEach((p) => namesakes.push(p));
  });
  return [
    ...repeatedRows(
      namesakes,
      (p) => (p.role.value ? `${p.nameKey}|${p.effectiveBody}|${p.role.value}` : null),
      (p) => p.name.value ?? "",
    ),
    ...repeatedRows(
      plan.units,
      (u) => (u.unit.value ? normalizeKey(u.unit.value) : null),
      (u) => u.unit.value ?? "",
    ),
    ...repeatedRows(
      plan.ownership,
      (o) => o.ownershipKey ?? (o.responsibility.value ? `text|${normalizeKey(o.responsibility.value)}` : null),
      (o) => o.ownershipKey ?? o.responsibility.value ?? "",
    ),
    ...repeatedRows(
      plan.seats,
      (s) => (s.course.value && namesSomeone(s.participant.value) ? `${s.course.value}|${normalizeKey(s.participant.value)}` : null),
      (s) => s.participant.value ?? "",
    ),
    ...repeatedRows(
      plan.contracts,
      (c) => (c.vendor.value ? `${normalizeKey(c.vendor.value)}|${normalizeKey(c.system.value ?? "")}|${c.type.value ?? ""}` : null),
      (c) => [c.vendor.value, c.system.value].filter(Boolean).join(" / "),
    ),
    ...repeatedRows(
      plan.institutions,
      (i) => (i.institution.value ? normalizeKey(i.institution.value) : null),
      (i) => i.institution.value ?? "",
    ),
    ...repeatedRows(
      plan.hostedMunicipalities,
      (h) => (h.municipality.value ? normalizeKey(h.municipality.value) : null),
      (h) => h.municipality.value ?? "",
    ),
  ];
}

function dataRequiredSettings(plan: Plan): Draft[] {
  if (!plan.sheets.project) return [];
  const drafts: Draft[] = [];
  const { municipality, goLive } = plan.settings;
  if (!municipality.present) {
    drafts.push({
      at: settingAt(plan, "municipality"),
      message: text("Indstillingen «Kommune» er ikke udfyldt.", "The setting «Municipality» is empty."),
      hint: text("Skriv kommunens navn ud for «Kommune» i arket Projekt.", "Type the municipality's name next to «Municipality» in the Project sheet."),
    });
  }
  if (!goLive.present) {
    drafts.push({
      at: settingAt(plan, "goLive"),
      message: text(
        "Indstillingen «Ibrugtagning» er ikke udfyldt; datoafhængige regler kan ikke kontrolleres.",
        "The setting «Go-live» is empty; date-based rules cannot be checked.",
      ),
      hint: text(
        `Skriv datoen for ibrugtagning af FBS som dd-mm-åååå, fx ${formatDay(new Date(2027, 2, 1), "da")}.`,
        `Type the FBS go-live date as dd-mm-yyyy, e.g. ${formatDay(new Date(2027, 2, 1), "da")}.`,
      ),
    });
  }
  return drafts;
}

export const DATA_RULES: Rule[] = [
  {
    id: "DATA-01",
    severity: "error",
    section: null,
    title: text("Et påkrævet ark mangler", "A required sheet is missing"),
    check: ({ plan }) => dataMissingSheets(plan),
  },
  {
    id: "DATA-02",
    severity: "error",
    section: null,
    title: text("En påkrævet kolonne mangler", "A required column is missing"),
    check: ({ plan }) => dataMissingColumns(plan),
  },
  {
    id: "DATA-03",
    severity: "error",
    section: null,
    title: text("En værdi passer ikke til sin kolonne", "A value does not fit its column"),
    check: ({ plan }) => dataInvalidCells(plan),
  },
  {
    id: "DATA-04",
    severity: "error",
    section: null,
    title: text("En person findes ikke i Personer", "A person is not in People"),
    check: ({ plan }) => dataUnknownPeople(plan),
  },
  {
    id: "DATA-05",
    severity: "warning",
    section: null,
    title: text("Samme række står to gange", "The same row appears twice"),
    check: ({ plan }) => dataDuplicates(plan),
  },
  {
    id: "DATA-06",
    severity: "error",
    section: null,
    title: text("En påkrævet indstilling i Projekt er tom", "A required setting in Project is empty"),
    check: ({ plan }) => dataRequiredSettings(plan),
  },
];
