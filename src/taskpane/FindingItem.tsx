import { makeStyles, mergeClasses, tokens, typographyStyles } from "@fluentui/react-components";
import { ChevronRight16Regular } from "@fluentui/react-icons/svg/chevron-right";
import { useId, type ReactNode } from "react";
import type { Finding } from "../playbook/findings";
import { SEVERITY_LABEL } from "../playbook/i18n";
import { render } from "../playbook/render";
import { a1 } from "../playbook/location";
import type { Lang } from "../playbook/vocabulary";
import { NoBreakDates } from "./NoBreakDates";
import { SeverityIcon } from "./SeverityIcon";
import type { Strings } from "./strings";

export interface GoToTarget {
  sheet: string | null;
  cell: string | null;
}

/**
 * Where a click on the finding goes: its cell, else the first cell of its row, else the sheet.
 * Null for findings about the whole workbook (no sheet to go to).
 */
export function goToTarget(finding: Finding): GoToTarget | null {
  if (finding.sheet === null) return null;
  const cell = finding.cell ?? (finding.row !== null ? a1(finding.row, 0) : null);
  return { sheet: finding.sheet, cell };
}

/** "Personer!E3", "Personer, række 3", "Personer" or "Hele projektmappen". */
export function placeLabel(finding: Finding, strings: Strings): string {
  if (finding.sheet === null) return strings.workbook;
  if (finding.cell) return `${finding.sheet}!${finding.cell}`;
  if (finding.row !== null) return strings.rowOnly(finding.sheet, finding.row);
  return finding.sheet;
}

/** The stretched target: the card's button (or focusable head) covers the whole card. */
const STRETCH = { content: '""', position: "absolute", inset: 0, borderRadius: tokens.borderRadiusMedium } as const;

const useStyles = makeStyles({
  card: {
    listStyleType: "none",
    position: "relative",
    boxSizing: "border-box",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    ...typographyStyles.body1,
    // A word longer than the card is wide (a sheet name at 200 % zoom) wraps inside it.
    overflowWrap: "break-word",
    minWidth: 0,
  },
  navigableCard: {
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":active": { backgroundColor: tokens.colorNeutralBackground1Pressed },
  },
  error: { borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorStatusDangerBorder2}` },
  warning: { borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorStatusWarningBorder2}` },
  info: { borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorBrandStroke1}` },
  head: {
    display: "flex",
    alignItems: "center",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalXS,
    width: "100%",
    margin: 0,
    padding: 0,
    border: "none",
    background: "none",
    color: "inherit",
    font: "inherit",
    textAlign: "start",
    outlineStyle: "none",
    "::after": STRETCH,
    ":focus-visible::after": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" },
  },
  button: { cursor: "pointer" },
  severity: { fontWeight: tokens.fontWeightSemibold },
  meta: { color: tokens.colorNeutralForeground2, ...typographyStyles.caption1 },
  place: { marginInlineStart: "auto", display: "inline-flex", alignItems: "center", ...typographyStyles.caption1Strong },
  link: { color: tokens.colorBrandForeground1 },
  muted: { color: tokens.colorNeutralForeground2 },
  message: { margin: `${tokens.spacingVerticalXXS} 0 0` },
  hint: { margin: `${tokens.spacingVerticalXXS} 0 0`, color: tokens.colorNeutralForeground2, ...typographyStyles.caption1 },
  /** Buttons of the finding itself (accept, fix) sit above the stretched target. */
  actions: {
    position: "relative",
    zIndex: 1,
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    marginTop: tokens.spacingVerticalS,
  },
});

export interface FindingItemProps {
  finding: Finding;
  lang: Lang;
  strings: Strings;
  onGoTo(target: GoToTarget): void;
  /** The finding's own buttons (accept it, fix it), under its hint. */
  actions?: ReactNode;
}

/**
 * One finding as a card. Its head line (severity, rule id, playbook section, place) is what the
 * arrow keys move between and what a screen reader names it by; the message is its description,
 * the hint follows in the reading order. With a sheet to go to, the head is a native button that
 * covers the card, so a click anywhere, Enter and Space all navigate; a finding about the whole
 * workbook has nowhere to go, so its head is only focusable and does not look like a link.
 */
export function FindingItem({ finding, lang, strings, onGoTo, actions }: FindingItemProps) {
  const styles = useStyles();
  const messageId = useId();
  const target = goToTarget(finding);
  const place = placeLabel(finding, strings);
  const text = render(finding, { lang, surface: "pane" });
  const hint = text.hint;
  const head = (
    <>
      <SeverityIcon severity={finding.severity} />
      <span className={styles.severity}>{SEVERITY_LABEL[finding.severity][lang]}</span>
      <span className={styles.meta}>
        <span aria-hidden>· </span>
        {finding.rule}
        {finding.section ? (
          <>
            <span aria-hidden> ·</span> {strings.section(finding.section)}
          </>
        ) : null}
      </span>
      <span className={mergeClasses(styles.place, target ? styles.link : styles.muted)}>
        {place}
        {target ? <ChevronRight16Regular aria-hidden /> : null}
      </span>
    </>
  );
  const headProps = { className: mergeClasses(styles.head, target !== null && styles.button), "aria-describedby": messageId, "data-severity": finding.severity };
  return (
    <li className={mergeClasses(styles.card, styles[finding.severity], target !== null && styles.navigableCard)}>
      {target ? (
        <button type="button" {...headProps} onClick={() => onGoTo(target)}>
          {head}
        </button>
      ) : (
        <div tabIndex={0} {...headProps}>
          {head}
        </div>
      )}
      <p id={messageId} className={styles.message}>
        <NoBreakDates text={text.message} />
      </p>
      {hint ? (
        <p className={styles.hint}>
          {strings.hint}: <NoBreakDates text={hint} />
        </p>
      ) : null}
      {actions ? <div className={styles.actions}>{actions}</div> : null}
    </li>
  );
}
