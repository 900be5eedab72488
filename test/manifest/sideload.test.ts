import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const { sideloadSteps, findSideloader } = require("../../scripts/start");

describe("npm start's sideloading", () => {
  it("prints the Excel on the web steps everywhere, with the desktop steps of the platform it runs on", () => {
    const linux = sideloadSteps("linux");
    expect(linux).toMatch(/^Excel on the web\n/);
    expect(linux).toContain("Upload My Add-in");
    expect(linux).toContain("manifest.xml");
    expect(linux).not.toContain("Trusted Add-in Catalogs");
    expect(linux).toContain("see docs/sideload.md");
    expect(linux).not.toContain("**");

    const windows = sideloadSteps("win32");
    expect(windows).toContain("Upload My Add-in");
    expect(windows).toContain("Trust Center ▸ Trust Center Settings ▸ Trusted Add-in Catalogs");
    expect(windows).toContain("npx office-addin-debugging start manifest.xml desktop");
    expect(windows).not.toContain("Library/Containers");

    const mac = sideloadSteps("darwin");
    expect(mac).toContain("~/Library/Containers/com.microsoft.Excel/Data/Documents/wef");
    expect(mac).not.toContain("Trusted Add-in Catalogs");
  });

  it("says which section is missing when docs/sideload.md loses one", () => {
    expect(() => sideloadSteps("darwin", "# Sideloading\n\n## Excel on the web\n\nUpload it.\n")).toThrow(
      '"## Excel for Mac"',
    );
  });

  it("never tries the sideloading tool on Linux, where it does not install", () => {
    const resolve = jest.fn(() => path.join(os.tmpdir(), "package.json"));
    expect(findSideloader("linux", resolve)).toBeNull();
    expect(resolve).not.toHaveBeenCalled();
  });

  it("falls back to the printed steps on Windows and Mac when the tool is not installed", () => {
    const missing = () => {
      throw Object.assign(new Error("Cannot find module 'office-addin-debugging/package.json'"), { code: "MODULE_NOT_FOUND" });
    };
    expect(findSideloader("win32", missing)).toBeNull();
    expect(findSideloader("darwin", missing)).toBeNull();
  });

  it("runs the tool's own command line when it is installed", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "office-addin-debugging-"));
    try {
      fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "office-addin-debugging", bin: { "office-addin-debugging": "./cli.js" } }));
      expect(findSideloader("win32", () => path.join(dir, "package.json"))).toBe(path.join(dir, "cli.js"));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
