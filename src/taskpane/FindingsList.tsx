import { Select, ToggleButton, makeStyles, mergeClasses, tokens, useArrowNavigationGroup } from "@fluentui/react-components";
import { useId, useMemo, useState } from "react";
import { SEVERITIES, SEVERITY_LABEL, type Finding, type Severity } from "../playbook/findings";
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

const useStyles = makeStyles({
  filters: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  toggles: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  sheetFilter: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  list: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    margin: 0,
    padding: 0,
  },
});

export interface FindingsListProps {
  findings: ReadonlyArray<Finding>;
  lang: Lang;
  strings: Strings;
  onGoTo(target: GoToTarget): void;
}

/**
 * The findings with a severity filter (toggle buttons) and a sheet filter (a native select), the
 * number shown announced politely, and the list itself navigable with the arrow keys.
 */
export function FindingsList({ findings, lang, strings, onGoTo }: FindingsListProps) {
  const styles = useStyles();
  const type = useTypography();
  const severityGroupId = useId();
  const sheetFilterId = useId();
  const arrowNavigation = useArrowNavigationGroup({ axis: "vertical", memorizeCurrent: true });
  const [shownSeverities, setShownSeverities] = useState<Record<Severity, boolean>>({ error: true, warning: true, info: true });
  const [chosenSheet, setChosenSheet] = useState(ALL);

  const sorted = useMemo(() => sortFindings(findings), [findings]);
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
        <div role="group" aria-labelledby={severityGroupId}>
          <span id={severityGroupId} className={type.caption}>
            {strings.severityFilterLabel}
          </span>
          <div className={styles.toggles}>
            {SEVERITIES.map((severity) => (
              <ToggleButton
                key={severity}
                size="small"
                checked={shownSeverities[severity]}
                icon={<SeverityIcon severity={severity} />}
                onClick={() => setShownSeverities((s) => ({ ...s, [severity]: !s[severity] }))}
              >
                {SEVERITY_LABEL[severity][lang]}
              </ToggleButton>
            ))}
          </div>
        </div>
        <div className={styles.sheetFilter}>
          <label htmlFor={sheetFilterId} className={type.caption}>
            {strings.sheetFilterLabel}
          </label>
          <Select id={sheetFilterId} value={sheet} onChange={(_, data) => setChosenSheet(data.value)} size="small">
            <option value={ALL}>{strings.allSheets}</option>
            {sheetOptions.map((o) => (
              <option key={o.value} value={o.value}>
                {o.text}
              </option>
            ))}
          </Select>
        </div>
        <span role="status" aria-live="polite" className={mergeClasses(type.caption, type.muted)}>
          {strings.shownCount(shown.length, findings.length)}
        </span>
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
            />
          ))}
        </ul>
      )}
    </>
  );
}
