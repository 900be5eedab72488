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

    await expect(onHostReady()).resolves.toEqual({ lang: "da", theme: "dark" });
    expect(onReady).toHaveBeenCalled();
  });

  it("is light and English on a host that tells neither", async () => {
    (globalThis as { Office?: unknown }).Office = { onReady: async () => ({ host: null }), context: {} };

    await expect(onHostReady()).resolves.toEqual({ lang: "en", theme: "light" });
  });
});
