/**
 * The workbook init writes, opened and saved again by LibreOffice (`soffice --headless --convert-to
 * xlsx`): it opens, and its tables and drop-downs survive. CI installs LibreOffice, so there a missing
 * soffice fails the test; on a developer machine without it the test says so and checks nothing.
 * scripts/libreoffice-check.sh renders the workbook to PDF and PNG for a look.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { readXlsx } from "../../src/cli/xlsx-reader";
import { workbookBytes } from "../../src/cli/xlsx-writer";
import { parseIsoDay, type Day } from "../../src/playbook/dates";
import { validateSnapshot } from "../../src/playbook/engine";
import { EXAMPLE_PLAN } from "../../src/playbook/example";
import { ACCEPTED_SHEET, DATA_SHEETS } from "../../src/playbook/vocabulary";
import { tempFolder } from "./helpers";
import { dropDownAt, loadWorkbook, tablesOf } from "./inspect";

const TODAY = parseIsoDay("2026-12-01") as Day;
const hasSoffice = spawnSync("soffice", ["--version"], { encoding: "utf8" }).status === 0;

it("LibreOffice opens the workbook init writes and keeps its tables, drop-downs and data", async () => {
  if (!hasSoffice) {
    if (process.env.CI) throw new Error("soffice (LibreOffice) is not installed; .ci/run must install libreoffice-calc");
    console.warn("LibreOffice (soffice) is not installed: the LibreOffice round trip was not checked.");
    return;
  }
  const folder = tempFolder("fbs-lo-");
  try {
    const original = await workbookBytes({ lang: "da", data: EXAMPLE_PLAN });
    writeFileSync(join(folder.dir, "plan.xlsx"), original);
    const convert = spawnSync(
      "soffice",
      [`-env:UserInstallation=file://${folder.dir}/profile`, "--headless", "--convert-to", "xlsx", "--outdir", join(folder.dir, "out"), join(folder.dir, "plan.xlsx")],
      { encoding: "utf8", timeout: 120_000 },
    );
    expect(convert.status).toBe(0);
    const resaved = readFileSync(join(folder.dir, "out", "plan.xlsx"));

    const before = await loadWorkbook(original);
    const after = await loadWorkbook(resaved);
    for (const spec of [...DATA_SHEETS, ACCEPTED_SHEET]) {
      const [was, is] = [before.getWorksheet(spec.da), after.getWorksheet(spec.da)];
      if (!was || !is) throw new Error(`sheet ${spec.da} is missing after LibreOffice`);
      expect(tablesOf(is).map((t) => [t.name, t.headers])).toEqual(tablesOf(was).map((t) => [t.name, t.headers]));
      spec.columns.forEach((_, i) => {
        const cell = `${String.fromCharCode(65 + i)}2`;
        expect([spec.da, cell, dropDownAt(after, is, cell)]).toEqual([spec.da, cell, dropDownAt(before, was, cell)]);
      });
    }

    const findings = async (bytes: Buffer) =>
      validateSnapshot((await readXlsx(bytes)).snapshot, { today: TODAY }).findings.map((f) => `${f.rule} ${f.sheet}!${f.cell}`);
    expect(await findings(resaved)).toEqual(await findings(original));
  } finally {
    folder.cleanup();
  }
});
