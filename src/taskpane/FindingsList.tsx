import {
  Field,
  Select,
  ToggleButton,
  makeStyles,
  mergeClasses,
  shorthands,
  tokens,
  useArrowNavigationGroup,
  type GriffelStyle,
} from "@fluentui/react-components";
import { useMemo, useState, type ReactNode } from "react";
import { SEVERITIES, summarize, type Finding, type Severity } from "../playbook/findings";
import type { Lang } from "../playbook/vocabulary";
import { FindingItem, type GoToTarget } from "./FindingItem";
import { SeverityIcon } from "./SeverityIcon";
import type { Strings } from "./strings";
import { useTypography } from "./typography";

/** Sheet filter values: every sheet, one sheet ("sheet:Personer"), or findings about the whole workbook. */
const ALL = "all";
const WORKBOOK = "workbook";
const sheetValue = (sheet: string | null) => (sheet === null ? WORKBOOK : `sheet:${sheet}`);

/** Errors first, then warnings, then info; within a severity the engine's order (sheet, row). */
export function sortFindings(findings: ReadonlyArray<Finding>): Finding[] {
  return [...findings].sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity));
}

/**
 * A severity toggle's colours at rest, hovered and held down, as custom properties that the
 * `toggle` class reads (one set of rules for all four looks, in place of Fluent's own).
 */
const tint = (rest: string, hover: string, down: string, border: string, color: string): GriffelStyle => ({
  "--tint-rest": rest,
  "--tint-hover": hover,
  "--tint-down": down,
  "--tint-border": border,
  "--tint-color": color,
});

/**
 * Hovered or held down, the text turns the neutral foreground: the severity's own foreground on its
 * darker tints falls below 4.5:1 (red on Fluent's danger background 2 is 3.8:1 in the light theme,
 * 3.5:1 in the dark), and a pressed toggle stays under the pointer after a click.
 */
const TINTED = (state: "rest" | "hover" | "down"): GriffelStyle => ({
  backgroundColor: `var(--tint-${state})`,
  ...shorthands.borderColor("var(--tint-border)"),
  color: state === "rest" ? "var(--tint-color)" : tokens.colorNeutralForeground1,
});

const useStyles = makeStyles({
  // The filters stay in view while the list scrolls, where the pane is tall enough to spare the room.
  filters: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    paddingBlock: tokens.spacingVerticalXS,
    backgroundColor: tokens.colorNeutralBackground1,
    "@media (min-height: 600px)": { position: "sticky", top: 0, zIndex: 2 },
  },
  toggles: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  toggle: {
    minWidth: "auto",
    maxWidth: "100%",
    fontWeight: tokens.fontWeightSemibold,
    ...TINTED("rest"),
    ":hover": TINTED("hover"),
    ":hover:active": TINTED("down"),
  },
  // Pressed (shown): the severity's colour, semibold. Released (hidden): a plain outline, muted, icon greyed.
  error: tint(
    tokens.colorStatusDangerBackground1,
    tokens.colorStatusDangerBackground2,
    // Held down: the hover tint again; Background3 is the saturated red, 2.6:1 under dark text.
    tokens.colorStatusDangerBackground2,
    tokens.colorStatusDangerBorder1,
    tokens.colorStatusDangerForeground1,
  ),
  warning: tint(
    tokens.colorStatusWarningBackground1,
    tokens.colorStatusWarningBackground2,
    tokens.colorStatusWarningBackground2,
    tokens.colorStatusWarningBorder1,
    tokens.colorStatusWarningForeground3,
  ),
  info: tint(
    tokens.colorBrandBackground2,
    tokens.colorBrandBackground2Hover,
    tokens.colorBrandBackground2Pressed,
    tokens.colorBrandStroke2,
    tokens.colorBrandForeground2,
  ),
  released: {
    ...tint(
      tokens.colorNeutralBackground1,
      tokens.colorNeutralBackground1Hover,
      tokens.colorNeutralBackground1Pressed,
      tokens.colorNeutralStroke1,
      tokens.colorNeutralForeground3,
    ),
    fontWeight: tokens.fontWeightRegular,
    "& svg": { color: tokens.colorNeutralForeground3 },
  },
  sheetRow: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS },
  sheetField: { flex: "1 1 12rem", minWidth: 0 },
  shownCount: { marginInlineStart: "auto" },
  list: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    margin: 0,
    padding: 0,
    // A card the arrow keys bring into view is not hidden behind the sticky filters.
    "& > li": { scrollMarginTop: "10rem" },
  },
});

export interface FindingsListProps {
  findings: ReadonlyArray<Finding>;
  lang: Lang;
  strings: Strings;
  onGoTo(target: GoToTarget): void;
  /** What goes under a finding (fix and accept buttons). */
  renderActions?(finding: Finding): ReactNode;
}

/**
 * The findings under a filter bar that stays in view: one toggle per severity that also shows its
 * count ("Fejl (7)", pressed = shown; none to show = disabled), a sheet filter (a native select)
 * and the number shown, announced politely. The list is one Tab stop, the arrow keys move in it.
 */
export function FindingsList({ findings, lang, strings, onGoTo, renderActions }: FindingsListProps) {
  const styles = useStyles();
  const type = useTypography();
  const arrowNavigation = useArrowNavigationGroup({ axis: "vertical", memorizeCurrent: true });
  const [shownSeverities, setShownSeverities] = useState<Record<Severity, boolean>>({ error: true, warning: true, info: true });
  const [chosenSheet, setChosenSheet] = useState(ALL);

  const sorted = useMemo(() => sortFindings(findings), [findings]);
  const counts = useMemo(() => summarize(findings), [findings]);
  const sheetOptions = useMemo(() => {
    const seen = new Map<string, string>();
    for (const f of findings) seen.set(sheetValue(f.sheet), f.sheet ?? strings.workbook);
    return [...seen].map(([value, text]) => ({ value, text }));
  }, [findings, strings]);
  // A sheet chosen before a new validation that no longer has findings falls back to all sheets.
  const sheet = sheetOptions.some((o) => o.value === chosenSheet) ? chosenSheet : ALL;

  const shown = sorted.filter((f) => shownSeverities[f.severity] && (sheet === ALL || sheetValue(f.sheet) === sheet));

  return (
    <>
      <div className={styles.filters}>
        <div role="group" aria-label={strings.severityFilterLabel} className={styles.toggles}>
          <span className={mergeClasses(type.caption, type.muted)} aria-hidden>
            {strings.show}
          </span>
          {SEVERITIES.map((severity) => {
            // Nothing to show or hide: not a filter to press.
            const none = counts[severity] === 0;
            const pressed = shownSeverities[severity] && !none;
            return (
              <ToggleButton
                key={severity}
                size="small"
                shape="circular"
                checked={pressed}
                disabled={none}
                icon={<SeverityIcon severity={severity} />}
                className={none ? undefined : mergeClasses(styles.toggle, pressed ? styles[severity] : styles.released)}
                onClick={() => setShownSeverities((s) => ({ ...s, [severity]: !s[severity] }))}
              >
                {strings.severityFilter(severity, counts[severity])}
              </ToggleButton>
            );
          })}
        </div>
        <div className={styles.sheetRow}>
          <Field label={strings.sheetFilterLabel} size="small" className={styles.sheetField}>
            <Select value={sheet} onChange={(_, data) => setChosenSheet(data.value)} size="small">
              <option value={ALL}>{strings.allSheets}</option>
              {sheetOptions.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.text}
                </option>
              ))}
            </Select>
          </Field>
          <span role="status" aria-live="polite" className={mergeClasses(type.caption, type.muted, styles.shownCount)}>
            {strings.shownCount(shown.length, findings.length)}
          </span>
        </div>
      </div>
      {findings.length === 0 ? (
        <p className={type.body}>{strings.noFindings}</p>
      ) : shown.length === 0 ? (
        <p className={type.body}>{strings.nothingMatches}</p>
      ) : (
        <ul role="list" aria-label={strings.findingsListLabel} className={styles.list} {...arrowNavigation}>
          {shown.map((finding, i) => (
            <FindingItem
              key={`${finding.rule}|${finding.sheet}|${finding.cell}|${finding.row}|${i}`}
              finding={finding}
              lang={lang}
              strings={strings}
              onGoTo={onGoTo}
              actions={renderActions?.(finding)}
            />
          ))}
        </ul>
      )}
    </>
  );
}
