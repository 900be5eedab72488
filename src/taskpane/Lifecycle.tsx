/**
 * Working through findings over time (issue 8), for the pane: *Acceptér…* and *Genåbn*, fixes on one
 * click with *Fortryd* until the next action, and "3 nye, 5 løst siden sidst" after a validation
 * (with a note for each part a protected sheet kept out of it: the history row, the report, highlights).
 * App wires it in with a few lines; the Excel side is PaneActions.accept/reopen/applyFix/undoFix.
 */
import { Button, Dialog, DialogBody, DialogContent, DialogSurface, DialogTitle, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { render } from "../playbook/render";
import { useCallback, useRef, useState, type ReactNode } from "react";
import { summarize, type Acceptance, type Finding, type Fix } from "../playbook/findings";
import { normalizeKey, type Lang } from "../playbook/vocabulary";
import type { AcceptanceInput, PaneActions, UndoToken, ValidationOutcome } from "../port/pane-actions";
import { AcceptForm } from "./AcceptForm";
import { AcceptedGroup } from "./AcceptedGroup";
import { FixButton } from "./FixButton";
import { LIFECYCLE_STRINGS } from "./lifecycle-strings";
import type { Strings } from "./strings";
import { useTypography } from "./typography";

const key = (v: string | null | undefined) => normalizeKey(v ?? "");

/** The findings an acceptance of `finding` covers: same rule, sheet, subject and column (WORKBOOK.md). */
function coveredBy(finding: Finding, other: Finding): boolean {
  return (
    other.rule === finding.rule &&
    key(other.sheet) === key(finding.sheet) &&
    key(other.subject) === key(finding.subject) &&
    key(other.column) === key(finding.column)
  );
}

/** The outcome with `findings`, its counts of open findings recomputed. */
function withFindings(outcome: ValidationOutcome, findings: Finding[]): ValidationOutcome {
  return { ...outcome, findings, summary: summarize(findings.filter((f) => !f.accepted)) };
}

export function markAccepted(outcome: ValidationOutcome, finding: Finding, acceptance: Acceptance): ValidationOutcome {
  return withFindings(
    outcome,
    outcome.findings.map((f) => (!f.accepted && coveredBy(finding, f) ? { ...f, accepted: acceptance } : f)),
  );
}

export function markReopened(outcome: ValidationOutcome, acceptance: Acceptance): ValidationOutcome {
  return withFindings(
    outcome,
    outcome.findings.map((f) =>
      f.accepted && f.accepted.row === acceptance.row && key(f.accepted.sheet) === key(acceptance.sheet) ? { ...f, accepted: null } : f,
    ),
  );
}

const useStyles = makeStyles({
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalXS },
  notice: {
    display: "flex",
    alignItems: "center",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    // The notice takes the focus after an action (keyboard users land on what happened).
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: tokens.strokeWidthThin },
  },
  // What an action did stands in a quiet panel, apart from the list below it.
  said: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`, backgroundColor: tokens.colorNeutralBackground2 },
  note: { flexBasis: "100%", margin: 0 },
});

export interface LifecycleOptions {
  actions: PaneActions;
  lang: Lang;
  strings: Strings;
  outcome: ValidationOutcome | null;
  /** Replace the outcome the pane shows. */
  setOutcome(outcome: ValidationOutcome): void;
  /** Show an action's failure as the pane does. */
  onFailure(error: unknown): void;
}

export interface Lifecycle {
  /** The buttons (and the open form) under one finding of the list. */
  renderActions(finding: Finding): ReactNode;
  /** The line under the findings' heading: what the last fix or acceptance did, *Fortryd*, and new/resolved. */
  notice: ReactNode;
  /** The collapsed *Accepterede* group. */
  acceptedGroup: ReactNode;
  /** The open findings, for the list and its counts. */
  open: Finding[];
  /** Another action starts: *Fortryd* is no longer offered. */
  reset(): void;
}

export function useLifecycle({ actions, lang, strings, outcome, setOutcome, onFailure }: LifecycleOptions): Lifecycle {
  const styles = useStyles();
  const type = useTypography();
  const words = LIFECYCLE_STRINGS[lang];
  const [busy, setBusy] = useState(false);
  const [formFor, setFormFor] = useState<Finding | null>(null);
  const [lastBy, setLastBy] = useState<string | null>(null);
  const [undo, setUndo] = useState<UndoToken | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const running = useRef(false);

  const reset = useCallback(() => {
    setUndo(null);
    setMessage(null);
    setFormFor(null);
  }, []);

  const task = async (work: () => Promise<void>) => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    try {
      await work();
      // Keyboard users land on what happened, not on a button that has gone.
      setTimeout(() => noticeRef.current?.focus(), 0);
    } catch (error) {
      onFailure(error);
    } finally {
      running.current = false;
      setBusy(false);
    }
  };

  const accept = (finding: Finding, input: AcceptanceInput) =>
    task(async () => {
      const acceptance = await actions.accept(finding, input, lang);
      if (input.by) setLastBy(input.by);
      setFormFor(null);
      setUndo(null);
      if (outcome) setOutcome(markAccepted(outcome, finding, acceptance));
      setMessage(words.accepted);
    });

  const reopen = (acceptance: Acceptance) =>
    task(async () => {
      await actions.reopen(acceptance);
      setUndo(null);
      if (outcome) setOutcome(markReopened(outcome, acceptance));
      setMessage(words.reopened);
    });

  const fix = (fixes: ReadonlyArray<Fix>) =>
    task(async () => {
      setFormFor(null);
      const result = await actions.applyFix(fixes, lang);
      setOutcome(result.outcome);
      if (result.applied) {
        setUndo(result.undo);
        setMessage(words.fixed(fixes.length));
      } else {
        setUndo(null);
        setMessage(words.stale(result.stale));
      }
    });

  const undoFix = (token: UndoToken) =>
    task(async () => {
      const result = await actions.undoFix(token, lang);
      setUndo(null);
      setOutcome(result.outcome);
      setMessage(result.undone ? words.undone : words.undoStale(result.stale));
    });

  const open = outcome ? outcome.findings.filter((f) => !f.accepted) : [];
  const accepted = outcome ? outcome.findings.filter((f) => f.accepted) : [];
  const fixesByRule = new Map<string, Fix[]>();
  for (const f of open) if (f.fix) fixesByRule.set(f.rule, [...(fixesByRule.get(f.rule) ?? []), f.fix]);

  const renderActions = (finding: Finding): ReactNode => {
    const acceptable = finding.rule !== "DATA-07" && finding.rule !== "DATA-08";
    return (
      <div className={styles.actions}>
        {finding.fix ? (
          <FixButton fix={finding.fix} ruleFixes={fixesByRule.get(finding.rule) ?? []} lang={lang} strings={words} busy={busy} onFix={fix} />
        ) : null}
        {acceptable ? (
          <Button size="small" appearance="subtle" disabledFocusable={busy} aria-haspopup="dialog" onClick={() => setFormFor(finding)}>
            {words.accept}
          </Button>
        ) : null}
      </div>
    );
  };

  // The form is a dialog: inside the list, Tab would leave the arrow-key group instead of going to the next field.
  const form = (
    <Dialog open={formFor !== null} onOpenChange={(_, data) => !data.open && setFormFor(null)}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{words.acceptFormLabel}</DialogTitle>
          <DialogContent>
            {formFor ? (
              <>
                <p className={type.body}>{render(formFor, { lang, surface: "pane" }).message}</p>
                <AcceptForm
                  strings={words}
                  people={outcome?.people ?? []}
                  defaultBy={lastBy}
                  busy={busy}
                  onAccept={(input) => accept(formFor, input)}
                  onCancel={() => setFormFor(null)}
                />
              </>
            ) : null}
          </DialogContent>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );

  const since = outcome?.since;
  // Parts of the validation a protected sheet kept out: plain notes, not failures.
  const notes = outcome?.notWritten?.length ? words.notWritten(outcome.notWritten) : [];
  const notice = (
    <div ref={noticeRef} tabIndex={-1} role="status" aria-live="polite" className={mergeClasses(type.caption, styles.notice, message || notes.length ? styles.said : undefined)}>
      {message ? <span>{message}</span> : null}
      {undo ? (
        <Button size="small" disabledFocusable={busy} onClick={() => undoFix(undo)}>
          {words.undo}
        </Button>
      ) : null}
      {since ? <span className={type.muted}>{words.since(since.new, since.resolved)}</span> : null}
      {notes.map((note) => (
        <p key={note} className={styles.note}>
          {note}
        </p>
      ))}
      {form}
    </div>
  );

  const acceptedGroup = <AcceptedGroup findings={accepted} lang={lang} strings={strings} words={words} busy={busy} onReopen={reopen} />;

  return { renderActions, notice, acceptedGroup, open, reset };
}
