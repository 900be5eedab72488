import { Badge, makeStyles, tokens } from "@fluentui/react-components";
import { SEVERITIES, type Summary } from "../playbook/findings";
import { SEVERITY_COLOR, SeverityIcon } from "./SeverityIcon";
import type { Strings } from "./strings";

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, listStyleType: "none", margin: 0, padding: 0 },
});

/** The validation's counts per severity, as badges ("4 fejl", "7 advarsler", "1 info"). */
export function SummaryBadges({ summary, strings }: { summary: Summary; strings: Strings }) {
  const styles = useStyles();
  return (
    <ul className={styles.row} role="list" aria-label={strings.summaryLabel}>
      {SEVERITIES.map((severity) => (
        <li key={severity}>
          <Badge
            appearance={summary[severity] > 0 ? "tint" : "outline"}
            color={summary[severity] > 0 ? SEVERITY_COLOR[severity] : "subtle"}
            size="large"
            icon={<SeverityIcon severity={severity} />}
            data-severity={severity}
          >
            {strings.severityCount(severity, summary[severity])}
          </Badge>
        </li>
      ))}
    </ul>
  );
}
