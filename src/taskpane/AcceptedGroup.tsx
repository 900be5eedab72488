import { Button, makeStyles, tokens, typographyStyles } from "@fluentui/react-components";
import { formatDay, parseIsoDay } from "../playbook/dates";
import { render } from "../playbook/render";
import { SEVERITY_LABEL, type Acceptance, type Finding } from "../playbook/findings";
import type { Lang } from "../playbook/vocabulary";
import { placeLabel } from "./FindingItem";
import type { LifecycleStrings } from "./lifecycle-strings";
import type { Strings } from "./strings";

const useStyles = makeStyles({
  group: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
  },
  summary: { cursor: "pointer", ...typographyStyles.body1Strong, padding: `${tokens.spacingVerticalXS} 0` },
  list: { margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  item: {
    listStyleType: "none",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    paddingTop: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  meta: { color: tokens.colorNeutralForeground2, ...typographyStyles.caption1 },
  reason: { ...typographyStyles.body1 },
  reopen: { alignSelf: "flex-start" },
});

export interface AcceptedGroupProps {
  findings: ReadonlyArray<Finding>;
  lang: Lang;
  strings: Strings;
  words: LifecycleStrings;
  busy: boolean;
  onReopen(acceptance: Acceptance): void;
}

/** The accepted findings, collapsed under *Accepterede (n)*, each with its reason and *Genåbn*. */
export function AcceptedGroup({ findings, lang, strings, words, busy, onReopen }: AcceptedGroupProps) {
  const styles = useStyles();
  if (findings.length === 0) return null;
  return (
    <details className={styles.group}>
      <summary className={styles.summary}>{words.acceptedGroup(findings.length)}</summary>
      <ul className={styles.list} aria-label={words.acceptedListLabel}>
        {findings.map((f, i) => {
          const a = f.accepted as Acceptance;
          const until = a.until ? parseIsoDay(a.until) : null;
          const meta = [
            `${SEVERITY_LABEL[f.severity][lang]} · ${f.rule}`,
            placeLabel(f, strings),
            a.by ? words.acceptedBy(a.by) : null,
            until ? words.acceptedUntil(formatDay(until, lang)) : null,
          ].filter(Boolean);
          return (
            <li key={`${f.rule}|${f.cell}|${a.row}|${i}`} className={styles.item}>
              <span className={styles.meta}>{meta.join(" · ")}</span>
              <span className={styles.reason}>{render(f, { lang, surface: "pane" }).message}</span>
              <span className={styles.reason}>
                {words.reason}: {a.reason}
              </span>
              <Button size="small" className={styles.reopen} disabledFocusable={busy} onClick={() => onReopen(a)}>
                {words.reopen}
              </Button>
            </li>
          );
        })}
      </ul>
    </details>
  );
}
