/**
 * The pane's texts in Danish and English. Both languages have the same keys (the type makes `en`
 * follow `da`; test/taskpane/strings.test.ts checks it at run time too). Sentences that count
 * things are functions, so each language can inflect its own nouns.
 */
import type { Severity, Summary } from "../playbook/findings";
import { GENERATE_SHEETS, SEVERITIES, capitalize, joinList, plural as count, severityCount as severityWords } from "../playbook/i18n";
import { CONTRACTS_SHEET, type Lang } from "../playbook/vocabulary";
import type { GenerateSummary, TimelineStyle, TimelineSummary, ValidationOutcome } from "../port/pane-actions";

export type ActionKey = "generate" | "validate" | "timeline" | "clearHighlights";

/**
 * What an action ended with, as the pane shows it in a message bar. Intent "error" only when the
 * action itself failed; a validation that ran is never an error, whatever it found.
 */
export interface Outcome {
  intent: "success" | "info" | "warning" | "error";
  title: string;
  /** The sentence that says what to do or where to look. */
  detail?: string;
  /** For support: the error's code or own text ("Teknisk: AccessDenied …"), shown small after the sentence. */
  technical?: string;
}

/** The Contracts sheet's "Udløber" (expiry) column, named as the workbook names it. */
const EXPIRES = CONTRACTS_SHEET.columns.find((c) => c.key === "expires") ?? { da: "Udløber", en: "Expires" };

/** The chart's finishing touches Excel may refuse (TimelineSummary.unstyled), as the pane names them. */
const STYLE_WORDS: Record<TimelineStyle, { da: string; en: string }> = {
  title: { da: "titlen", en: "the title" },
  legend: { da: "forklaringen", en: "the legend" },
  colours: { da: "farverne", en: "the colours" },
  barWidth: { da: "søjlebredden", en: "the bar width" },
};

/** Done with nothing to fix: success. Done with findings to look at: neutral, not an alarm. */
function validationIntent(summary: Summary): Outcome["intent"] {
  return summary.error > 0 || summary.warning > 0 ? "info" : "success";
}

const da = {
  title: "FBS Drejebog",
  subtitle: "Tjek kommunens plan for overgangen til FBS mod KOMBITs Drejebog 1.",
  actionsLabel: "Handlinger",
  action: {
    generate: GENERATE_SHEETS.da,
    validate: "Validér",
    timeline: "Tidslinje",
    clearHighlights: "Fjern markeringer",
  } satisfies Record<ActionKey, string>,
  actionHint: {
    generate: "Opretter de ark, kolonner og lister, der mangler. Det, du har skrevet, bliver stående.",
    validate: "Tjekker planen mod drejebogen, markerer cellerne og skriver rapporten i arket Validering.",
    timeline: "Tegner kontrakternes opsigelsesfrister og udløb mod ibrugtagning i arket Tidslinje.",
    clearHighlights: "Fjerner valideringens markeringer. Din egen formatering bliver stående.",
  } satisfies Record<ActionKey, string>,
  progress: {
    generate: "Opretter og opdaterer ark …",
    validate: "Validerer planen …",
    timeline: "Tegner tidslinjen …",
    clearHighlights: "Fjerner markeringer …",
  } satisfies Record<ActionKey, string>,
  dismiss: "Luk besked",

  generated(s: GenerateSummary): Outcome {
    if (s.unchanged) {
      return { intent: "info", title: "Intet at ændre", detail: "Projektmappen har allerede alle ark, kolonner og rækker." };
    }
    const parts = [
      s.createdSheets.length ? `${count(s.createdSheets.length, "ark", "ark")} oprettet` : "",
      s.addedColumns.length ? `${count(s.addedColumns.length, "kolonne", "kolonner")} tilføjet` : "",
      s.addedRows ? `${count(s.addedRows, "række", "rækker")} tilføjet` : "",
    ].filter(Boolean);
    const details = [
      s.createdSheets.length ? `Nye ark: ${s.createdSheets.join(", ")}.` : "",
      s.addedColumns.length ? `Nye kolonner: ${s.addedColumns.join(", ")}.` : "",
      "Det, der stod i forvejen, er urørt.",
    ].filter(Boolean);
    return { intent: "success", title: capitalize(joinList(parts, "da")), detail: details.join(" ") };
  },
  validated(o: ValidationOutcome): Outcome {
    const total = o.summary.error + o.summary.warning + o.summary.info;
    if (total === 0) {
      return {
        intent: "success",
        title: "Valideringen fandt ingen afvigelser fra drejebogen",
        detail: `Rapporten står i arket ${o.reportSheet}.`,
      };
    }
    const parts = SEVERITIES.filter((sev) => o.summary[sev] > 0).map((sev) => da.severityCount(sev, o.summary[sev]));
    return {
      intent: validationIntent(o.summary),
      title: `Valideringen fandt ${joinList(parts, "da")}`,
      detail: `${count(o.highlighted, "celle", "celler")} er markeret. Rapporten står i arket ${o.reportSheet}.`,
    };
  },
  timelineDrawn(t: TimelineSummary): Outcome {
    if (!t.chart) {
      return {
        intent: "warning",
        title: `Arket ${t.sheet} er opdateret, men der er ingen tidslinje at tegne`,
        detail: `Ingen kontrakter har datoer endnu. Udfyld ${EXPIRES.da} i arket ${CONTRACTS_SHEET.da}, og prøv igen.`,
      };
    }
    const drawn = `${count(t.contracts, "kontrakt", "kontrakter")} og ${count(t.milestones, "milepæl", "milepæle")}.`;
    if (t.unstyled?.length) {
      return {
        intent: "warning",
        title: `Tidslinjen er tegnet i arket ${t.sheet}, men ikke helt formateret`,
        detail: `${drawn} Excel afviste ${joinList(t.unstyled.map((k) => STYLE_WORDS[k].da), "da")}; datoerne i diagrammet er rigtige, og du kan selv formatere resten.`,
      };
    }
    return { intent: "success", title: `Tidslinjen er tegnet i arket ${t.sheet}`, detail: drawn };
  },
  highlightsCleared: { intent: "success", title: "Markeringerne er fjernet" } satisfies Outcome,

  findingsHeading: "Fund",
  findingsAsOf: (date: string) => `Valideret ${date}`,
  noValidationYet: "Tryk på Validér for at tjekke planen. Fundene vises her.",
  severityFilterLabel: "Vis fund efter alvorlighed",
  severityCount: (severity: Severity, n: number) => severityWords(severity, n, "da"),
  sheetFilterLabel: "Ark",
  allSheets: "Alle ark",
  workbook: "Hele projektmappen",
  shownCount: (shown: number, total: number) =>
    shown === total ? `${count(total, "fund", "fund")} vises` : `${shown} af ${count(total, "fund", "fund")} vises`,
  nothingMatches: "Ingen fund passer til filtrene.",
  noFindings: "Ingen fund: planen følger drejebogen.",
  findingsListLabel: "Fund fra valideringen. Tryk Enter for at gå til cellen.",
  section: (s: string) => `§${s}`,
  rowOnly: (sheet: string, row: number) => `${sheet}, række ${row}`,
  rule: "Regel",
  hint: "Sådan retter du",
  goTo: "Gå til",

  unexpected: {
    title: "Ruden stødte på en uventet fejl",
    detail: "Dine data er ikke ændret af fejlen. Prøv igen; hjælper det ikke, så luk ruden og åbn den igen fra fanen Hjem.",
  },
  technical: "Teknisk",
  retry: "Prøv igen",
};

export type Strings = typeof da;

const en: Strings = {
  title: "FBS Playbook",
  subtitle: "Check the municipality's plan for the move to FBS against KOMBIT's Drejebog 1.",
  actionsLabel: "Actions",
  action: {
    generate: GENERATE_SHEETS.en,
    validate: "Validate",
    timeline: "Contract timeline",
    clearHighlights: "Clear highlights",
  },
  actionHint: {
    generate: "Creates the sheets, columns and lists that are missing. What you typed stays as it is.",
    validate: "Checks the plan against the playbook, highlights the cells and writes the report to the Validation sheet.",
    timeline: "Draws the contracts' notice deadlines and expiry against go-live on the Timeline sheet.",
    clearHighlights: "Removes the validation's highlights. Your own formatting stays.",
  },
  progress: {
    generate: "Creating and updating sheets …",
    validate: "Validating the plan …",
    timeline: "Drawing the timeline …",
    clearHighlights: "Clearing highlights …",
  },
  dismiss: "Dismiss message",

  generated(s: GenerateSummary): Outcome {
    if (s.unchanged) {
      return { intent: "info", title: "Nothing to change", detail: "The workbook already has every sheet, column and row." };
    }
    const parts = [
      s.createdSheets.length ? `${count(s.createdSheets.length, "sheet", "sheets")} created` : "",
      s.addedColumns.length ? `${count(s.addedColumns.length, "column", "columns")} added` : "",
      s.addedRows ? `${count(s.addedRows, "row", "rows")} added` : "",
    ].filter(Boolean);
    const details = [
      s.createdSheets.length ? `New sheets: ${s.createdSheets.join(", ")}.` : "",
      s.addedColumns.length ? `New columns: ${s.addedColumns.join(", ")}.` : "",
      "Everything that was there is untouched.",
    ].filter(Boolean);
    return { intent: "success", title: capitalize(joinList(parts, "en")), detail: details.join(" ") };
  },
  validated(o: ValidationOutcome): Outcome {
    const total = o.summary.error + o.summary.warning + o.summary.info;
    if (total === 0) {
      return {
        intent: "success",
        title: "The validation found no departures from the playbook",
        detail: `The report is on the ${o.reportSheet} sheet.`,
      };
    }
    const parts = SEVERITIES.filter((sev) => o.summary[sev] > 0).map((sev) => en.severityCount(sev, o.summary[sev]));
    return {
      intent: validationIntent(o.summary),
      title: `The validation found ${joinList(parts, "en")}`,
      detail: `${count(o.highlighted, "cell is", "cells are")} highlighted. The report is on the ${o.reportSheet} sheet.`,
    };
  },
  timelineDrawn(t: TimelineSummary): Outcome {
    if (!t.chart) {
      return {
        intent: "warning",
        title: `The ${t.sheet} sheet is updated, but there is no timeline to draw`,
        detail: `No contract has dates yet. Fill in ${EXPIRES.en} on the ${CONTRACTS_SHEET.en} sheet and try again.`,
      };
    }
    const drawn = `${count(t.contracts, "contract", "contracts")} and ${count(t.milestones, "milestone", "milestones")}.`;
    if (t.unstyled?.length) {
      return {
        intent: "warning",
        title: `The timeline is drawn on the ${t.sheet} sheet, but not fully formatted`,
        detail: `${drawn} Excel refused ${joinList(t.unstyled.map((k) => STYLE_WORDS[k].en), "en")}; the dates in the chart are right, and you can format the rest yourself.`,
      };
    }
    return { intent: "success", title: `The timeline is drawn on the ${t.sheet} sheet`, detail: drawn };
  },
  highlightsCleared: { intent: "success", title: "The highlights are cleared" },

  findingsHeading: "Findings",
  findingsAsOf: (date: string) => `Validated ${date}`,
  noValidationYet: "Press Validate to check the plan. The findings appear here.",
  severityFilterLabel: "Show findings by severity",
  severityCount: (severity: Severity, n: number) => severityWords(severity, n, "en"),
  sheetFilterLabel: "Sheet",
  allSheets: "All sheets",
  workbook: "Whole workbook",
  shownCount: (shown: number, total: number) =>
    shown === total
      ? `${count(total, "finding", "findings")} shown`
      : `${shown} of ${count(total, "finding", "findings")} shown`,
  nothingMatches: "No finding matches the filters.",
  noFindings: "No findings: the plan follows the playbook.",
  findingsListLabel: "Findings from the validation. Press Enter to go to the cell.",
  section: (s: string) => `§${s}`,
  rowOnly: (sheet: string, row: number) => `${sheet}, row ${row}`,
  rule: "Rule",
  hint: "How to fix",
  goTo: "Go to",

  unexpected: {
    title: "The pane ran into an unexpected error",
    detail: "Your data was not changed by it. Try again; if that does not help, close the pane and open it again from the Home tab.",
  },
  technical: "Technical",
  retry: "Try again",
};

export const STRINGS: Record<Lang, Strings> = { da, en };
