/**
 * What a rule is: its id, severity, playbook section and messages as data, beside its check.
 *
 * A check reports a message by its id, a place and the values the message is made from:
 * `report("tooShort", contract.expires, { contract, expires, goLive, until })`. The finding keeps the
 * id and the values; its text is made later, in the language asked for, by `render` (render.ts).
 */
import type { AcceptanceReview } from "./acceptances";
import type { Day } from "./dates";
import type { Fix, MessageData, Severity } from "./findings";
import type { Lang, SurfaceWords, Text } from "./i18n";
import { cellLocation, type Location } from "./location";
import type { Field, Plan, RowBase } from "./model";

export interface RuleContext {
  plan: Plan;
  /** "Today" for date-relative rules (injectable: `--today`). */
  today: Day;
  /**
   * What became of the rows of `Accepterede` (acceptances.ts), for DATA-07 and DATA-08, which run
   * after the other rules; absent with --ignore-accepted.
   */
  acceptances?: AcceptanceReview;
}

/** The words a message is written with, in one language and for one surface. */
export interface Words extends SurfaceWords {
  lang: Lang;
  /** An ISO date (YYYY-MM-DD) as the language writes it: 01-03-2027 in Danish, 2027-03-01 in English. */
  date(iso: string): string;
  /** 7,5 in Danish, 7.5 in English. */
  number(n: number): string;
  /** "a, b og c". */
  list(items: ReadonlyArray<string>): string;
  /** «value». */
  q(value: string): string;
  /** A fixed value's or vocabulary entry's name in this language. */
  name(text: Text): string;
}

/** One half of a message: a fixed sentence, or a small function of the finding's values. */
export type Template<D> = string | ((data: D, words: Words) => string);

/** A message of a rule: what is wrong and how to fix it, in Danish and English. */
export interface MessageSpec<D extends MessageData = MessageData> {
  da: Template<D>;
  en: Template<D>;
  hint: { da: Template<D>; en: Template<D> };
}

/** A message whose values have the type `D` (typed once here, so all four texts see it). */
export function message<D extends MessageData = Record<string, never>>(spec: MessageSpec<D>): MessageSpec<D> {
  return spec;
}

/** Where a finding points: a cell's field, a row (no column), or a location. */
export type Place = Field<unknown> | RowBase | Location;

/** The location of a place. */
export function locationOf(place: Place): Location {
  if ("present" in place) return cellLocation(place);
  return "at" in place ? place.at : place;
}

/** What a report may add to the rule's defaults. */
export interface ReportExtra {
  /** Only where RULES.md gives a rule two severities (CON-04: warning, info under 3 months). */
  severity?: Severity;
  /** Only where a rule spans sections and a finding belongs to one (SEAT: 3.1 or 3.2). */
  section?: string;
  /**
   * What the finding is about when it is something missing (WORKBOOK.md, *a finding's subject*): the
   * missing role, sector, key, sheet or setting. A finding on a data row or a setting gets that row's
   * subject without it.
   */
  subject?: Text | string;
  /** The one sensible correction (RULES.md, *Fixes*). */
  fix?: Fix;
}

/** The values of a message; none for a message of fixed sentences. */
type DataOf<S> = S extends MessageSpec<infer D> ? ([D] extends [never] ? Record<string, never> : D) : never;

/** Report one finding: the message's id (a key of the rule's `messages`), where, and its values. */
export type Report<M> = <K extends keyof M & string>(messageId: K, at: Place, data: DataOf<M[K]>, extra?: ReportExtra) => void;

export interface Rule {
  id: string;
  severity: Severity;
  /** The playbook section, e.g. "2.1"; null for the workbook's own data rules. */
  section: string | null;
  /** One line on what the rule checks, for `--help` and the pane. */
  title: Text;
  /** The rule's messages by id (camelCase here; kebab-case in a finding's `messageId`). */
  messages: Readonly<Record<string, MessageSpec<never>>>;
  check(ctx: RuleContext, report: Report<Record<string, MessageSpec<never>>>): void;
}

export interface RuleDefinition<M extends Record<string, MessageSpec<never>>> {
  id: string;
  severity: Severity;
  section: string | null;
  title: Text;
  messages: M;
  check(ctx: RuleContext, report: Report<M>): void;
}

/** A rule, with its check's `report` typed by its messages: an unknown id or a missing value does not compile. */
export function defineRule<M extends Record<string, MessageSpec<never>>>(definition: RuleDefinition<M>): Rule {
  return definition as unknown as Rule;
}

/** `tooShort` → `too-short`: a message's id as a finding carries it. */
export function kebabCase(id: string): string {
  return id.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}
