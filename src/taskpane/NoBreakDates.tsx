import { makeStyles } from "@fluentui/react-components";
import { Fragment } from "react";

/** dd-mm-yyyy (the engine's Danish and English messages) and yyyy-mm-dd (ISO). */
const DATE = /\b(?:\d{2}-\d{2}-\d{4}|\d{4}-\d{2}-\d{2})\b/g;

const useStyles = makeStyles({ date: { whiteSpace: "nowrap" } });

/**
 * `text` with every date kept on one line: a browser may break "01-03-2027" after a hyphen, which
 * leaves "01-" at the end of one line and "03-2027" on the next. The text itself is unchanged.
 */
export function NoBreakDates({ text }: { text: string }) {
  const styles = useStyles();
  const parts: Array<string | { date: string }> = [];
  let last = 0;
  for (const match of text.matchAll(DATE)) {
    if (match.index > last) parts.push(text.slice(last, match.index));
    parts.push({ date: match[0] });
    last = match.index + match[0].length;
  }
  if (parts.length === 0) return <>{text}</>;
  if (last < text.length) parts.push(text.slice(last));
  return (
    <>
      {parts.map((part, i) =>
        typeof part === "string" ? (
          <Fragment key={i}>{part}</Fragment>
        ) : (
          <span key={i} className={styles.date}>
            {part.date}
          </span>
        ),
      )}
    </>
  );
}
