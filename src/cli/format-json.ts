/** The command line's JSON output, exactly as shared/playbook/CLI.md shows it. */
import { iso } from "../playbook/dates";
import type { Summary } from "../playbook/findings";
import { localize, type LocalizedFinding } from "../playbook/render";
import type { Timeline } from "../playbook/timeline";
import { CONTRACT_TYPES, enumValue, type Lang } from "../playbook/vocabulary";
import type { FileReport } from "./format-text";

export interface ValidationJson {
  file: string;
  today: string;
  summary: Summary;
  findings: LocalizedFinding[];
}

export function validationJson(report: FileReport, lang: Lang): ValidationJson {
  return {
    file: report.file,
    today: iso(report.today) as string,
    summary: report.summary,
    findings: report.findings.map((f) => localize(f, lang)),
  };
}

export interface TimelineJson {
  file: string;
  milestones: Array<{ key: string; label: string; date: string }>;
  contracts: Array<{
    row: number;
    vendor: string | null;
    system: string | null;
    type: string | null;
    start: string | null;
    expires: string | null;
    noticeDeadline: string | null;
    extendedUntil: string | null;
    terminatedOn: string | null;
  }>;
}

export function timelineJson(file: string, timeline: Timeline, lang: Lang): TimelineJson {
  return {
    file,
    milestones: timeline.milestones.map((m) => ({ key: m.key, label: m.label[lang], date: iso(m.date) as string })),
    contracts: timeline.contracts.map((c) => ({
      row: c.row,
      vendor: c.vendor,
      system: c.system,
      type: c.type ? enumValue(CONTRACT_TYPES, c.type)[lang] : null,
      start: iso(c.start),
      expires: iso(c.expires),
      noticeDeadline: iso(c.noticeDeadline),
      extendedUntil: iso(c.extendedUntil),
      terminatedOn: iso(c.terminatedOn),
    })),
  };
}

/** Pretty JSON with a final newline. */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
