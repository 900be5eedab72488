/** `fbs-playbook --help`, in Danish (default) or English (`--help --lang en`). */
import { ALL_RULES } from "../playbook/engine";
import { SEVERITY_LABEL } from "../playbook/i18n";
import type { Lang } from "../playbook/vocabulary";
import { pad, type Style } from "./style";

const USAGE: Record<Lang, string> = {
  da: `fbs-playbook: kontrollerer kommunens planlægningsprojektmappe for overgangen til FBS
(Fælles Bibliotekssystem) mod KOMBITs Drejebog 1, Organisation og kontrakter.

Brug:
  fbs-playbook init <fil.xlsx> [--lang da|en] [--force] [--example]
  fbs-playbook validate <fil.xlsx>... [--format text|json] [--lang da|en] [--today ÅÅÅÅ-MM-DD]
                                      [--pick REGLER] [--skip REGLER] [--ignore-accepted]
  fbs-playbook timeline <fil.xlsx> [--format text|json] [--lang da|en] [--today ÅÅÅÅ-MM-DD]
  fbs-playbook report <fil.xlsx>... -o <rapport.html> [--lang da|en] [--today ÅÅÅÅ-MM-DD]
  fbs-playbook calendar <fil.xlsx> -o <frister.ics> [--remind DAGE,...] [--lang da|en]
  fbs-playbook --help | --version

Kommandoer:
  init       skriver en ny planlægningsprojektmappe: alle ark som Excel-tabeller med rullelister
             og datoformater, nøglerne i Projekt og de otte ejerskabsopgaver udfyldt
  validate   kontrollerer en eller flere projektmapper mod reglerne herunder
  timeline   viser milepælene og, pr. kontrakt, opsigelsesfrist og slutdato med forlængelse
  report     skriver én selvstændig HTML-fil til styregruppen: status pr. kapitel, datoer de næste
             90 dage, tidslinjen og alle fund; med flere filer først en oversigt pr. kommune
  calendar   skriver fristerne som iCalendar-fil (.ics) til Outlook, Google og Apple Kalender

Tilvalg:
  --lang da|en        sprog for ark, meddelelser og output (standard: da)
  --force             init: overskriv en eksisterende fil
  --example           init: skriv en udfyldt eksempelplan med nogle bevidste fejl
  --format text|json  tekst til mennesker (standard) eller JSON til programmer; med flere filer
                      et JSON-array med de filer, der kunne læses, i den givne rækkefølge
  --today ÅÅÅÅ-MM-DD  dagens dato for datoafhængige regler (standard: maskinens dato)
  --pick REGLER       kør kun disse regler: id'er eller præfikser adskilt af komma (CON,ORG-0)
  --skip REGLER       spring disse regler over
  -o FIL              report, calendar: filen der skrives (en projektmappe overskrives aldrig)
  --remind DAGE       calendar: påmindelser så mange dage før hver opsigelsesfrist (standard: 30,7)
  --ignore-accepted   vis alle fund som åbne, som om arket Accepterede var tomt

Afslutningsstatus:
  0  alle filer er læst, og ingen har åbne fund af typen fejl (accepterede fund tæller ikke)
  1  alle filer er læst, og mindst én har en åben fejl
  2  forkert brug, eller en fil kunne ikke læses som projektmappe (én linje pr. fil på stderr;
     de øvrige filer kontrolleres stadig)

Kom i gang:
  fbs-playbook init --example plan.xlsx
  fbs-playbook validate plan.xlsx
`,
  en: `fbs-playbook: checks a municipality's planning workbook for the move to FBS (Fælles
Bibliotekssystem) against KOMBIT's playbook Drejebog 1, Organisation og kontrakter.

Usage:
  fbs-playbook init <file.xlsx> [--lang da|en] [--force] [--example]
  fbs-playbook validate <file.xlsx>... [--format text|json] [--lang da|en] [--today YYYY-MM-DD]
                                       [--pick RULES] [--skip RULES] [--ignore-accepted]
  fbs-playbook timeline <file.xlsx> [--format text|json] [--lang da|en] [--today YYYY-MM-DD]
  fbs-playbook report <file.xlsx>... -o <report.html> [--lang da|en] [--today YYYY-MM-DD]
  fbs-playbook calendar <file.xlsx> -o <deadlines.ics> [--remind DAYS,...] [--lang da|en]
  fbs-playbook --help | --version

Commands:
  init       writes a new planning workbook: every sheet as an Excel table with drop-downs and
             date formats, the Project keys and the eight ownership responsibilities filled in
  validate   checks one or more workbooks against the rules below
  timeline   shows the milestones and, per contract, the notice deadline and end with extension
  report     writes one self-contained HTML file for the steering group: status per chapter, dates
             due in the next 90 days, the timeline and every finding; with several files an
             overview per municipality first
  calendar   writes the deadlines as an iCalendar file (.ics) for Outlook, Google and Apple Calendar

Options:
  --lang da|en        language of sheets, messages and output (default: da)
  --force             init: overwrite an existing file
  --example           init: write a filled-in example plan with a few deliberate breaches
  --format text|json  text for people (default) or JSON for programs; with several files a JSON
                      array of the files that could be read, in the order given
  --today YYYY-MM-DD  today's date for date-relative rules (default: the machine's date)
  --pick RULES        run only these rules: comma-separated ids or prefixes (CON,ORG-0)
  --skip RULES        leave these rules out
  -o FILE             report, calendar: the file to write (a workbook is never overwritten)
  --remind DAYS       calendar: reminders this many days before each notice deadline (default: 30,7)
  --ignore-accepted   report every finding as open, as if the sheet Accepted were empty

Exit status:
  0  every file was read and none has an open finding of severity error (accepted ones do not count)
  1  every file was read and at least one has an open error
  2  a usage error, or a file that cannot be read as a workbook (one line per file on stderr;
     the other files are still checked)

Getting started:
  fbs-playbook init --example plan.xlsx
  fbs-playbook validate plan.xlsx
`,
};

const RULES_HEADING: Record<Lang, string> = { da: "Regler:", en: "Rules:" };

export function helpText(lang: Lang, style: Style): string {
  const severityWidth = Math.max(...ALL_RULES.map((r) => SEVERITY_LABEL[r.severity][lang].length), 0);
  const idWidth = Math.max(...ALL_RULES.map((r) => r.id.length), 0);
  const rules = ALL_RULES.map((r) => {
    const section = r.section ? ` (§${r.section})` : "";
    return `  ${pad(r.id, idWidth)}  ${style.severity(r.severity, pad(SEVERITY_LABEL[r.severity][lang], severityWidth))}  ${r.title[lang]}${section}`;
  });
  return `${USAGE[lang]}\n${RULES_HEADING[lang]}\n${rules.join("\n")}\n`;
}
