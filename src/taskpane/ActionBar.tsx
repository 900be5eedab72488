import {
  Button,
  Menu,
  MenuButton,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  makeStyles,
  tokens,
  type ButtonProps,
} from "@fluentui/react-components";
// Icons one by one from their own modules: only these enter the bundle, also in development.
import { CalendarArrowDown20Regular } from "@fluentui/react-icons/svg/calendar-arrow-down";
import { ClipboardTaskListLtr20Regular } from "@fluentui/react-icons/svg/clipboard-task-list-ltr";
import { DocumentData20Regular } from "@fluentui/react-icons/svg/document-data";
import { Eraser20Regular } from "@fluentui/react-icons/svg/eraser";
import { GanttChart20Regular } from "@fluentui/react-icons/svg/gantt-chart";
import { MoreHorizontal20Regular } from "@fluentui/react-icons/svg/more-horizontal";
import { TableAdd20Regular } from "@fluentui/react-icons/svg/table-add";
import { useId, type JSX } from "react";
import type { ActionKey, Strings } from "./strings";

export const ACTION_ICONS: Record<ActionKey, JSX.Element> = {
  generate: <TableAdd20Regular />,
  validate: <ClipboardTaskListLtr20Regular />,
  timeline: <GanttChart20Regular />,
  statusReport: <DocumentData20Regular />,
  calendar: <CalendarArrowDown20Regular />,
  clearHighlights: <Eraser20Regular />,
};

/**
 * The actions shown as buttons, in the order of the work (Validate the primary one): with the menu
 * button they fit one row of a 360 px pane, so the findings start high …
 */
export const PRIMARY: ReadonlyArray<ActionKey> = ["generate", "validate"];
/** … and those in the *Flere handlinger* menu after them. New actions (reports, exports) go here. */
export const MORE: ReadonlyArray<ActionKey> = ["timeline", "statusReport", "calendar", "clearHighlights"];

/** The element an action's button (or the menu holding it) carries, so focus can be put back on it. */
export const ACTION_ATTRIBUTE = "data-action";
const MORE_KEY = "more";

/** The selector of the button that runs `action`, or of the menu button when the action is in the menu. */
export function actionSelector(action: ActionKey): string {
  return `[${ACTION_ATTRIBUTE}="${PRIMARY.includes(action) ? action : MORE_KEY}"]`;
}

const useStyles = makeStyles({
  bar: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  // A long word wraps inside its button instead of running out of it (200 % zoom, narrow panes).
  button: { maxWidth: "100%", overflowWrap: "anywhere", textAlign: "start" },
});

/** An action's explanation, as its description: out of the reading order (`hidden`), read with the button. */
function Hint({ id, text }: { id: string; text: string }) {
  return (
    <span id={id} hidden>
      {text}
    </span>
  );
}

export interface ActionButtonProps {
  action: ActionKey;
  strings: Strings;
  /** The action now running: every action button is disabled meanwhile (but keeps focus). */
  running: ActionKey | null;
  appearance?: ButtonProps["appearance"];
  size?: ButtonProps["size"];
  className?: string;
  onRun(action: ActionKey): void;
}

/**
 * One action's button. Its explanation (strings.actionHint) is the button's accessible description
 * and its tooltip, not a paragraph under it: the pane keeps its height for the findings.
 */
export function ActionButton({ action, strings, running, appearance = "secondary", size, className, onRun }: ActionButtonProps) {
  const styles = useStyles();
  const hintId = useId();
  const hint = strings.actionHint[action];
  return (
    <>
      <Button
        appearance={appearance}
        size={size}
        className={className ?? styles.button}
        icon={ACTION_ICONS[action]}
        title={hint}
        aria-describedby={hintId}
        disabledFocusable={running !== null}
        onClick={() => onRun(action)}
        {...{ [ACTION_ATTRIBUTE]: action }}
      >
        {strings.action[action]}
      </Button>
      <Hint id={hintId} text={hint} />
    </>
  );
}

function MoreItem({ action, strings, running, onRun }: Omit<ActionButtonProps, "appearance" | "size" | "className">) {
  const hintId = useId();
  return (
    <MenuItem icon={ACTION_ICONS[action]} aria-describedby={hintId} disabled={running !== null} onClick={() => onRun(action)}>
      {strings.action[action]}
      <Hint id={hintId} text={strings.actionHint[action]} />
    </MenuItem>
  );
}

export interface ActionBarProps {
  strings: Strings;
  running: ActionKey | null;
  onRun(action: ActionKey): void;
  primary?: ReadonlyArray<ActionKey>;
  more?: ReadonlyArray<ActionKey>;
}

/**
 * The actions as one row of buttons that wraps when the pane is narrow or zoomed, the primary one
 * (Validate) filled, the rest in a menu behind a «…» button at the end (*Flere handlinger*).
 */
export function ActionBar({ strings, running, onRun, primary = PRIMARY, more = MORE }: ActionBarProps) {
  const styles = useStyles();
  return (
    <div role="group" className={styles.bar} aria-label={strings.actionsLabel}>
      {primary.map((key) => (
        <ActionButton
          key={key}
          action={key}
          strings={strings}
          running={running}
          appearance={key === "validate" ? "primary" : "secondary"}
          onRun={onRun}
        />
      ))}
      {more.length > 0 ? (
        <Menu>
          <MenuTrigger disableButtonEnhancement>
            <MenuButton
              appearance="subtle"
              icon={<MoreHorizontal20Regular />}
              aria-label={strings.moreLabel}
              title={strings.moreLabel}
              disabledFocusable={running !== null}
              {...{ [ACTION_ATTRIBUTE]: MORE_KEY }}
            />
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              {more.map((key) => (
                <MoreItem key={key} action={key} strings={strings} running={running} onRun={onRun} />
              ))}
            </MenuList>
          </MenuPopover>
        </Menu>
      ) : null}
    </div>
  );
}
