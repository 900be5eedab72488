import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import type { Outcome, Strings } from "./strings";
import type { ActionStatus } from "./useAction";

const useStyles = makeStyles({
  region: { minHeight: "1px" },
  progress: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  detail: { display: "block" },
});

/** An outcome as a Fluent message bar: title, the sentence that says what to do, a close button. */
export function OutcomeBar({ outcome, dismissLabel, onDismiss }: { outcome: Outcome; dismissLabel?: string; onDismiss?(): void }) {
  const styles = useStyles();
  return (
    <MessageBar intent={outcome.intent} layout="multiline" data-intent={outcome.intent}>
      <MessageBarBody>
        <MessageBarTitle>{outcome.title}</MessageBarTitle>
        {outcome.detail ? <span className={styles.detail}>{outcome.detail}</span> : null}
      </MessageBarBody>
      {onDismiss ? (
        <MessageBarActions
          containerAction={
            <Button appearance="transparent" aria-label={dismissLabel} icon={<DismissRegular />} onClick={onDismiss} />
          }
        />
      ) : null}
    </MessageBar>
  );
}

/**
 * Progress while an action runs, then how it ended. The regions are always in the page, so screen
 * readers announce the progress text and a result politely, and a failure at once (role=alert).
 */
export function StatusMessage({ status, strings, onDismiss }: { status: ActionStatus; strings: Strings; onDismiss(): void }) {
  const styles = useStyles();
  const outcome = status.kind === "done" ? status.outcome : null;
  const failed = status.kind === "done" && status.failed;
  const bar = outcome ? <OutcomeBar outcome={outcome} dismissLabel={strings.dismiss} onDismiss={onDismiss} /> : null;
  return (
    <div className={styles.region}>
      <div role="status" aria-live="polite">
        {status.kind === "busy" ? (
          <div className={styles.progress}>
            <ProgressBar thickness="large" aria-label={strings.progress[status.action]} />
            <Text>{strings.progress[status.action]}</Text>
          </div>
        ) : failed ? null : (
          bar
        )}
      </div>
      <div role="alert">{failed ? bar : null}</div>
    </div>
  );
}
