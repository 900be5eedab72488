import { HOST_TOO_OLD, PlaybookExcelError, describeOfficeError } from "../../src/excel/errors";
import { langOf, onHostReady, themeOf } from "../../src/excel/host";

describe("host", () => {
  afterEach(() => {
    delete (globalThis as { Office?: unknown }).Office;
  });

  it("speaks Danish when Office's display language is Danish, English otherwise", () => {
    expect(langOf("da-DK")).toBe("da");
    expect(langOf("DA")).toBe("da");
    expect(langOf("en-US")).toBe("en");
    expect(langOf("nb-NO")).toBe("en");
    expect(langOf("dan")).toBe("en");
    expect(langOf(undefined)).toBe("en");
  });

  it("follows a dark Office theme, and is light when the host gives none", () => {
    expect(themeOf("#262626")).toBe("dark");
    expect(themeOf("#1F1F1F")).toBe("dark");
    expect(themeOf("#FFFFFF")).toBe("light");
    expect(themeOf("#e6e6e6")).toBe("light");
    expect(themeOf("#000")).toBe("dark");
    expect(themeOf(undefined)).toBe("light");
    expect(themeOf("not a colour")).toBe("light");
  });

  it("waits for Office and reads the language and theme", async () => {
    const onReady = jest.fn().mockResolvedValue({ host: "Excel", platform: "OfficeOnline" });
    (globalThis as { Office?: unknown }).Office = {
      onReady,
      context: { displayLanguage: "da-DK", officeTheme: { bodyBackgroundColor: "#292929" } },
    };

    await expect(onHostReady()).resolves.toEqual({ lang: "da", theme: "dark", supported: true });
    expect(onReady).toHaveBeenCalled();
  });

  it("is light and English on a host that tells neither", async () => {
    (globalThis as { Office?: unknown }).Office = { onReady: async () => ({ host: null }), context: {} };

    await expect(onHostReady()).resolves.toEqual({ lang: "en", theme: "light", supported: true });
  });

  it("asks the host for ExcelApi 1.9, and says in plain words when it is too old", async () => {
    const isSetSupported = jest.fn((name: string, version?: string) => name === "ExcelApi" && version === "1.8");
    (globalThis as { Office?: unknown }).Office = { onReady: async () => ({ host: "Excel" }), context: { displayLanguage: "da-DK", requirements: { isSetSupported } } };

    const info = await onHostReady();

    expect(isSetSupported).toHaveBeenCalledWith("ExcelApi", "1.9");
    expect(info.supported).toBe(false);
    const message = describeOfficeError(new PlaybookExcelError(HOST_TOO_OLD), info.lang);
    expect(message.title).toBe("Din Excel er for gammel til FBS Drejebog");
    expect(message.detail).toContain("Opdatér Office");
    expect(describeOfficeError(new PlaybookExcelError(HOST_TOO_OLD), "en").title).toBe("Your Excel is too old for FBS Drejebog");
  });

  it("lets a host that has ExcelApi 1.9 in", async () => {
    (globalThis as { Office?: unknown }).Office = { onReady: async () => ({ host: "Excel" }), context: { requirements: { isSetSupported: () => true } } };

    await expect(onHostReady()).resolves.toMatchObject({ supported: true });
  });
});
