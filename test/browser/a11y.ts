/**
 * What the browser test checks of the pane in every state, beyond what a user clicks:
 * - `axeViolations`: axe-core's automatic WCAG 2.1 A and AA rules, run in the page;
 * - `layoutProblems`: no control, text or card overflowing its box or the pane, and none lying on
 *   another (WCAG 1.4.4 and 1.4.10 at 200 % zoom and at 320 px);
 * - `focusedElement`: what has the keyboard focus, in words.
 */
import type { Page } from "playwright-core";

// axe-core's source text, injected into the page as a script (it never leaves 127.0.0.1).
import { source as AXE_SOURCE } from "axe-core";

/** The WCAG 2.1 levels A and AA, as axe-core tags its rules. */
const WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/**
 * The one exclusion: Fluent's focus manager (tabster) puts `[data-tabster-dummy]` elements around
 * focus traps and arrow-key groups. They are aria-hidden yet focusable by design (they hand the
 * focus on at once), which axe's `aria-hidden-focus` rule reports; a known false positive:
 * https://github.com/microsoft/tabster/issues/288. Only that rule, only on those elements.
 */
const TABSTER_DUMMY = { rule: "aria-hidden-focus", marker: "data-tabster-dummy" };

export interface Violation {
  rule: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

export async function axeViolations(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: AXE_SOURCE });
  // Judge the colours the user ends up with: a toggle's background fades over ~100 ms, and on a
  // loaded machine axe may otherwise measure it halfway (a contrast "violation" of no real state).
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ html: string; target: unknown[] }> }> }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return result.violations.map((v) => ({ rule: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.html) }));
  }, WCAG_21_AA);
  return violations
    .map((v) => (v.rule === TABSTER_DUMMY.rule ? { ...v, nodes: v.nodes.filter((html) => !html.includes(TABSTER_DUMMY.marker)) } : v))
    .filter((v) => v.nodes.length > 0);
}

/**
 * Every overflow and overlap in the pane, in words (empty when there is none):
 * - the page scrolls sideways;
 * - a control, heading, paragraph or card sticks out of the pane, or its content out of it
 *   (a word running out of a button or a card);
 * - two of them lie on each other (the shown count on the sheet filter, a message's title under its
 *   close button), unless one holds the other.
 * Hidden elements and the focus manager's 1-pixel dummies do not count.
 */
export function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > width) problems.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
    const name = (el: Element) => `<${el.tagName.toLowerCase()}> «${((el as HTMLElement).innerText || el.getAttribute("aria-label") || "").trim().replace(/\s+/g, " ").slice(0, 40)}»`;
    const boxes = [
      ...document.querySelectorAll("main button, main select, main h1, main h2, main p, main li, main label, main [role='status'] > span, main [data-intent] span"),
    ].filter((el) => !el.closest("[data-tabster-dummy], [hidden]") && el.getClientRects().length > 0 && (el as HTMLElement).offsetWidth > 1);
    for (const el of boxes) {
      const rect = el.getBoundingClientRect();
      if (rect.left < -0.5 || rect.right > width + 0.5) problems.push(`${name(el)} sticks out of the pane (${Math.round(rect.left)}…${Math.round(rect.right)} of ${width})`);
      const block = getComputedStyle(el).display !== "inline";
      if (block && el.scrollWidth > el.clientWidth + 1) problems.push(`${name(el)} overflows its box (${el.scrollWidth} > ${el.clientWidth})`);
    }
    // Boxes that lie on each other by more than a pixel each way.
    const leaves = boxes.filter((el) => el.matches("button, select, h1, h2, p, label, [role='status'] > span, [data-intent] span"));
    for (let i = 0; i < leaves.length; i++) {
      for (let j = i + 1; j < leaves.length; j++) {
        const [a, b] = [leaves[i], leaves[j]];
        if (a.contains(b) || b.contains(a)) continue;
        const [r, s] = [a.getBoundingClientRect(), b.getBoundingClientRect()];
        const x = Math.min(r.right, s.right) - Math.max(r.left, s.left);
        const y = Math.min(r.bottom, s.bottom) - Math.max(r.top, s.top);
        if (x > 1 && y > 1) problems.push(`${name(a)} lies on ${name(b)}`);
      }
    }
    return problems;
  });
}

/** The focused element as "tag: name" (its aria-label, else its visible text), or "body". */
export function focusedElement(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return "body";
    const labels = (el as HTMLSelectElement).labels;
    const label = el.getAttribute("aria-label") || (el.tagName === "SELECT" && labels?.[0]?.innerText) || (el as HTMLElement).innerText || "";
    return `${el.getAttribute("role") ?? el.tagName.toLowerCase()}: ${label.trim().replace(/\s+/g, " ")}`;
  });
}
