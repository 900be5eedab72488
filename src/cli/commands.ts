/**
 * The commands of shared/playbook/CLI.md. Each returns its exit status (0/1/2) and writes through
 * an {@link Io}, so tests can run them in-process; nothing here calls process.exit.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { today as machineToday } from "../playbook/dates";
import { ALL_RULES, validateSnapshot } from "../playbook/engine";
import { EXAMPLE_WORKBOOK } from "../playbook/example";
import { readPlan } from "../playbook/reader";
import { planEvents, type PlanEvent } from "../playbook/events";
import { readHistory } from "../playbook/history";
import { buildStatus } from "../playbook/status";
import { buildTimeline } from "../playbook/timeline";
import type { Lang, Text } from "../playbook/vocabulary";
import { parseArgs, requestedLang, type Command } from "./args";
import { UsageError, WorkbookReadError, WorkbookWriteError, oneLine, printable } from "./errors";
import { jsonText, timelineJson, validationJson } from "./format-json";
import { formatFileReport, formatTimelineText, formatTotal, type FileReport } from "./format-text";
import { helpText } from "./help";
import { checkOutput, writeOutputFile } from "./output-file";
import { renderReport, type ReportEntry } from "./report-html";
import type { Style } from "./style";
import { readXlsx, type XlsxRead } from "./xlsx-reader";

export const PROGRAM = "fbs-playbook";

export interface Io {
  out(text: string): void;
  err(text: string): void;
  style: Style;
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_FAILURE = 2;

const SEE_HELP: Text = { da: `se ${PROGRAM} --help`, en: `see ${PROGRAM} --help` };

/** Run one command line; the result is the exit status. */
export async function run(argv: ReadonlyArray<string>, io: Io): Promise<number> {
  let command: Command;
  try {
    command = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    const lang = requestedLang(argv);
    io.err(`${PROGRAM}: ${error.text[lang]} (${SEE_HELP[lang]})\n`);
    return EXIT_FAILURE;
  }
  switch (command.kind) {
    case "help":
      io.out(helpText(command.lang, io.style));
      return EXIT_OK;
    case "version":
      io.out(`${PROGRAM} ${packageVersion()}\n`);
      return EXIT_OK;
    case "init":
      return init(command, io);
    case "validate":
      return validate(command, io);
    case "timeline":
      return timeline(command, io);
    case "report":
      return report(command, io);
    case "calendar":
      return calendar(command, io);
  }
}

function packageVersion(): string {
  // lib/cli/commands.js and src/cli/commands.ts both sit two folders below package.json.
  const pkg = JSON.parse(readFileSync(join(__dirname, "..", "..", "package.json"), "utf8")) as { version: string };
  return pkg.version;
}

const INIT_DONE: Record<"empty" | "example", Text> = {
  empty: {
    da: "en ny, tom planlægningsprojektmappe. Udfyld den i Excel, og kontrollér den med",
    en: "a new, empty planning workbook. Fill it in with Excel, then check it with",
  },
  example: {
    da: "en udfyldt eksempelplan med nogle bevidste fejl. Se fundene med",
    en: "a filled-in example plan with a few deliberate breaches. See the findings with",
  },
};
const WROTE: Text = { da: "Skrev", en: "Wrote" };

async function init(command: Extract<Command, { kind: "init" }>, io: Io): Promise<number> {
  const { file, lang } = command;
  try {
    // exceljs (~300 ms to load) is only for writing: loaded here, so validate and timeline never load it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy, synchronous load of the writer (compiled to CommonJS)
    const { writeWorkbookFile } = require("./xlsx-writer") as typeof import("./xlsx-writer");
    await writeWorkbookFile(file, { lang, force: command.force, data: command.example ? EXAMPLE_WORKBOOK : undefined });
  } catch (error) {
    io.err(`${PROGRAM}: ${describeError(error, file, lang)}\n`);
    return EXIT_FAILURE;
  }
  const what = INIT_DONE[command.example ? "example" : "empty"][lang];
  io.out(`${WROTE[lang]} ${io.style.bold(file)}: ${what}\n  ${PROGRAM} validate ${quoteArg(file)}${lang === "en" ? " --lang en" : ""}\n`);
  return EXIT_OK;
}

async function validate(command: Extract<Command, { kind: "validate" }>, io: Io): Promise<number> {
  const { lang, format } = command;
  const today = command.today ?? machineToday();
  const reports: FileReport[] = [];
  let unreadable = false;
  for (const file of command.files) {
    const read = await readFile(file, lang, io);
    if (!read) {
      unreadable = true;
      continue;
    }
    let report: FileReport;
    try {
      const result = validateSnapshot(read.snapshot, {
        today,
        pick: command.pick,
        skip: command.skip,
        ignoreAccepted: command.ignoreAccepted,
      });
      report = {
        file,
        today,
        municipality: result.plan.settings.municipality.value,
        findings: result.findings,
        summary: result.summary,
        rulesRun: result.rules.length,
        rulesTotal: ALL_RULES.length,
      };
    } catch (error) {
      io.err(`${PROGRAM}: ${describeError(error, file, lang)}\n`);
      unreadable = true;
      continue;
    }
    if (format === "text") io.out(`${reports.length > 0 ? "\n" : ""}${formatFileReport(report, lang, io.style)}`);
    reports.push(report);
  }
  if (format === "json") {
    // One file gives one object; several files give an array of the files that could be read.
    if (command.files.length === 1) {
      if (reports.length === 1) io.out(jsonText(validationJson(reports[0], lang)));
    } else io.out(jsonText(reports.map((r) => validationJson(r, lang))));
  } else if (reports.length > 1) io.out(`\n${formatTotal(reports, lang, io.style)}`);
  if (unreadable) return EXIT_FAILURE;
  return reports.some((r) => r.summary.error > 0) ? EXIT_FINDINGS : EXIT_OK;
}

async function timeline(command: Extract<Command, { kind: "timeline" }>, io: Io): Promise<number> {
  const { file, lang } = command;
  const read = await readFile(file, lang, io);
  if (!read) return EXIT_FAILURE;
  let output: string;
  try {
    const result = buildTimeline(readPlan(read.snapshot));
    output =
      command.format === "json"
        ? jsonText(timelineJson(file, result, lang))
        : formatTimelineText(file, result, command.today ?? machineToday(), lang, io.style);
  } catch (error) {
    io.err(`${PROGRAM}: ${describeError(error, file, lang)}\n`);
    return EXIT_FAILURE;
  }
  io.out(output);
  return EXIT_OK;
}

const REPORT_DONE: Record<Lang, (files: number, failed: number) => string> = {
  da: (files, failed) =>
    `rapport over ${files} ${files === 1 ? "projektmappe" : "projektmapper"}` +
    (failed ? `; ${failed} ${failed === 1 ? "fil" : "filer"} kunne ikke læses og står i rapporten med årsagen` : ""),
  en: (files, failed) =>
    `report on ${files} ${files === 1 ? "workbook" : "workbooks"}` +
    (failed ? `; ${failed} ${failed === 1 ? "file" : "files"} could not be read and are listed in the report with the reason` : ""),
};

async function report(command: Extract<Command, { kind: "report" }>, io: Io): Promise<number> {
  const { lang, output } = command;
  const today = command.today ?? machineToday();
  try {
    await checkOutput(output, command.files);
  } catch (error) {
    io.err(`${PROGRAM}: ${describeError(error, output, lang)}\n`);
    return EXIT_FAILURE;
  }
  const entries: ReportEntry[] = [];
  for (const file of command.files) {
    let reason = "";
    const read = await readFile(file, lang, io, (r) => (reason = r));
    if (!read) {
      entries.push({ file, ok: false, reason: reason.startsWith(`${file}: `) ? reason.slice(file.length + 2) : reason });
      continue;
    }
    try {
      const result = validateSnapshot(read.snapshot, { today });
      const status = buildStatus({ plan: result.plan, findings: result.findings, today, history: readHistory(read.snapshot) });
      entries.push({ file, ok: true, status, findings: result.findings, timeline: buildTimeline(result.plan) });
    } catch (error) {
      const line = describeError(error, file, lang);
      io.err(`${PROGRAM}: ${line}\n`);
      entries.push({ file, ok: false, reason: line.slice(file.length + 2) });
    }
  }
  try {
    await writeOutputFile(output, renderReport(entries, lang, today), command.files);
  } catch (error) {
    io.err(`${PROGRAM}: ${describeError(error, output, lang)}\n`);
    return EXIT_FAILURE;
  }
  const failed = entries.filter((e) => !e.ok).length;
  io.out(`${WROTE[lang]} ${io.style.bold(output)}: ${REPORT_DONE[lang](entries.length - failed, failed)}\n`);
  if (failed > 0) return EXIT_FAILURE;
  return entries.some((e) => e.ok && e.status.totals.errors > 0) ? EXIT_FINDINGS : EXIT_OK;
}

const CALENDAR_DONE: Record<Lang, (events: number, notices: number, remind: number[]) => string> = {
  da: (events, notices, remind) => {
    if (events === 0) return "ingen begivenheder: planen har endnu ingen datoer (Projekt, Kontrakter, Kursuspladser)";
    const count = `${events} ${events === 1 ? "begivenhed" : "begivenheder"}, heraf ${notices} ${notices === 1 ? "opsigelsesfrist" : "opsigelsesfrister"}`;
    return count + (remind.length ? ` med påmindelse ${remind.join(" og ")} dage før` : " uden påmindelser");
  },
  en: (events, notices, remind) => {
    if (events === 0) return "no events: the plan has no dates yet (Project, Contracts, Training seats)";
    const count = `${events} ${events === 1 ? "event" : "events"}, ${notices} of them notice ${notices === 1 ? "deadline" : "deadlines"}`;
    return count + (remind.length ? ` with reminders ${remind.join(" and ")} days before` : " without reminders");
  },
};

async function calendar(command: Extract<Command, { kind: "calendar" }>, io: Io): Promise<number> {
  const { file, lang, output } = command;
  try {
    await checkOutput(output, [file]);
  } catch (error) {
    io.err(`${PROGRAM}: ${describeError(error, output, lang)}\n`);
    return EXIT_FAILURE;
  }
  const read = await readFile(file, lang, io);
  if (!read) return EXIT_FAILURE;
  let text: string;
  let events: PlanEvent[];
  try {
    const plan = readPlan(read.snapshot);
    events = planEvents(plan);
    // ical-generator is for the calendar only: loaded here, so validate, timeline and report never load it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy, synchronous load (compiled to CommonJS)
    const { calendarText } = require("../playbook/calendar") as typeof import("../playbook/calendar");
    text = calendarText(events, { municipality: plan.settings.municipality.value, lang, remindDays: command.remind });
  } catch (error) {
    io.err(`${PROGRAM}: ${describeError(error, file, lang)}\n`);
    return EXIT_FAILURE;
  }
  try {
    await writeOutputFile(output, text, [file]);
  } catch (error) {
    io.err(`${PROGRAM}: ${describeError(error, output, lang)}\n`);
    return EXIT_FAILURE;
  }
  const notices = events.filter((e) => e.alarm).length;
  const remind = [...command.remind].sort((a, b) => b - a);
  io.out(`${WROTE[lang]} ${io.style.bold(output)}: ${CALENDAR_DONE[lang](events.length, notices, remind)}\n`);
  return EXIT_OK;
}

const UNCOMPUTED: Record<Lang, (n: number) => string> = {
  da: (n) =>
    `${n} ${n === 1 ? "formelcelle er gemt" : "formelceller er gemt"} uden beregnet værdi og læses som tom${n === 1 ? "" : "me"}; ` +
    "åbn og gem filen i Excel eller LibreOffice",
  en: (n) =>
    `${n} ${n === 1 ? "formula cell was" : "formula cells were"} saved without a calculated value and read as empty; ` +
    "open and save the file in Excel or LibreOffice",
};

/** Read one file; on failure write its one-line reason to stderr (and to `failed`) and return null. */
async function readFile(file: string, lang: Lang, io: Io, failed?: (reason: string) => void): Promise<XlsxRead | null> {
  let read: XlsxRead;
  try {
    read = await readXlsx(file);
  } catch (error) {
    const reason = describeError(error, file, lang);
    io.err(`${PROGRAM}: ${reason}\n`);
    failed?.(reason);
    return null;
  }
  const cells = read.uncomputedFormulas;
  if (cells.length > 0) {
    const shown = cells.slice(0, 3).join(", ") + (cells.length > 3 ? ", …" : "");
    // File and sheet names come from outside: control characters escaped, so this stays one line.
    io.err(`${PROGRAM}: ${printable(file)}: ${UNCOMPUTED[lang](cells.length)} (${printable(shown)})\n`);
  }
  return read;
}

const UNEXPECTED: Text = { da: "uventet fejl", en: "unexpected error" };

/** One line naming the file and the reason, never a stack trace. */
function describeError(error: unknown, file: string, lang: Lang): string {
  if (error instanceof WorkbookReadError || error instanceof WorkbookWriteError) return error.describe(lang);
  const message = error instanceof Error ? error.message : String(error);
  return `${printable(file)}: ${UNEXPECTED[lang]}: ${printable(oneLine(message))}`;
}

function quoteArg(arg: string): string {
  return /^[\w./-]+$/.test(arg) ? arg : `"${arg.replace(/(["\\$`])/g, "\\$1")}"`;
}
