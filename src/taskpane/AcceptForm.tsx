import { Button, Field, Input, Select, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { useId, useState, type FormEvent } from "react";
import type { AcceptanceInput } from "../port/pane-actions";
import type { LifecycleStrings } from "./lifecycle-strings";

const useStyles = makeStyles({
  form: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  buttons: { display: "flex", gap: tokens.spacingHorizontalS },
});

export interface AcceptFormProps {
  strings: LifecycleStrings;
  /** The plan's people, for *Accepteret af*. */
  people: ReadonlyArray<string>;
  /** Who is chosen at first: the last one used. */
  defaultBy: string | null;
  busy: boolean;
  onAccept(input: AcceptanceInput): void;
  onCancel(): void;
}

/**
 * The small form behind *Acceptér…*: a reason (required: the form says so and keeps what was
 * typed), who (a drop-down of the plan's people), and until when (optional). Focus starts in the reason.
 */
export function AcceptForm({ strings, people, defaultBy, busy, onAccept, onCancel }: AcceptFormProps) {
  const styles = useStyles();
  const labelId = useId();
  const [reason, setReason] = useState("");
  const [by, setBy] = useState(defaultBy !== null && people.includes(defaultBy) ? defaultBy : "");
  const [until, setUntil] = useState("");
  const [missing, setMissing] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim() === "") {
      setMissing(true);
      return;
    }
    onAccept({ reason: reason.trim(), by: by === "" ? null : by, until: until === "" ? null : until });
  };

  return (
    <form noValidate className={styles.form} aria-labelledby={labelId} onSubmit={submit}>
      <span id={labelId} hidden>
        {strings.acceptFormLabel}
      </span>
      <Field label={strings.reason} required hint={strings.reasonHint} validationMessage={missing ? strings.reasonRequired : undefined}>
        <Textarea
          autoFocus
          value={reason}
          onChange={(_, data) => {
            setReason(data.value);
            if (data.value.trim() !== "") setMissing(false);
          }}
        />
      </Field>
      <Field label={strings.by}>
        <Select value={by} onChange={(_, data) => setBy(data.value)}>
          <option value="">{strings.nobody}</option>
          {people.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={strings.until}>
        <Input type="date" value={until} onChange={(_, data) => setUntil(data.value)} />
      </Field>
      <div className={styles.buttons}>
        <Button type="submit" appearance="primary" disabledFocusable={busy}>
          {strings.confirm}
        </Button>
        <Button type="button" onClick={onCancel}>
          {strings.cancel}
        </Button>
      </div>
    </form>
  );
}
