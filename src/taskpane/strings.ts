/**
 * The pane's texts in Danish and English. Both languages have the same keys (the type makes `en`
 * follow `da`; test/taskpane/strings.test.ts checks it at run time too). Sentences that count
 * things are functions, so each language can inflect its own nouns.
 */
import type { Severity, Summary } from "../playbook/findings";
import { GENERATE_SHEETS, SEVERITIES, capitalize, joinList, plural as count } from "../playbook/i18n";
import { CONTRACTS_SHEET, type Lang } from "../playbook/vocabulary";
import type { CalendarFile, GenerateSummary, StatusSummary, TimelineStyle, TimelineSummary, ValidationOutcome } from "../port/pane-actions";

/** The command line that makes the same calendar, for hosts that block downloads from the pane. */
export const CALENDAR_COMMAND = "fbs-playbook calendar plan.xlsx -o frister.ics";

/**
 * The pane's actions. The action bar shows some as buttons and the rest in its *Flere* menu
 * (ActionBar.tsx's PRIMARY and MORE); a new action is a key here, its words below and a place there.
 */
export type ActionKey = "generate" | "validate" | "timeline" | "statusReport" | "calendar" | "clearHighlights";

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
  /** The next step as a button in the message (e.g. «Opret ark» when the planning sheets are missing). */
  action?: ActionKey;
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
/** False when the report sheet was protected and left as it was (the pane's notice says so). */
function reportWritten(o: ValidationOutcome): boolean {
  return !o.notWritten?.some((p) => p.part === "report");
}

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
    timeline: "Tegn tidslinje",
    statusReport: "Statusrapport",
    calendar: "Kalender (.ics)",
    clearHighlights: "Fjern markeringer",
  } satisfies Record<ActionKey, string>,
  actionHint: {
    generate: "Opretter de ark, kolonner og lister, der mangler, og opdaterer dem, der er. Det, du har skrevet, bliver stående.",
    validate: "Tjekker planen mod drejebogen, markerer cellerne og skriver rapporten i arket Validering.",
    timeline: "Tegner kontrakternes opsigelsesfrister og udløb mod ibrugtagningen i arket Tidslinje.",
    statusReport: "Skriver en side til styregruppen i arket Status: lys pr. kapitel, åbne fund, datoer de næste 90 dage og udviklingen. Klar til udskrift på A4.",
    calendar: "Gemmer planens datoer som en kalenderfil (.ics) med påmindelser før opsigelsesfristerne, til Outlook eller en anden kalender.",
    clearHighlights: "Fjerner valideringens markeringer. Din egen formatering bliver stående.",
  } satisfies Record<ActionKey, string>,
  progress: {
    generate: "Opretter og opdaterer ark …",
    validate: "Validerer planen …",
    timeline: "Tegner tidslinjen …",
    statusReport: "Skriver statusrapporten …",
    calendar: "Laver kalenderfilen …",
    clearHighlights: "Fjerner markeringer …",
  } satisfies Record<ActionKey, string>,
  dismiss: "Luk besked",
  moreLabel: "Flere handlinger",

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
        detail: reportWritten(o) ? `Rapporten står i arket ${o.reportSheet}.` : undefined,
      };
    }
    const parts = SEVERITIES.filter((sev) => o.summary[sev] > 0).map((sev) => da.severityCount(sev, o.summary[sev]));
    const detail = [o.highlighted > 0 ? `${count(o.highlighted, "celle", "celler")} er markeret.` : "", reportWritten(o) ? `Rapporten står i arket ${o.reportSheet}.` : ""];
    return {
      intent: validationIntent(o.summary),
      title: `Valideringen fandt ${joinList(parts, "da")}`,
      detail: detail.filter(Boolean).join(" ") || undefined,
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
  statusWritten(s: StatusSummary): Outcome {
    return {
      intent: "success",
      title: `Statusrapporten står i arket ${s.sheet}`,
      detail: "Den fylder én A4-side på højkant: vælg Filer ▸ Udskriv, eller gem som PDF.",
    };
  },
  calendarMade(c: CalendarFile, started: boolean): Outcome {
    const content =
      c.events === 0
        ? "Planen har ingen datoer endnu, så kalenderen er tom."
        : `${count(c.events, "dato", "datoer")}, heraf ${count(c.notices, "opsigelsesfrist", "opsigelsesfrister")} med påmindelse.`;
    const fallback = `Kom der ingen fil? Excel på skrivebordet og på Mac kan blokere hentning fra ruden: brug Excel på nettet, eller kommandolinjen ${CALENDAR_COMMAND}.`;
    if (!started) {
      return { intent: "warning", title: `Ruden kunne ikke gemme ${c.fileName}`, detail: `${content} Denne Excel tillader ikke at gemme filer fra ruden: brug Excel på nettet, eller kommandolinjen ${CALENDAR_COMMAND}.` };
    }
    return { intent: "success", title: `Kalenderen er hentet som ${c.fileName}`, detail: `${content} Åbn filen for at lægge datoerne i din kalender. ${fallback}` };
  },
  highlightsCleared: { intent: "success", title: "Markeringerne er fjernet" } satisfies Outcome,

  findingsHeading: "Fund",
  findingsAsOf: (date: string) => `Valideret ${date}`,
  noValidationYet: "Når du har valideret planen, står fundene her.",
  severityFilterLabel: "Vis fund efter alvorlighed",
  show: "Vis",
  severityCount: (severity: Severity, n: number) =>
    ({ error: count(n, "fejl", "fejl"), warning: count(n, "advarsel", "advarsler"), info: count(n, "oplysning", "oplysninger") })[severity],
  /** A severity filter's words: the kind and how many ("Advarsler (2)"). */
  severityFilter: (severity: Severity, n: number) => `${{ error: "Fejl", warning: "Advarsler", info: "Oplysninger" }[severity]} (${n})`,
  sheetFilterLabel: "Vis fund i arket",
  allSheets: "Alle ark",
  workbook: "Hele projektmappen",
  shownCount: (shown: number, total: number) =>
    shown === total ? `${count(total, "fund", "fund")} vises` : `${shown} af ${count(total, "fund", "fund")} vises`,
  nothingMatches: "Ingen fund passer til filtrene.",
  noFindings: "Ingen fund: planen følger drejebogen.",
  findingsListLabel: "Fund. Pil op og ned skifter fund, Enter går til stedet i projektmappen.",
  section: (s: string) => `§${s}`,
  rowOnly: (sheet: string, row: number) => `${sheet}, række ${row}`,
  hint: "Sådan retter du",

  notSetUp: {
    intent: "warning",
    title: "Projektmappen har ingen planlægningsark endnu",
    detail: "Opret arkene først, udfyld dem, og validér så igen.",
    action: "generate",
  } satisfies Outcome,
  sheetsMissing: (sheets: string[]): Outcome => ({
    intent: "warning",
    title: sheets.length === 1 ? `Arket ${sheets[0]} mangler` : `${sheets.length} ark mangler: ${joinList(sheets, "da")}`,
    detail: "Opret dem, og validér så igen. Det, du har skrevet, bliver stående.",
    action: "generate",
  }),

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
    timeline: "Draw timeline",
    statusReport: "Status report",
    calendar: "Calendar (.ics)",
    clearHighlights: "Clear highlights",
  },
  actionHint: {
    generate: "Creates the sheets, columns and lists that are missing, and updates those there are. What you typed stays as it is.",
    validate: "Checks the plan against the playbook, highlights the cells and writes the report to the Validation sheet.",
    timeline: "Draws the contracts' notice deadlines and expiry against go-live on the Timeline sheet.",
    statusReport: "Writes one page for the steering group on the Status sheet: a light per chapter, open findings, dates in the next 90 days and the trend. Ready to print on A4.",
    calendar: "Saves the plan's dates as a calendar file (.ics) with reminders before the notice deadlines, for Outlook or another calendar.",
    clearHighlights: "Removes the validation's highlights. Your own formatting stays.",
  },
  progress: {
    generate: "Creating and updating sheets …",
    validate: "Validating the plan …",
    timeline: "Drawing the timeline …",
    statusReport: "Writing the status report …",
    calendar: "Making the calendar file …",
    clearHighlights: "Clearing highlights …",
  },
  dismiss: "Dismiss message",
  moreLabel: "More actions",

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
        detail: reportWritten(o) ? `The report is on the ${o.reportSheet} sheet.` : undefined,
      };
    }
    const parts = SEVERITIES.filter((sev) => o.summary[sev] > 0).map((sev) => en.severityCount(sev, o.summary[sev]));
    const detail = [o.highlighted > 0 ? `${count(o.highlighted, "cell is", "cells are")} highlighted.` : "", reportWritten(o) ? `The report is on the ${o.reportSheet} sheet.` : ""];
    return {
      intent: validationIntent(o.summary),
      title: `The validation found ${joinList(parts, "en")}`,
      detail: detail.filter(Boolean).join(" ") || undefined,
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
  statusWritten(s: StatusSummary): Outcome {
    return {
      intent: "success",
      title: `The status report is on the ${s.sheet} sheet`,
      detail: "It fits one A4 page, portrait: choose File ▸ Print, or save it as PDF.",
    };
  },
  calendarMade(c: CalendarFile, started: boolean): Outcome {
    const content =
      c.events === 0
        ? "The plan has no dates yet, so the calendar is empty."
        : `${count(c.events, "date", "dates")}, ${count(c.notices, "notice deadline", "notice deadlines")} of them with a reminder.`;
    const fallback = `No file appeared? Excel on the desktop and on Mac may block downloads from the pane: use Excel on the web, or the command line ${CALENDAR_COMMAND}.`;
    if (!started) {
      return { intent: "warning", title: `The pane could not save ${c.fileName}`, detail: `${content} This Excel does not let the pane save files: use Excel on the web, or the command line ${CALENDAR_COMMAND}.` };
    }
    return { intent: "success", title: `The calendar is downloaded as ${c.fileName}`, detail: `${content} Open the file to add the dates to your calendar. ${fallback}` };
  },
  highlightsCleared: { intent: "success", title: "The highlights are cleared" },

  findingsHeading: "Findings",
  findingsAsOf: (date: string) => `Validated ${date}`,
  noValidationYet: "Once you have validated the plan, the findings are listed here.",
  severityFilterLabel: "Show findings by severity",
  show: "Show",
  severityCount: (severity: Severity, n: number) =>
    ({ error: count(n, "error", "errors"), warning: count(n, "warning", "warnings"), info: count(n, "note", "notes") })[severity],
  severityFilter: (severity: Severity, n: number) => `${{ error: "Errors", warning: "Warnings", info: "Notes" }[severity]} (${n})`,
  sheetFilterLabel: "Show findings on the sheet",
  allSheets: "All sheets",
  workbook: "Whole workbook",
  shownCount: (shown: number, total: number) =>
    shown === total
      ? `${count(total, "finding", "findings")} shown`
      : `${shown} of ${count(total, "finding", "findings")} shown`,
  nothingMatches: "No finding matches the filters.",
  noFindings: "No findings: the plan follows the playbook.",
  findingsListLabel: "Findings. Arrow up and down move between findings, Enter goes to the place in the workbook.",
  section: (s: string) => `§${s}`,
  rowOnly: (sheet: string, row: number) => `${sheet}, row ${row}`,
  hint: "How to fix",

  notSetUp: {
    intent: "warning",
    title: "The workbook has no planning sheets yet",
    detail: "Create the sheets first, fill them in, then validate again.",
    action: "generate",
  },
  sheetsMissing: (sheets: string[]): Outcome => ({
    intent: "warning",
    title: sheets.length === 1 ? `The ${sheets[0]} sheet is missing` : `${sheets.length} sheets are missing: ${joinList(sheets, "en")}`,
    detail: "Create them, then validate again. What you typed stays as it is.",
    action: "generate",
  }),

  unexpected: {
    title: "The pane ran into an unexpected error",
    detail: "Your data was not changed by it. Try again; if that does not help, close the pane and open it again from the Home tab.",
  },
  technical: "Technical",
  retry: "Try again",
};

export const STRINGS: Record<Lang, Strings> = { da, en };
