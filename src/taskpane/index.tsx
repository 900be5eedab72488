/**
 * The pane's entry: wait for Office, learn the display language and theme, then render the App
 * with the Excel implementation of its actions. The only file here that knows about Excel.
 */
import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { createExcelActions } from "../excel/actions";
import { HOST_TOO_OLD, PlaybookExcelError, describeOfficeError } from "../excel/errors";
import { onHostReady } from "../excel/host";
import { App } from "./App";
import { PaneFailure } from "./ErrorBoundary";
import { STRINGS } from "./strings";

async function start(): Promise<void> {
  const container = document.getElementById("root");
  if (!container) throw new Error("taskpane.html has no #root element");
  const root = createRoot(container);
  try {
    const { lang, theme, supported } = await onHostReady();
    document.documentElement.lang = lang === "da" ? "da-DK" : "en-US";
    if (!supported) {
      // Too old an Excel: a plain sentence instead of buttons that would fail one by one.
      root.render(
        <FluentProvider theme={theme === "dark" ? webDarkTheme : webLightTheme}>
          <PaneFailure strings={STRINGS[lang]} problem={describeOfficeError(new PlaybookExcelError(HOST_TOO_OLD), lang)} />
        </FluentProvider>,
      );
      return;
    }
    root.render(<App actions={createExcelActions()} lang={lang} theme={theme} describeError={describeOfficeError} />);
  } catch (error) {
    // Office never became ready (or the host is unsupported): say so in the browser's language.
    const lang = navigator.language.toLowerCase().startsWith("da") ? "da" : "en";
    root.render(
      <FluentProvider theme={webLightTheme}>
        <PaneFailure strings={STRINGS[lang]} problem={describeOfficeError(error, lang)} />
      </FluentProvider>,
    );
  }
}

void start();
