/**
 * A streaming XML scanner for the few SpreadsheetML parts the reader needs.
 *
 * Why our own and not saxes (the proven parser exceljs itself uses): saxes reads a document one
 * character at a time through closures and spends ~100 ms (160 ms with namespaces) on the 4.4 MB of
 * the 10,000-row plan, more than the whole reader may take. This scanner jumps from `<` to `<` with
 * `indexOf`, reads a tag's attributes with `indexOf` on their quotes, and makes strings only of the
 * names, attribute values and the text the caller asks for. It is as correct as the reader needs
 * where it matters:
 * - encodings: a byte-order mark (UTF-8, UTF-16LE/BE), the UTF-16 pattern of `<?` without one, or
 *   the declaration's `encoding=` (any label the WHATWG decoder knows); UTF-8 by default;
 * - entities: the five predefined ones and character references (`&#…;`, `&#x…;`), checked;
 *   any other entity is an error, since without a DTD none can be defined;
 * - no DTD: a `<!DOCTYPE` is refused, so no entity expansion and no external entity, ever;
 * - CDATA sections, comments and processing instructions anywhere text may stand;
 * - namespaces: `xmlns` and `xmlns:p` declarations are scoped per element, and every element and
 *   attribute name is resolved to its namespace, so `<x:c>` under `xmlns:x="…/main"` is a cell and
 *   Strict OOXML's namespaces are the same as Transitional's;
 * - line ends normalised (CR LF and CR → LF), attribute whitespace normalised, as XML 1.0 says;
 * - well-formedness: every end tag must match its start tag, one root, nothing but markup after it,
 *   quotes and `>` where they belong. A document that breaks these is an error, not a guess.
 */
import { TextDecoder } from "node:util";
import { XlsxProblem } from "./problem";

/** Namespaces the reader tells apart; any other is {@link NS_OTHER}. */
export const NS_NONE = 0;
/** SpreadsheetML (Transitional or Strict). */
export const NS_MAIN = 1;
/** Office document relationships in attributes such as `r:id` (Transitional or Strict). */
export const NS_REL = 2;
/** OPC package relationships (`.rels` parts). */
export const NS_PKG_REL = 3;
/** Markup Compatibility (`mc:AlternateContent`). */
export const NS_MC = 4;
export const NS_OTHER = 5;

const KNOWN_NAMESPACES = new Map<string, number>([
  ["http://schemas.openxmlformats.org/spreadsheetml/2006/main", NS_MAIN],
  ["http://purl.oclc.org/ooxml/spreadsheetml/main", NS_MAIN],
  ["http://schemas.openxmlformats.org/officeDocument/2006/relationships", NS_REL],
  ["http://purl.oclc.org/ooxml/officeDocument/relationships", NS_REL],
  ["http://schemas.openxmlformats.org/package/2006/relationships", NS_PKG_REL],
  ["http://schemas.openxmlformats.org/markup-compatibility/2006", NS_MC],
]);

/**
 * The attributes of the current start tag (reused from tag to tag: copy what you keep). A value with
 * no entity, `<` or whitespace to normalise is kept as its place in the document (`start`, `end`) and
 * made a string only when asked for, so a cell's `r="B12"` can be parsed where it stands.
 */
export class Attributes {
  count = 0;
  xml = "";
  readonly local: string[] = [];
  readonly ns: number[] = [];
  /** Prefixed names as written, resolved after all of a tag's declarations are seen. */
  readonly qname: string[] = [];
  readonly start: number[] = [];
  readonly end: number[] = [];
  /** The value when it had to be decoded; null when it is the document's text from start to end. */
  readonly decoded: Array<string | null> = [];
  selfClosing = false;
  /** Whether the tag declares a namespace (an xmlns attribute). */
  declares = false;

  value(i: number): string {
    const d = this.decoded[i];
    return d !== null ? d : this.xml.slice(this.start[i], this.end[i]);
  }

  /** The value of an attribute by local name and namespace (unprefixed attributes: NS_NONE). */
  get(local: string, ns = NS_NONE): string | undefined {
    for (let i = 0; i < this.count; i++) if (this.local[i] === local && this.ns[i] === ns) return this.value(i);
    return undefined;
  }
}

export interface XmlHandler {
  /** Set to true while the text of the current element is wanted; text is delivered in pieces. */
  wantText: boolean;
  open(ns: number, local: string, attrs: Attributes): void;
  close(ns: number, local: string): void;
  text(piece: string): void;
}

/** Bytes of an XML part as a string, by its byte-order mark, its UTF-16 pattern or its declaration. */
export function decodeXml(bytes: Buffer): string {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.toString("utf8", 3);
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.toString("utf16le", 2);
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return utf16be(bytes.subarray(2));
  if (bytes.length >= 4 && bytes[0] === 0x3c && bytes[1] === 0 && bytes[2] === 0x3f && bytes[3] === 0) return bytes.toString("utf16le");
  if (bytes.length >= 4 && bytes[0] === 0 && bytes[1] === 0x3c && bytes[2] === 0 && bytes[3] === 0x3f) return utf16be(bytes);
  const declared = /^<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(bytes.toString("latin1", 0, Math.min(bytes.length, 200)));
  const label = declared ? declared[1].toLowerCase() : "utf-8";
  if (label === "utf-8" || label === "utf8" || label === "us-ascii" || label === "ascii") return bytes.toString("utf8");
  if (label.startsWith("utf-16")) throw new XlsxProblem("corrupt", "an XML part declares UTF-16 but is not UTF-16");
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label);
  } catch {
    throw new XlsxProblem("corrupt", `an XML part is in an unknown encoding (${label})`);
  }
  return decoder.decode(bytes);
}

function utf16be(bytes: Buffer): string {
  const copy = Buffer.from(bytes.subarray(0, bytes.length & ~1));
  copy.swap16();
  return copy.toString("utf16le");
}

function fail(message: string, at?: number): never {
  throw new XlsxProblem("corrupt", at === undefined ? `XML: ${message}` : `XML: ${message} at character ${at}`);
}

const PREDEFINED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Replace entity and character references; anything not predefined is an error (no DTD). */
export function decodeEntities(text: string, at = 0): string {
  let amp = text.indexOf("&");
  if (amp < 0) return text;
  let out = "";
  let from = 0;
  while (amp >= 0) {
    const semi = text.indexOf(";", amp + 1);
    if (semi < 0 || semi - amp > 12) fail("an & that starts no entity", at + amp);
    const ref = text.slice(amp + 1, semi);
    let char: string | undefined;
    if (ref.charCodeAt(0) === 35 /* # */) {
      const hex = ref.charCodeAt(1) === 120; /* x */
      const digits = ref.slice(hex ? 2 : 1);
      const code = digits !== "" && (hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits) ? parseInt(digits, hex ? 16 : 10) : NaN;
      if (!isXmlChar(code)) fail(`the character reference &${ref}; is not a character XML allows`, at + amp);
      char = String.fromCodePoint(code);
    } else {
      char = PREDEFINED[ref];
      if (char === undefined) fail(`the entity &${ref}; is not defined (a DTD is not read)`, at + amp);
    }
    out += text.slice(from, amp) + char;
    from = semi + 1;
    amp = text.indexOf("&", from);
  }
  return out + text.slice(from);
}

function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

const CR = /\r\n?/g;
const SPECIAL_IN_TEXT = /[&\r]/;
const ATTRIBUTE_SPACE = /[\t\n\r]/g;

function normalizeLines(text: string): string {
  return text.indexOf("\r") < 0 ? text : text.replace(CR, "\n");
}

/** Whitespace as XML has it (space, tab, CR, LF). */
function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

/** Where a name ends: whitespace, `/`, `>`, `=`, or the end. */
function nameEnd(xml: string, from: number): number {
  let i = from;
  for (; i < xml.length; i++) {
    const c = xml.charCodeAt(i);
    if (c === 32 || c === 62 || c === 47 || c === 61 || c === 10 || c === 9 || c === 13) break;
  }
  return i;
}

/** A start tag's attributes, from just after its name; returns where the tag ends. Kept apart from
 * the main loop so that each is small enough for V8 to optimise early. */
function readAttributes(xml: string, from: number, qname: string, lt: number, attrs: Attributes): number {
  const length = xml.length;
  let p = from;
  let count = 0;
  let declares = false;
  let selfClosing = false;
  for (;;) {
    let ch = xml.charCodeAt(p);
    const spaced = isSpace(ch);
    while (isSpace(ch)) ch = xml.charCodeAt(++p);
    if (ch === 62 /* > */) {
      p++;
      break;
    }
    if (ch === 47 /* / */) {
      if (xml.charCodeAt(p + 1) !== 62) fail("a / inside a tag", p);
      selfClosing = true;
      p += 2;
      break;
    }
    if (p >= length) fail(`<${qname} is not closed`, lt);
    if (!spaced) fail(`no space before an attribute of <${qname}>`, p);
    const aStop = nameEnd(xml, p);
    if (aStop === p) fail(`a bad attribute in <${qname}>`, p);
    const aName = xml.slice(p, aStop);
    p = aStop;
    while (isSpace(xml.charCodeAt(p))) p++;
    if (xml.charCodeAt(p) !== 61 /* = */) fail(`the attribute ${aName} of <${qname}> has no value`, p);
    p++;
    while (isSpace(xml.charCodeAt(p))) p++;
    const quote = xml.charCodeAt(p);
    if (quote !== 34 && quote !== 39) fail(`the attribute ${aName} of <${qname}> is not quoted`, p);
    const close = xml.indexOf(quote === 34 ? '"' : "'", p + 1);
    if (close < 0) fail(`the attribute ${aName} of <${qname}> is not closed`, p);
    let decoded: string | null = null;
    for (let k = p + 1; k < close; k++) {
      const v = xml.charCodeAt(k);
      if (v === 38 || v === 60 || v === 9 || v === 10 || v === 13) {
        const raw = xml.slice(p + 1, close);
        if (raw.indexOf("<") >= 0) fail(`a < in the attribute ${aName} of <${qname}>`, p);
        decoded = decodeEntities(normalizeLines(raw).replace(ATTRIBUTE_SPACE, " "), p + 1);
        break;
      }
    }
    attrs.qname[count] = aName;
    attrs.start[count] = p + 1;
    attrs.end[count] = close;
    attrs.decoded[count] = decoded;
    p = close + 1;
    if (aName.charCodeAt(0) === 120 /* x */ && (aName === "xmlns" || aName.startsWith("xmlns:"))) declares = true;
    count++;
  }
  attrs.count = count;
  attrs.selfClosing = selfClosing;
  attrs.declares = declares;
  return p;
}

/** A namespace scope: prefix → namespace code ("" is the default namespace), and the names resolved in it. */
interface Scope {
  prefixes: Map<string, number>;
  resolved: Map<string, [number, string]>;
}

function rootScope(): Scope {
  return {
    prefixes: new Map([
      ["", NS_NONE],
      ["xml", NS_OTHER],
    ]),
    resolved: new Map(),
  };
}

/**
 * Scan a whole document, calling the handler for each element and (when wanted) its text.
 * The handler may throw to stop; a {@link XlsxProblem} "corrupt" is thrown for a malformed document.
 */
export function scanXml(xml: string, handler: XmlHandler): void {
  const attrs = new Attributes();
  attrs.xml = xml;
  const names: string[] = [];
  const scopes: Scope[] = [];
  let scope = rootScope();
  let depth = 0;
  let rootSeen = false;
  let pos = 0;
  const length = xml.length;
  if (xml.charCodeAt(0) === 0xfeff) pos = 1;

  for (;;) {
    const lt = xml.indexOf("<", pos);
    const textEnd = lt < 0 ? length : lt;
    if (textEnd > pos) {
      if (depth === 0) {
        if (/[^ \t\r\n]/.test(xml.slice(pos, textEnd))) fail("text outside the root element", pos);
      } else if (handler.wantText) {
        const piece = xml.slice(pos, textEnd);
        handler.text(SPECIAL_IN_TEXT.test(piece) ? decodeEntities(normalizeLines(piece), pos) : piece);
      }
    }
    if (lt < 0) break;
    const c = xml.charCodeAt(lt + 1);
    if (c === 47 /* / */) {
      const gt = xml.indexOf(">", lt + 2);
      if (gt < 0) fail("an end tag without >", lt);
      let e = gt;
      while (e > lt + 2 && isSpace(xml.charCodeAt(e - 1))) e--;
      // Compared in place with the open element's name: no string is made for an end tag.
      const qname = depth > 0 ? names[depth - 1] : "";
      if (depth === 0 || e - (lt + 2) !== qname.length || !xml.startsWith(qname, lt + 2)) {
        fail(`</${xml.slice(lt + 2, e)}> does not close the open element`, lt);
      }
      depth--;
      const name = resolve(scope, qname, lt);
      scope = scopes[depth];
      handler.close(name[0], name[1]);
      pos = gt + 1;
      continue;
    }
    if (c === 33 /* ! */) {
      if (xml.startsWith("<!--", lt)) {
        const end = xml.indexOf("-->", lt + 4);
        if (end < 0) fail("a comment without its end", lt);
        pos = end + 3;
      } else if (xml.startsWith("<![CDATA[", lt)) {
        const end = xml.indexOf("]]>", lt + 9);
        if (end < 0) fail("a CDATA section without its end", lt);
        if (depth === 0) fail("a CDATA section outside the root element", lt);
        if (handler.wantText) handler.text(normalizeLines(xml.slice(lt + 9, end)));
        pos = end + 3;
      } else if (xml.startsWith("<!DOCTYPE", lt)) {
        fail("a document type declaration (DTDs are not read)", lt);
      } else fail("markup that is not XML", lt);
      continue;
    }
    if (c === 63 /* ? */) {
      const end = xml.indexOf("?>", lt + 2);
      if (end < 0) fail("a processing instruction without its end", lt);
      pos = end + 2;
      continue;
    }

    // A start tag.
    if (depth === 0 && rootSeen) fail("a second root element", lt);
    const nameAt = lt + 1;
    const nameStop = nameEnd(xml, nameAt);
    if (nameStop === nameAt) fail("a < that starts no tag", lt);
    const qname = xml.slice(nameAt, nameStop);
    const p = readAttributes(xml, nameStop, qname, lt, attrs);
    const count = attrs.count;
    const selfClosing = attrs.selfClosing;
    const declares = attrs.declares;

    let elementScope = scope;
    if (declares) {
      elementScope = { prefixes: new Map(scope.prefixes), resolved: new Map() };
      for (let i = 0; i < count; i++) {
        const a = attrs.qname[i];
        if (a === "xmlns") elementScope.prefixes.set("", namespaceCode(attrs.value(i)));
        else if (a.startsWith("xmlns:")) {
          if (attrs.value(i) === "") fail(`the prefix ${a.slice(6)} is declared empty`, lt);
          elementScope.prefixes.set(a.slice(6), namespaceCode(attrs.value(i)));
        }
      }
    }
    for (let i = 0; i < count; i++) {
      const a = attrs.qname[i];
      const colon = a.indexOf(":");
      if (colon < 0) {
        attrs.local[i] = a;
        attrs.ns[i] = NS_NONE;
      } else {
        const prefix = a.slice(0, colon);
        attrs.local[i] = a.slice(colon + 1);
        const ns = prefix === "xmlns" ? NS_OTHER : elementScope.prefixes.get(prefix);
        if (ns === undefined) fail(`the prefix ${prefix} is not declared`, lt);
        attrs.ns[i] = ns;
      }
    }
    const name = resolve(elementScope, qname, lt);
    const ns = name[0];
    const local = name[1];
    rootSeen = true;
    pos = p;
    if (selfClosing) {
      handler.open(ns, local, attrs);
      handler.close(ns, local);
    } else {
      names[depth] = qname;
      scopes[depth] = scope; // the scope to return to when this element closes
      depth++;
      scope = elementScope;
      handler.open(ns, local, attrs);
    }
  }
  if (depth > 0) fail(`the document ends inside <${names[depth - 1]}>`);
  if (!rootSeen) fail("no root element");
}

function namespaceCode(uri: string): number {
  return KNOWN_NAMESPACES.get(uri) ?? NS_OTHER;
}

/** An element's namespace and local name (kept per scope: the same few names repeat). */
function resolve(scope: Scope, qname: string, at: number): [number, string] {
  let r = scope.resolved.get(qname);
  if (r) return r;
  const colon = qname.indexOf(":");
  const prefix = colon < 0 ? "" : qname.slice(0, colon);
  const ns = scope.prefixes.get(prefix);
  if (ns === undefined) fail(`the prefix ${prefix} is not declared`, at);
  r = [ns, colon < 0 ? qname : qname.slice(colon + 1)];
  scope.resolved.set(qname, r);
  return r;
}
