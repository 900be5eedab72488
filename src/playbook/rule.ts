/** What a rule is: its id, severity and playbook section as data, beside its check. */
import type { Day } from "./dates";
import type { Severity } from "./findings";
import type { Location } from "./location";
import type { Plan } from "./model";
import type { Text } from "./vocabulary";

export interface RuleContext {
  plan: Plan;
  /** "Today" for date-relative rules (injectable: `--today`). */
  today: Day;
}

/** A finding as a check reports it; the engine adds the rule's id, severity and section. */
export interface Draft {
  at: Location;
  message: Text;
  hint: Text;
  /** Only where RULES.md gives a rule two severities (CON-04: warning, info under 3 months). */
  severity?: Severity;
  /** Only where a rule spans sections and a finding belongs to one (SEAT: 3.1 or 3.2). */
  section?: string;
}

export interface Rule {
  id: string;
  severity: Severity;
  /** The playbook section, e.g. "2.1"; null for the workbook's own data rules. */
  section: string | null;
  /** One line on what the rule checks, for `--help` and the pane. */
  title: Text;
  check(ctx: RuleContext): Draft[];
}
