/**
 * The production build of the pane, as scripts/build-pane.js makes it (webpack --mode production,
 * cached by content and shared with the browser test, so a run builds it once): what goes into the
 * bundle and what the HTML and manifest beside it say.
 */
import fs from "node:fs";
import path from "node:path";

const { OFFICE_JS } = require("../../webpack.config");
const { productionUrl } = require("../../scripts/addin-urls");
const { buildModules, buildPane } = require("../../scripts/build-pane");
const { measure } = require("../../scripts/bundle-size");

let out: string;
let modules: string[];

beforeAll(async () => {
  out = await buildPane();
  modules = buildModules(out);
}, 180_000);

describe("production build of the pane", () => {
  it("bundles the pane, the engine and the Excel layer", () => {
    expect(modules.some((m) => m.includes("src/taskpane/App.tsx"))).toBe(true);
    expect(modules.some((m) => m.includes("src/playbook/engine.ts"))).toBe(true);
    expect(modules.some((m) => m.includes("src/excel/"))).toBe(true);
  });

  it("keeps exceljs, its zip library and the command line out of the pane's bundle", () => {
    expect(modules.length).toBeGreaterThan(20);
    expect(modules.filter((m) => /node_modules[\\/](exceljs|jszip|archiver|unzipper)[\\/]/.test(m))).toEqual([]);
    expect(modules.filter((m) => /src[\\/]cli[\\/]/.test(m))).toEqual([]);
    const js = fs.readdirSync(out).filter((f) => f.endsWith(".js"));
    for (const file of js) expect(fs.readFileSync(path.join(out, file), "utf8")).not.toMatch(/ExcelJS|exceljs/);
  });

  it("loads office.js from Microsoft's CDN before the pane's own script, and never bundles it", () => {
    const html = fs.readFileSync(path.join(out, "taskpane.html"), "utf8");
    expect(OFFICE_JS).toBe("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    const scripts = [...html.matchAll(/<script\b[^>]*\ssrc=["']?([^"'\s>]+)/g)].map((m) => m[1]);
    expect(scripts[0]).toBe(OFFICE_JS);
    expect(scripts.slice(1).length).toBeGreaterThan(0);
    expect(scripts.slice(1).every((s) => /^taskpane\.[0-9a-f]{8}\.js$/.test(s))).toBe(true);
    expect(modules.filter((m) => /office\.js$|@microsoft[\\/]office-js/.test(m))).toEqual([]);
    // Fluent's styles come as a stylesheet, extracted at build time.
    expect(html).toMatch(/<link\b[^>]*href=["']?[^"'\s>]+\.css/);
  });

  it("tells users of a host too old to run it why, instead of showing a blank pane", () => {
    const html = fs.readFileSync(path.join(out, "taskpane.html"), "utf8");
    expect(html).toContain("Denne version af Excel kan ikke vise FBS Drejebog.");
    expect(html).toContain("Indlæser FBS Drejebog");
  });

  it("copies the icons, the help page and the manifest with production URLs", () => {
    for (const n of [16, 32, 64, 80]) expect(fs.existsSync(path.join(out, `assets/icon-${n}.png`))).toBe(true);
    const help = fs.readFileSync(path.join(out, "help.html"), "utf8");
    // The help page names every action of the pane, in both languages.
    for (const words of ["Opret ark", "Acceptér…", "Fortryd", "Historik", "Statusrapport", "Kalender (.ics)", "Accept…", "Undo", "Status report", "Calendar (.ics)"]) expect(help).toContain(words);
    const manifest = fs.readFileSync(path.join(out, "manifest.xml"), "utf8");
    expect(manifest).not.toMatch(/localhost/);
    expect(manifest).toContain(`${productionUrl()}taskpane.html`);
  });

  it("measures the pane's JavaScript for the benchmark", () => {
    const { files, total, css, onDemand } = measure(out);
    expect(files.length).toBeGreaterThan(0);
    // The calendar's generator is a chunk of its own, fetched when the user first asks for the file.
    expect(onDemand.files.map((f: { file: string }) => f.file)).toEqual([expect.stringMatching(/^calendar\.[0-9a-f]{8}\.js$/)]);
    expect(fs.readFileSync(path.join(out, files[0].file), "utf8")).not.toContain("VCALENDAR");
    expect(total.gzip).toBeGreaterThan(50 * 1024);
    expect(total.gzip).toBeLessThan(total.bytes);
    expect(css.files.length).toBe(1);
  });
});
