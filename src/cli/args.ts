/**
 * The command line's grammar (shared/playbook/CLI.md). Pure: argv in, a command out, or a
 * {@link UsageError} with a one-line Danish/English message.
 */
import { parseIsoDay, type Day } from "../playbook/dates";
import { ALL_RULES, unknownRulePatterns } from "../playbook/engine";
import type { Lang } from "../playbook/vocabulary";
import { DEFAULT_REMIND_DAYS } from "../playbook/events";
import { UsageError } from "./errors";

export type Format = "text" | "json";

export type Command =
  | { kind: "help"; lang: Lang }
  | { kind: "version" }
  | { kind: "init"; file: string; lang: Lang; force: boolean; example: boolean }
  | { kind: "validate"; files: string[]; format: Format; lang: Lang; today: Day | null; pick: string[]; skip: string[]; ignoreAccepted: boolean }
  | { kind: "timeline"; file: string; format: Format; lang: Lang; today: Day | null }
  | { kind: "report"; files: string[]; output: string; lang: Lang; today: Day | null }
  | { kind: "calendar"; file: string; output: string; lang: Lang; remind: number[] };

type CommandName = "init" | "validate" | "timeline" | "report" | "calendar";
type OptionName = "lang" | "force" | "example" | "format" | "today" | "pick" | "skip" | "ignore-accepted" | "output" | "remind";

/** Options each command takes; `true` when the option takes a value. */
const OPTIONS: Record<CommandName, Partial<Record<OptionName, boolean>>> = {
  init: { lang: true, force: false, example: false },
  validate: { format: true, lang: true, today: true, pick: true, skip: true, "ignore-accepted": false },
  // --lang is not in CLI.md's synopsis for timeline; it sets the language of milestone labels and
  // of the text output, as it does for validate.
  timeline: { format: true, lang: true, today: true },
  report: { output: true, lang: true, today: true },
  calendar: { output: true, remind: true, lang: true },
};

const COMMANDS = Object.keys(OPTIONS) as CommandName[];

function usage(da: string, en: string): UsageError {
  return new UsageError({ da, en });
}

/** The language the user asked for, looked up before anything else so that errors can use it. */
export function requestedLang(argv: ReadonlyArray<string>): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--") break;
    const value = a === "--lang" ? argv[i + 1] : a.startsWith("--lang=") ? a.slice("--lang=".length) : undefined;
    if (value === "en" || value === "da") return value;
  }
  return "da";
}

export function parseArgs(argv: ReadonlyArray<string>): Command {
  const lang = requestedLang(argv);
  const beforeEnd = argv.includes("--") ? argv.slice(0, argv.indexOf("--")) : argv;
  if (beforeEnd.some((a) => a === "--help" || a === "-h") || argv[0] === "help") return { kind: "help", lang };
  if (beforeEnd.includes("--version")) return { kind: "version" };
  if (argv.length === 0) {
    throw usage(
      "angiv en kommando: init, validate, timeline, report eller calendar",
      "name a command: init, validate, timeline, report or calendar",
    );
  }
  const name = argv[0];
  if (!COMMANDS.includes(name as CommandName)) {
    if (name.startsWith("-")) throw unknownOption(name);
    throw usage(
      `ukendt kommando: ${name} (kendte: init, validate, timeline, report, calendar)`,
      `unknown command: ${name} (known: init, validate, timeline, report, calendar)`,
    );
  }
  const command = name as CommandName;
  const { files, values, flags } = splitArgs(command, argv.slice(1));
  const format = parseFormat(values.format);
  const chosenLang = parseLang(values.lang) ?? lang;

  switch (command) {
    case "init": {
      const file = single(command, files);
      return { kind: "init", file, lang: chosenLang, force: flags.has("force"), example: flags.has("example") };
    }
    case "validate": {
      if (files.length === 0) throw usage("validate mangler en fil", "validate needs a file");
      return {
        kind: "validate",
        files,
        format,
        lang: chosenLang,
        today: parseToday(values.today),
        pick: parseRuleList("pick", values.pick),
        skip: parseRuleList("skip", values.skip),
        ignoreAccepted: flags.has("ignore-accepted"),
      };
    }
    case "timeline":
      return { kind: "timeline", file: single(command, files), format, lang: chosenLang, today: parseToday(values.today) };
    case "report": {
      if (files.length === 0) throw usage("report mangler en fil", "report needs a file");
      return { kind: "report", files, output: output(command, values.output), lang: chosenLang, today: parseToday(values.today) };
    }
    case "calendar":
      return { kind: "calendar", file: single(command, files), output: output(command, values.output), lang: chosenLang, remind: parseRemind(values.remind) };
  }
}

interface Split {
  files: string[];
  /** Value options; repeated --pick/--skip are joined with commas, other repeats: the last wins. */
  values: Partial<Record<OptionName, string>>;
  flags: Set<OptionName>;
}

function splitArgs(command: CommandName, args: ReadonlyArray<string>): Split {
  const allowed = OPTIONS[command];
  const split: Split = { files: [], values: {}, flags: new Set() };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--") {
      split.files.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith("-") || arg === "-") {
      split.files.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    // -o is the one short option: --output.
    const short = arg === "-o" || arg.startsWith("-o=");
    const name = (short ? "output" : eq > 0 ? arg.slice(2, eq) : arg.slice(2)) as OptionName;
    const takesValue = arg.startsWith("--") || short ? allowed[name] : undefined;
    if (takesValue === undefined) {
      if (arg.startsWith("--") && name in allOptions()) {
        throw usage(`${command} tager ikke --${name}`, `${command} does not take --${name}`);
      }
      throw unknownOption(arg);
    }
    if (!takesValue) {
      if (eq > 0) throw usage(`--${name} tager ingen værdi`, `--${name} takes no value`);
      split.flags.add(name);
      continue;
    }
    let value: string | undefined;
    if (eq > 0) value = arg.slice(eq + 1);
    else {
      value = args[i + 1];
      if (value === undefined || (value.startsWith("--") && value.length > 2)) {
        throw usage(`--${name} mangler en værdi`, `--${name} needs a value`);
      }
      i++;
    }
    const previous = split.values[name];
    split.values[name] = (name === "pick" || name === "skip") && previous !== undefined ? `${previous},${value}` : value;
  }
  return split;
}

function allOptions(): Record<string, true> {
  const all: Record<string, true> = {};
  for (const c of COMMANDS) for (const o of Object.keys(OPTIONS[c])) all[o] = true;
  return all;
}

function unknownOption(arg: string): UsageError {
  return usage(`ukendt tilvalg: ${arg}`, `unknown option: ${arg}`);
}

function single(command: CommandName, files: string[]): string {
  if (files.length === 0) throw usage(`${command} mangler en fil`, `${command} needs a file`);
  if (files.length > 1) {
    throw usage(`${command} tager én fil, ikke ${files.length}: ${files.join(" ")}`, `${command} takes one file, not ${files.length}: ${files.join(" ")}`);
  }
  return files[0];
}

function parseFormat(value: string | undefined): Format {
  if (value === undefined || value === "text" || value === "json") return value ?? "text";
  throw usage(`--format skal være text eller json, ikke ${value}`, `--format must be text or json, not ${value}`);
}

function parseLang(value: string | undefined): Lang | null {
  if (value === undefined) return null;
  if (value === "da" || value === "en") return value;
  throw usage(`--lang skal være da eller en, ikke ${value}`, `--lang must be da or en, not ${value}`);
}

function parseToday(value: string | undefined): Day | null {
  if (value === undefined) return null;
  const day = parseIsoDay(value);
  if (!day) throw usage(`--today skal være en dato som 2026-12-01, ikke ${value}`, `--today must be a date such as 2026-12-01, not ${value}`);
  return day;
}

function output(command: CommandName, value: string | undefined): string {
  if (value === undefined || value.trim() === "") {
    throw usage(`${command} mangler -o <fil> (hvor resultatet skal skrives)`, `${command} needs -o <file> (where to write the result)`);
  }
  return value;
}

/** --remind 30,7: whole days before a notice deadline, 0 to 365. */
function parseRemind(value: string | undefined): number[] {
  if (value === undefined) return [...DEFAULT_REMIND_DAYS];
  const parts = value.split(",").map((p) => p.trim());
  const days = parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : NaN));
  if (parts.length === 0 || days.some((d) => Number.isNaN(d) || d > 365)) {
    throw usage(
      `--remind skal være hele dage før fristen adskilt af komma (fx 30,7), ikke ${value}`,
      `--remind must be whole days before the deadline, comma-separated (e.g. 30,7), not ${value}`,
    );
  }
  return [...new Set(days)];
}

function parseRuleList(option: "pick" | "skip", value: string | undefined): string[] {
  if (value === undefined) return [];
  const patterns = value
    .split(",")
    .map((p) => p.trim())
    .filter((p) => p !== "");
  if (patterns.length === 0) throw usage(`--${option} mangler regel-id'er (fx CON,ORG-0)`, `--${option} needs rule ids (e.g. CON,ORG-0)`);
  const unknown = unknownRulePatterns(patterns);
  if (unknown.length > 0) {
    const families = [...new Set(ALL_RULES.map((r) => r.id.replace(/-.*$/, "")))].join(", ");
    throw usage(
      `--${option} ${unknown.join(",")}: ingen regel passer (regler begynder med ${families})`,
      `--${option} ${unknown.join(",")}: no rule matches (rule ids begin with ${families})`,
    );
  }
  return patterns;
}
