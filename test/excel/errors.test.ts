import { PlaybookExcelError, WRITES, describeOfficeError, writeSync } from "../../src/excel/errors";

/** An error shaped as Office.js raises it (OfficeExtension.Error). */
function officeError(code: string, message = "", errorLocation = ""): Error {
  return Object.assign(new Error(message), { name: "RichApi.Error", code, debugInfo: { errorLocation } });
}

describe("describeOfficeError", () => {
  it.each([
    ["InvalidOperationInCellEditMode", "Excel er ved at redigere en celle", /Tryk Enter eller Esc/],
    ["AccessDenied", "Arket eller projektmappen er beskyttet", /Fjern beskyttelsen/],
    ["ApiNotFound", "Din Excel kan ikke det, der skal til", /Opdatér Office/],
    ["ItemNotFound", "Excel kunne ikke finde arket eller cellen", /Kør Validér igen/],
    ["GeneralException", "Excel meldte en uventet fejl", /Prøv igen/],
    ["RequestPayloadSizeLimitExceeded", "Projektmappen er for stor til én overførsel", /5 MB/],
    ["ResponsePayloadSizeLimitExceeded", "Projektmappen er for stor til én overførsel", /5 MB/],
    ["MergedRangeConflict", "Noget i arket står i vejen", /Flettede celler/],
    ["ItemAlreadyExists", "Navnet findes allerede", /Omdøb/],
    ["PropertyNotLoaded", "Fejl i tilføjelsesprogrammet", /Send den tekniske kode/],
    ["OperationCellsExceedLimit", "Tabellen er for stor til at få en kolonne mere her", /Excel på computeren/],
  ])("words %s for a librarian in Danish", (code, title, detail) => {
    const description = describeOfficeError(officeError(code, "x"), "da");
    expect(description.title).toBe(title);
    expect(description.detail).toMatch(detail);
  });

  it("speaks English too, and gives the technical code and place for support", () => {
    const description = describeOfficeError(officeError("AccessDenied", "The cell is protected.", "Range.values"), "en");

    expect(description.title).toBe("The sheet or workbook is protected");
    expect(description.detail).toContain("Review > Unprotect Sheet");
    expect(description.detail).toContain("Technical: AccessDenied at Range.values «The cell is protected.»");
  });

  it("recognises a protected sheet from Excel's message when the code is a general one", () => {
    const description = describeOfficeError(officeError("InvalidOperation", "The cell or chart you're trying to change is protected."), "da");
    expect(description.title).toBe("Arket eller projektmappen er beskyttet");
  });

  it("handles camel-cased codes from OfficeExtension", () => {
    expect(describeOfficeError(officeError("apiNotFound"), "en").title).toBe("Your Excel cannot do what this needs");
  });

  it("shows the adapter's own errors as they are worded", () => {
    const error = new PlaybookExcelError({ title: { da: "Titel", en: "Title" }, detail: { da: "Gør sådan.", en: "Do this." } });
    expect(describeOfficeError(error, "da")).toEqual({ title: "Titel", detail: "Gør sådan." });
  });

  it("turns anything else into a sentence, never a stack trace, and never throws", () => {
    const plain = describeOfficeError(new TypeError("x is undefined"), "da");
    expect(plain.title).toBe("Noget gik galt");
    expect(plain.detail).toContain("«x is undefined»");
    expect(plain.detail).not.toMatch(/at .*\.ts/);
    expect(describeOfficeError("nope", "en").detail).toContain("nope");
    expect(describeOfficeError(null, "en").title).toBe("Something went wrong");
    expect(describeOfficeError(undefined, "da").title).toBe("Noget gik galt");
    expect(describeOfficeError(officeError("SomethingNew"), "en").title).toBe("Excel reported an unexpected error");
  });
});

describe("a failed write", () => {
  /** A context whose sync fails as Excel's does when a command in the batch is refused. */
  function failingContext(error: Error): Excel.RequestContext {
    return { sync: () => Promise.reject(error) } as unknown as Excel.RequestContext;
  }

  it("says what may have changed, since Excel does not roll a batch back", async () => {
    const refused = officeError("AccessDenied", "The sheet is protected.");

    const error = await writeSync(failingContext(refused), WRITES.validate).catch((e: unknown) => e);

    expect(error).toBe(refused);
    const da = describeOfficeError(error, "da");
    expect(da.title).toBe("Arket eller projektmappen er beskyttet");
    expect(da.detail).toContain("valideringsrapporten, markeringerne i dataarkene og historikken kan være delvist ændret");
    expect(describeOfficeError(error, "en").detail).toContain("the validation report, the highlights on the data sheets and the history may be partly changed");
  });

  it("says nothing of the kind for a failed read, or for a batch Excel refused as a whole", async () => {
    const cellEdit = officeError("InvalidOperationInCellEditMode");
    await writeSync(failingContext(cellEdit), WRITES.generate).catch(() => undefined);

    expect(describeOfficeError(officeError("AccessDenied"), "da").detail).not.toContain("delvist");
    expect(describeOfficeError(cellEdit, "da").detail).not.toContain("delvist");
  });
});
