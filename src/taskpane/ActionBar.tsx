import { Button, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
// Icons one by one from their own modules: only these enter the bundle, also in development.
import { ClipboardTaskListLtr20Regular } from "@fluentui/react-icons/svg/clipboard-task-list-ltr";
import { Eraser20Regular } from "@fluentui/react-icons/svg/eraser";
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
  bar: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  action: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  button: { justifyContent: "flex-start" },
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
  const type = useTypography();
  const hintClass = mergeClasses(type.caption, type.muted);
  const idPrefix = useId();
  const hintId = (key: ActionKey) => `${idPrefix}-${key}`;
  const button = (key: ActionKey, icon: JSX.Element, appearance: "primary" | "secondary" | "subtle", className: string) => (
    <Button
      appearance={appearance}
      className={className}
      icon={icon}
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
          <span id={hintId(key)} className={hintClass}>
            {strings.actionHint[key]}
          </span>
        </div>
      ))}
      <div className={styles.action}>
        {button("clearHighlights", <Eraser20Regular />, "subtle", styles.secondary)}
        <span id={hintId("clearHighlights")} className={hintClass}>
          {strings.actionHint.clearHighlights}
        </span>
      </div>
    </div>
  );
}
