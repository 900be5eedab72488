import { Button, ProgressBar, makeStyles, mergeClasses, tokens, typographyStyles } from "@fluentui/react-components";
import { CheckmarkCircle20Filled } from "@fluentui/react-icons/svg/checkmark-circle";
import { Dismiss20Regular } from "@fluentui/react-icons/svg/dismiss";
import { ErrorCircle20Filled } from "@fluentui/react-icons/svg/error-circle";
import { Info20Filled } from "@fluentui/react-icons/svg/info";
import { Warning20Filled } from "@fluentui/react-icons/svg/warning";
import type { KeyboardEvent, ReactNode } from "react";
import type { ActionKey, Outcome, Strings } from "./strings";
import { useTypography } from "./typography";
import type { ActionStatus } from "./useAction";

const useStyles = makeStyles({
  region: { minHeight: "1px" },
  progress: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  // Icon, title and close button on the first row; the sentence, the detail and the next step under
  // the title, or across the whole bar where the pane is very narrow (200 % zoom).
  bar: {
    display: "grid",
    gridTemplateColumns: "auto minmax(0, 1fr) auto",
    alignItems: "start",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    overflowWrap: "break-word",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS} ${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    ...typographyStyles.body1,
  },
  icon: { gridColumn: 1, gridRow: 1, marginTop: "1px" },
  // A word longer than the line (a sheet name) wraps inside the message, never under the close button.
  title: { ...typographyStyles.body1Strong, gridColumn: 2, gridRow: 1, minWidth: 0 },
  body: {
    gridColumn: "2 / 4",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    minWidth: 0,
    "@media (max-width: 240px)": { gridColumn: "1 / 4" },
  },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalXS },
  technical: {
    ...typographyStyles.caption1,
    color: tokens.colorNeutralForeground3,
    overflowWrap: "anywhere",
    marginTop: tokens.spacingVerticalXXS,
  },
  dismiss: { gridColumn: 3, gridRow: 1, marginTop: `calc(-1 * ${tokens.spacingVerticalXS})` },
  success: {
    backgroundColor: tokens.colorStatusSuccessBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorStatusSuccessBorder1}`,
    "& > svg": { color: tokens.colorStatusSuccessForeground1 },
  },
  info: {
    backgroundColor: tokens.colorNeutralBackground3,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    "& > svg": { color: tokens.colorNeutralForeground3 },
  },
  warning: {
    backgroundColor: tokens.colorStatusWarningBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorStatusWarningBorder1}`,
    "& > svg": { color: tokens.colorStatusWarningForeground3 },
  },
  error: {
    backgroundColor: tokens.colorStatusDangerBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorStatusDangerBorder1}`,
    "& > svg": { color: tokens.colorStatusDangerForeground1 },
  },
});

/** What a failure describer gives: the title, the sentence, and maybe the technical detail apart. */
export interface Problem {
  title: string;
  detail: string;
  technical?: string;
}

/**
 * The technical reference src/excel/errors.ts puts at the end of its sentence: "… og prøv igen.
 * (Teknisk: AccessDenied «…»)". The pane shows it apart, after the sentence and smaller.
 */
const TECHNICAL_TAIL = /\s*\(((?:Teknisk|Technical): [\s\S]*)\)\s*$/;

/** A failure as an error outcome: the Danish (or English) sentence first, the technical detail apart. */
export function failureOutcome({ title, detail, technical }: Problem): Outcome {
  const tail = technical === undefined ? TECHNICAL_TAIL.exec(detail) : null;
  if (!tail) return { intent: "error", title, detail, technical };
  return { intent: "error", title, detail: detail.slice(0, tail.index), technical: tail[1] };
}

const ICONS = {
  success: CheckmarkCircle20Filled,
  info: Info20Filled,
  warning: Warning20Filled,
  error: ErrorCircle20Filled,
} as const;

export interface OutcomeBarProps {
  outcome: Outcome;
  dismissLabel?: string;
  /** Close the message: its close button, or Escape anywhere in it. */
  onDismiss?(): void;
  /** The outcome's next step as a button under the sentence (`outcome.action`), e.g. «Opret ark». */
  actionButton?(action: ActionKey): ReactNode;
}

/**
 * An outcome as a message bar in the style of Fluent's MessageBar (intent colour and icon): the
 * title, the sentence that says what to do, the technical detail (if any) small below it, the next
 * step's button, and a close button.
 */
export function OutcomeBar({ outcome, dismissLabel, onDismiss, actionButton }: OutcomeBarProps) {
  const styles = useStyles();
  const Icon = ICONS[outcome.intent];
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape" && onDismiss) {
      event.stopPropagation();
      onDismiss();
    }
  };
  return (
    <div className={mergeClasses(styles.bar, styles[outcome.intent])} data-intent={outcome.intent} onKeyDown={onKeyDown}>
      <Icon aria-hidden className={styles.icon} />
      <span className={styles.title}>{outcome.title}</span>
      {outcome.detail || outcome.technical || (outcome.action && actionButton) ? (
        <div className={styles.body}>
          {outcome.detail ? <span>{outcome.detail}</span> : null}
          {outcome.technical ? <span className={styles.technical}>{outcome.technical}</span> : null}
          {outcome.action && actionButton ? <div className={styles.actions}>{actionButton(outcome.action)}</div> : null}
        </div>
      ) : null}
      {onDismiss ? (
        <Button
          appearance="transparent"
          size="small"
          className={styles.dismiss}
          aria-label={dismissLabel}
          icon={<Dismiss20Regular />}
          onClick={onDismiss}
        />
      ) : null}
    </div>
  );
}

/**
 * Progress while an action runs, then how it ended. The regions are always in the page, so screen
 * readers announce the progress text and a result politely, and a failure at once (role=alert).
 */
export function StatusMessage({
  status,
  strings,
  onDismiss,
  actionButton,
}: {
  status: ActionStatus;
  strings: Strings;
  onDismiss(): void;
  actionButton?: OutcomeBarProps["actionButton"];
}) {
  const styles = useStyles();
  const type = useTypography();
  const outcome = status.kind === "done" ? status.outcome : null;
  const failed = status.kind === "done" && status.failed;
  const bar = outcome ? <OutcomeBar outcome={outcome} dismissLabel={strings.dismiss} onDismiss={onDismiss} actionButton={actionButton} /> : null;
  return (
    <div className={styles.region}>
      <div role="status" aria-live="polite">
        {status.kind === "busy" ? (
          <div className={styles.progress}>
            <ProgressBar thickness="large" aria-label={strings.progress[status.action]} />
            <span className={type.body}>{strings.progress[status.action]}</span>
          </div>
        ) : failed ? null : (
          bar
        )}
      </div>
      <div role="alert">{failed ? bar : null}</div>
    </div>
  );
}
