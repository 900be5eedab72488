import { addCalendarMonths, day, fromSerial, iso, parseIsoDay, toSerial } from "../../src/playbook/dates";
import { readPlan } from "../../src/playbook/reader";
import { buildTimeline } from "../../src/playbook/timeline";
import { planSnapshot } from "../../src/playbook/template";
import { correctPlan, d } from "./plan-fixtures";

describe("calendar months", () => {
  it.each([
    ["2027-05-31", -3, "2027-02-28"],
    ["2028-05-31", -3, "2028-02-29"],
    ["2027-12-31", -6, "2027-06-30"],
    ["2027-01-31", 1, "2027-02-28"],
    ["2027-09-01", 1, "2027-10-01"],
  ])("%s %+d months is %s (end of month clamped)", (from, months, expected) => {
    expect(iso(addCalendarMonths(d(from), months))).toBe(expected);
  });
});

describe("Excel serial dates", () => {
  it.each([
    [1, "1900-01-01"],
    [59, "1900-02-28"],
    [61, "1900-03-01"],
    [45292, "2024-01-01"],
    [46631, "2027-09-01"],
  ])("serial %d is %s", (serial, expected) => {
    expect(iso(fromSerial(serial))).toBe(expected);
    if (serial !== 60) expect(toSerial(fromSerial(serial)!)).toBe(serial);
  });

  it("rejects serials outside Excel's calendar", () => {
    expect(fromSerial(0)).toBeNull();
    expect(fromSerial(-5)).toBeNull();
    expect(fromSerial(Number.NaN)).toBeNull();
    expect(fromSerial(1e9)).toBeNull();
  });

  it("parses --today and rejects impossible days", () => {
    expect(iso(parseIsoDay("2026-12-01"))).toBe("2026-12-01");
    expect(parseIsoDay("2026-02-30")).toBeNull();
    expect(parseIsoDay("01-12-2026")).toBeNull();
  });

  it("rejects impossible calendar days", () => {
    expect(day(2027, 2, 29)).toBeNull();
    expect(day(2028, 2, 29)).not.toBeNull();
  });
});

describe("the timeline", () => {
  it("derives notice deadlines, extensions and the milestones", () => {
    const timeline = buildTimeline(readPlan(planSnapshot(correctPlan())));
    expect(timeline.milestones.map((m) => [m.key, iso(m.date)])).toEqual([
      ["kickoff", "2027-01-15"],
      ["organisation-established", "2026-12-01"],
      ["transition-agreed", "2027-02-01"],
      ["operations-announced", "2027-07-01"],
      ["go-live", "2027-09-01"],
      ["go-live-plus-1-month", "2027-10-01"],
    ]);
    const ddelibra = timeline.contracts[0];
    expect({
      row: ddelibra.row,
      type: ddelibra.type,
      expires: iso(ddelibra.expires),
      noticeDeadline: iso(ddelibra.noticeDeadline),
      extendedUntil: iso(ddelibra.extendedUntil),
    }).toEqual({ row: 2, type: "librarySystem", expires: "2027-12-31", noticeDeadline: "2027-06-30", extendedUntil: "2028-03-31" });
  });

  it("leaves out milestones that are not set and keeps unknown contract dates null", () => {
    const plan = correctPlan();
    plan.settings!.kickoff = null;
    plan.contracts![0].noticeMonths = null;
    const timeline = buildTimeline(readPlan(planSnapshot(plan)));
    expect(timeline.milestones.map((m) => m.key)).not.toContain("kickoff");
    expect(timeline.contracts[0].noticeDeadline).toBeNull();
  });
});
