#!/usr/bin/env node
/**
 * Excel syncs of issue 8's actions, counted over the strict in-memory Excel of test/excel/fakes (the
 * one the adapter tests use; a real Excel adds its own time per sync, which is why syncs are counted):
 *   (a) syncs per validation, with the Historik row, chart and keys in the write batch (aim: 2);
 *   (b) syncs per fix: the from-check read, the write, and the validation after it (aim: 1 + 1 + 2);
 *   (c) syncs per acceptance (one row of Accepterede) and per reopen.
 * The TypeScript sources are compiled on the fly with @swc/core (a dev dependency).
 *
 *   node scripts/bench-lifecycle.js
 */
const fs = require("node:fs");
const path = require("node:path");
const { performance } = require("node:perf_hooks");
const swc = require("@swc/core");

require.extensions[".ts"] = (module, filename) => {
  const { code } = swc.transformSync(fs.readFileSync(filename, "utf8"), {
    filename,
    jsc: { parser: { syntax: "typescript" }, target: "es2022" },
    module: { type: "commonjs" },
  });
  module._compile(code, filename);
};

const REPO = path.resolve(__dirname, "..");
const load = (file) => require(path.join(REPO, file));

async function main() {
  const { validateWorkbook } = load("src/excel/validate.ts");
  const { applyFixes } = load("src/excel/fixes.ts");
  const { acceptFinding, reopenAcceptance } = load("src/excel/accepted.ts");
  const { fakeExcel } = load("test/excel/fakes/context.ts");
  const { workbookFrom } = load("test/excel/helpers.ts");
  const { EXAMPLE_PLAN } = load("src/playbook/example.ts");
  const { planSnapshot } = load("src/playbook/template.ts");
  const { day } = load("src/playbook/dates.ts");

  const today = day(2026, 12, 1);
  const options = { lang: "da", today, now: new Date(2026, 11, 1, 9, 0) };
  const units = EXAMPLE_PLAN.units.map((u) => (u.unit === "Filial Nord" ? { ...u, superUser: "Maja Fris" } : u));
  const workbook = workbookFrom(planSnapshot({ ...EXAMPLE_PLAN, units }));
  const counted = async (work) => {
    const { context, fake } = fakeExcel(workbook);
    const started = performance.now();
    const result = await work(context);
    return { result, syncs: fake.syncs, ms: performance.now() - started };
  };

  const first = await counted((c) => validateWorkbook(c, options));
  const second = await counted((c) => validateWorkbook(c, options));
  const fix = await counted((c) =>
    applyFixes(c, [{ label: { da: "", en: "" }, edits: [{ sheet: "Enheder", cell: "C3", from: "Maja Fris", to: "Maja Friis" }] }], options),
  );
  if (!fix.result.applied) throw new Error("The fix did not apply.");
  const finding = first.result.findings.find((f) => f.sheet !== null);
  const accept = await counted((c) => acceptFinding(c, finding, { reason: "Besluttet", by: null, until: null }, "da", today));
  const reopen = await counted((c) => reopenAcceptance(c, accept.result));

  const ms = (x) => `${x.toFixed(1)} ms`;
  console.log("Issue 8 in Excel (strict in-memory fake; a real Excel adds its time per sync):");
  console.log(`  syncs per validation, with the Historik row: first ${first.syncs} (creates Historik), then ${second.syncs} (${ms(second.ms)})`);
  console.log(`  syncs per fix: ${fix.syncs} = 1 from-check read + 1 write + ${fix.syncs - 2} for the validation after it (${ms(fix.ms)})`);
  console.log(`  syncs per acceptance: ${accept.syncs}; per reopen: ${reopen.syncs}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
