import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { Component, type ReactNode } from "react";
import { ACTION_ATTRIBUTE } from "./ActionBar";
import { OutcomeBar, failureOutcome, type Problem } from "./StatusMessage";
import type { Strings } from "./strings";

const useStyles = makeStyles({
  box: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL },
});

/** What the pane shows instead of itself when it cannot go on: a sentence, never a blank pane. */
export function PaneFailure({
  strings,
  problem = strings.unexpected,
  onRetry,
}: {
  strings: Strings;
  /** What went wrong and what to do; the generic "unexpected error" sentence when left out. */
  problem?: Problem;
  onRetry?(): void;
}) {
  const styles = useStyles();
  return (
    <div className={styles.box} role="alert">
      <OutcomeBar outcome={failureOutcome(problem)} />
      {onRetry ? (
        <Button appearance="primary" onClick={onRetry}>
          {strings.retry}
        </Button>
      ) : null}
    </div>
  );
}

interface BoundaryProps {
  strings: Strings;
  children: ReactNode;
}

/** Catches a rendering error anywhere in the pane and shows PaneFailure with a way back. */
export class ErrorBoundary extends Component<BoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  /** Back from the failure: focus the pane's first action, not the page (the retry button is gone). */
  override componentDidUpdate(_: BoundaryProps, previous: { failed: boolean }) {
    if (previous.failed && !this.state.failed) document.querySelector<HTMLElement>(`[${ACTION_ATTRIBUTE}]`)?.focus();
  }

  override render() {
    if (this.state.failed) {
      return <PaneFailure strings={this.props.strings} onRetry={() => this.setState({ failed: false })} />;
    }
    return this.props.children;
  }
}
