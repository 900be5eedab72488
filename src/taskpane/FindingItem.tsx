import { makeStyles, mergeClasses, tokens, typographyStyles } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { SEVERITY_LABEL, type Finding } from "../playbook/findings";
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

const useStyles = makeStyles({
  item: {
    listStyleType: "none",
    // Actions that may fold away (Acceptér…) show while the finding is hovered or has focus, so the
    // list stays dense; they stay in the accessibility tree and in the tab order.
    ":not(:hover):not(:focus-within) > [data-fold='true']": {
      position: "absolute",
      width: "1px",
      height: "1px",
      overflow: "hidden",
      clipPath: "inset(50%)",
      whiteSpace: "nowrap",
    },
  },
  card: {
    display: "block",
    width: "100%",
    boxSizing: "border-box",
    textAlign: "start",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    ...typographyStyles.body1,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" },
  },
  navigable: {
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":active": { backgroundColor: tokens.colorNeutralBackground1Pressed },
  },
  error: { borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorStatusDangerBorder2}` },
  warning: { borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorStatusWarningBorder2}` },
  info: { borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorBrandStroke1}` },
  head: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS, flexWrap: "wrap" },
  severity: { fontWeight: tokens.fontWeightSemibold },
  meta: { color: tokens.colorNeutralForeground2, ...typographyStyles.caption1 },
  place: { marginInlineStart: "auto", color: tokens.colorBrandForeground1, ...typographyStyles.caption1Strong },
  message: { display: "block", marginTop: tokens.spacingVerticalXXS },
  hint: { display: "block", marginTop: tokens.spacingVerticalXXS, color: tokens.colorNeutralForeground2, ...typographyStyles.caption1 },
});

export interface FindingItemProps {
  finding: Finding;
  lang: Lang;
  strings: Strings;
  onGoTo(target: GoToTarget): void;
  /** Buttons under the card (fix, accept), outside it: a button may not hold buttons. */
  actions?: ReactNode;
}

/**
 * One finding: severity, rule id, playbook section, place, message and hint. A native button
 * when it has a sheet to go to, so click, Enter and Space all navigate; otherwise a focusable
 * block, so arrow keys still reach it and a screen reader reads it.
 */
export function FindingItem({ finding, lang, strings, onGoTo, actions }: FindingItemProps) {
  const styles = useStyles();
  const target = goToTarget(finding);
  const place = placeLabel(finding, strings);
  const content = (
    <>
      <span className={styles.head}>
        <SeverityIcon severity={finding.severity} />
        <span className={styles.severity}>{SEVERITY_LABEL[finding.severity][lang]}</span>
        <span className={styles.meta}>
          · {finding.rule}
          {finding.section ? ` · ${strings.section(finding.section)}` : ""}
        </span>
        <span className={styles.place}>{place}</span>
      </span>
      <span className={styles.message}>
        <NoBreakDates text={finding.message[lang]} />
      </span>
      {finding.hint[lang] ? (
        <span className={styles.hint}>
          {strings.hint}: <NoBreakDates text={finding.hint[lang]} />
        </span>
      ) : null}
    </>
  );
  const className = mergeClasses(styles.card, styles[finding.severity], target !== null && styles.navigable);
  return (
    <li className={styles.item}>
      {target ? (
        <button type="button" className={className} onClick={() => onGoTo(target)} data-severity={finding.severity}>
          {content}
        </button>
      ) : (
        <div tabIndex={0} className={className} data-severity={finding.severity}>
          {content}
        </div>
      )}
      {actions}
    </li>
  );
}
