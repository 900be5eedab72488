/** Types of harness.js (plain JavaScript, so that scripts/bench-pane.js can use it too). */
import type { BrowserContext, Page } from "playwright-core";
import type { HostSettings } from "./office-host";

export interface OpenedPane {
  page: Page;
  /** Uncaught errors and console errors of the page, as they come. */
  problems: string[];
}

export interface OpenPaneOptions {
  settings?: HostSettings;
  /** Fix the page's clock here (the pane's "today"). */
  fixedTime?: Date;
  /** Appended to the pane's URL ("?displayLanguage=en-US"). */
  query?: string;
  /** Load every file afresh, as a first visit does. */
  disableCache?: boolean;
}

export interface PaneBrowser {
  /** The production build served. */
  paneDir: string;
  paneUrl: string;
  /** http://127.0.0.1:PORT */
  origin: string;
  context: BrowserContext;
  /** Every URL the pages asked for. */
  requests: string[];
  /** The requests refused: neither the local server nor office.js. */
  blocked: string[];
  openPane(options?: OpenPaneOptions): Promise<OpenedPane>;
  close(): Promise<void>;
}

export function startPaneBrowser(): Promise<PaneBrowser>;
export const PANE_VIEWPORT: { width: number; height: number };
export const OFFICE_JS_PREFIX: string;
export const CHROMIUM: string;
