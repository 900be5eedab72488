/** The engine: snapshot in, findings out. Pure; the Excel pane and the command line both call this. */
import { UNACCEPTABLE_RULES, applyAcceptances, type AcceptanceReview } from "./acceptances";
import { today as machineToday, type Day } from "./dates";
import { sortFindings, summarize, type Finding, type Summary } from "./findings";
import type { Plan } from "./model";
import { readPlan } from "./reader";
import { kebabCase, locationOf, type Place, type ReportExtra, type Rule } from "./rule";
import { ALL_RULES } from "./rules";
import { subjectsOf } from "./subject";
import type { WorkbookSnapshot } from "./snapshot";
import { DATA_SHEETS, normalizeKey } from "./vocabulary";

export { ALL_RULES };

export interface ValidateOptions {
  /** "Today" for date-relative rules; the machine's date when absent. */
  today?: Day;
  /** Rule ids or prefixes to run (`CON`, `ORG-0`); all when absent or empty. */
  pick?: ReadonlyArray<string>;
  /** Rule ids or prefixes to leave out. */
  skip?: ReadonlyArray<string>;
  /** Report every finding as open, as if `Accepterede` were empty (`--ignore-accepted`). */
  ignoreAccepted?: boolean;
}

export interface ValidationResult {
  plan: Plan;
  findings: Finding[];
  summary: Summary;
  /** The rules that ran. */
  rules: ReadonlyArray<Rule>;
}

function matchesAny(id: string, patterns: ReadonlyArray<string>): boolean {
  return patterns.some((p) => {
    const q = p.trim().toUpperCase();
    return q !== "" && id.toUpperCase().startsWith(q);
  });
}

/** Rules selected by `--pick` / `--skip` (ids or prefixes). */
export function selectRules(pick?: ReadonlyArray<string>, skip?: ReadonlyArray<string>): Rule[] {
  return ALL_RULES.filter(
    (r) => (!pick || pick.length === 0 || matchesAny(r.id, pick)) && !(skip && skip.length > 0 && matchesAny(r.id, skip)),
  );
}

/** Patterns that match no rule at all (a usage error for the command line). */
export function unknownRulePatterns(patterns: ReadonlyArray<string>): string[] {
  return patterns.filter((p) => p.trim() !== "" && !ALL_RULES.some((r) => matchesAny(r.id, [p])));
}

/** Order of sheets in reports: data sheets in workbook order, then anything else. */
function sheetOrder(plan: Plan): (sheet: string | null) => number {
  const order = new Map<string, number>();
  DATA_SHEETS.forEach((spec, i) => {
    const info = plan.sheets[spec.key];
    order.set(normalizeKey(info?.name ?? spec.da), i);
  });
  return (sheet) => (sheet === null ? -1 : (order.get(normalizeKey(sheet)) ?? DATA_SHEETS.length));
}

/**
 * Run `rules` over the plan. Unless `ignoreAccepted`, the rows of `Accepterede` are applied to the
 * findings of the other rules (marking them `accepted`), and then DATA-07/08 run on what became of
 * those rows.
 */
export function runRules(plan: Plan, rules: ReadonlyArray<Rule>, today: Day, options: { ignoreAccepted?: boolean } = {}): Finding[] {
  const findings: Finding[] = [];
  const subjectAt = subjectsOf(plan);
  const first = rules.filter((r) => !UNACCEPTABLE_RULES.has(r.id));
  const after = rules.filter((r) => UNACCEPTABLE_RULES.has(r.id));
  let acceptances: AcceptanceReview | undefined;
  const run = (rule: Rule): void => {
    const messageIds = new Map(Object.keys(rule.messages).map((id) => [id, `${rule.id}/${kebabCase(id)}`]));
    const report = (id: string, place: Place, data: Finding["data"], extra: ReportExtra = {}): void => {
      const at = locationOf(place);
      const finding: Finding = {
        rule: rule.id,
        severity: extra.severity ?? rule.severity,
        section: extra.section ?? rule.section,
        sheet: at.sheet,
        row: at.row,
        column: at.column,
        cell: at.cell,
        messageId: messageIds.get(id) ?? `${rule.id}/${kebabCase(id)}`,
        data,
        subject: subjectAt(at, extra.subject),
      };
      if (extra.fix) finding.fix = extra.fix;
      findings.push(finding);
    };
    rule.check({ plan, today, acceptances }, report as Parameters<Rule["check"]>[1]);
  };
  first.forEach(run);
  if (!options.ignoreAccepted) {
    acceptances = applyAcceptances(plan, findings, new Set(rules.map((r) => r.id)), today, KNOWN_RULES);
    after.forEach(run);
  }
  return sortFindings(findings, sheetOrder(plan));
}

const KNOWN_RULES: ReadonlySet<string> = new Set(ALL_RULES.map((r) => r.id));

/** Read the snapshot and run the selected rules. */
export function validateSnapshot(snapshot: WorkbookSnapshot, options: ValidateOptions = {}): ValidationResult {
  const plan = readPlan(snapshot);
  const rules = selectRules(options.pick, options.skip);
  const findings = runRules(plan, rules, options.today ?? machineToday(), { ignoreAccepted: options.ignoreAccepted });
  return { plan, findings, summary: summarize(findings), rules };
}
