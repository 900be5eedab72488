/** Terminal styling: ANSI colour when the output is a terminal, plain text otherwise. */
import type { Severity } from "../playbook/findings";

export interface Style {
  readonly color: boolean;
  bold(text: string): string;
  dim(text: string): string;
  severity(severity: Severity, text: string): string;
  red(text: string): string;
  green(text: string): string;
}

/**
 * Whether to colour: FORCE_COLOR wins when set (`0`/`false` turn colour off, anything else on), then
 * NO_COLOR (https://no-color.org) turns it off, then a terminal that is not `dumb` turns it on.
 */
export function useColor(env: NodeJS.ProcessEnv, isTty: boolean): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return !["0", "false"].includes(force.toLowerCase());
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  return isTty && env.TERM !== "dumb";
}

const SEVERITY_CODE: Record<Severity, string> = { error: "1;31", warning: "33", info: "36" };

export function makeStyle(color: boolean): Style {
  const sgr = (code: string) => (text: string) => (color && text !== "" ? `\x1b[${code}m${text}\x1b[0m` : text);
  return {
    color,
    bold: sgr("1"),
    dim: sgr("2"),
    red: sgr("31"),
    green: sgr("32"),
    severity: (severity, text) => sgr(SEVERITY_CODE[severity])(text),
  };
}

/** Pad plain text to a width (before styling, so escape codes do not count). */
export function pad(text: string, width: number): string {
  return text.length >= width ? text : text + " ".repeat(width - text.length);
}
