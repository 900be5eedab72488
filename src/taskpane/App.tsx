import { Button, FluentProvider, makeStyles, mergeClasses, tokens, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { formatDay, today as todayOf } from "../playbook/dates";
import type { Lang } from "../playbook/vocabulary";
import type { PaneActions, ValidationOutcome } from "../port/pane-actions";
import { ACTION_ICONS, ActionBar, actionSelector } from "./ActionBar";
import { ErrorBoundary } from "./ErrorBoundary";
import type { GoToTarget } from "./FindingItem";
import { FindingsList } from "./FindingsList";
import { setupOutcome } from "./paneText";
import { useLifecycle } from "./Lifecycle";
import { StatusMessage, failureOutcome, type Problem } from "./StatusMessage";
import { downloadFile, type Download } from "./download";
import { STRINGS, type ActionKey, type Outcome, type Strings } from "./strings";
import { useTypography } from "./typography";
import { useAction } from "./useAction";

/**
 * Turns a failure into what the user reads (src/excel/errors.ts's describeOfficeError in Excel). A
 * technical reference may come apart (`technical`) or at the end of `detail` as "(Teknisk: …)".
 */
export type ErrorDescriber = (error: unknown, lang: Lang) => Problem;

export interface AppProps {
  actions: PaneActions;
  lang: Lang;
  theme: "light" | "dark";
  /** The day the findings are stamped with; today when left out. */
  today?: Date;
  describeError?: ErrorDescriber;
  /** Saves a file from the pane (the calendar); a Blob behind an `<a download>` when left out. */
  download?: Download;
}

/** Without a describer (or when it fails itself): the generic sentence, and the error's own first line as technical detail. */
function errorOutcome(describeError: ErrorDescriber | undefined, error: unknown, lang: Lang, strings: Strings): Outcome {
  try {
    if (describeError) return failureOutcome(describeError(error, lang));
  } catch {
    // fall through to the generic sentence
  }
  const own = error instanceof Error ? error.message.split("\n")[0].slice(0, 200) : "";
  return failureOutcome({ ...strings.unexpected, technical: own ? `${strings.technical}: ${own}` : undefined });
}

const useStyles = makeStyles({
  root: { minHeight: "100vh" },
  main: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL} ${tokens.spacingVerticalL}`,
    maxWidth: "640px",
    overflowWrap: "break-word",
    // Where the web view knows the language's hyphenation (Edge WebView2 does for Danish), long words break with a hyphen.
    hyphens: "auto",
    // At 200 % zoom every pixel of width counts.
    "@media (max-width: 240px)": { paddingInline: tokens.spacingHorizontalS },
  },
  header: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  findings: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalM,
  },
  findingsHead: { display: "flex", alignItems: "baseline", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS },
});

function Pane({ actions, lang, today, describeError, download = downloadFile }: Omit<AppProps, "theme">) {
  const styles = useStyles();
  const type = useTypography();
  const strings = STRINGS[lang];
  const headingId = useId();
  const mainRef = useRef<HTMLElement>(null);
  const describe = useCallback(
    (error: unknown) => errorOutcome(describeError, error, lang, strings),
    [describeError, lang, strings],
  );
  const { status, run, showFailure, dismiss } = useAction(describe);
  const [validation, setValidation] = useState<{ outcome: ValidationOutcome; day: Date } | null>(null);
  const lifecycle = useLifecycle({
    actions,
    lang,
    strings,
    outcome: validation?.outcome ?? null,
    // Accepting, reopening or fixing changes the counts: the message of the last Validér would now
    // give old ones, so it goes; the lifecycle's notice says what happened.
    setOutcome: (outcome) => {
      setValidation({ outcome, day: today ?? todayOf() });
      dismiss();
    },
    onFailure: (error) => showFailure(describe(error)),
  });

  useEffect(() => {
    document.title = strings.title;
  }, [strings]);

  /** Focus the button of `action` (or the menu holding it): where focus goes when what had it goes away. */
  const focusAction = useCallback((action: ActionKey) => {
    mainRef.current?.querySelector<HTMLElement>(actionSelector(action))?.focus();
  }, []);

  const onRun = (action: ActionKey) => {
    lifecycle.reset();
    switch (action) {
      case "generate":
        return run(action, () => actions.generate(lang), strings.generated);
      case "validate":
        return run(action, () => actions.validate(lang), (o) => setupOutcome(o.findings, lang)?.outcome ?? strings.validated(o)).then(
          (outcome) => {
            // A workbook without planning sheets: the message says what to do, not 35 findings.
            if (outcome) setValidation(setupOutcome(outcome.findings, lang)?.blank ? null : { outcome, day: today ?? todayOf() });
          },
        );
      case "timeline":
        return run(action, () => actions.timeline(lang), strings.timelineDrawn);
      case "statusReport":
        return run(action, () => actions.statusReport(lang), strings.statusWritten);
      case "calendar":
        return run(
          action,
          async () => {
            const file = await actions.calendar(lang);
            return { file, started: download({ fileName: file.fileName, text: file.text, type: "text/calendar" }) };
          },
          ({ file, started }) => strings.calendarMade(file, started),
        );
      case "clearHighlights":
        return run(action, () => actions.clearHighlights(), () => strings.highlightsCleared);
    }
  };

  const running = status.kind === "busy" ? status.action : null;

  const onDismiss = () => {
    const after = status.kind === "done" && status.action ? status.action : "validate";
    dismiss();
    focusAction(after);
  };

  /** A message's next step: the same action as in the bar, which takes the focus as the message goes. */
  const actionButton = (action: ActionKey) => (
    <Button
      appearance="primary"
      size="small"
      icon={ACTION_ICONS[action]}
      disabledFocusable={running !== null}
      onClick={() => {
        focusAction(action);
        void onRun(action);
      }}
    >
      {strings.action[action]}
    </Button>
  );

  const onGoTo = useCallback(
    (target: GoToTarget) => {
      actions.goTo(target).catch((error: unknown) => showFailure(describe(error)));
    },
    [actions, showFailure, describe],
  );

  return (
    <main className={styles.main} ref={mainRef}>
      <header className={styles.header}>
        <h1 className={type.title}>{strings.title}</h1>
        <p className={mergeClasses(type.caption, type.muted)}>{strings.subtitle}</p>
      </header>
      <ActionBar strings={strings} running={running} onRun={onRun} />
      <StatusMessage status={status} strings={strings} onDismiss={onDismiss} actionButton={actionButton} />
      <section className={styles.findings} aria-labelledby={headingId}>
        <div className={styles.findingsHead}>
          <h2 className={type.heading} id={headingId}>
            {strings.findingsHeading}
          </h2>
          {validation ? (
            <span className={mergeClasses(type.caption, type.muted)}>
              {strings.findingsAsOf(formatDay(validation.day, lang))}
            </span>
          ) : null}
        </div>
        {validation ? lifecycle.notice : null}
        {validation ? (
          <FindingsList findings={lifecycle.open} lang={lang} strings={strings} onGoTo={onGoTo} renderActions={lifecycle.renderActions} />
        ) : (
          <p className={mergeClasses(type.body, type.muted)}>{strings.noValidationYet}</p>
        )}
        {validation ? lifecycle.acceptedGroup : null}
      </section>
    </main>
  );
}

/** The task pane: Fluent theme and language around the pane, and an error boundary inside. */
export function App({ theme, ...props }: AppProps) {
  const styles = useStyles();
  // Native parts (the select's list, scrollbars) follow the theme too.
  useEffect(() => {
    document.documentElement.style.colorScheme = theme;
  }, [theme]);
  return (
    <FluentProvider
      theme={theme === "dark" ? webDarkTheme : webLightTheme}
      lang={props.lang === "da" ? "da-DK" : "en-US"}
      className={styles.root}
      style={{ colorScheme: theme }}
    >
      <ErrorBoundary strings={STRINGS[props.lang]}>
        <Pane {...props} />
      </ErrorBoundary>
    </FluentProvider>
  );
}
