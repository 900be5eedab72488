/**
 * A stand-in for Excel in a real browser: the `Office` and `Excel` globals that src/excel/host.ts and
 * src/excel/actions.ts use (see src/excel/API-SURFACE.md), over ONE in-memory workbook of
 * test/excel/fakes. The browser test serves this file (bundled by webpack.host.js) in place of
 * Microsoft's office.js, so the production pane runs unchanged against it.
 *
 * Settings, read once at load from `window.__fbsHostSettings` (set by an init script), else from the
 * page's query string (`?displayLanguage=en-US`):
 * - displayLanguage: Office's display language ("da-DK" when absent);
 * - responseLimit: the largest response of one sync in characters (5 MB when absent, as Excel on the web);
 * - theme: Office's theme, "light" (Colorful, when absent) or "dark" (Black).
 *
 * `window.__fbsHost` gives the test the workbook (`model`: cells, sheets, `selection`, `active`,
 * `cellEditMode`), what the pane asked of Excel (`runs`: syncs per `Excel.run`), and `seed` to type
 * a sample plan (sample-plans.ts) into the data sheets as a user would.
 */
import { DATE_FORMAT, workbookTemplate, type PlanData } from "../../src/playbook/template";
import { CORRECT_PLAN, EXAMPLE_PLAN } from "../../src/playbook/example";
import { isDate } from "../../src/playbook/snapshot";
import type { Lang } from "../../src/playbook/vocabulary";
import { toOffice } from "../../src/excel/cells";
import { FakeContext } from "../excel/fakes/context";
import { FakeWorkbook } from "../excel/fakes/workbook";
import { TYPO_PLAN, largePlan } from "./sample-plans";

export interface HostSettings {
  displayLanguage?: string;
  responseLimit?: number;
  theme?: "light" | "dark";
}

/** One `Excel.run` of the pane: its syncs, and how it ended. */
export interface HostRun {
  syncs: number;
  ok: boolean;
  ms: number;
}

/** The sample plans the test and the benchmark type in. */
export type SamplePlan = "example" | "correct" | "large" | "typos";

export interface BrowserHost {
  model: FakeWorkbook;
  settings: Required<HostSettings>;
  runs: HostRun[];
  /**
   * Type a sample plan into the workbook's data sheets below their header rows (creating a sheet
   * that is missing), as a user would: dates become date-formatted serial numbers. "large" is the
   * example plan with `size` rows on the People sheet in all; "typos" the example plan with a second
   * misspelt super user (two DATA-04 fixes).
   */
  seed(plan: SamplePlan, lang: Lang, size?: number): { rows: number };
}

declare global {
  interface Window {
    __fbsHostSettings?: HostSettings;
    __fbsHost: BrowserHost;
  }
}

function readSettings(): Required<HostSettings> {
  const given = window.__fbsHostSettings ?? {};
  const query = new URLSearchParams(window.location.search);
  const limit = given.responseLimit ?? Number(query.get("responseLimit") ?? NaN);
  return {
    displayLanguage: given.displayLanguage ?? query.get("displayLanguage") ?? "da-DK",
    responseLimit: Number.isFinite(limit) ? limit : 5_000_000,
    theme: given.theme ?? (query.get("theme") === "dark" ? "dark" : "light"),
  };
}

function samplePlan(plan: SamplePlan, size: number | undefined): PlanData {
  switch (plan) {
    case "example":
      return EXAMPLE_PLAN;
    case "correct":
      return CORRECT_PLAN;
    case "large":
      return largePlan(size ?? 10_000);
    case "typos":
      return TYPO_PLAN;
  }
}

function typePlan(model: FakeWorkbook, data: PlanData, lang: Lang): { rows: number } {
  let rows = 0;
  for (const template of workbookTemplate(lang, data)) {
    const sheet = model.sheet(template.name) ?? model.addSheet(template.name, [template.columns.map((c) => c.header)]);
    template.rows.forEach(({ cells }, i) =>
      cells.forEach((value, c) => {
        if (isDate(value)) sheet.mutable(i + 1, c).numberFormat = DATE_FORMAT;
        sheet.setValue(i + 1, c, toOffice(value));
      }),
    );
    rows += template.rows.length;
  }
  return { rows };
}

function install(): void {
  const settings = readSettings();
  // A new workbook in Excel has one empty sheet, named in Excel's language.
  const model = new FakeWorkbook();
  model.addSheet(/^da\b/i.test(settings.displayLanguage) ? "Ark1" : "Sheet1");
  const runs: HostRun[] = [];

  window.__fbsHost = {
    model,
    settings,
    runs,
    seed: (plan, lang, size) => typePlan(model, samplePlan(plan, size), lang),
  };

  const ready = { host: "Excel", platform: "OfficeOnline" };
  // Only what API-SURFACE.md lists; the globals' full Office.js types do not apply to a stand-in.
  const office = {
    HostType: { Excel: "Excel" },
    onReady: (callback?: (info: typeof ready) => void) => {
      callback?.(ready);
      return Promise.resolve(ready);
    },
    context: {
      displayLanguage: settings.displayLanguage,
      // The requirement sets of API-SURFACE.md: ExcelApi up to 1.9.
      requirements: {
        isSetSupported: (name: string, version = "1.1") => name === "ExcelApi" && Number(version.split(".")[1] ?? 0) <= 9 && version.startsWith("1."),
      },
      // Excel's "Colorful" theme (light), or its "Black" theme.
      officeTheme:
        settings.theme === "dark"
          ? { bodyBackgroundColor: "#262626", bodyForegroundColor: "#FFFFFF", controlBackgroundColor: "#363636", controlForegroundColor: "#FFFFFF" }
          : { bodyBackgroundColor: "#FFFFFF", bodyForegroundColor: "#000000", controlBackgroundColor: "#FFFFFF", controlForegroundColor: "#262626" },
    },
  };

  const excel = {
    run: async <T>(batch: (context: FakeContext) => Promise<T>): Promise<T> => {
      const context = new FakeContext(model, { responseLimit: settings.responseLimit });
      const started = performance.now();
      const record = (ok: boolean) => runs.push({ syncs: context.syncs, ok, ms: performance.now() - started });
      try {
        const result = await batch(context);
        // Office.js syncs what the batch left queued when it returns.
        if (context.pending > 0) await context.sync();
        record(true);
        return result;
      } catch (error) {
        record(false);
        throw error;
      }
    },
  };
  Object.assign(window, { Office: office, Excel: excel });
}

install();
