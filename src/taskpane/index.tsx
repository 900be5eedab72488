/**
 * The pane's entry: wait for Office, learn the display language and theme, then render the App
 * with the Excel implementation of its actions. The only file here that knows about Excel.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { createExcelActions } from "../excel/actions";
import { describeOfficeError } from "../excel/errors";
import { onHostReady } from "../excel/host";
import { App } from "./App";
import { PaneFailure } from "./ErrorBoundary";
import { STRINGS } from "./strings";

async function start(): Promise<void> {
  const container = document.getElementById("root");
  if (!container) throw new Error("taskpane.html has no #root element");
  const root = createRoot(container);
  try {
    const { lang, theme } = await onHostReady();
    document.documentElement.lang = lang === "da" ? "da-DK" : "en-US";
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
