import fs from "node:fs";
import path from "node:path";
import CopyWebpackPlugin from "copy-webpack-plugin";

// CommonJS build scripts, shared with webpack.config.js and `npm run validate:offline`.
const { DEV_URL, productionUrl, toProductionManifest } = require("../../scripts/addin-urls");
const { validateManifest, loadSchemas, XSD_DIR } = require("../../scripts/validate-manifest");
const webpackConfig = require("../../webpack.config");

const ROOT = path.resolve(__dirname, "../..");
const SOURCE = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(1, 4).toString("ascii")).toBe("PNG");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Every URL in DefaultValue/Value attributes. */
function urls(xml: string): string[] {
  return [...xml.matchAll(/(?:DefaultValue|Value)="(https?:\/\/[^"]+)"/g)].map((m) => m[1]);
}

describe("manifest.xml", () => {
  const schemas = loadSchemas();

  it("finds the schemas beside the repository", () => {
    expect(XSD_DIR).toBe(path.resolve(ROOT, "../shared/office-manifest-xsd"));
    expect(schemas.others.map((s: { fileName: string }) => s.fileName)).toEqual(
      expect.arrayContaining(["OfficeAppBasicTypesV1_0.xsd", "TaskPaneAppVersionOverridesV1_0.xsd"]),
    );
  });

  it("is valid against Microsoft's add-in manifest schemas", async () => {
    const result = await validateManifest(SOURCE, "manifest.xml", schemas);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("is refused by the same check when it breaks the schema", async () => {
    const broken = SOURCE.replace("<Permissions>ReadWriteDocument</Permissions>", "").replace("<Host Name=\"Workbook\"/>", "<Host Name=\"Spreadsheet\"/>");
    const result = await validateManifest(broken, "manifest.xml", schemas);
    expect(result.valid).toBe(false);
    expect(result.errors.join("\n")).toMatch(/Host|Permissions/);
  });

  it("is an Excel task pane add-in that asks for ReadWriteDocument and ExcelApi 1.9", () => {
    expect(SOURCE).toMatch(/xsi:type="TaskPaneApp"/);
    expect(SOURCE.match(/<Host Name="[^"]+"\/>/g)).toEqual(['<Host Name="Workbook"/>']);
    expect(SOURCE).toContain("<Permissions>ReadWriteDocument</Permissions>");
    expect(SOURCE).toMatch(/<Set Name="ExcelApi" MinVersion="1\.9"\/>/);
    expect(SOURCE).toMatch(/<Id>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}<\/Id>/);
  });

  it("puts a button on the Home tab that opens the pane", () => {
    expect(SOURCE).toMatch(/<OfficeTab id="TabHome">[\s\S]*<Action xsi:type="ShowTaskpane">[\s\S]*<SourceLocation resid="Fbs\.Taskpane\.Url"\/>/);
    expect(SOURCE).toMatch(/<bt:Url id="Fbs\.Taskpane\.Url" DefaultValue="https:\/\/localhost:3000\/taskpane\.html"\/>/);
  });

  it("names and describes itself in Danish for da-DK, including every ribbon string", () => {
    expect(SOURCE).toMatch(/<DisplayName DefaultValue="FBS Playbook">\s*<Override Locale="da-DK" Value="FBS Drejebog"\/>/);
    expect(SOURCE).toMatch(/<Description DefaultValue="[^"]+">\s*<Override Locale="da-DK" Value="Tjekker[^"]+"\/>/);
    const strings = [...SOURCE.matchAll(/<bt:String id="([^"]+)"[^>]*>([\s\S]*?)<\/bt:String>/g)];
    expect(strings.length).toBeGreaterThanOrEqual(5);
    for (const [, id, body] of strings) expect({ id, danish: /<bt:Override Locale="da-DK" Value="[^"]+"\/>/.test(body) }).toEqual({ id, danish: true });
  });

  it("points at icons in assets/ that are PNGs of the stated sizes (16, 32, 64, 80)", () => {
    const icons = urls(SOURCE).filter((u) => u.endsWith(".png"));
    expect(new Set(icons)).toEqual(
      new Set([16, 32, 64, 80].map((n) => `${DEV_URL}assets/icon-${n}.png`)),
    );
    for (const n of [16, 32, 64, 80]) expect(pngSize(path.join(ROOT, `assets/icon-${n}.png`))).toEqual({ width: n, height: n });
    expect(SOURCE).toMatch(/<bt:Image size="80" resid="Fbs\.Icon\.80"\/>/);
  });

  it("serves everything from the development server, which the production build replaces", () => {
    expect(urls(SOURCE).every((u) => u.startsWith(DEV_URL))).toBe(true);
  });
});

describe("production manifest", () => {
  it("takes the production URL from package.json, or ADDIN_PROD_URL, and refuses anything but https", () => {
    const configured = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).config.prodUrl;
    expect(productionUrl({})).toBe(configured);
    expect(productionUrl({ ADDIN_PROD_URL: "https://bibliotek.example.dk/fbs" })).toBe("https://bibliotek.example.dk/fbs/");
    expect(() => productionUrl({ ADDIN_PROD_URL: "http://bibliotek.example.dk/" })).toThrow(/https/);
    expect(() => productionUrl({ ADDIN_PROD_URL: "https://localhost:4000/" })).toThrow(/localhost/);
    expect(() => productionUrl({ ADDIN_PROD_URL: "not a url" })).toThrow(/not a URL/);
  });

  it("is what webpack writes in a production build: production URLs only, still schema-valid", async () => {
    const config = await webpackConfig({}, { mode: "production" });
    const copy = config.plugins.find((p: unknown) => p instanceof CopyWebpackPlugin);
    const pattern = copy.patterns.find((p: { from: string }) => p.from === "manifest.xml");
    const built: string = (await pattern.transform(Buffer.from(SOURCE), "manifest.xml")).toString();

    const prod = productionUrl();
    expect(built).not.toMatch(/localhost/);
    expect(urls(built).length).toBe(urls(SOURCE).length);
    expect(urls(built).every((u) => u.startsWith(prod))).toBe(true);
    expect(built).toContain(`<SourceLocation DefaultValue="${prod}taskpane.html"/>`);
    expect(built).toBe(toProductionManifest(SOURCE, prod));
    expect((await validateManifest(built)).valid).toBe(true);
  });

  it("is left with development URLs in a development build", async () => {
    const config = await webpackConfig({}, { mode: "development" });
    const copy = config.plugins.find((p: unknown) => p instanceof CopyWebpackPlugin);
    const pattern = copy.patterns.find((p: { from: string }) => p.from === "manifest.xml");
    expect((await pattern.transform(Buffer.from(SOURCE), "manifest.xml")).toString()).toBe(SOURCE);
  });
});
