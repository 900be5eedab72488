/**
 * Office errors in words a librarian understands, with what to do, in Danish and English.
 *
 * Pure: matches on the `code` string of an `OfficeExtension.Error` (and on a few message texts), so it
 * needs no Office global at runtime and the pane can use it to show any failure of an action. Write
 * syncs go through {@link writeSync}, so a failed write also says what may have changed.
 */
import { text as t } from "../playbook/i18n";
import type { Lang, Text } from "../playbook/vocabulary";

export interface ErrorDescription {
  /** One short line: what went wrong. */
  title: string;
  /** What to do about it, and a technical reference for support at the end. */
  detail: string;
}

export interface ErrorText {
  title: Text;
  detail: Text;
}

/**
 * An error the Excel adapter raises itself, already worded for the user (e.g. a workbook too large
 * even when read in chunks). {@link describeOfficeError} shows its text as it is.
 */
export class PlaybookExcelError extends Error {
  constructor(
    readonly text: ErrorText,
    cause?: unknown,
  ) {
    super(`${text.title.en}: ${text.detail.en}`, cause === undefined ? undefined : { cause });
    this.name = "PlaybookExcelError";
  }
}


const CELL_EDIT: ErrorText = {
  title: t("Excel er ved at redigere en celle", "Excel is editing a cell"),
  detail: t(
    "Tryk Enter eller Esc for at afslutte redigeringen af cellen, og prøv så igen.",
    "Press Enter or Esc to finish editing the cell, then try again.",
  ),
};

const PROTECTED: ErrorText = {
  title: t("Arket eller projektmappen er beskyttet", "The sheet or workbook is protected"),
  detail: t(
    "Fjern beskyttelsen (Gennemse > Fjern arkbeskyttelse), eller bed den, der har beskyttet den, om at gøre det, og prøv igen. Har du kun læseadgang til filen, så gem en kopi, du må redigere.",
    "Remove the protection (Review > Unprotect Sheet), or ask whoever protected it, and try again. If you can only read the file, save a copy you may edit.",
  ),
};

const NOT_SUPPORTED: ErrorText = {
  title: t("Din Excel kan ikke det, der skal til", "Your Excel cannot do what this needs"),
  detail: t(
    "Denne version af Excel mangler en funktion, som tilføjelsesprogrammet bruger. Opdatér Office (Filer > Konto > Opdateringsindstillinger), eller brug Excel på nettet.",
    "This version of Excel lacks a feature the add-in uses. Update Office (File > Account > Update Options), or use Excel on the web.",
  ),
};

const NOT_FOUND: ErrorText = {
  title: t("Excel kunne ikke finde arket eller cellen", "Excel could not find the sheet or cell"),
  detail: t(
    "Arket eller cellen er måske omdøbt eller slettet, siden du sidst validerede. Kør Validér igen, så listen passer til projektmappen.",
    "The sheet or cell may have been renamed or deleted since you last validated. Run Validate again so the list matches the workbook.",
  ),
};

const TOO_LARGE: ErrorText = {
  title: t("Projektmappen er for stor til én overførsel", "The workbook is too large for one transfer"),
  detail: t(
    "Excel på nettet kan højst flytte 5 MB ad gangen. Prøv igen; hjælper det ikke, så fjern meget lange tekster eller ubrugte rækker, eller åbn filen i Excel på computeren.",
    "Excel on the web moves at most 5 MB at a time. Try again; if that does not help, remove very long texts or unused rows, or open the file in desktop Excel.",
  ),
};

const TABLE_TOO_LARGE: ErrorText = {
  title: t("Tabellen er for stor til at få en kolonne mere her", "The table is too large to get another column here"),
  detail: t(
    "Excel på nettet kan ikke tilføje en kolonne til en tabel med så mange rækker (over ca. 2.000). Åbn projektmappen i Excel på computeren, og vælg «Opret ark» der. Står der noget længst ude til højre i arket, uden for tabellen, så slet det også.",
    "Excel on the web cannot add a column to a table with this many rows (more than about 2,000). Open the workbook in desktop Excel and choose «Create sheets» there. If anything sits far out to the right of the sheet, outside the table, delete it too.",
  ),
};

/** Shown when the host lacks the requirement set the add-in needs (host.ts checks it at start). */
export const HOST_TOO_OLD: ErrorText = {
  title: t("Din Excel er for gammel til FBS Drejebog", "Your Excel is too old for FBS Drejebog"),
  detail: t(
    "Tilføjelsesprogrammet kræver Excel 2021 eller nyere, Microsoft 365 eller Excel på nettet. Opdatér Office (Filer > Konto > Opdateringsindstillinger), eller åbn projektmappen i Excel på nettet.",
    "The add-in needs Excel 2021 or later, Microsoft 365 or Excel on the web. Update Office (File > Account > Update Options), or open the workbook in Excel on the web.",
  ),
};

const BUSY: ErrorText = {
  title: t("Excel nåede ikke at blive færdig", "Excel did not finish"),
  detail: t(
    "Excel var optaget eller afbrød handlingen. Vent et øjeblik og prøv igen.",
    "Excel was busy or stopped the action. Wait a moment and try again.",
  ),
};

const CONFLICT: ErrorText = {
  title: t("Noget i arket står i vejen", "Something in the sheet is in the way"),
  detail: t(
    "Flettede celler, et filter eller en pivottabel står, hvor tilføjelsesprogrammet skal skrive. Ophæv fletningen eller filteret, og prøv igen.",
    "Merged cells, a filter or a PivotTable sit where the add-in needs to write. Unmerge the cells or clear the filter, and try again.",
  ),
};

const REJECTED: ErrorText = {
  title: t("Excel afviste ændringen", "Excel refused the change"),
  detail: t(
    "Excel kunne ikke udføre ændringen i projektmappen, som den ser ud nu. Gem projektmappen, luk og åbn den igen, og prøv igen.",
    "Excel could not make the change to the workbook as it is now. Save the workbook, close and reopen it, and try again.",
  ),
};

const ALREADY_EXISTS: ErrorText = {
  title: t("Navnet findes allerede", "The name is already taken"),
  detail: t(
    "Et ark, en tabel eller et navn i projektmappen hedder allerede det, tilføjelsesprogrammet vil bruge. Omdøb dit eget, og prøv igen.",
    "A sheet, table or name in the workbook already has the name the add-in wants to use. Rename yours and try again.",
  ),
};

const NO_CONNECTION: ErrorText = {
  title: t("Ingen forbindelse til Excel", "No connection to Excel"),
  detail: t(
    "Forbindelsen til Excel blev afbrudt. Tjek netværket, genindlæs opgaveruden, og prøv igen.",
    "The connection to Excel was lost. Check the network, reload the task pane and try again.",
  ),
};

const UNEXPECTED_EXCEL: ErrorText = {
  title: t("Excel meldte en uventet fejl", "Excel reported an unexpected error"),
  detail: t(
    "Prøv igen. Sker det igen, så gem projektmappen, luk og åbn den, og prøv en sidste gang; send ellers den tekniske kode herunder til den, der driver tilføjelsesprogrammet.",
    "Try again. If it happens again, save the workbook, close and reopen it and try once more; otherwise send the technical code below to whoever runs the add-in.",
  ),
};

const PROGRAM_ERROR: ErrorText = {
  title: t("Fejl i tilføjelsesprogrammet", "A fault in the add-in"),
  detail: t(
    "Tilføjelsesprogrammet gjorde noget forkert. Send den tekniske kode herunder til den, der driver tilføjelsesprogrammet.",
    "The add-in did something wrong. Send the technical code below to whoever runs the add-in.",
  ),
};

const UNKNOWN: ErrorText = {
  title: t("Noget gik galt", "Something went wrong"),
  detail: t(
    "Handlingen blev ikke gennemført. Prøv igen; sker det igen, så send teksten herunder til den, der driver tilføjelsesprogrammet.",
    "The action did not complete. Try again; if it happens again, send the text below to whoever runs the add-in.",
  ),
};

/** Office error codes (Excel.ErrorCodes, OfficeExtension.ErrorCodes) by what they mean to the user. */
const BY_CODE: Record<string, ErrorText> = {
  InvalidOperationInCellEditMode: CELL_EDIT,
  AccessDenied: PROTECTED,
  ApiNotFound: NOT_SUPPORTED,
  NotImplemented: NOT_SUPPORTED,
  UnsupportedFeature: NOT_SUPPORTED,
  UnsupportedOperation: NOT_SUPPORTED,
  UnsupportedSheet: NOT_SUPPORTED,
  NotSupported: NOT_SUPPORTED,
  ItemNotFound: NOT_FOUND,
  InvalidSelection: NOT_FOUND,
  RequestPayloadSizeLimitExceeded: TOO_LARGE,
  ResponsePayloadSizeLimitExceeded: TOO_LARGE,
  OperationCellsExceedLimit: TABLE_TOO_LARGE,
  RangeExceedsLimit: TOO_LARGE,
  ActivityLimitReached: BUSY,
  RequestAborted: BUSY,
  OperationAborted: BUSY,
  Conflict: CONFLICT,
  InsertDeleteConflict: CONFLICT,
  MergedRangeConflict: CONFLICT,
  FilteredRangeConflict: CONFLICT,
  PivotTableRangeConflict: CONFLICT,
  NonBlankCellOffSheet: CONFLICT,
  InvalidArgument: REJECTED,
  InvalidReference: REJECTED,
  InvalidOperation: REJECTED,
  InvalidBinding: REJECTED,
  InvalidState: REJECTED,
  InactiveWorkbook: REJECTED,
  NotAllowed: PROTECTED,
  ItemAlreadyExists: ALREADY_EXISTS,
  ConnectionFailure: NO_CONNECTION,
  GeneralException: UNEXPECTED_EXCEL,
  PropertyNotLoaded: PROGRAM_ERROR,
  ValueNotLoaded: PROGRAM_ERROR,
  InvalidObjectPath: PROGRAM_ERROR,
  InvalidRequestContext: PROGRAM_ERROR,
  RunMustReturnPromise: PROGRAM_ERROR,
};

/**
 * What each action writes, for the sentence after a failed write: Excel does not roll a batch back,
 * so the commands before the failing one stay done (API-SURFACE.md, "Failure").
 */
export const WRITES = {
  validate: t("valideringsrapporten, markeringerne i dataarkene og historikken", "the validation report, the highlights on the data sheets and the history"),
  generate: t("nye ark, kolonner, rækker, rullelister og formater", "new sheets, columns, rows, drop-downs and formats"),
  timeline: t("arket med tidslinjen og dets diagram", "the timeline sheet and its chart"),
  status: t("statusarket og dets diagram", "the status sheet and its chart"),
  clearHighlights: t("markeringerne (nogle kan allerede være fjernet)", "the highlights (some may already be gone)"),
} satisfies Record<string, Text>;

const partlyWritten = new WeakMap<object, Text>();

/**
 * Sync a batch that writes. If it fails, the error is remembered as one that may have left `what`
 * partly changed, and {@link describeOfficeError} says so; the error itself is passed on unchanged.
 */
export async function writeSync(context: Excel.RequestContext, what: Text): Promise<void> {
  try {
    await context.sync();
  } catch (error) {
    if (typeof error === "object" && error !== null) partlyWritten.set(error, what);
    throw error;
  }
}

function partlyWrittenSentence(what: Text, lang: Lang): string {
  return lang === "da"
    ? `Excel fortryder ikke det, den nåede før fejlen, så ${what.da} kan være delvist ændret. Kør handlingen igen, når det er i orden; den gør arbejdet færdigt.`
    : `Excel does not undo what it did before the error, so ${what.en} may be partly changed. Run the action again once this is sorted out; it finishes the job.`;
}

/** Excel words some protection errors as a general refusal; the message tells them apart. */
const PROTECTION_MESSAGE = /protect|beskyt/i;

interface OfficeLikeError {
  code?: unknown;
  message?: unknown;
  debugInfo?: { errorLocation?: unknown; statement?: unknown };
}

function technical(code: string | null, error: OfficeLikeError, lang: Lang): string {
  const parts: string[] = [];
  if (code) parts.push(code);
  const where = typeof error.debugInfo?.errorLocation === "string" ? error.debugInfo.errorLocation : null;
  if (where) parts.push(lang === "da" ? `ved ${where}` : `at ${where}`);
  const message = typeof error.message === "string" ? error.message.trim() : "";
  if (message && message !== code) parts.push(`«${message.length > 200 ? `${message.slice(0, 197)}…` : message}»`);
  return parts.length ? `${lang === "da" ? "Teknisk" : "Technical"}: ${parts.join(" ")}` : "";
}

function describe(text: ErrorText, lang: Lang, tech: string, partly?: Text): ErrorDescription {
  const sentence = partly ? `${text.detail[lang]} ${partlyWrittenSentence(partly, lang)}` : text.detail[lang];
  const detail = tech ? `${sentence} (${tech})` : sentence;
  return { title: text.title[lang], detail };
}

/** Turn anything an action threw into a title and a sentence with what to do. Never throws. */
export function describeOfficeError(error: unknown, lang: Lang): ErrorDescription {
  if (error instanceof PlaybookExcelError) return describe(error.text, lang, "");
  if (typeof error !== "object" || error === null) {
    return describe(UNKNOWN, lang, error === undefined || error === null ? "" : String(error));
  }
  const e = error as OfficeLikeError;
  const rawCode = typeof e.code === "string" && e.code !== "" ? e.code : null;
  // OfficeExtension.ErrorCodes are camel-cased in some builds ("accessDenied"); Excel's are Pascal-cased.
  const code = rawCode ? rawCode[0].toUpperCase() + rawCode.slice(1) : null;
  const message = typeof e.message === "string" ? e.message : "";
  let text = code ? BY_CODE[code] : undefined;
  if ((!text || text === REJECTED || text === UNEXPECTED_EXCEL) && PROTECTION_MESSAGE.test(message)) text = PROTECTED;
  if (!text) text = code ? UNEXPECTED_EXCEL : UNKNOWN;
  // A refused cell edit or a lost connection fails the whole batch before anything is done.
  const partly = text === CELL_EDIT || text === NO_CONNECTION ? undefined : partlyWritten.get(error);
  return describe(text, lang, technical(rawCode, e, lang), partly);
}
