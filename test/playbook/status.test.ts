import { readHistory } from "../../src/playbook/history";
import { buildStatus } from "../../src/playbook/status";
import { readPlan } from "../../src/playbook/reader";
import type { Finding } from "../../src/playbook/findings";

const finding = (rule: string, severity: Finding["severity"], accepted = false): Finding => ({
  rule,
  severity,
  section: null,
  sheet: null,
  row: null,
  column: null,
  cell: null,
  messageId: `${rule}/example`,
  data: {},
  subject: null,
  accepted: accepted ? { reason: "besluttet", by: null, on: null, until: null, sheet: "Accepterede", row: 2 } : null,
});

test("Historik rows are read below a title, in either language, oldest first; unreadable times are left out", () => {
  const rows = readHistory({
    sheets: [
      {
        name: "History",
        rows: [
          ["Historik"],
          ["Time", "Errors", "Warnings", "Info", "Accepted", "New", "Resolved"],
          [46360.5, 3, 4, 0, 1, 2, 0],
          [new Date(Date.UTC(2026, 9, 1)), "5", 6, 0, 0, 0, 0],
          ["not a time", 9, 9, 9, 9, 9, 9],
        ],
      },
    ],
  });
  expect(rows.map((r) => [r.day.getFullYear(), r.day.getMonth() + 1, r.day.getDate(), r.errors, r.warnings])).toEqual([
    [2026, 10, 1, 5, 6],
    [2026, 12, 4, 3, 4],
  ]);
});

test("a chapter is Red with an open error, Amber with an open warning; accepted findings are counted apart", () => {
  const plan = readPlan({ sheets: [] });
  const status = buildStatus({
    plan,
    today: new Date(2026, 11, 1),
    findings: [finding("CON-03", "warning"), finding("CON-04", "error", true), finding("ORG-01", "error"), finding("ECO-01", "error", true)],
  });
  const byKey = Object.fromEntries(status.chapters.map((c) => [c.chapter.key, c]));
  expect(byKey.contracts).toMatchObject({ light: "amber", errors: 0, warnings: 1, accepted: 1 });
  expect(byKey.organisation).toMatchObject({ light: "red", errors: 1 });
  expect(byKey.finance).toMatchObject({ light: "green", errors: 0, accepted: 1 });
  expect(status.totals).toMatchObject({ errors: 1, warnings: 1, accepted: 2 });
  expect(status.due).toEqual([]);
});
