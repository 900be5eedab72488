import { makeStyles, mergeClasses, tokens, typographyStyles } from "@fluentui/react-components";
import { SEVERITIES, type Summary } from "../playbook/findings";
import { SeverityIcon } from "./SeverityIcon";
import type { Strings } from "./strings";

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, listStyleType: "none", margin: 0, padding: 0 },
  badge: {
    display: "inline-flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalXS,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusCircular,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    color: tokens.colorNeutralForeground3,
    ...typographyStyles.caption1Strong,
  },
  error: {
    backgroundColor: tokens.colorStatusDangerBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorStatusDangerBorder1}`,
    color: tokens.colorStatusDangerForeground1,
  },
  warning: {
    backgroundColor: tokens.colorStatusWarningBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorStatusWarningBorder1}`,
    color: tokens.colorStatusWarningForeground3,
  },
  info: {
    backgroundColor: tokens.colorBrandBackground2,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke2}`,
    color: tokens.colorBrandForeground2,
  },
});

/** The validation's counts per severity as badges ("4 fejl", "7 advarsler", "1 info"); grey when none. */
export function SummaryBadges({ summary, strings }: { summary: Summary; strings: Strings }) {
  const styles = useStyles();
  return (
    <ul className={styles.row} role="list" aria-label={strings.summaryLabel}>
      {SEVERITIES.map((severity) => (
        <li key={severity} className={mergeClasses(styles.badge, summary[severity] > 0 && styles[severity])} data-severity={severity}>
          <SeverityIcon severity={severity} />
          {strings.severityCount(severity, summary[severity])}
        </li>
      ))}
    </ul>
  );
}
