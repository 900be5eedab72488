/** Data: the workbook itself (RULES.md, "Data"). */
import { formatDay, iso } from "../dates";
import { sheetLocation } from "../location";
import type { AcceptanceRow, Field, Person, Plan, RowBase } from "../model";
import { defineRule, message, type Report, type Rule, type Words } from "../rule";
import { isCellError } from "../snapshot";
import { describeRaw } from "../values";
import { ENUMS, normalizeKey, type EnumName, type Lang, type SheetKey, type Text } from "../vocabulary";
import { cellFix, namesSomeone, setCellFix, settingAt, settingName, sheetSpec } from "./common";

const DATA_01 = defineRule({
  id: "DATA-01",
  severity: "error",
  section: null,
  title: { da: "Et påkrævet ark mangler", en: "A required sheet is missing" },
  messages: {
    missingSheet: message<{ sheet: SheetKey }>({
      da: (d, w) => `Arket ${w.q(sheetSpec(d.sheet).da)} mangler i projektmappen.`,
      en: (d, w) => `The sheet ${w.q(sheetSpec(d.sheet).en)} is missing from the workbook.`,
      hint: {
        da: (d, w) => `Tilføj arket ${w.q(sheetSpec(d.sheet).da)} (eller ${w.q(sheetSpec(d.sheet).en)}), fx med ${w.generate}${w.orNewWorkbook}.`,
        en: (d, w) => `Add the sheet ${w.q(sheetSpec(d.sheet).en)} (or ${w.q(sheetSpec(d.sheet).da)}), e.g. with ${w.generate}${w.orNewWorkbook}.`,
      },
    }),
  },
  check: ({ plan }, report) => {
    for (const spec of plan.missingSheets) report("missingSheet", sheetLocation(null), { sheet: spec.key }, { subject: spec });
  },
});

/** The required columns of a sheet, quoted and joined, in the language of `words`. */
function requiredHeaders(sheet: SheetKey, w: Words): string {
  return w.list(sheetSpec(sheet).columns.filter((c) => c.columnRequired).map((c) => w.q(w.name(c))));
}

function columnSpec(sheet: SheetKey, column: string): Text {
  return sheetSpec(sheet).columns.find((c) => c.key === column) as Text;
}

const DATA_02 = defineRule({
  id: "DATA-02",
  severity: "error",
  section: null,
  title: { da: "En påkrævet kolonne mangler", en: "A required column is missing" },
  messages: {
    noHeaderRow: message<{ sheet: string; sheetKey: SheetKey }>({
      da: (d, w) => `Arket ${w.q(d.sheet)} har ingen overskriftsrække; der forventes kolonnerne ${requiredHeaders(d.sheetKey, w)}.`,
      en: (d, w) => `The sheet ${w.q(d.sheet)} has no header row; the columns ${requiredHeaders(d.sheetKey, w)} are expected.`,
      hint: {
        da: (d, w) => `Skriv overskrifterne i første række, eller brug ${w.generate}, som tilføjer dem uden at røre dine data.`,
        en: (d, w) => `Type the headers in the first row, or use ${w.generate}, which adds them without touching your data.`,
      },
    }),
    missingColumn: message<{ sheet: string; sheetKey: SheetKey; column: string; headerRow: number }>({
      da: (d, w) => `Kolonnen ${w.q(columnSpec(d.sheetKey, d.column).da)} mangler i arket ${w.q(d.sheet)}.`,
      en: (d, w) => `The column ${w.q(columnSpec(d.sheetKey, d.column).en)} is missing from the sheet ${w.q(d.sheet)}.`,
      hint: {
        da: (d, w) => {
          const column = columnSpec(d.sheetKey, d.column);
          return `Tilføj kolonnen ${w.q(column.da)} (eller ${w.q(column.en)}) i overskriftsrækken (række ${d.headerRow}); er den omdøbt, så giv den navnet tilbage.`;
        },
        en: (d, w) => {
          const column = columnSpec(d.sheetKey, d.column);
          return `Add the column ${w.q(column.en)} (or ${w.q(column.da)}) to the header row (row ${d.headerRow}); if it was renamed, rename it back.`;
        },
      },
    }),
  },
  check: ({ plan }, report) => {
    for (const info of Object.values(plan.sheets)) {
      if (!info || info.missingColumns.length === 0) continue;
      const at = sheetLocation(info.name);
      const sheet = { sheet: info.name, sheetKey: info.spec.key };
      if (info.headerRow === null) {
        report("noHeaderRow", at, sheet);
        continue;
      }
      for (const column of info.missingColumns) {
        report("missingColumn", { ...at, row: info.headerRow }, { ...sheet, column: column.key, headerRow: info.headerRow }, { subject: column });
      }
    }
  },
});

/** What a column or setting of each type expects, in DATA-03's messages. */
const EXPECTED: Record<"text" | "person" | "yesno" | "enum", Text> = {
  text: { da: "tekst", en: "text" },
  person: { da: "et navn", en: "a name" },
  yesno: { da: "Ja eller Nej", en: "Yes or No" },
  enum: { da: "en af de faste værdier", en: "one of the fixed values" },
};

type Misfit = { value: string; column: string };

const DATA_03 = defineRule({
  id: "DATA-03",
  severity: "error",
  section: null,
  title: { da: "En værdi passer ikke til sin kolonne", en: "A value does not fit its column" },
  messages: {
    formulaError: message<{ error: string }>({
      da: (d) => `Cellen indeholder formelfejlen ${d.error}.`,
      en: (d) => `The cell holds the formula error ${d.error}.`,
      hint: { da: "Ret formlen, eller skriv værdien direkte i cellen.", en: "Fix the formula, or type the value into the cell." },
    }),
    required: message<{ column: string }>({
      da: (d, w) => `${w.q(d.column)} skal udfyldes.`,
      en: (d, w) => `${w.q(d.column)} must be filled in.`,
      hint: { da: "Udfyld cellen, eller slet rækken, hvis den ikke skal bruges.", en: "Fill in the cell, or delete the row if it is not needed." },
    }),
    notADate: message<Misfit>({
      da: (d, w) => `${w.q(d.value)} passer ikke i ${w.q(d.column)}: der forventes en dato (dd-mm-åååå).`,
      en: (d, w) => `${w.q(d.value)} does not fit ${w.q(d.column)}: expected a date (dd-mm-yyyy).`,
      hint: {
        da: "Skriv datoen som dd-mm-åååå (fx 01-03-2027) eller brug en datocelle. Findes datoen ikke (fx 31-02), så ret den.",
        en: "Type the date as dd-mm-yyyy (e.g. 01-03-2027) or use a date cell. If the date does not exist (e.g. 31-02), correct it.",
      },
    }),
    notANumber: message<Misfit>({
      da: (d, w) => `${w.q(d.value)} passer ikke i ${w.q(d.column)}: der forventes et tal (0 eller derover).`,
      en: (d, w) => `${w.q(d.value)} does not fit ${w.q(d.column)}: expected a number (0 or more).`,
      hint: { da: "Skriv et tal, fx 7,5 eller 7.5.", en: "Type a number, e.g. 7.5 or 7,5." },
    }),
    notInList: message<Misfit & { list: EnumName; suggestion: string | null }>({
      da: (d, w) =>
        `${w.q(d.value)} passer ikke i ${w.q(d.column)}: der forventes en af ${w.list(ENUMS[d.list].map((v) => w.q(v.da)))}.${d.suggestion ? ` Mente du ${w.q(d.suggestion)}?` : ""}`,
      en: (d, w) =>
        `${w.q(d.value)} does not fit ${w.q(d.column)}: expected one of ${w.list(ENUMS[d.list].map((v) => w.q(v.en)))}.${d.suggestion ? ` Did you mean ${w.q(d.suggestion)}?` : ""}`,
      hint: {
        da: (d, w) => (d.suggestion ? `Ret værdien til ${w.q(d.suggestion)}, eller vælg en anden fra rullelisten.` : "Vælg en værdi fra rullelisten."),
        en: (d, w) => (d.suggestion ? `Change the value to ${w.q(d.suggestion)}, or pick another from the drop-down.` : "Pick a value from the drop-down."),
      },
    }),
    doesNotFit: message<Misfit & { expected: keyof typeof EXPECTED }>({
      da: (d, w) => `${w.q(d.value)} passer ikke i ${w.q(d.column)}: der forventes ${EXPECTED[d.expected].da}.`,
      en: (d, w) => `${w.q(d.value)} does not fit ${w.q(d.column)}: expected ${EXPECTED[d.expected].en}.`,
      hint: { da: "Ret værdien i cellen.", en: "Correct the value in the cell." },
    }),
  },
  check: ({ plan }, report) => {
    for (const cell of plan.invalidCells) {
      const column = cell.at.column ?? "";
      if (isCellError(cell.raw)) report("formulaError", cell.at, { error: cell.raw.error });
      else if (cell.expected === "required") report("required", cell.at, { column });
      else {
        const misfit = { value: describeRaw(cell.raw), column };
        if (cell.expected === "date") report("notADate", cell.at, misfit);
        else if (cell.expected === "number") report("notANumber", cell.at, misfit);
        else if (cell.list) {
          const suggestion = typeof cell.raw === "string" ? oneTypoAway(cell.raw, cell.list, plan.lang) : null;
          report("notInList", cell.at, { ...misfit, list: cell.list, suggestion }, { fix: suggestion ? cellFix(cell.at, cell.raw, suggestion) : undefined });
        }
        else report("doesNotFit", cell.at, { ...misfit, expected: cell.expected });
      }
    }
  },
});

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
 * The allowed value of a fixed list that `text` is one typo away from (`Folkebiblotek`), when there is
 * exactly one such value; in the language whose spelling it is near (the workbook's when both are).
 */
export function oneTypoAway(text: string, list: EnumName, lang: Lang): string | null {
  const wanted = text.trim().toLowerCase();
  if (wanted === "" || wanted.length > MAX_SUGGESTED_LENGTH) return null;
  let found: { key: string; text: string } | null = null;
  for (const value of ENUMS[list]) {
    for (const l of lang === "da" ? (["da", "en"] as const) : (["en", "da"] as const)) {
      if (editDistance(wanted, value[l].toLowerCase(), 1) > 1) continue;
      if (found && found.key !== value.key) return null;
      found ??= { key: value.key, text: value[l] };
    }
  }
  return found?.text ?? null;
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

const DATA_04 = defineRule({
  id: "DATA-04",
  severity: "error",
  section: null,
  title: { da: "En person findes ikke i Personer", en: "A person is not in People" },
  messages: {
    unknownPerson: message<{ name: string; sheet: string; suggestion: string | null }>({
      da: (d, w) => `${w.q(d.name)} findes ikke i ${w.q(d.sheet)}.${d.suggestion ? ` Mente du ${w.q(d.suggestion)}?` : ""}`,
      en: (d, w) => `${w.q(d.name)} is not in ${w.q(d.sheet)}.${d.suggestion ? ` Did you mean ${w.q(d.suggestion)}?` : ""}`,
      hint: {
        da: (d, w) =>
          d.suggestion
            ? `Ret navnet til ${w.q(d.suggestion)}, eller tilføj personen i ${w.q(d.sheet)}.`
            : `Tilføj personen i ${w.q(d.sheet)} med sin rolle.`,
        en: (d, w) =>
          d.suggestion
            ? `Change the name to ${w.q(d.suggestion)}, or add the person to ${w.q(d.sheet)}.`
            : `Add the person to ${w.q(d.sheet)} with their role.`,
      },
    }),
  },
  check: ({ plan }, report) => {
    const sheet = plan.sheets.people?.name ?? "Personer";
    const suggestions = new Map<string, string | null>();
    const budget = { left: SUGGESTION_BUDGET };
    let index: NameIndex | undefined;
    const check = (ref: Field<string>): void => {
      const name = ref.value;
      if (!namesSomeone(name) || plan.peopleByName.has(normalizeKey(name))) return;
      const key = normalizeKey(name);
      let suggestion = suggestions.get(key);
      if (suggestion === undefined) {
        suggestion = closestName((index ??= nameIndex(plan)), name, budget);
        suggestions.set(key, suggestion);
      }
      report("unknownPerson", ref, { name, sheet, suggestion }, { fix: suggestion ? setCellFix(ref, suggestion) : undefined });
    };
    for (const u of plan.units) check(u.superUser);
    for (const o of plan.ownership) check(o.owner);
    for (const s of plan.seats) check(s.participant);
    for (const h of plan.hostedMunicipalities) check(h.coordinator);
  },
});

type RepeatMessages = { repeatedRow: ReturnType<typeof repeatedRowMessage> };

function repeatedRowMessage() {
  return message<{ row: number; firstRow: number; label: string }>({
    da: (d, w) => `Række ${d.row} gentager række ${d.firstRow}${d.label ? ` (${w.q(d.label)})` : ""}.`,
    en: (d, w) => `Row ${d.row} repeats row ${d.firstRow}${d.label ? ` (${w.q(d.label)})` : ""}.`,
    hint: { da: "Slet den ene række, eller ret den, hvis den skulle være en anden.", en: "Delete one of the rows, or correct it if it was meant to be another." },
  });
}

/** Report the rows of one sheet that repeat an earlier row's key (null: the row is never a repeat), at the repeat. */
function reportRepeats<R extends RowBase>(
  report: Report<RepeatMessages>,
  rows: ReadonlyArray<R>,
  keyOf: (row: R) => string | null,
  labelOf: (row: R) => string,
): void {
  const first = new Map<string, number>();
  for (const row of rows) {
    const key = keyOf(row);
    if (key === null) continue;
    const firstRow = first.get(key);
    if (firstRow === undefined) first.set(key, row.row);
    else report("repeatedRow", row, { row: row.row, firstRow, label: labelOf(row) });
  }
}

const DATA_05 = defineRule({
  id: "DATA-05",
  severity: "warning",
  section: null,
  title: { da: "Samme række står to gange", en: "The same row appears twice" },
  messages: { repeatedRow: repeatedRowMessage() },
  check: ({ plan }, report) => {
    // Only a name on several rows can repeat a Personer row: the key is built for those rows alone
    // (grouped by name, in row order within a name, so the earlier row of a pair comes first).
    const namesakes: Person[] = [];
    plan.peopleByName.forEach((rows) => {
      if (rows.length > 1) namesakes.push(...rows);
    });
    reportRepeats(
      report,
      namesakes,
      (p) => (p.role.value ? `${p.nameKey}|${p.effectiveBody}|${p.role.value}` : null),
      (p) => p.name.value ?? "",
    );
    reportRepeats(
      report,
      plan.units,
      (u) => (u.unit.value ? normalizeKey(u.unit.value) : null),
      (u) => u.unit.value ?? "",
    );
    reportRepeats(
      report,
      plan.ownership,
      (o) => o.ownershipKey ?? (o.responsibility.value ? `text|${normalizeKey(o.responsibility.value)}` : null),
      (o) => o.ownershipKey ?? o.responsibility.value ?? "",
    );
    reportRepeats(
      report,
      plan.seats,
      (s) => (s.course.value && namesSomeone(s.participant.value) ? `${s.course.value}|${normalizeKey(s.participant.value)}` : null),
      (s) => s.participant.value ?? "",
    );
    reportRepeats(
      report,
      plan.contracts,
      (c) => (c.vendor.value ? `${normalizeKey(c.vendor.value)}|${normalizeKey(c.system.value ?? "")}|${c.type.value ?? ""}` : null),
      (c) => [c.vendor.value, c.system.value].filter(Boolean).join(" / "),
    );
    reportRepeats(
      report,
      plan.institutions,
      (i) => (i.institution.value ? normalizeKey(i.institution.value) : null),
      (i) => i.institution.value ?? "",
    );
    reportRepeats(
      report,
      plan.hostedMunicipalities,
      (h) => (h.municipality.value ? normalizeKey(h.municipality.value) : null),
      (h) => h.municipality.value ?? "",
    );
  },
});

/** An example date for hints, as the workbook writes dates. */
const EXAMPLE_DATE = formatDay(new Date(2027, 2, 1), "da");

const DATA_06 = defineRule({
  id: "DATA-06",
  severity: "error",
  section: null,
  title: { da: "En påkrævet indstilling i Projekt er tom", en: "A required setting in Project is empty" },
  messages: {
    noMunicipality: message({
      da: "Indstillingen «Kommune» er ikke udfyldt.",
      en: "The setting «Municipality» is empty.",
      hint: { da: "Skriv kommunens navn ud for «Kommune» i arket Projekt.", en: "Type the municipality's name next to «Municipality» in the Project sheet." },
    }),
    noGoLive: message({
      da: "Indstillingen «Ibrugtagning» er ikke udfyldt; datoafhængige regler kan ikke kontrolleres.",
      en: "The setting «Go-live» is empty; date-based rules cannot be checked.",
      hint: {
        da: `Skriv datoen for ibrugtagning af FBS som dd-mm-åååå, fx ${EXAMPLE_DATE}.`,
        en: `Type the FBS go-live date as dd-mm-yyyy, e.g. ${EXAMPLE_DATE}.`,
      },
    }),
  },
  check: ({ plan }, report) => {
    if (!plan.sheets.project) return;
    const { municipality, goLive } = plan.settings;
    if (!municipality.present) report("noMunicipality", settingAt(plan, "municipality"), {}, { subject: settingName("municipality") });
    if (!goLive.present) report("noGoLive", settingAt(plan, "goLive"), {}, { subject: settingName("goLive") });
  },
});

/** The Regel cell, or the Begrundelse cell, of a row of Accepterede. */
const ACCEPTANCE_PLACE: Record<"noRule" | "unknownRule" | "noReason", "rule" | "reason"> = { noRule: "rule", unknownRule: "rule", noReason: "reason" };

const DATA_07 = defineRule({
  id: "DATA-07",
  severity: "warning",
  section: null,
  title: { da: "En række i Accepterede kan ikke gælde", en: "A row of Accepted cannot apply" },
  messages: {
    noRule: message<{ row: number }>({
      da: (d) => `Række ${d.row} accepterer intet: «Regel» er tom.`,
      en: (d) => `Row ${d.row} accepts nothing: «Rule» is empty.`,
      hint: { da: "Skriv reglens id (fx CON-04), eller slet rækken.", en: "Type the rule's id (e.g. CON-04), or delete the row." },
    }),
    unknownRule: message<{ row: number; rule: string }>({
      da: (d, w) => `Række ${d.row} accepterer intet: ${w.q(d.rule)} er ikke en regel.`,
      en: (d, w) => `Row ${d.row} accepts nothing: ${w.q(d.rule)} is not a rule.`,
      hint: {
        da: "Skriv reglens id, som det står ved fundet (fx CON-04), eller slet rækken.",
        en: "Type the rule's id as the finding shows it (e.g. CON-04), or delete the row.",
      },
    }),
    noReason: message<{ row: number }>({
      da: (d) => `Række ${d.row} accepterer intet: «Begrundelse» er tom.`,
      en: (d) => `Row ${d.row} accepts nothing: «Reason» is empty.`,
      hint: {
        da: "Skriv, hvorfor projektet accepterer fundet (fx styregruppens beslutning og dato).",
        en: "Write why the project accepts the finding (e.g. the steering group's decision and its date).",
      },
    }),
  },
  check: ({ acceptances }, report) => {
    for (const { row, problem } of acceptances?.invalid ?? []) {
      const cell = row[ACCEPTANCE_PLACE[problem]];
      if (problem === "unknownRule") report("unknownRule", cell, { row: row.row, rule: String(row.rule.value ?? row.rule.raw) });
      else report(problem, cell, { row: row.row });
    }
  },
});

const DATA_08 = defineRule({
  id: "DATA-08",
  severity: "info",
  section: null,
  title: { da: "En række i Accepterede accepterer intet", en: "A row of Accepted accepts nothing" },
  messages: {
    matchesNothing: message<{ row: number; rule: string }>({
      da: (d, w) => `Række ${d.row} (${w.q(d.rule)}) passer ikke på noget fund: problemet er væk.`,
      en: (d, w) => `Row ${d.row} (${w.q(d.rule)}) matches no finding: the problem is gone.`,
      hint: {
        da: "Slet rækken; eller ret «Ark», «Emne» og «Kolonne», så de passer på fundet.",
        en: "Delete the row; or correct «Sheet», «Subject» and «Column» so that they match the finding.",
      },
    }),
    lapsed: message<{ row: number; rule: string; until: string }>({
      da: (d, w) => `Række ${d.row} (${w.q(d.rule)}) gjaldt til ${w.date(d.until)}: fundet er åbent igen.`,
      en: (d, w) => `Row ${d.row} (${w.q(d.rule)}) held until ${w.date(d.until)}: the finding is open again.`,
      hint: {
        da: "Ret problemet og slet rækken, eller sæt en ny dato i «Gælder til», hvis beslutningen er fornyet.",
        en: "Fix the problem and delete the row, or set a new date in «Until» if the decision was renewed.",
      },
    }),
  },
  check: ({ acceptances }, report) => {
    if (!acceptances) return;
    const ruleOf = (row: AcceptanceRow): string => String(row.rule.value ?? "").toUpperCase().replace(/\s+/g, "");
    for (const row of acceptances.lapsed) report("lapsed", row, { row: row.row, rule: ruleOf(row), until: iso(row.until.value) ?? "" });
    for (const row of acceptances.unused) report("matchesNothing", row, { row: row.row, rule: ruleOf(row) });
  },
});

export const DATA_RULES: ReadonlyArray<Rule> = [DATA_01, DATA_02, DATA_03, DATA_04, DATA_05, DATA_06, DATA_07, DATA_08];
