/**
 * Waiting for Office and reading what the pane needs from the host: its language and theme.
 * One of the two files that use the `Office` global (with actions.ts).
 */
import type { Lang } from "../playbook/vocabulary";

export type Theme = "light" | "dark";

export interface HostInfo {
  lang: Lang;
  theme: Theme;
  /**
   * False when the host says it lacks the requirement set the add-in needs ({@link REQUIRED_API}):
   * the pane then shows errors.ts's HOST_TOO_OLD instead of its buttons.
   */
  supported: boolean;
}

/** Everything in src/excel is ExcelApi 1.9 or lower (API-SURFACE.md). */
export const REQUIRED_API = { set: "ExcelApi", version: "1.9" } as const;

/** Does the host have {@link REQUIRED_API}? A host that cannot tell is given the benefit of the doubt. */
export function hasRequiredApi(requirements: { isSetSupported?: (name: string, version?: string) => boolean } | null | undefined): boolean {
  if (typeof requirements?.isSetSupported !== "function") return true;
  return requirements.isSetSupported(REQUIRED_API.set, REQUIRED_API.version);
}

/** Office's display language ("da-DK", "en-US", …) as the pane's language: Danish for da-*, else English. */
export function langOf(displayLanguage: string | null | undefined): Lang {
  return /^da(-|_|$)/i.test(displayLanguage ?? "") ? "da" : "en";
}

/** Dark when the body background is dark (relative luminance under one half); light when unknown. */
export function themeOf(bodyBackgroundColor: string | null | undefined): Theme {
  const m = /^#?([0-9a-f]{6}|[0-9a-f]{3})$/i.exec((bodyBackgroundColor ?? "").trim());
  if (!m) return "light";
  const hex = m[1].length === 3 ? [...m[1]].map((ch) => ch + ch).join("") : m[1];
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return luminance < 0.5 ? "dark" : "light";
}

/** Wait for Office.js, then read the display language, theme (some hosts give none: light) and requirement set. */
export async function onHostReady(): Promise<HostInfo> {
  await Office.onReady();
  const context = Office.context as Partial<typeof Office.context> | undefined;
  return {
    lang: langOf(context?.displayLanguage),
    theme: themeOf(context?.officeTheme?.bodyBackgroundColor),
    supported: hasRequiredApi(context?.requirements),
  };
}
