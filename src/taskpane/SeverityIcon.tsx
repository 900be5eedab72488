import { makeStyles, tokens } from "@fluentui/react-components";
import { ErrorCircle20Filled } from "@fluentui/react-icons/svg/error-circle";
import { Info20Filled } from "@fluentui/react-icons/svg/info";
import { Warning20Filled } from "@fluentui/react-icons/svg/warning";
import type { Severity } from "../playbook/findings";

const useStyles = makeStyles({
  error: { color: tokens.colorStatusDangerForeground1 },
  warning: { color: tokens.colorStatusWarningForeground1 },
  info: { color: tokens.colorBrandForeground1 },
});

const ICONS = { error: ErrorCircle20Filled, warning: Warning20Filled, info: Info20Filled } as const;

/** The severity's icon in its colour; decorative (the label next to it says the same in words). */
export function SeverityIcon({ severity }: { severity: Severity }) {
  const styles = useStyles();
  const Icon = ICONS[severity];
  return <Icon aria-hidden className={styles[severity]} />;
}

