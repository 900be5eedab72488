import { makeStyles, tokens, typographyStyles } from "@fluentui/react-components";

/**
 * Fluent's type ramp as classes for plain elements (h1, h2, p, span): the same look as Fluent's
 * Text components, without their code in the pane's bundle.
 */
export const useTypography = makeStyles({
  title: { ...typographyStyles.title3, margin: 0 },
  heading: { ...typographyStyles.subtitle2, margin: 0 },
  body: { ...typographyStyles.body1, margin: 0 },
  caption: { ...typographyStyles.caption1, margin: 0 },
  muted: { color: tokens.colorNeutralForeground2 },
  /** Read by screen readers (e.g. as a button's description), not shown. */
  visuallyHidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    padding: 0,
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
    border: 0,
  },
});
