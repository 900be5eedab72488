/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { act, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { PaneActions, ValidationOutcome } from "../../src/port/pane-actions";
import { App, type AppProps } from "../../src/taskpane/App";
import { GENERATED, deferred, fakeActions, outcome } from "./fixtures";

function renderApp(props: Partial<AppProps> & { actions: PaneActions }) {
  const user = userEvent.setup();
  render(<App lang="da" theme="light" today={new Date(2026, 0, 15)} {...props} />);
  return { user };
}

const ACTIONS = ["Generér/opdatér ark", "Validér", "Tidslinje"];
const mainButtons = () => ACTIONS.map((name) => screen.getByRole("button", { name }));
const clearButton = () => screen.getByRole("button", { name: "Fjern markeringer" });

/** The message bar under the buttons: results in the polite status region, failures in the alert region. */
const resultRegion = () => screen.getAllByRole("status")[0];

describe("App", () => {
  it("shows the header, the three actions and clear highlights in Danish", () => {
    renderApp({ actions: fakeActions() });
    expect(screen.getByRole("heading", { level: 1, name: "FBS Drejebog" })).toBeInTheDocument();
    expect(within(screen.getByRole("group", { name: "Handlinger" })).getAllByRole("button").map((b) => b.textContent)).toEqual(ACTIONS);
    // What each action does is its description (and tooltip), not a paragraph taking up the pane.
    expect(screen.getByRole("button", { name: "Validér" })).toHaveAccessibleDescription(/Tjekker planen mod drejebogen/);
    expect(screen.getByRole("button", { name: "Validér" })).toHaveAttribute("title", expect.stringMatching(/^Tjekker planen/));
    expect(screen.getByText("Tryk på Validér for at tjekke planen. Fundene vises her.")).toBeInTheDocument();
  });

  it("clears highlights also before a validation in this session (they stay in the workbook), and after one", async () => {
    const actions = fakeActions();
    const { user } = renderApp({ actions });
    expect(clearButton()).not.toHaveAttribute("aria-disabled");
    await user.click(clearButton());
    expect(actions.clearHighlights).toHaveBeenCalledTimes(1);
    expect(resultRegion()).toHaveTextContent("Markeringerne er fjernet");

    await user.click(screen.getByRole("button", { name: "Validér" }));
    await screen.findByText("6 fund vises");
    expect(clearButton()).not.toHaveAttribute("aria-disabled");
    expect(clearButton()).toHaveAccessibleDescription("Fjerner valideringens markeringer. Din egen formatering bliver stående.");
    await user.click(clearButton());
    expect(actions.clearHighlights).toHaveBeenCalledTimes(2);
    expect(resultRegion()).toHaveTextContent("Markeringerne er fjernet");
    // The findings stay: they are still what the plan lacks.
    expect(screen.getByText("6 fund vises")).toBeInTheDocument();
  });

  it("shows the pane in English when Office speaks English", () => {
    renderApp({ actions: fakeActions(), lang: "en" });
    expect(screen.getByRole("heading", { level: 1, name: "FBS Playbook" })).toBeInTheDocument();
    for (const name of ["Generate/update sheets", "Validate", "Contract timeline", "Clear highlights"]) {
      expect(screen.getByRole("button", { name })).toBeInTheDocument();
    }
    expect(screen.queryByText(/Validér|Tidslinje/)).not.toBeInTheDocument();
  });

  it("shows progress and disables every button while validating, then the outcome, the counts and the findings", async () => {
    const pending = deferred<ValidationOutcome>();
    const actions = fakeActions({ validate: jest.fn(() => pending.promise) });
    const { user } = renderApp({ actions });

    await user.click(screen.getByRole("button", { name: "Validér" }));
    expect(actions.validate).toHaveBeenCalledWith("da");
    expect(resultRegion()).toHaveTextContent("Validerer planen …");
    expect(screen.getByRole("progressbar")).toBeInTheDocument();
    for (const button of [...mainButtons(), clearButton()]) expect(button).toHaveAttribute("aria-disabled", "true");

    // A second click while busy starts nothing.
    await user.click(screen.getByRole("button", { name: "Validér" }));
    await user.click(screen.getByRole("button", { name: "Generér/opdatér ark" }));
    expect(actions.validate).toHaveBeenCalledTimes(1);
    expect(actions.generate).not.toHaveBeenCalled();

    await act(async () => pending.resolve(outcome()));
    expect(screen.queryByRole("progressbar")).not.toBeInTheDocument();
    expect(resultRegion()).toHaveTextContent("Valideringen fandt 3 fejl, 2 advarsler og 1 info");
    expect(resultRegion()).toHaveTextContent("4 celler er markeret. Rapporten står i arket Validering.");
    // Errors in the plan are what the validation found, not a failure of it: a neutral message, no alert.
    expect(within(resultRegion()).getByText(/^Valideringen fandt/).closest("[data-intent]")).toHaveAttribute("data-intent", "info");
    expect(screen.getByRole("alert")).toBeEmptyDOMElement();
    for (const button of [...mainButtons(), clearButton()]) expect(button).not.toHaveAttribute("aria-disabled");

    // The counts per severity, once: on the severity filter's toggles.
    const severities = screen.getByRole("group", { name: "Vis fund efter alvorlighed" });
    expect(within(severities).getAllByRole("button").map((b) => b.textContent)).toEqual(["3 fejl", "2 advarsler", "1 info"]);
    expect(screen.queryByText(/^\d+ (fejl|advarsler?|info)$/, { ignore: "button, button *" })).not.toBeInTheDocument();
    expect(screen.getByText("Valideret 15-01-2026")).toBeInTheDocument();
    expect(screen.getByText("6 fund vises")).toBeInTheDocument();
  });

  it("jumps to a finding's cell through the actions", async () => {
    const actions = fakeActions();
    const { user } = renderApp({ actions });
    await user.click(screen.getByRole("button", { name: "Validér" }));
    await user.click(await screen.findByRole("button", { name: /CON-03/ }));
    expect(actions.goTo).toHaveBeenCalledWith({ sheet: "Kontrakter", cell: "E2" });
  });

  it("turns a failed action into the describer's sentence, and lets the user try again", async () => {
    const failure = Object.assign(new Error("InvalidOperation\n    at Excel.run (excel.js:1:1)"), { code: "InvalidOperation" });
    const actions = fakeActions({ generate: jest.fn().mockRejectedValueOnce(failure).mockResolvedValueOnce(GENERATED) });
    const describeError = jest.fn(() => ({ title: "Arket er beskyttet", detail: "Fjern beskyttelsen under Gennemse ▸ Fjern arkbeskyttelse, og prøv igen." }));
    const { user } = renderApp({ actions, describeError });

    await user.click(screen.getByRole("button", { name: "Generér/opdatér ark" }));
    const alert = await screen.findByRole("alert");
    expect(describeError).toHaveBeenCalledWith(failure, "da");
    expect(alert).toHaveTextContent("Arket er beskyttet");
    expect(alert).toHaveTextContent("Fjern beskyttelsen under Gennemse ▸ Fjern arkbeskyttelse, og prøv igen.");
    expect(document.body).not.toHaveTextContent("excel.js");
    for (const button of mainButtons()) expect(button).not.toHaveAttribute("aria-disabled");
    // A failed action is the one place for error colours.
    expect(within(alert).getByText("Arket er beskyttet").closest("[data-intent]")).toHaveAttribute("data-intent", "error");

    await user.click(screen.getByRole("button", { name: "Generér/opdatér ark" }));
    expect(resultRegion()).toHaveTextContent("3 ark oprettet");
    expect(screen.getByRole("alert")).toBeEmptyDOMElement();
  });

  it("without a describer, says that something unexpected happened with the error's first line, never its stack", async () => {
    const actions = fakeActions({ timeline: jest.fn().mockRejectedValue(new Error("Chart API missing\n    at drawTimeline (timeline.ts:12:3)")) });
    const { user } = renderApp({ actions, lang: "en" });
    await user.click(screen.getByRole("button", { name: "Contract timeline" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("The pane ran into an unexpected error");
    expect(within(alert).getByText("Technical: Chart API missing")).toBeInTheDocument();
    expect(alert).not.toHaveTextContent("timeline.ts");
  });

  it("puts the sentence of what to do first, and the technical detail apart after it", async () => {
    const actions = fakeActions({ validate: jest.fn().mockRejectedValue(Object.assign(new Error("cell edit"), { code: "InvalidOperationInCellEditMode" })) });
    const describeError = () => ({
      title: "Excel er ved at redigere en celle",
      detail: "Tryk Enter eller Esc for at afslutte redigeringen af cellen, og prøv så igen. (Teknisk: InvalidOperationInCellEditMode «Excel is in cell-editing mode.»)",
    });
    const { user } = renderApp({ actions, describeError });
    await user.click(screen.getByRole("button", { name: "Validér" }));
    const alert = await screen.findByRole("alert");
    const sentence = within(alert).getByText("Tryk Enter eller Esc for at afslutte redigeringen af cellen, og prøv så igen.");
    const technical = within(alert).getByText("Teknisk: InvalidOperationInCellEditMode «Excel is in cell-editing mode.»");
    expect(sentence.compareDocumentPosition(technical) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(alert).not.toHaveTextContent("(Teknisk");
  });

  it("reports each action's result in words: generate, timeline, clear highlights", async () => {
    const actions = fakeActions({
      generate: jest.fn(async () => ({ createdSheets: [], addedColumns: [], addedRows: 0, unchanged: true })),
    });
    const { user } = renderApp({ actions });

    await user.click(screen.getByRole("button", { name: "Generér/opdatér ark" }));
    expect(resultRegion()).toHaveTextContent("Intet at ændre");

    await user.click(screen.getByRole("button", { name: "Tidslinje" }));
    expect(actions.timeline).toHaveBeenCalledWith("da");
    expect(resultRegion()).toHaveTextContent("Tidslinjen er tegnet i arket Tidslinje");

    await user.click(screen.getByRole("button", { name: "Validér" }));
    await user.click(clearButton());
    expect(actions.clearHighlights).toHaveBeenCalledTimes(1);
    expect(resultRegion()).toHaveTextContent("Markeringerne er fjernet");

    await user.click(screen.getByRole("button", { name: "Luk besked" }));
    expect(resultRegion()).toBeEmptyDOMElement();
  });

  it("shows a failed jump to a cell as a message", async () => {
    const actions = fakeActions({ goTo: jest.fn().mockRejectedValue(new Error("ItemNotFound")) });
    const describeError = () => ({ title: "Arket findes ikke længere", detail: "Validér igen for at opdatere listen." });
    const { user } = renderApp({ actions, describeError });
    await user.click(screen.getByRole("button", { name: "Validér" }));
    await user.click(await screen.findByRole("button", { name: /ORG-12/ }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Arket findes ikke længere");
  });

  it("shows a sentence and a way back instead of a blank pane when rendering fails", async () => {
    const consoleError = jest.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      // An outcome the pane cannot draw (a broken host answer) must not blank the pane.
      const broken = { ...outcome(), findings: null } as unknown as ValidationOutcome;
      const actions = fakeActions({ validate: jest.fn().mockResolvedValueOnce(broken).mockResolvedValueOnce(outcome()) });
      const { user } = renderApp({ actions });
      await user.click(screen.getByRole("button", { name: "Validér" }));
      const alert = await screen.findByRole("alert");
      expect(alert).toHaveTextContent("Ruden stødte på en uventet fejl");
      expect(alert).toHaveTextContent("Dine data er ikke ændret af fejlen.");

      await user.click(screen.getByRole("button", { name: "Prøv igen" }));
      expect(screen.getByRole("button", { name: "Validér" })).toBeInTheDocument();
    } finally {
      consoleError.mockRestore();
    }
  });

  it("follows the Office theme: dark colours in dark mode", () => {
    const { unmount } = render(<App actions={fakeActions()} lang="da" theme="dark" />);
    const themeCss = () =>
      [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText)).join("\n");
    // Fluent writes the theme as CSS variables; webDarkTheme's neutral background is #292929.
    expect(themeCss()).toMatch(/--colorNeutralBackground1:\s*#292929/);
    unmount();
    render(<App actions={fakeActions()} lang="da" theme="light" />);
    expect(themeCss()).toMatch(/--colorNeutralBackground1:\s*#ffffff/);
    expect(themeCss()).not.toMatch(/--colorNeutralBackground1:\s*#292929/);
  });
});
