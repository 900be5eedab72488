/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { PaneActions } from "../../src/port/pane-actions";
import { App, type AppProps } from "../../src/taskpane/App";
import { downloadFile, type Download } from "../../src/taskpane/download";
import { CALENDAR, fakeActions } from "./fixtures";

function renderApp(props: Partial<AppProps> & { actions: PaneActions }) {
  const user = userEvent.setup();
  render(<App lang="da" theme="light" today={new Date(2026, 0, 15)} {...props} />);
  return { user };
}

async function fromMenu(user: ReturnType<typeof userEvent.setup>, item: string, more = "Flere handlinger") {
  await user.click(screen.getByRole("button", { name: more }));
  await user.click(await screen.findByRole("menuitem", { name: item }));
}
const resultRegion = () => screen.getAllByRole("status")[0];

describe("the status report from the pane", () => {
  it("writes the Status sheet and says where it is and how to print it", async () => {
    const actions = fakeActions();
    const { user } = renderApp({ actions });
    await user.click(screen.getByRole("button", { name: "Flere handlinger" }));
    expect(await screen.findByRole("menuitem", { name: "Statusrapport" })).toHaveAccessibleDescription(/arket Status/);
    await user.click(screen.getByRole("menuitem", { name: "Statusrapport" }));

    expect(actions.statusReport).toHaveBeenCalledWith("da");
    expect(resultRegion()).toHaveTextContent("Statusrapporten står i arket Status");
    expect(resultRegion()).toHaveTextContent("Filer ▸ Udskriv");
  });

  it("in English", async () => {
    const actions = fakeActions();
    const { user } = renderApp({ actions, lang: "en" });
    await fromMenu(user, "Status report", "More actions");
    expect(actions.statusReport).toHaveBeenCalledWith("en");
    expect(resultRegion()).toHaveTextContent("The status report is on the Status sheet");
  });
});

describe("the calendar from the pane", () => {
  it("downloads the .ics file and always says what to do if no file appeared", async () => {
    const actions = fakeActions();
    const download = jest.fn<ReturnType<Download>, Parameters<Download>>(() => true);
    const { user } = renderApp({ actions, download });

    await fromMenu(user, "Kalender (.ics)");

    expect(actions.calendar).toHaveBeenCalledWith("da");
    expect(download).toHaveBeenCalledWith({ fileName: "frister.ics", text: CALENDAR.text, type: "text/calendar" });
    expect(resultRegion()).toHaveTextContent("Kalenderen er hentet som frister.ics");
    expect(resultRegion()).toHaveTextContent("5 datoer, heraf 2 opsigelsesfrister med påmindelse");
    expect(resultRegion()).toHaveTextContent("Kom der ingen fil?");
    expect(resultRegion()).toHaveTextContent("brug Excel på nettet");
    expect(resultRegion()).toHaveTextContent("fbs-playbook calendar plan.xlsx -o frister.ics");
  });

  it("says plainly when the pane could not save the file, and what to do instead (English)", async () => {
    const actions = fakeActions();
    const { user } = renderApp({ actions, lang: "en", download: () => false });

    await fromMenu(user, "Calendar (.ics)", "More actions");

    expect(resultRegion()).toHaveTextContent("The pane could not save frister.ics");
    expect(resultRegion()).toHaveTextContent("use Excel on the web, or the command line fbs-playbook calendar plan.xlsx -o frister.ics");
  });

  it("the default download clicks a hidden link to a Blob with the file's name", () => {
    const createObjectURL = jest.fn(() => "blob:fbs/1");
    const revokeObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const clicked: HTMLAnchorElement[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });

    expect(downloadFile({ fileName: "frister.ics", text: CALENDAR.text, type: "text/calendar" })).toBe(true);

    expect(clicked).toHaveLength(1);
    expect(clicked[0].download).toBe("frister.ics");
    expect(clicked[0].href).toBe("blob:fbs/1");
    const blob = (createObjectURL.mock.calls[0] as unknown as [Blob])[0];
    expect(blob.type).toBe("text/calendar;charset=utf-8");
    expect(document.querySelector("a[download]")).toBeNull(); // the link does not stay in the pane
    click.mockRestore();
  });

  it("the default download reports a refusal instead of throwing", () => {
    Object.assign(URL, {
      createObjectURL: () => {
        throw new Error("blocked");
      },
    });
    expect(downloadFile({ fileName: "frister.ics", text: "", type: "text/calendar" })).toBe(false);
  });
});
