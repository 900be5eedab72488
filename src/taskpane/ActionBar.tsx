import { Button, Caption1, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import {
  ClipboardTaskListLtr20Regular,
  Eraser20Regular,
  GanttChart20Regular,
  TableAdd20Regular,
} from "@fluentui/react-icons";
import { useId, type JSX } from "react";
import type { ActionKey, Strings } from "./strings";

const PRIMARY: ReadonlyArray<{ key: ActionKey; icon: JSX.Element }> = [
  { key: "generate", icon: <TableAdd20Regular /> },
  { key: "validate", icon: <ClipboardTaskListLtr20Regular /> },
  { key: "timeline", icon: <GanttChart20Regular /> },
];

const useStyles = makeStyles({
  bar: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  action: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  button: { justifyContent: "flex-start" },
  hint: { color: tokens.colorNeutralForeground2 },
  secondary: { alignSelf: "flex-start" },
});

export interface ActionBarProps {
  strings: Strings;
  /** The action now running; every button is disabled meanwhile (but keeps focus). */
  running: ActionKey | null;
  onRun(action: ActionKey): void;
}

/** The three main actions, each with a one-line explanation, and the secondary "clear highlights". */
export function ActionBar({ strings, running, onRun }: ActionBarProps) {
  const styles = useStyles();
  const idPrefix = useId();
  const hintId = (key: ActionKey) => `${idPrefix}-${key}`;
  const button = (key: ActionKey, icon: JSX.Element, appearance: "primary" | "secondary" | "subtle", className: string) => (
    <Button
      appearance={appearance}
      className={className}
      icon={running === key ? <Spinner size="tiny" aria-hidden /> : icon}
      disabledFocusable={running !== null}
      aria-describedby={hintId(key)}
      onClick={() => onRun(key)}
    >
      {strings.action[key]}
    </Button>
  );
  return (
    <div role="group" className={styles.bar} aria-label={strings.actionsLabel}>
      {PRIMARY.map(({ key, icon }) => (
        <div className={styles.action} key={key}>
          {button(key, icon, key === "validate" ? "primary" : "secondary", styles.button)}
          <Caption1 id={hintId(key)} className={styles.hint}>
            {strings.actionHint[key]}
          </Caption1>
        </div>
      ))}
      <div className={styles.action}>
        {button("clearHighlights", <Eraser20Regular />, "subtle", styles.secondary)}
        <Caption1 id={hintId("clearHighlights")} className={styles.hint}>
          {strings.actionHint.clearHighlights}
        </Caption1>
      </div>
    </div>
  );
}
