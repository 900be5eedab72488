import { Button, makeStyles, tokens, type ButtonProps } from "@fluentui/react-components";
// Icons one by one from their own modules: only these enter the bundle, also in development.
import { ClipboardTaskListLtr20Regular } from "@fluentui/react-icons/svg/clipboard-task-list-ltr";
import { GanttChart20Regular } from "@fluentui/react-icons/svg/gantt-chart";
import { TableAdd20Regular } from "@fluentui/react-icons/svg/table-add";
import { useId, type JSX } from "react";
import type { ActionKey, Strings } from "./strings";
import { useTypography } from "./typography";

const PRIMARY: ReadonlyArray<{ key: ActionKey; icon: JSX.Element }> = [
  { key: "generate", icon: <TableAdd20Regular /> },
  { key: "validate", icon: <ClipboardTaskListLtr20Regular /> },
  { key: "timeline", icon: <GanttChart20Regular /> },
];

const useStyles = makeStyles({
  bar: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  button: { justifyContent: "flex-start" },
});

export interface ActionButtonProps {
  action: ActionKey;
  strings: Strings;
  /** The action now running: every action button is disabled meanwhile (but keeps focus). */
  running: ActionKey | null;
  icon: JSX.Element;
  appearance: ButtonProps["appearance"];
  size?: ButtonProps["size"];
  className?: string;
  onRun(action: ActionKey): void;
}

/**
 * One action's button. Its explanation (strings.actionHint) is the button's accessible description
 * and its tooltip, not a paragraph under it: the pane keeps its height for the findings.
 */
export function ActionButton({ action, strings, running, icon, appearance, size, className, onRun }: ActionButtonProps) {
  const type = useTypography();
  const hintId = useId();
  const hint = strings.actionHint[action];
  return (
    <>
      <Button
        appearance={appearance}
        size={size}
        className={className}
        icon={icon}
        title={hint}
        aria-describedby={hintId}
        disabledFocusable={running !== null}
        onClick={() => onRun(action)}
      >
        {strings.action[action]}
      </Button>
      <span id={hintId} className={type.visuallyHidden}>
        {hint}
      </span>
    </>
  );
}

export interface ActionBarProps {
  strings: Strings;
  running: ActionKey | null;
  onRun(action: ActionKey): void;
}

/** The three main actions as a compact stack, Validate the primary one. */
export function ActionBar({ strings, running, onRun }: ActionBarProps) {
  const styles = useStyles();
  return (
    <div role="group" className={styles.bar} aria-label={strings.actionsLabel}>
      {PRIMARY.map(({ key, icon }) => (
        <ActionButton
          key={key}
          action={key}
          strings={strings}
          running={running}
          icon={icon}
          appearance={key === "validate" ? "primary" : "secondary"}
          className={styles.button}
          onRun={onRun}
        />
      ))}
    </div>
  );
}
