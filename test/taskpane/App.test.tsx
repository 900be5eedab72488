/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { act, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { PaneActions, ValidationOutcome } from "../../src/port/pane-actions";
import { App, type AppProps } from "../../src/taskpane/App";
import { STRINGS } from "../../src/taskpane/strings";
import { day } from "../../src/playbook/dates";
import { validateSnapshot } from "../../src/playbook/engine";
import { EXAMPLE_PLAN } from "../../src/playbook/example";
import { planSnapshot } from "../../src/playbook/template";
import { FINDINGS, GENERATED, deferred, fakeActions, outcome } from "./fixtures";

function renderApp(props: Partial<AppProps> & { actions: PaneActions }) {
  const user = userEvent.setup();
  render(<App lang="da" theme="light" today={new Date(2026, 0, 15)} {...props} />);
  return { user };
}

const ACTIONS = ["Opret ark", "Validér"];
const mainButtons = () => ACTIONS.map((name) => screen.getByRole("button", { name }));
const moreButton = () => screen.getByRole("button", { name: "Flere handlinger" });

/** Choose an action of the *Flere handlinger* menu. */
async function fromMenu(user: ReturnType<typeof userEvent.setup>, item: string, more = moreButton()) {
  await user.click(more);
  await user.click(await screen.findByRole("menuitem", { name: item }));
}
const clearHighlights = (user: ReturnType<typeof userEvent.setup>) => fromMenu(user, "Fjern markeringer");

/** The message bar under the buttons: results in the polite status region, failures in the alert region. */
const resultRegion = () => screen.getAllByRole("status")[0];

describe("App", () => {
  it("shows the header, the three actions and a menu with the others, in Danish", async () => {
    const { user } = renderApp({ actions: fakeActions() });
    expect(screen.getByRole("heading", { level: 1, name: "FBS Drejebog" })).toBeInTheDocument();
    expect(document.title).toBe("FBS Drejebog");
    expect(within(screen.getByRole("group", { name: "Handlinger" })).getAllByRole("button").map((b) => b.textContent)).toEqual([...ACTIONS, ""]);
    expect(moreButton()).toHaveAttribute("title", "Flere handlinger");
    // What each action does is its description (and tooltip), not a paragraph taking up the pane …
    expect(screen.getByRole("button", { name: "Validér" })).toHaveAccessibleDescription(/Tjekker planen mod drejebogen/);
    expect(screen.getByRole("button", { name: "Validér" })).toHaveAttribute("title", expect.stringMatching(/^Tjekker planen/));
    // … and out of the reading order: a screen reader reads it once, with the button.
    for (const hint of Object.values(STRINGS.da.actionHint)) {
      for (const element of screen.queryAllByText(hint)) expect(element).not.toBeVisible();
    }
    expect(screen.getByText("Når du har valideret planen, står fundene her.")).toBeInTheDocument();
    await user.click(moreButton());
    expect(await screen.findAllByRole("menuitem")).toEqual([
      screen.getByRole("menuitem", { name: "Tegn tidslinje" }),
      screen.getByRole("menuitem", { name: "Statusrapport" }),
      screen.getByRole("menuitem", { name: "Kalender (.ics)" }),
      screen.getByRole("menuitem", { name: "Fjern markeringer" }),
    ]);
    expect(screen.getByRole("menuitem", { name: "Fjern markeringer" })).toHaveAccessibleDescription(/Din egen formatering bliver stående/);
  });

  it("clears highlights also before a validation in this session (they stay in the workbook), and after one", async () => {
    const actions = fakeActions();
    const { user } = renderApp({ actions });
    expect(moreButton()).not.toHaveAttribute("aria-disabled");
    await clearHighlights(user);
    expect(actions.clearHighlights).toHaveBeenCalledTimes(1);
    expect(resultRegion()).toHaveTextContent("Markeringerne er fjernet");
    // The menu closed and gave the focus back to its button.
    expect(moreButton()).toHaveFocus();

    await user.click(screen.getByRole("button", { name: "Validér" }));
    await screen.findByText("6 fund vises");
    await clearHighlights(user);
    expect(actions.clearHighlights).toHaveBeenCalledTimes(2);
    expect(resultRegion()).toHaveTextContent("Markeringerne er fjernet");
    // The findings stay: they are still what the plan lacks.
    expect(screen.getByText("6 fund vises")).toBeInTheDocument();
  });

  it("shows the pane in English when Office speaks English", () => {
    renderApp({ actions: fakeActions(), lang: "en" });
    expect(screen.getByRole("heading", { level: 1, name: "FBS Playbook" })).toBeInTheDocument();
    for (const name of ["Create sheets", "Validate", "More actions"]) {
      expect(screen.getByRole("button", { name })).toBeInTheDocument();
    }
    expect(document.title).toBe("FBS Playbook");
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
    for (const button of [...mainButtons(), moreButton()]) expect(button).toHaveAttribute("aria-disabled", "true");

    // A second click while busy starts nothing.
    await user.click(screen.getByRole("button", { name: "Validér" }));
    await user.click(screen.getByRole("button", { name: "Opret ark" }));
    expect(actions.validate).toHaveBeenCalledTimes(1);
    expect(actions.generate).not.toHaveBeenCalled();

    await act(async () => pending.resolve(outcome()));
    expect(screen.queryByRole("progressbar")).not.toBeInTheDocument();
    expect(resultRegion()).toHaveTextContent("Valideringen fandt 3 fejl, 2 advarsler og 1 oplysning");
    expect(resultRegion()).toHaveTextContent("4 celler er markeret. Rapporten står i arket Validering.");
    // Errors in the plan are what the validation found, not a failure of it: a neutral message, no alert.
    expect(within(resultRegion()).getByText(/^Valideringen fandt/).closest("[data-intent]")).toHaveAttribute("data-intent", "info");
    expect(screen.getByRole("alert")).toBeEmptyDOMElement();
    for (const button of [...mainButtons(), moreButton()]) expect(button).not.toHaveAttribute("aria-disabled");

    // The counts per severity, once: on the severity filter's toggles.
    const severities = screen.getByRole("group", { name: "Vis fund efter alvorlighed" });
    expect(within(severities).getAllByRole("button").map((b) => b.textContent)).toEqual(["Fejl (3)", "Advarsler (2)", "Oplysninger (1)"]);
    expect(screen.queryByText(/^(Fejl|Advarsler|Oplysninger) \(\d+\)$/, { ignore: "button, button *" })).not.toBeInTheDocument();
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

    await user.click(screen.getByRole("button", { name: "Opret ark" }));
    const alert = await screen.findByRole("alert");
    expect(describeError).toHaveBeenCalledWith(failure, "da");
    expect(alert).toHaveTextContent("Arket er beskyttet");
    expect(alert).toHaveTextContent("Fjern beskyttelsen under Gennemse ▸ Fjern arkbeskyttelse, og prøv igen.");
    expect(document.body).not.toHaveTextContent("excel.js");
    for (const button of mainButtons()) expect(button).not.toHaveAttribute("aria-disabled");
    // A failed action is the one place for error colours.
    expect(within(alert).getByText("Arket er beskyttet").closest("[data-intent]")).toHaveAttribute("data-intent", "error");

    await user.click(screen.getByRole("button", { name: "Opret ark" }));
    expect(resultRegion()).toHaveTextContent("3 ark oprettet");
    expect(screen.getByRole("alert")).toBeEmptyDOMElement();
  });

  it("without a describer, says that something unexpected happened with the error's first line, never its stack", async () => {
    const actions = fakeActions({ timeline: jest.fn().mockRejectedValue(new Error("Chart API missing\n    at drawTimeline (timeline.ts:12:3)")) });
    const { user } = renderApp({ actions, lang: "en" });
    await fromMenu(user, "Draw timeline", screen.getByRole("button", { name: "More actions" }));
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

    await user.click(screen.getByRole("button", { name: "Opret ark" }));
    expect(resultRegion()).toHaveTextContent("Intet at ændre");

    await fromMenu(user, "Tegn tidslinje");
    expect(actions.timeline).toHaveBeenCalledWith("da");
    expect(resultRegion()).toHaveTextContent("Tidslinjen er tegnet i arket Tidslinje");

    await user.click(screen.getByRole("button", { name: "Validér" }));
    await clearHighlights(user);
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
      const broken = { ...outcome(), findings: [{ ...FINDINGS[0], data: null, subject: {} }] } as unknown as ValidationOutcome;
      const actions = fakeActions({ validate: jest.fn().mockResolvedValueOnce(broken).mockResolvedValueOnce(outcome()) });
      const { user } = renderApp({ actions });
      await user.click(screen.getByRole("button", { name: "Validér" }));
      const alert = await screen.findByRole("alert");
      expect(alert).toHaveTextContent("Ruden stødte på en uventet fejl");
      expect(alert).toHaveTextContent("Dine data er ikke ændret af fejlen.");

      await user.click(screen.getByRole("button", { name: "Prøv igen" }));
      expect(screen.getByRole("button", { name: "Validér" })).toBeInTheDocument();
      // The retry button is gone: the focus is on the pane's first action, not lost to the page.
      expect(screen.getByRole("button", { name: "Opret ark" })).toHaveFocus();
    } finally {
      consoleError.mockRestore();
    }
  });

  describe("the first click on a workbook without planning sheets", () => {
    // What the engine finds in a new workbook: 35 findings, every one because the sheets are missing.
    const blank = validateSnapshot({ sheets: [{ name: "Ark1", rows: [] }] }, { today: day(2026, 1, 15)! });

    it("says one thing, to create the sheets first, with the button to do it", async () => {
      expect(blank.findings.length).toBeGreaterThan(30);
      const actions = fakeActions({ validate: jest.fn(async () => outcome(blank.findings, 0)) });
      const { user } = renderApp({ actions });
      await user.click(screen.getByRole("button", { name: "Validér" }));

      expect(resultRegion()).toHaveTextContent("Projektmappen har ingen planlægningsark endnu");
      expect(resultRegion()).toHaveTextContent("Opret arkene først, udfyld dem, og validér så igen.");
      expect(resultRegion()).not.toHaveTextContent(/celler er markeret|fbs-playbook|Valideringen fandt/);
      // No list of what empty sheets lack.
      expect(screen.queryByRole("list")).not.toBeInTheDocument();
      expect(screen.queryByRole("group", { name: "Vis fund efter alvorlighed" })).not.toBeInTheDocument();

      // The message's button creates the sheets; the focus moves to the bar's button as the message goes.
      await user.click(within(resultRegion()).getByRole("button", { name: "Opret ark" }));
      expect(actions.generate).toHaveBeenCalledWith("da");
      expect(resultRegion()).toHaveTextContent("3 ark oprettet");
      expect(within(screen.getByRole("group", { name: "Handlinger" })).getByRole("button", { name: "Opret ark" })).toHaveFocus();
    });

    it("names the missing sheets when only some are missing, and still lists the findings", async () => {
      const some = validateSnapshot(
        { sheets: planSnapshot(EXAMPLE_PLAN, "da").sheets.filter((sheet) => sheet.name !== "Kontrakter") },
        { today: day(2026, 1, 15)! },
      );
      const actions = fakeActions({ validate: jest.fn(async () => outcome(some.findings, 3)) });
      const { user } = renderApp({ actions });
      await user.click(screen.getByRole("button", { name: "Validér" }));
      expect(resultRegion()).toHaveTextContent("Arket Kontrakter mangler");
      expect(within(resultRegion()).getByRole("button", { name: "Opret ark" })).toBeInTheDocument();
      expect(screen.getByRole("list", { name: STRINGS.da.findingsListLabel })).toBeInTheDocument();
    });
  });

  it("keeps the focus in the pane when a message is closed, by its button or by Escape", async () => {
    const { user } = renderApp({ actions: fakeActions() });
    const validate = screen.getByRole("button", { name: "Validér" });
    await user.click(validate);
    await user.click(screen.getByRole("button", { name: "Luk besked" }));
    expect(resultRegion()).toBeEmptyDOMElement();
    expect(validate).toHaveFocus();

    await fromMenu(user, "Tegn tidslinje");
    // Escape anywhere in the message closes it (the browser test walks there by Tab).
    screen.getByRole("button", { name: "Luk besked" }).focus();
    await user.keyboard("{Escape}");
    expect(resultRegion()).toBeEmptyDOMElement();
    // The timeline was chosen from the menu: the focus is back on the menu's button.
    expect(moreButton()).toHaveFocus();
    expect(document.activeElement).not.toBe(document.body);
  });

  it("lets the browser draw its own parts (lists, scrollbars) in the theme's colours", () => {
    const { unmount } = render(<App actions={fakeActions()} lang="da" theme="dark" />);
    expect(document.documentElement.style.colorScheme).toBe("dark");
    unmount();
    render(<App actions={fakeActions()} lang="da" theme="light" />);
    expect(document.documentElement.style.colorScheme).toBe("light");
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
