/**
 * A sheet of the in-memory Excel (fakes/workbook.ts) printed by a real spreadsheet program: exported
 * to .xlsx with exceljs as the add-in left it (values, number formats, fills, font bold, size and
 * colour, wrap and alignment, column widths, page setup, print area, header and footer), printed to
 * PDF by LibreOffice (print-calc.py: headless, a profile of its own, the rows the add-in asked Excel to
 * fit made as tall as their text) and read back with poppler (`pdfinfo`, `pdftotext`, `pdftoppm`).
 * The fake keeps no row heights, merges or borders, and the add-in sets none, so none are exported.
 *
 * exceljs writes no charts. A chart the add-in made is written into the file here as a plain
 * DrawingML line chart of the same data range, title, legend position, anchor cell and size, so
 * LibreOffice draws it from the same cells; its look is LibreOffice's, not Excel's.
 *
 * Fonts: the add-in leaves Excel's default, Calibri 11. LibreOffice prints it in Carlito (metric-
 * compatible, fonts-crosextra-carlito) when installed; in another font the lines break elsewhere.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { columnLetters } from "../../src/playbook/location";
import { parseAddress, type FakeChart, type FakeSheet } from "./fakes/workbook";

export const hasSoffice = spawnSync("soffice", ["--version"], { encoding: "utf8" }).status === 0;
export const hasPoppler = spawnSync("pdfinfo", ["-v"], { encoding: "utf8" }).status === 0;
/** Carlito, in which LibreOffice prints Calibri with Calibri's widths (else lines break elsewhere). */
export const hasCarlito = /carlito/i.test(spawnSync("fc-list", [], { encoding: "utf8" }).stdout ?? "");

/** Excel's column width unit: characters of the default font's widest digit (7 px in Calibri 11). */
const pointsToWidth = (points: number) => (points * 96) / 72 / 7;

const argb = (colour: string) => `FF${colour.replace(/^#/, "").toUpperCase()}`;

const PAPER: Record<string, number> = { A4: 9, Letter: 1 };

/** The sheet as an .xlsx workbook of one sheet, with its charts. */
export async function sheetXlsx(sheet: FakeSheet): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet(sheet.name);
  for (const [r, row] of sheet.cells) {
    for (const [c, cell] of row) {
      const target = ws.getCell(r + 1, c + 1);
      if (cell.value !== null) target.value = cell.value;
      if (cell.numberFormat !== "General") target.numFmt = cell.numberFormat;
      if (cell.fill) target.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(cell.fill) } };
      const font: Partial<ExcelJS.Font> = { name: "Calibri", size: cell.fontSize ?? 11 };
      if (cell.bold) font.bold = true;
      if (cell.fontColor) font.color = { argb: argb(cell.fontColor) };
      target.font = font;
      const alignment: Partial<ExcelJS.Alignment> = {};
      if (cell.wrap) alignment.wrapText = true;
      if (cell.horizontalAlignment && cell.horizontalAlignment !== "General") alignment.horizontal = cell.horizontalAlignment.toLowerCase() as ExcelJS.Alignment["horizontal"];
      if (cell.verticalAlignment) alignment.vertical = ({ Top: "top", Center: "middle", Bottom: "bottom" } as const)[cell.verticalAlignment];
      if (Object.keys(alignment).length) target.alignment = alignment;
    }
  }
  for (const [c, points] of sheet.columnWidths) ws.getColumn(c + 1).width = pointsToWidth(points);
  // No row heights: the fake keeps none (FakeSheet.autofitRows), so a row prints at the default height
  // unless the add-in asked for it to be fitted, which printXlsx has LibreOffice do.

  const page = sheet.pageLayout;
  const fit = page.zoom.horizontalFitToPages !== undefined || page.zoom.verticalFitToPages !== undefined;
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: PAPER[page.paperSize] as ExcelJS.PageSetup["paperSize"],
    orientation: page.orientation === "Portrait" ? "portrait" : "landscape",
    horizontalCentered: page.centerHorizontally,
    ...(fit ? { fitToPage: true, fitToWidth: page.zoom.horizontalFitToPages ?? 0, fitToHeight: page.zoom.verticalFitToPages ?? 0 } : { scale: page.zoom.scale ?? 100 }),
    // exceljs puts a "$" before each corner only ("$A1:$E39", which LibreOffice ignores): give it the rows' own.
    ...(page.printArea ? { printArea: page.printArea.replace(/([A-Z]+)(\d+)/g, "$1$$$2") } : {}),
  };
  ws.headerFooter = {
    oddHeader: page.centerHeader ? `&C${page.centerHeader}` : undefined,
    oddFooter: page.rightFooter ? `&R${page.rightFooter}` : undefined,
  };
  const bytes = Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
  return sheet.charts.length ? withCharts(bytes, sheet) : bytes;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const EMU_PER_POINT = 12_700;

function chartXml(sheetName: string, chart: FakeChart): string {
  const ref = (c0: number, r0: number, r1: number) => `'${sheetName.replace(/'/g, "''")}'!$${columnLetters(c0)}$${r0 + 1}:$${columnLetters(c0)}$${r1 + 1}`;
  const { r0, c0, r1, c1 } = chart.data;
  const series: string[] = [];
  for (let c = c0 + 1; c <= c1; c++) {
    const i = c - c0 - 1;
    series.push(
      `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:strRef><c:f>${esc(ref(c, r0, r0))}</c:f></c:strRef></c:tx>` +
        `<c:marker><c:symbol val="none"/></c:marker>` +
        `<c:cat><c:strRef><c:f>${esc(ref(c0, r0 + 1, r1))}</c:f></c:strRef></c:cat>` +
        `<c:val><c:numRef><c:f>${esc(ref(c, r0 + 1, r1))}</c:f></c:numRef></c:val><c:smooth val="0"/></c:ser>`,
    );
  }
  const legend = { Bottom: "b", Top: "t", Left: "l", Right: "r" }[chart.legendPosition] ?? "r";
  const title = chart.title
    ? `<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${esc(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>`
    : `<c:autoTitleDeleted val="1"/>`;
  if (chart.type !== "Line") throw new Error(`print.ts: only line charts are written (not ${chart.type})`);
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}"><c:chart>${title}<c:plotArea><c:layout/>` +
    `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series.join("")}<c:axId val="1"/><c:axId val="2"/></c:lineChart>` +
    `<c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="2"/></c:catAx>` +
    `<c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/><c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="1"/></c:valAx>` +
    `</c:plotArea><c:legend><c:legendPos val="${legend}"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/></c:chart></c:chartSpace>`
  );
}

/** Add the sheet's charts to an exceljs file (one sheet, no drawing of its own). */
async function withCharts(bytes: Buffer, sheet: FakeSheet): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const anchors = sheet.charts.map((chart, i) => {
    const at = parseAddress(chart.anchor ?? "A1");
    return (
      `<xdr:oneCellAnchor><xdr:from><xdr:col>${at.c0}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${at.r0}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
      `<xdr:ext cx="${Math.round(chart.width * EMU_PER_POINT)}" cy="${Math.round(chart.height * EMU_PER_POINT)}"/>` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${esc(chart.name)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${NS_C}">` +
      `<c:chart xmlns:c="${NS_C}" r:id="rIdChart${i + 1}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:oneCellAnchor>`
    );
  });
  sheet.charts.forEach((chart, i) => zip.file(`xl/charts/chart${i + 1}.xml`, chartXml(sheet.name, chart)));
  zip.file(
    "xl/drawings/drawing1.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="${NS_A}" xmlns:r="${NS_R}">${anchors.join("")}</xdr:wsDr>`,
  );
  zip.file(
    "xl/drawings/_rels/drawing1.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      sheet.charts.map((_, i) => `<Relationship Id="rIdChart${i + 1}" Type="${REL}/chart" Target="../charts/chart${i + 1}.xml"/>`).join("") +
      `</Relationships>`,
  );
  const relsPath = "xl/worksheets/_rels/sheet1.xml.rels";
  const rels = (await zip.file(relsPath)?.async("string")) ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
  zip.file(relsPath, rels.replace("</Relationships>", `<Relationship Id="rIdDrawing" Type="${REL}/drawing" Target="../drawings/drawing1.xml"/></Relationships>`));
  const sheetXml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
  const drawing = `<drawing r:id="rIdDrawing"/>`;
  const before = /<(legacyDrawing|tableParts|extLst)\b/.exec(sheetXml);
  zip.file("xl/worksheets/sheet1.xml", before ? sheetXml.slice(0, before.index) + drawing + sheetXml.slice(before.index) : sheetXml.replace("</worksheet>", `${drawing}</worksheet>`));
  const types = await zip.file("[Content_Types].xml")!.async("string");
  const overrides =
    `<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>` +
    sheet.charts.map((_, i) => `<Override PartName="/xl/charts/chart${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`).join("");
  zip.file("[Content_Types].xml", types.replace("</Types>", `${overrides}</Types>`));
  return Buffer.from(await zip.generateAsync({ type: "nodebuffer" }));
}

/** A word of the PDF where it stands (`pdftotext -bbox`): page from 1, points from the top left. */
export interface Word {
  page: number;
  x: number;
  y: number;
  text: string;
}

export interface Printed {
  pages: number;
  /** `pdftotext -layout`, pages separated by form feeds. */
  text: string;
  words: Word[];
  pdf: Buffer;
  /** Page 1 as PNG at `resolution` dpi (when asked). */
  png?: Buffer;
}

const PYTHON = "/usr/bin/python3";
const SCRIPT = join(__dirname, "print-calc.py");
/** LibreOffice's Python bridge (python3-uno), which fits the rows the add-in fitted (print-calc.py). */
export const hasUno = hasSoffice && spawnSync(PYTHON, ["-c", "import uno"], { encoding: "utf8" }).status === 0;

/**
 * Print an .xlsx with LibreOffice (headless, a private profile, so it runs beside any other) and
 * read the PDF. `fitRows`: the rows (0-based) the add-in asked Excel to fit to their text.
 */
export function printXlsx(xlsx: Buffer, options: { fitRows?: Iterable<number>; png?: boolean; resolution?: number } = {}): Printed {
  const dir = mkdtempSync(join(tmpdir(), "fbs-print-"));
  try {
    const file = join(dir, "status.xlsx");
    writeFileSync(file, xlsx);
    mkdirSync(join(dir, "out"));
    const rows = [...(options.fitRows ?? [])].sort((a, b) => a - b).join(",");
    const convert = spawnSync(PYTHON, [SCRIPT, file, join(dir, "out", "status.pdf"), join(dir, "profile"), rows], { encoding: "utf8", timeout: 180_000 });
    if (convert.status !== 0) throw new Error(`LibreOffice did not print (${convert.status ?? convert.signal}): ${convert.stderr}`);
    const pdfPath = join(dir, "out", "status.pdf");
    const pdf = readFileSync(pdfPath);
    const info = spawnSync("pdfinfo", [pdfPath], { encoding: "utf8" }).stdout;
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? NaN);
    const text = spawnSync("pdftotext", ["-layout", pdfPath, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }).stdout;
    const words = wordsOf(spawnSync("pdftotext", ["-bbox", pdfPath, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }).stdout);
    let png: Buffer | undefined;
    if (options.png) {
      const render = spawnSync("pdftoppm", ["-png", "-r", String(options.resolution ?? 110), "-f", "1", "-l", "1", "-singlefile", pdfPath, join(dir, "page")], { encoding: "utf8" });
      if (render.status !== 0) throw new Error(`pdftoppm failed: ${render.stderr}`);
      png = readFileSync(join(dir, "page.png"));
    }
    return { pages, text, words, pdf, png };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const unescapeXml = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#39;/g, "'").replace(/&amp;/g, "&");

function wordsOf(bbox: string): Word[] {
  const words: Word[] = [];
  let page = 0;
  for (const m of bbox.matchAll(/<page\b|<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)) {
    if (m[0] === "<page") page++;
    else words.push({ page, x: Number(m[1]), y: Number(m[2]), text: unescapeXml(m[3]) });
  }
  return words;
}

/** The words in lines (same page, same baseline), top to bottom, each line left to right. */
export function linesOf(words: ReadonlyArray<Word>): Word[][] {
  const lines = new Map<string, Word[]>();
  for (const w of words) {
    const key = `${w.page}:${Math.round(w.y)}`;
    lines.set(key, [...(lines.get(key) ?? []), w]);
  }
  return [...lines.values()]
    .sort((a, b) => a[0].page - b[0].page || a[0].y - b[0].y)
    .map((line) => line.sort((a, b) => a.x - b.x));
}
