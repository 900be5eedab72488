/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { day } from "../../src/playbook/dates";
import { validateSnapshot } from "../../src/playbook/engine";
import { EXAMPLE_PLAN } from "../../src/playbook/example";
import type { Finding } from "../../src/playbook/findings";
import { planSnapshot } from "../../src/playbook/template";
import type { Lang } from "../../src/playbook/vocabulary";
import { FindingsList } from "../../src/taskpane/FindingsList";
import { STRINGS } from "../../src/taskpane/strings";
import { FINDINGS, fakeLayout } from "./fixtures";

function renderList(findings: Finding[] = FINDINGS, lang: Lang = "da") {
  const onGoTo = jest.fn();
  const user = userEvent.setup();
  render(
    <FluentProvider theme={webLightTheme}>
      <FindingsList findings={findings} lang={lang} strings={STRINGS[lang]} onGoTo={onGoTo} />
    </FluentProvider>,
  );
  const items = () => within(screen.getByRole("list", { name: STRINGS[lang].findingsListLabel })).queryAllByRole("listitem");
  return { onGoTo, user, items };
}

const ruleIds = (items: HTMLElement[]) => items.map((li) => /[A-Z]+-\d+/.exec(li.textContent ?? "")?.[0]);

describe("FindingsList", () => {
  it("shows every finding, errors first, then warnings, then info, and announces the count", () => {
    const { items } = renderList();
    expect(ruleIds(items())).toEqual(["ORG-03", "DATA-04", "DATA-01", "ORG-12", "CON-03", "SEAT-06"]);
    expect(screen.getByRole("status")).toHaveTextContent("6 fund vises");
  });

  it("shows severity, rule id, playbook section, cell, message and hint of a finding", () => {
    const { items } = renderList();
    const org12 = items().find((li) => li.textContent?.includes("ORG-12"))!;
    expect(org12).toHaveTextContent("Advarsel");
    expect(org12).toHaveTextContent("§1.1");
    expect(org12).toHaveTextContent("Personer!E3");
    expect(org12).toHaveTextContent("Rollen «Superbruger» er ikke bemandet med en navngiven person («NN»).");
    expect(org12).toHaveTextContent("Sådan retter du: Skriv navnet på den person, der skal varetage rollen.");
    // Rows without a cell, sheet-wide and workbook-wide findings say where they are in words.
    expect(items().find((li) => li.textContent?.includes("DATA-04"))).toHaveTextContent("Enheder, række 7");
    expect(items().find((li) => li.textContent?.includes("DATA-01"))).toHaveTextContent("Hele projektmappen");
  });

  it("words hints for the pane: the button to press, never the command line", () => {
    const { items } = renderList();
    const data01 = items().find((li) => li.textContent?.includes("DATA-01"))!;
    expect(data01).toHaveTextContent("Tilføj arket «Institutioner» (eller «Institutions»), fx med knappen «Opret ark».");
    expect(data01.textContent).not.toMatch(/fbs-playbook|`/);
  });

  it("shows each severity's count on its filter toggle, all pressed, in a labelled group", () => {
    renderList();
    const group = screen.getByRole("group", { name: "Vis fund efter alvorlighed" });
    const toggles = within(group).getAllByRole("button");
    expect(toggles.map((t) => t.textContent)).toEqual(["Fejl (3)", "Advarsler (2)", "Oplysninger (1)"]);
    for (const toggle of toggles) expect(toggle).toHaveAttribute("aria-pressed", "true");
  });

  it("shows a severity with no findings as a count, neither pressed nor pressable", async () => {
    const { user, items } = renderList(FINDINGS.filter((f) => f.severity !== "info"));
    const none = screen.getByRole("button", { name: "Oplysninger (0)" });
    expect(none).toBeDisabled();
    expect(none).toHaveAttribute("aria-pressed", "false");
    await user.click(none);
    expect(items()).toHaveLength(5);
    expect(screen.getByRole("status")).toHaveTextContent("5 fund vises");
  });

  it("filters by severity with the toggles and announces how many are shown", async () => {
    const { user, items } = renderList();
    const errors = screen.getByRole("button", { name: "Fejl (3)" });
    expect(errors).toHaveAttribute("aria-pressed", "true");

    await user.click(errors);
    expect(errors).toHaveAttribute("aria-pressed", "false");
    expect(ruleIds(items())).toEqual(["ORG-12", "CON-03", "SEAT-06"]);
    expect(screen.getByRole("status")).toHaveTextContent("3 af 6 fund vises");
    // The toggle keeps counting every error, shown or not.
    expect(errors).toHaveTextContent("Fejl (3)");

    await user.click(screen.getByRole("button", { name: "Advarsler (2)" }));
    expect(ruleIds(items())).toEqual(["SEAT-06"]);
    expect(screen.getByRole("status")).toHaveTextContent("1 af 6 fund vises");

    await user.click(errors);
    expect(errors).toHaveAttribute("aria-pressed", "true");
    expect(ruleIds(items())).toEqual(["ORG-03", "DATA-04", "DATA-01", "SEAT-06"]);
  });

  it("keeps dates on one line without changing the engine's text", () => {
    const message = "Driftsorganisationen meldes ud 01-02-2027, kun 12 dage før ibrugtagning; der kræves 30 dage.";
    const data = { announced: "2027-02-01", daysBefore: 12, leadDays: 30, by: "2027-01-14" };
    const dated = { ...FINDINGS[0], rule: "DRIFT-02", messageId: "DRIFT-02/too-late", data };
    const { items } = renderList([dated]);
    expect(items()[0]).toHaveTextContent(`${message}Sådan retter du: Meld den ud senest 14-01-2027.`);
    for (const date of ["01-02-2027", "14-01-2027"]) {
      expect(getComputedStyle(screen.getByText(date)).whiteSpace).toBe("nowrap");
    }
  });

  it("filters by sheet, including findings about the whole workbook", async () => {
    const { user, items } = renderList();
    const sheet = screen.getByRole("combobox", { name: "Vis fund i arket" });
    expect(within(sheet).getAllByRole("option").map((o) => o.textContent)).toEqual([
      "Alle ark",
      "Personer",
      "Enheder",
      "Kursuspladser",
      "Kontrakter",
      "Hele projektmappen",
    ]);

    await user.selectOptions(sheet, "Personer");
    expect(ruleIds(items())).toEqual(["ORG-03", "ORG-12"]);
    expect(screen.getByRole("status")).toHaveTextContent("2 af 6 fund vises");

    await user.selectOptions(sheet, "Hele projektmappen");
    expect(ruleIds(items())).toEqual(["DATA-01"]);

    await user.selectOptions(sheet, "Alle ark");
    expect(items()).toHaveLength(6);
  });

  it("says so when the filters together hide everything", async () => {
    const { user } = renderList();
    await user.selectOptions(screen.getByRole("combobox", { name: "Vis fund i arket" }), "Kontrakter");
    await user.click(screen.getByRole("button", { name: "Advarsler (2)" }));
    expect(screen.queryByRole("list", { name: STRINGS.da.findingsListLabel })).not.toBeInTheDocument();
    expect(screen.getByText("Ingen fund passer til filtrene.")).toBeInTheDocument();
    expect(screen.getByRole("status")).toHaveTextContent("0 af 6 fund vises");
  });

  it("goes to the finding's cell on click, on Enter and on Space", async () => {
    const { user, onGoTo } = renderList();
    const org12 = screen.getByRole("button", { name: /ORG-12/ });
    await user.click(org12);
    expect(onGoTo).toHaveBeenLastCalledWith({ sheet: "Personer", cell: "E3" });

    const con03 = screen.getByRole("button", { name: /CON-03/ });
    con03.focus();
    await user.keyboard("{Enter}");
    expect(onGoTo).toHaveBeenLastCalledWith({ sheet: "Kontrakter", cell: "E2" });

    onGoTo.mockClear();
    org12.focus();
    await user.keyboard(" ");
    expect(onGoTo).toHaveBeenCalledTimes(1);
    expect(onGoTo).toHaveBeenLastCalledWith({ sheet: "Personer", cell: "E3" });
  });

  it("goes to the start of the row when the finding has a row but no cell, and to the sheet when it has neither", async () => {
    const { user, onGoTo } = renderList();
    await user.click(screen.getByRole("button", { name: /DATA-04/ }));
    expect(onGoTo).toHaveBeenLastCalledWith({ sheet: "Enheder", cell: "A7" });
    await user.click(screen.getByRole("button", { name: /ORG-03/ }));
    expect(onGoTo).toHaveBeenLastCalledWith({ sheet: "Personer", cell: null });
  });

  it("offers no jump for a finding about the whole workbook, yet keeps it focusable", async () => {
    const { user, onGoTo, items } = renderList();
    const data01 = items().find((li) => li.textContent?.includes("DATA-01"))!;
    expect(within(data01).queryByRole("button")).not.toBeInTheDocument();
    const block = data01.firstElementChild as HTMLElement;
    expect(block).toHaveAttribute("tabindex", "0");
    await user.click(block);
    block.focus();
    await user.keyboard("{Enter}");
    expect(onGoTo).not.toHaveBeenCalled();
  });

  it("moves between findings with the arrow keys", async () => {
    const layout = fakeLayout();
    try {
      const { user, items } = renderList();
      screen.getByRole("button", { name: /ORG-03/ }).focus();
      // The focus manager moves focus a microtask after the key press.
      await user.keyboard("{ArrowDown}");
      await waitFor(() => expect(screen.getByRole("button", { name: /DATA-04/ })).toHaveFocus());
      await user.keyboard("{ArrowDown}");
      const data01 = items().find((li) => li.textContent?.includes("DATA-01"))!;
      await waitFor(() => expect(data01.querySelector('[tabindex="0"]')).toHaveFocus());
      await user.keyboard("{ArrowUp}");
      await waitFor(() => expect(screen.getByRole("button", { name: /DATA-04/ })).toHaveFocus());
    } finally {
      layout.restore();
    }
  });

  it("speaks English when the pane does", async () => {
    const { user } = renderList(FINDINGS, "en");
    expect(screen.getByRole("status")).toHaveTextContent("6 findings shown");
    expect(screen.getByRole("button", { name: /ORG-12/ })).toHaveTextContent(/^Warning· ORG-12 · §1\.1Personer!E3/);
    expect(screen.getByRole("button", { name: /ORG-12/ })).toHaveAccessibleDescription("The role «Super user» is not held by a named person («NN»).");
    expect(within(screen.getByRole("group", { name: "Show findings by severity" })).getAllByRole("button").map((b) => b.textContent)).toEqual([
      "Errors (3)",
      "Warnings (2)",
      "Notes (1)",
    ]);
    await user.click(screen.getByRole("button", { name: "Errors (3)" }));
    expect(screen.getByRole("status")).toHaveTextContent("3 of 6 findings shown");
  });

  it("lists every finding the engine reports for the sample plan", () => {
    const result = validateSnapshot(planSnapshot(EXAMPLE_PLAN, "da"), { today: day(2026, 1, 15)! });
    const { items } = renderList(result.findings);
    expect(result.findings.length).toBeGreaterThan(0);
    expect(items()).toHaveLength(result.findings.length);
    expect(screen.getByRole("status")).toHaveTextContent(`${result.findings.length} fund vises`);
    const severities = items().map((li) => li.firstElementChild?.getAttribute("data-severity"));
    expect(severities).toEqual([...severities].sort((a, b) => ["error", "warning", "info"].indexOf(a!) - ["error", "warning", "info"].indexOf(b!)));
  });
});
