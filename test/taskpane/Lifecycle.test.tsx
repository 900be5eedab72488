/** @jest-environment jsdom */
import { render as renderText } from "../../src/playbook/render";
import { STRINGS } from "../../src/taskpane/strings";
import "@testing-library/jest-dom";
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Acceptance, Finding, Fix } from "../../src/playbook/findings";
import { PlaybookExcelError, describeOfficeError } from "../../src/excel/errors";
import type { FixOutcome, UndoOutcome, ValidationOutcome } from "../../src/port/pane-actions";
import { App } from "../../src/taskpane/App";
import { FINDINGS, fakeActions, outcome } from "./fixtures";

const FIX: Fix = {
  label: { da: "Ret «Maja Fris» til «Maja Friis»", en: "Change «Maja Fris» to «Maja Friis»" },
  edits: [{ sheet: "Enheder", cell: "C7", from: "Maja Fris", to: "Maja Friis" }],
};
const FIX_2: Fix = {
  label: { da: "Ret «Lise Kjar» til «Lise Kjær»", en: "Change «Lise Kjar» to «Lise Kjær»" },
  edits: [{ sheet: "Enheder", cell: "C8", from: "Lise Kjar", to: "Lise Kjær" }],
};

/** The fixture's findings with subjects, one fixable DATA-04 and a second one of the same rule. */
function findings(): Finding[] {
  return [
    ...FINDINGS.map((f) => ({ ...f, subject: f.rule === "CON-03" ? "Axiell / DDElibra" : null, fix: f.rule === "DATA-04" ? FIX : null, accepted: null })),
    { ...FINDINGS[2], row: 8, data: { ...FINDINGS[2].data, name: "Lise Kjar", suggestion: "Lise Kjær" }, fix: FIX_2, subject: null, accepted: null },
  ];
}

const ACCEPTANCE: Acceptance = { reason: "Styregruppen forlænger ikke", by: "Lise Kjær", on: "2026-01-15", until: null, sheet: "Accepterede", row: 2 };

function setup(overrides: Parameters<typeof fakeActions>[0] = {}, extra: Partial<ValidationOutcome> = {}, lang: "da" | "en" = "da") {
  const base = { ...outcome(findings()), people: ["Lise Kjær", "Maja Friis"], since: { new: 3, resolved: 5 }, ...extra };
  const actions = fakeActions({
    validate: jest.fn(async () => base),
    accept: jest.fn(async () => ACCEPTANCE),
    reopen: jest.fn(async () => undefined),
    ...overrides,
  });
  const user = userEvent.setup();
  render(<App actions={actions} lang={lang} theme="light" today={new Date(2026, 0, 15)} describeError={describeOfficeError} />);
  return { actions, user, base };
}

/** The CON-03 finding of the fixture, as the pane words it. */
const CON_03_TEXT = renderText(FINDINGS.find((f) => f.rule === "CON-03")!, { lang: "da", surface: "pane" }).message;
const findingsList = () => screen.getByRole("list", { name: STRINGS.da.findingsListLabel });
/** The CON-03 finding's card in the list (its dates are kept whole in spans of their own). */
const conItem = () => within(findingsList()).queryAllByRole("listitem").find((li) => li.textContent?.includes(CON_03_TEXT));

/**
 * Open the accept form of `item` as a user does. In a browser the form puts the focus in its reason
 * at once (test/browser/lifecycle.test.ts types there by keyboard alone). jsdom has no layout, so the
 * focus lands on the dialog's surface instead, and Fluent's focus manager (tabster) may then mark the
 * surface aria-hidden from a timer, leaving it without a name. Focusing the reason, as the browser
 * does, makes tabster lift that at once; the dialog is then found by role and name, as a screen
 * reader finds it.
 */
async function openAcceptForm(user: ReturnType<typeof userEvent.setup>, item: HTMLElement): Promise<HTMLElement> {
  await user.click(within(item).getByRole("button", { name: "Acceptér…" }));
  const surface = await screen.findByRole("dialog", { hidden: true });
  act(() => surface.querySelector("textarea")?.focus());
  return screen.findByRole("dialog", { name: "Acceptér fundet" });
}

describe("working through findings in the pane", () => {
  it("shows new and resolved since last time after a validation", async () => {
    const { user } = setup();
    await user.click(screen.getByRole("button", { name: "Validér" }));
    expect(await screen.findByText("3 nye, 5 løst siden sidst")).toBeInTheDocument();
  });

  it("says, as a plain note after validating, that a protected Historik kept this validation out of the history", async () => {
    const { user } = setup({}, { notWritten: [{ part: "history", sheet: "Historik" }] });
    await user.click(screen.getByRole("button", { name: "Validér" }));
    const note = await screen.findByText(/^Arket «Historik» er beskyttet, så denne validering blev ikke skrevet i historikken\./);
    expect(note).toBeInTheDocument();
    // A note beside the counts, not a failure: the findings are listed, and nothing is shown as an alert.
    expect(screen.getByText("3 nye, 5 løst siden sidst")).toBeInTheDocument();
    expect(screen.getByText("7 fund vises")).toBeInTheDocument();
    expect(note.closest("[role=alert]")).toBeNull();
  });

  it("notes a protected report and data sheets in English, without claiming the report was written", async () => {
    const notWritten = [
      { part: "report" as const, sheet: "Validation" },
      { part: "highlights" as const, sheet: "Units" },
      { part: "highlights" as const, sheet: "People" },
    ];
    const { user } = setup({}, { notWritten, reportSheet: "Validation" }, "en");
    await user.click(screen.getByRole("button", { name: "Validate" }));
    expect(await screen.findByText(/^The sheet «Validation» is protected, so the report there was not updated/)).toBeInTheDocument();
    expect(screen.getByText(/^The sheets «Units» and «People» are protected, so their findings are not highlighted there/)).toBeInTheDocument();
    expect(screen.queryByText(/The report is on the Validation sheet/)).not.toBeInTheDocument();
  });

  it("shows a fix refused on a protected sheet as the pane shows failures, naming the sheet, and keeps the list", async () => {
    const applyFix = jest.fn(async (): Promise<FixOutcome> => {
      throw new PlaybookExcelError({
        title: { da: "Arket «Enheder» er beskyttet", en: "The sheet «Enheder» is protected" },
        detail: {
          da: "Arket «Enheder» er beskyttet, så rettelsen blev ikke skrevet. Fjern beskyttelsen (Gennemse > Fjern arkbeskyttelse), og prøv igen.",
          en: "The sheet «Enheder» is protected, so the fix was not written. Remove the protection (Review > Unprotect Sheet) and try again.",
        },
      });
    });
    const { user } = setup({ applyFix });
    await user.click(screen.getByRole("button", { name: "Validér" }));
    await screen.findByText("7 fund vises");
    await user.click(screen.getByRole("button", { name: "Ret «Maja Fris» til «Maja Friis»" }));
    expect(await screen.findByText("Arket «Enheder» er beskyttet")).toBeInTheDocument();
    expect(screen.getByText(/så rettelsen blev ikke skrevet\. Fjern beskyttelsen/)).toBeInTheDocument();
    expect(screen.getByText("7 fund vises")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Fortryd" })).not.toBeInTheDocument();
  });

  it("accepts a finding with a reason: the form insists on one, writes it, and moves the finding to Accepterede", async () => {
    const { user, actions } = setup();
    await user.click(screen.getByRole("button", { name: "Validér" }));
    await screen.findByText("7 fund vises");
    const item = conItem() as HTMLElement;

    const dialog = await openAcceptForm(user, item);
    expect(within(dialog).getByText(CON_03_TEXT)).toBeInTheDocument();
    // Where focus lands (the reason) needs layout: test/browser/lifecycle.test.ts types into it by keyboard alone.
    await user.click(within(dialog).getByRole("button", { name: "Acceptér" }));
    expect(within(dialog).getByText("Skriv en begrundelse: hvorfor accepterer projektet fundet?")).toBeInTheDocument();
    expect(actions.accept).not.toHaveBeenCalled();

    await user.type(within(dialog).getByRole("textbox", { name: /Begrundelse/ }), "Styregruppen forlænger ikke");
    await user.selectOptions(within(dialog).getByRole("combobox", { name: "Accepteret af" }), "Lise Kjær");
    await user.click(within(dialog).getByRole("button", { name: "Acceptér" }));

    expect(actions.accept).toHaveBeenCalledWith(expect.objectContaining({ rule: "CON-03" }), { reason: "Styregruppen forlænger ikke", by: "Lise Kjær", until: null }, "da");
    expect(await screen.findByText("Fundet er accepteret og flyttet til Accepterede.")).toBeInTheDocument();
    expect(conItem()).toBeUndefined();
    // The counts are of open findings: one warning fewer.
    expect(screen.getByRole("button", { name: STRINGS.da.severityFilter("warning", 1) })).toBeInTheDocument();
    const group = screen.getByText("Accepterede (1)").closest("details") as HTMLElement;
    expect(group).not.toHaveAttribute("open");
    expect(within(group).getByText("Begrundelse: Styregruppen forlænger ikke")).toBeInTheDocument();
    expect(within(group).getByText(/accepteret af Lise Kjær/)).toBeInTheDocument();
  });

  it("reopens an accepted finding from the group: the row goes, the finding is open again", async () => {
    const { user, actions } = setup();
    await user.click(screen.getByRole("button", { name: "Validér" }));
    await screen.findByText("7 fund vises");
    const item = conItem() as HTMLElement;
    const dialog = await openAcceptForm(user, item);
    await user.type(within(dialog).getByRole("textbox", { name: /Begrundelse/ }), "Styregruppen forlænger ikke");
    await user.click(within(dialog).getByRole("button", { name: "Acceptér" }));
    await screen.findByText("Accepterede (1)");

    await user.click(screen.getByText("Accepterede (1)"));
    await user.click(screen.getByRole("button", { name: "Genåbn" }));

    expect(actions.reopen).toHaveBeenCalledWith(ACCEPTANCE);
    expect(await screen.findByText("Fundet er genåbnet.")).toBeInTheDocument();
    expect(conItem()).toBeDefined();
    expect(screen.queryByText(/^Accepterede \(/)).not.toBeInTheDocument();
  });

  it("applies a fix by its label, shows the new validation, and offers Fortryd until the next action", async () => {
    const fixed = findings().filter((f) => f.fix !== FIX);
    const applyFix = jest.fn(async (): Promise<FixOutcome> => ({ applied: true, outcome: outcome(fixed), undo: { edits: [], appended: [] } }));
    const undoFix = jest.fn(async (): Promise<UndoOutcome> => ({ undone: true, outcome: outcome(findings()) }));
    const { user, actions } = setup({ applyFix, undoFix });
    await user.click(screen.getByRole("button", { name: "Validér" }));
    await screen.findByText("7 fund vises");

    const validatedTitle = STRINGS.da.validated(outcome(findings())).title;
    expect(screen.getByText(validatedTitle)).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Ret «Maja Fris» til «Maja Friis»" }));
    expect(applyFix).toHaveBeenCalledWith([FIX], "da");
    expect(await screen.findByText("Rettet. Planen er valideret igen.")).toBeInTheDocument();
    // The last Validér's message, with the counts before the fix, has gone.
    expect(screen.queryByText(validatedTitle)).not.toBeInTheDocument();
    expect(screen.queryByText("«Maja Fris» findes ikke i «Personer».")).not.toBeInTheDocument();
    expect(screen.getByText("6 fund vises")).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Fortryd" }));
    expect(undoFix).toHaveBeenCalledWith({ edits: [], appended: [] }, "da");
    expect(await screen.findByText("Rettelsen er fortrudt. Planen er valideret igen.")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Fortryd" })).not.toBeInTheDocument();

    // Fortryd goes at the next action.
    await user.click(screen.getByRole("button", { name: "Ret «Maja Fris» til «Maja Friis»" }));
    await screen.findByRole("button", { name: "Fortryd" });
    await user.click(screen.getByRole("button", { name: "Validér" }));
    expect(screen.queryByRole("button", { name: "Fortryd" })).not.toBeInTheDocument();
    expect(actions.validate).toHaveBeenCalledTimes(2);
  });

  it("fixes every finding of a rule with Ret alle (n)", async () => {
    const applyFix = jest.fn(async (): Promise<FixOutcome> => ({ applied: true, outcome: outcome([]), undo: { edits: [], appended: [] } }));
    const { user } = setup({ applyFix });
    await user.click(screen.getByRole("button", { name: "Validér" }));
    await screen.findByText("7 fund vises");
    await user.click(screen.getAllByRole("button", { name: "Ret alle (2)" })[0]);
    expect(applyFix).toHaveBeenCalledWith([FIX, FIX_2], "da");
    expect(await screen.findByText("2 fund er rettet. Planen er valideret igen.")).toBeInTheDocument();
  });

  it("says which cell changed when a fix is stale, and offers no Fortryd", async () => {
    const applyFix = jest.fn(
      async (): Promise<FixOutcome> => ({
        applied: false,
        stale: [{ sheet: "Enheder", cell: "C7", expected: "Maja Fris", found: "Maja F." }],
        outcome: outcome(findings()),
      }),
    );
    const { user } = setup({ applyFix });
    await user.click(screen.getByRole("button", { name: "Validér" }));
    await screen.findByText("7 fund vises");
    await user.click(screen.getByRole("button", { name: "Ret «Maja Fris» til «Maja Friis»" }));
    expect(await screen.findByText("Intet er rettet: Enheder!C7 indeholder nu «Maja F.», ikke «Maja Fris». Planen er valideret igen.")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Fortryd" })).not.toBeInTheDocument();
  });

  it("shows a failed acceptance (a protected sheet) as the pane shows failures, keeping the form and what was typed", async () => {
    const accept = jest.fn(async () => {
      throw Object.assign(new Error("The sheet is protected"), { code: "AccessDenied" });
    });
    const { user } = setup({ accept });
    await user.click(screen.getByRole("button", { name: "Validér" }));
    await screen.findByText("7 fund vises");
    const item = conItem() as HTMLElement;
    const dialog = await openAcceptForm(user, item);
    await user.type(within(dialog).getByRole("textbox", { name: /Begrundelse/ }), "Besluttet");
    await user.click(within(dialog).getByRole("button", { name: "Acceptér" }));
    await waitFor(() => expect(screen.getAllByRole("alert", { hidden: true }).some((a) => a.textContent !== "")).toBe(true));
    expect(within(screen.getByRole("dialog")).getByRole("textbox", { name: /Begrundelse/ })).toHaveValue("Besluttet");
  });
});

describe("a fix while an action of the bar runs", () => {
  it("keeps the running action's progress and disabled buttons when the fix's new validation arrives", async () => {
    // «Opret ark» never finishes in this test: it is running when the fix comes back.
    const generate = jest.fn(() => new Promise<never>(() => {}));
    const fixed = findings().filter((f) => f.fix !== FIX);
    const applyFix = jest.fn(async (): Promise<FixOutcome> => ({ applied: true, outcome: outcome(fixed), undo: { edits: [], appended: [] } }));
    const { user } = setup({ applyFix, generate } as Parameters<typeof fakeActions>[0]);
    await user.click(screen.getByRole("button", { name: "Validér" }));
    await screen.findByText("7 fund vises");

    await user.click(screen.getByRole("button", { name: "Opret ark" }));
    expect(screen.getByRole("progressbar")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Ret «Maja Fris» til «Maja Friis»" }));
    expect(await screen.findByText("Rettet. Planen er valideret igen.")).toBeInTheDocument();
    // «Opret ark» is still running: its progress stays and the bar stays disabled.
    expect(screen.getByRole("progressbar")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Validér" })).toHaveAttribute("aria-disabled", "true");
  });
});
