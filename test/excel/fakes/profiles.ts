/**
 * The hosts every pane action is tested under: the same in-memory workbook seen through three
 * Excels. Use them for any new action:
 *
 *   forEachHostProfile((host) => {
 *     it("does its job", async () => {
 *       const workbook = workbookFrom(planSnapshot(EXAMPLE_PLAN));
 *       const { context } = host.excel(workbook);           // an Excel.RequestContext
 *       await myAction(context, …);
 *       expect(host.followLink(workbook, "Validering", "E3")).toEqual(…);
 *     });
 *   });
 *
 * or, for code that calls `Excel.run` (actions.ts), `host.install(workbook)` puts a global `Excel`
 * whose every run gets a fresh context of this host (remove it with `uninstallExcel()`).
 *
 * - `STRICT`: the strict fake as it always was (queued commands, PropertyNotLoaded, live repaint,
 *   null objects that chain, links of both kinds followed, as Excel on the desktop).
 * - `WEB`: Excel on the web as Microsoft's documentation and the office-js tracker describe it
 *   (see src/excel/API-SURFACE.md, "Host profiles"): 5 MB responses; HYPERLINK to "#…" does not
 *   navigate, `Range.hyperlink` does; API-made formula rules repaint only when the batch forces it or
 *   the rule is (re)added; text starting with =, + or - is a formula and ISO text a date in a General
 *   cell; a range over 5 M cells loads `values = null`; `columns.add` on a large table fails with
 *   OperationCellsExceedLimit.
 * - `NULL_REFUSED`: a host that fails a batch with ItemNotFound when a call is made on a null object
 *   (`getItemOrNullObject(x).charts…` of a sheet that does not exist).
 */
import { FakeContext, fakeExcel, type FakeOptions } from "./context";
import type { FakeWorkbook, Platform } from "./workbook";

/** Excel on the web's limits, as the options of the fake (thresholds can be lowered per test). */
export const WEB_OPTIONS: Readonly<FakeOptions> = Object.freeze({
  responseLimit: 5_000_000,
  repaint: "when-forced",
  textEntry: "excel",
  nullValuesAbove: 5_000_000,
  operationCellLimit: 33_554_000,
});

export interface HostProfile {
  /** For test titles. */
  name: string;
  platform: Platform;
  options: Readonly<FakeOptions>;
  /** A context of this host over `workbook`; `options` override the profile's (e.g. a lower limit). */
  excel(workbook: FakeWorkbook, options?: FakeOptions): { context: Excel.RequestContext; fake: FakeContext };
  /** Put a global `Excel` whose `run` gives each batch a fresh context of this host. */
  install(workbook: FakeWorkbook, options?: FakeOptions): jest.Mock;
  /** Where clicking the link in a cell takes the user on this host; null when nowhere. */
  followLink(workbook: FakeWorkbook, sheet: string, address: string): { sheet: string; address: string } | null;
}

function profile(name: string, platform: Platform, options: Readonly<FakeOptions>): HostProfile {
  const merged = (extra?: FakeOptions): FakeOptions => ({ ...options, ...extra });
  return {
    name,
    platform,
    options,
    excel: (workbook, extra) => fakeExcel(workbook, merged(extra)),
    install: (workbook, extra) => installExcel(workbook, merged(extra)),
    followLink: (workbook, sheet, address) => workbook.followLink(sheet, address, platform),
  };
}

export const STRICT = profile("the strict fake (Excel on the desktop)", "desktop", Object.freeze({}));
export const WEB = profile("Excel on the web", "web", WEB_OPTIONS);
export const NULL_REFUSED = profile("a host that refuses calls on null objects", "desktop", Object.freeze({ nullChaining: "throw" }));

export const HOST_PROFILES: ReadonlyArray<HostProfile> = [STRICT, WEB, NULL_REFUSED];

/** `describe` the body once per host profile ("under Excel on the web", …). */
export function forEachHostProfile(body: (host: HostProfile) => void): void {
  describe.each(HOST_PROFILES.map((host) => [host.name, host] as const))("under %s", (_name, host) => body(host));
}

/**
 * `Excel.run` over a fake workbook, as Office.js calls the batch function: a fresh context per run,
 * and what the batch left queued is synced when it returns.
 */
export function installExcel(workbook: FakeWorkbook, options: FakeOptions = {}): jest.Mock {
  const run = jest.fn(async (batch: (context: Excel.RequestContext) => Promise<unknown>) => {
    const { context, fake } = fakeExcel(workbook, options);
    const result = await batch(context);
    if (fake.pending > 0) await fake.sync();
    return result;
  });
  (globalThis as { Excel?: unknown }).Excel = { run };
  return run;
}

export function uninstallExcel(): void {
  delete (globalThis as { Excel?: unknown }).Excel;
}
