/**
 * The small parts of a workbook package the snapshot needs besides its sheets: relationships (how
 * parts find each other, wherever they are named), the workbook (sheet names in order, the date
 * system), styles (only number formats and the cell formats' number format ids: which cells hold
 * dates) and shared strings (plain text of each, rich runs joined, phonetic runs left out).
 *
 * Why these handlers are written against the scanner's events rather than a DOM: the parts can be
 * large (shared strings of a big plan are most of its text), and nothing else in them is needed.
 * Elements outside SpreadsheetML are skipped with everything inside them, except Markup
 * Compatibility's AlternateContent and Fallback, which are read through (a reader that understands
 * no Choice takes the Fallback).
 */
import { isDateFormat } from "./dates";
import { NS_MAIN, NS_MC, NS_PKG_REL, NS_REL, scanXml, type Attributes, type XmlHandler } from "./xml";

/** A skipping rule shared by the handlers: is this element read through, or skipped whole? */
export function transparent(ns: number, local: string): boolean {
  return ns === NS_MC && (local === "AlternateContent" || local === "Fallback");
}

// -------------------------------------------------------------------------------------------------
// Relationships

const TYPE_PREFIXES = [
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/",
  "http://purl.oclc.org/ooxml/officeDocument/relationships/",
];

export interface Relationship {
  /** The type's last segment for Transitional and Strict types (`worksheet`, `styles` …), else the whole URI. */
  type: string;
  /** The target part's name, resolved against the source part, without a leading slash. */
  target: string;
}

/** The `.rels` part that belongs to a part: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`. */
export function relationshipsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** Resolve a relationship's target (a relative or absolute IRI reference) against its source part. */
export function resolveTarget(sourcePart: string, target: string): string {
  let path = target.replace(/[?#].*$/, "");
  try {
    path = decodeURIComponent(path);
  } catch {
    // not percent-encoded as a URI; taken as it stands
  }
  path = path.replace(/\\/g, "/");
  const base = path.startsWith("/") ? [] : sourcePart.split("/").slice(0, -1);
  for (const segment of path.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") base.pop();
    else base.push(segment);
  }
  return base.join("/");
}

class RelationshipsHandler implements XmlHandler {
  wantText = false;
  readonly byId = new Map<string, Relationship>();
  readonly list: Relationship[] = [];
  constructor(private readonly sourcePart: string) {}

  open(ns: number, local: string, attrs: Attributes): void {
    if (ns !== NS_PKG_REL || local !== "Relationship") return;
    if (attrs.get("TargetMode") === "External") return;
    const id = attrs.get("Id") ?? "";
    const rawType = attrs.get("Type") ?? "";
    const target = attrs.get("Target");
    if (target === undefined) return;
    const prefix = TYPE_PREFIXES.find((p) => rawType.startsWith(p));
    const rel = { type: prefix ? rawType.slice(prefix.length) : rawType, target: resolveTarget(this.sourcePart, target) };
    if (!this.byId.has(id)) this.byId.set(id, rel);
    this.list.push(rel);
  }
  close(): void {}
  text(): void {}
}

export function readRelationships(xml: string, sourcePart: string): { byId: Map<string, Relationship>; list: Relationship[] } {
  const handler = new RelationshipsHandler(sourcePart);
  scanXml(xml, handler);
  return handler;
}

// -------------------------------------------------------------------------------------------------
// Workbook

export interface WorkbookPart {
  /** Whether the root element is SpreadsheetML's `workbook` (otherwise the part is no workbook). */
  isWorkbook: boolean;
  date1904: boolean;
  sheets: Array<{ name: string; relId: string }>;
}

class WorkbookHandler implements XmlHandler {
  wantText = false;
  skip = 0;
  depth = 0;
  inSheets = false;
  readonly result: WorkbookPart = { isWorkbook: false, date1904: false, sheets: [] };

  open(ns: number, local: string, attrs: Attributes): void {
    if (this.depth++ === 0) this.result.isWorkbook = ns === NS_MAIN && local === "workbook";
    if (this.skip > 0 || ns !== NS_MAIN) {
      if (this.skip > 0 || !transparent(ns, local)) this.skip++;
      return;
    }
    if (local === "workbookPr") this.result.date1904 = isTrue(attrs.get("date1904"));
    else if (local === "sheets") this.inSheets = true;
    else if (local === "sheet" && this.inSheets) {
      this.result.sheets.push({ name: attrs.get("name") ?? "", relId: attrs.get("id", NS_REL) ?? "" });
    }
  }
  close(ns: number, local: string): void {
    this.depth--;
    if (this.skip > 0) {
      this.skip--;
      return;
    }
    if (ns === NS_MAIN && local === "sheets") this.inSheets = false;
  }
  text(): void {}
}

/** xsd:boolean: "1" or "true" (LibreOffice writes `date1904="true"`, Excel `"1"`). */
export function isTrue(value: string | undefined): boolean {
  if (value === undefined) return false;
  const v = value.trim();
  return v === "1" || v === "true";
}

export function readWorkbookPart(xml: string): WorkbookPart {
  const handler = new WorkbookHandler();
  scanXml(xml, handler);
  return handler.result;
}

// -------------------------------------------------------------------------------------------------
// Styles: which cell formats (the `s` of a cell) show dates

class StylesHandler implements XmlHandler {
  wantText = false;
  skip = 0;
  inNumFmts = false;
  inCellXfs = false;
  readonly codes = new Map<number, string>();
  readonly formatIds: number[] = [];

  open(ns: number, local: string, attrs: Attributes): void {
    if (this.skip > 0 || ns !== NS_MAIN) {
      if (this.skip > 0 || !transparent(ns, local)) this.skip++;
      return;
    }
    if (local === "numFmts") this.inNumFmts = true;
    else if (local === "cellXfs") this.inCellXfs = true;
    else if (local === "numFmt" && this.inNumFmts) {
      const id = Number(attrs.get("numFmtId"));
      if (Number.isInteger(id)) this.codes.set(id, attrs.get("formatCode") ?? "");
    } else if (local === "xf" && this.inCellXfs) {
      const id = Number(attrs.get("numFmtId") ?? 0);
      this.formatIds.push(Number.isInteger(id) ? id : 0);
    }
  }
  close(ns: number, local: string): void {
    if (this.skip > 0) {
      this.skip--;
      return;
    }
    if (ns !== NS_MAIN) return;
    if (local === "numFmts") this.inNumFmts = false;
    else if (local === "cellXfs") this.inCellXfs = false;
  }
  text(): void {}
}

/** For each cell format index, 1 when its number format is a date format. */
export function readDateStyles(xml: string): Uint8Array {
  const handler = new StylesHandler();
  scanXml(xml, handler);
  const dates = new Uint8Array(handler.formatIds.length);
  handler.formatIds.forEach((id, i) => {
    if (isDateFormat(id, handler.codes.get(id))) dates[i] = 1;
  });
  return dates;
}

// -------------------------------------------------------------------------------------------------
// Shared strings and rich text

const ESCAPED_CHAR = /_x([0-9A-Fa-f]{4})_/g;

/** ST_Xstring escapes: Excel writes a character XML cannot carry (a control character) as `_xHHHH_`. */
export function unescapeXstring(text: string): string {
  return text.indexOf("_x") < 0 ? text : text.replace(ESCAPED_CHAR, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * Collects the plain text of a string item (`si` of shared strings, `is` of an inline string): the
 * `t` directly inside it and the `t` of each rich run `r`, not the phonetic runs `rPh`.
 * Shared by the shared-strings handler and the sheet handler.
 */
export class StringItem {
  depth = 0; // elements open inside the item
  inRun = false;
  inPhonetic = false;
  inText = false;
  text = "";

  reset(): void {
    this.depth = 0;
    this.inRun = this.inPhonetic = this.inText = false;
    this.text = "";
  }
  /** An element opened inside the item; true when its text is wanted. */
  open(ns: number, local: string): boolean {
    this.depth++;
    if (ns !== NS_MAIN) return false;
    if (local === "t") {
      this.inText = !this.inPhonetic && (this.depth === 1 || (this.inRun && this.depth === 2));
      return this.inText;
    }
    if (local === "r" && this.depth === 1) this.inRun = true;
    else if (local === "rPh" && this.depth === 1) this.inPhonetic = true;
    return false;
  }
  close(ns: number, local: string): void {
    this.depth--;
    if (ns !== NS_MAIN) return;
    if (local === "t") this.inText = false;
    else if (local === "r" && this.depth === 0) this.inRun = false;
    else if (local === "rPh" && this.depth === 0) this.inPhonetic = false;
  }
  value(): string {
    return unescapeXstring(this.text);
  }
}

class SharedStringsHandler implements XmlHandler {
  wantText = false;
  skip = 0;
  inItem = false;
  readonly item = new StringItem();
  readonly strings: string[] = [];

  open(ns: number, local: string): void {
    if (this.skip > 0 || (ns !== NS_MAIN && !transparent(ns, local))) {
      this.skip++;
      return;
    }
    if (this.inItem) this.wantText = this.item.open(ns, local);
    else if (ns === NS_MAIN && local === "si") {
      this.inItem = true;
      this.item.reset();
    }
  }
  close(ns: number, local: string): void {
    if (this.skip > 0) {
      this.skip--;
      return;
    }
    if (!this.inItem) return;
    if (this.item.depth === 0) {
      if (ns === NS_MAIN && local === "si") {
        this.strings.push(this.item.value());
        this.inItem = false;
      }
      return;
    }
    this.item.close(ns, local);
    this.wantText = false;
  }
  text(piece: string): void {
    this.item.text += piece;
  }
}

export function readSharedStrings(xml: string): string[] {
  const handler = new SharedStringsHandler();
  scanXml(xml, handler);
  return handler.strings;
}
