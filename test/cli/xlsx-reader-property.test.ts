/**
 * Random values through the new reader: any cell values a workbook can hold (text of any script,
 * whitespace and entities' characters, numbers of any size and sign, booleans, dates, formula errors,
 * formulas with cached results), written by exceljs, read back by src/cli/xlsx-reader.ts exactly as
 * written, and exactly as the exceljs oracle reads them.
 */
import fc from "fast-check";
import type ExcelJS from "exceljs";
import { readXlsx } from "../../src/cli/xlsx-reader";
import { ERROR_LITERALS, type CellValue } from "../../src/playbook/snapshot";
import { xlsxBuffer } from "./helpers";
import { readXlsxWithExceljs } from "./xlsx-oracle";

// XML 1.0 cannot carry most C0 controls, and parsing turns CR into LF: text is drawn without them
// (and without `_xHHHH_`, which exceljs writes unescaped, so that Excel too reads it as the character).
const xmlText = fc.string({ unit: fc.oneof(fc.constantFrom("<", ">", "&", '"', "'", "\t", "\n", " ", "]]>", "Å", "A\u030a", "😀", "…"), fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }), fc.constantFrom(..."æøåÆØÅ")), maxLength: 30 }).filter((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\r\ufffe\uffff]/.test(s) && s !== "");

const value: fc.Arbitrary<{ write: ExcelJS.CellValue; read: CellValue }> = fc.oneof(
  xmlText.map((s) => ({ write: s, read: s })),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => ({ write: n, read: Object.is(n, -0) ? 0 : n })),
  fc.integer({ min: -1e9, max: 1e9 }).map((n) => ({ write: n, read: n })),
  fc.boolean().map((b) => ({ write: b, read: b })),
  fc.date({ min: new Date(Date.UTC(1900, 2, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true }).map((d) => {
    const day = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
    return { write: day, read: day };
  }),
  fc.constantFrom(...ERROR_LITERALS.slice(0, 7)).map((error) => ({ write: { error } as ExcelJS.CellErrorValue, read: { error } })),
  // Cached 0, FALSE and "" are where exceljs differs (xlsx-reader-oracle.test.ts asserts those).
  fc.integer({ min: 1, max: 1000 }).map((n) => ({ write: { formula: `${n}+0`, result: n } as ExcelJS.CellFormulaValue, read: n })),
  xmlText.map((s) => ({ write: { formula: "A1", result: s } as ExcelJS.CellFormulaValue, read: s })),
);

it("reads back every random value exceljs writes, as the oracle does", async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(fc.array(value, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 6 }), async (rows) => {
      const bytes = await xlsxBuffer([{ name: "Ark", rows: rows.map((r) => r.map((c) => c.write)) }]);
      const ours = (await readXlsx(bytes)).snapshot.sheets[0].rows;
      expect(ours).toEqual(rows.map((r) => r.map((c) => c.read)));
      expect(ours).toEqual((await readXlsxWithExceljs(bytes)).snapshot.sheets[0].rows);
    }),
    { numRuns: 60 },
  );
});
