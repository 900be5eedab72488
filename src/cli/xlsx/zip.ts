/**
 * The container of an .xlsx: a zip (an OPC package), read from its central directory.
 *
 * Why a parser of our own rather than a library: the reader needs a handful of entries from a file
 * whose other entries may be huge or hostile. jszip (exceljs' choice) reads the whole file into memory
 * and inflates entries with a pure-JS inflater and no cap; yauzl is sound but streaming and
 * callback-based, inflates with its own stream and has no budget over several entries. The format
 * parts we need are small and fixed (APPNOTE 6.3.10, sections 4.3.7, 4.3.12, 4.3.14–16), so this
 * module reads them itself and hands inflation to `node:zlib`:
 * - only the bytes it needs are read from disk: the signature (8 bytes) first, then the end record
 *   (the last 64 KiB at most), the central directory, and the needed entries; an unused 1 GB image
 *   is never read, a large non-zip file is refused after its first 8 bytes;
 * - zip64 end records and extra fields are honoured; multi-disk archives are refused;
 * - every entry's offsets and sizes are checked against the file before they are used, and the
 *   central directory against its caps;
 * - entry names that repeat (ASCII case-insensitively, as OPC compares part names) are refused: OPC
 *   forbids them, and two readers would see two different workbooks;
 * - `inflateRawSync` gets `maxOutputLength` = the entry's declared size, which must fit what is left
 *   of the total budget, so an entry that lies about its size stops at the lie and a zip bomb costs
 *   no more than the budget; the inflated bytes must match the declared size and CRC-32.
 * An OLE compound file (an encrypted workbook or an .xls) is told apart by walking its directory,
 * also reading only the sectors it needs.
 */
import { closeSync, openSync, readSync } from "node:fs";
import zlib from "node:zlib";
import { XlsxProblem, type ReadLimits } from "./problem";

/** Random access to a file's bytes (a file on disk, or bytes in memory). */
export interface ByteSource {
  readonly size: number;
  read(offset: number, length: number): Buffer;
  close(): void;
}

export function bufferSource(bytes: Buffer): ByteSource {
  return {
    size: bytes.length,
    read: (offset, length) => bytes.subarray(offset, Math.min(bytes.length, offset + length)),
    close: () => {},
  };
}

/** A file on disk read by position: nothing is read that is not asked for. */
export function fileSource(path: string, size: number): ByteSource {
  const fd = openSync(path, "r");
  return {
    size,
    read(offset, length) {
      const n = Math.max(0, Math.min(length, size - offset));
      const buffer = Buffer.allocUnsafe(n);
      let done = 0;
      while (done < n) {
        const got = readSync(fd, buffer, done, n - done, offset + done);
        if (got === 0) break;
        done += got;
      }
      return done === n ? buffer : buffer.subarray(0, done);
    },
    close: () => closeSync(fd),
  };
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_RECORD = 0x06054b50;
const ZIP64_END_RECORD = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;
const END_RECORD_SIZE = 22;
const MAX_COMMENT = 0xffff;

/** What the first bytes say a file is. */
export type Container = "zip" | "empty-zip" | "cfb" | "other";

export function containerKind(head: Buffer): Container {
  if (head.length >= 8 && head.readUInt32LE(0) === 0xe011cfd0 && head.readUInt32LE(4) === 0xe11ab1a1) return "cfb";
  if (head.length >= 4 && head.readUInt32LE(0) === END_RECORD) return "empty-zip";
  if (head.length >= 4 && head.readUInt32LE(0) === LOCAL_HEADER) return "zip";
  return "other";
}

export interface ZipEntry {
  readonly name: string;
  readonly flags: number;
  readonly method: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
}

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

function u64(buffer: Buffer, at: number): number {
  const v = buffer.readBigUInt64LE(at);
  if (v > BigInt(MAX_SAFE)) throw new XlsxProblem("corrupt", "a zip64 size or offset is out of range");
  return Number(v);
}

/** OPC part names compare as ASCII case-insensitive strings; zip names carry no leading slash. */
export function partKey(name: string): string {
  return (name.startsWith("/") ? name.slice(1) : name).replace(/[A-Z]+/g, (s) => s.toLowerCase());
}

export class ZipArchive {
  private readonly entries = new Map<string, ZipEntry>();
  private budget: number;

  constructor(
    private readonly source: ByteSource,
    private readonly limits: ReadLimits,
  ) {
    this.budget = limits.inflatedBytes;
    this.readCentralDirectory();
  }

  /** The entry for a part name (case-insensitive, with or without a leading slash). */
  entry(name: string): ZipEntry | undefined {
    return this.entries.get(partKey(name));
  }

  get size(): number {
    return this.entries.size;
  }

  private readCentralDirectory(): void {
    const { source, limits } = this;
    const tailLength = Math.min(source.size, END_RECORD_SIZE + MAX_COMMENT);
    const tailStart = source.size - tailLength;
    const tail = source.read(tailStart, tailLength);
    let end = -1;
    for (let i = tail.length - END_RECORD_SIZE; i >= 0; i--) {
      if (tail[i] === 0x50 && tail.readUInt32LE(i) === END_RECORD && i + END_RECORD_SIZE + tail.readUInt16LE(i + 20) <= tail.length) {
        end = i;
        break;
      }
    }
    // A zip cut short (an interrupted copy or download) has no end record.
    if (end < 0) throw new XlsxProblem("truncated");
    const endAt = tailStart + end;
    let disk = tail.readUInt16LE(end + 4);
    let cdDisk = tail.readUInt16LE(end + 6);
    let count = tail.readUInt16LE(end + 10);
    let cdSize = tail.readUInt32LE(end + 12);
    let cdOffset = tail.readUInt32LE(end + 16);
    let cdLimit = endAt;

    // zip64: a locator right before the end record points at the zip64 end record.
    if (endAt >= 20) {
      const locator = source.read(endAt - 20, 20);
      if (locator.readUInt32LE(0) === ZIP64_LOCATOR) {
        const at = u64(locator, 8);
        if (at + 56 > endAt - 20) throw new XlsxProblem("corrupt", "the zip64 end record lies outside the file");
        const record = source.read(at, 56);
        if (record.readUInt32LE(0) !== ZIP64_END_RECORD) throw new XlsxProblem("corrupt", "the zip64 end record is missing");
        disk = record.readUInt32LE(16);
        cdDisk = record.readUInt32LE(20);
        count = u64(record, 32);
        cdSize = u64(record, 40);
        cdOffset = u64(record, 48);
        cdLimit = at;
      }
    }
    if (disk !== 0 || cdDisk !== 0) throw new XlsxProblem("corrupt", "a zip split over several disks");
    if (count > limits.entries) throw new XlsxProblem("too-large", `the zip has ${count} entries (at most ${limits.entries} are read)`);
    if (cdSize > limits.centralDirectoryBytes) {
      throw new XlsxProblem("too-large", `the zip's central directory is ${cdSize} bytes (at most ${limits.centralDirectoryBytes})`);
    }
    if (cdOffset + cdSize > cdLimit) throw new XlsxProblem("truncated", "the zip's central directory lies outside the file");

    const cd = source.read(cdOffset, cdSize);
    let p = 0;
    for (let i = 0; i < count; i++) {
      if (p + 46 > cd.length || cd.readUInt32LE(p) !== CENTRAL_HEADER) throw new XlsxProblem("corrupt", "the zip's central directory is damaged");
      const flags = cd.readUInt16LE(p + 8);
      const method = cd.readUInt16LE(p + 10);
      const crc = cd.readUInt32LE(p + 16);
      let compressedSize = cd.readUInt32LE(p + 20);
      let size = cd.readUInt32LE(p + 24);
      const nameLength = cd.readUInt16LE(p + 28);
      const extraLength = cd.readUInt16LE(p + 30);
      const commentLength = cd.readUInt16LE(p + 32);
      let localOffset = cd.readUInt32LE(p + 42);
      const next = p + 46 + nameLength + extraLength + commentLength;
      if (next > cd.length) throw new XlsxProblem("corrupt", "the zip's central directory is damaged");
      const rawName = cd.subarray(p + 46, p + 46 + nameLength);
      // Bit 11: the name is UTF-8; otherwise CP437, which agrees with ASCII (all OOXML part names).
      const name = rawName.toString(flags & 0x800 ? "utf8" : "latin1");
      if (size === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) {
        // The zip64 extended information extra field holds the values that overflowed, in this order.
        let e = p + 46 + nameLength;
        const extraEnd = e + extraLength;
        let found = false;
        while (e + 4 <= extraEnd) {
          const id = cd.readUInt16LE(e);
          const length = cd.readUInt16LE(e + 2);
          if (e + 4 + length > extraEnd) break;
          if (id === 0x0001) {
            let q = e + 4;
            const take = (): number => {
              if (q + 8 > e + 4 + length) throw new XlsxProblem("corrupt", `the zip64 field of ${name} is short`);
              const v = u64(cd, q);
              q += 8;
              return v;
            };
            if (size === 0xffffffff) size = take();
            if (compressedSize === 0xffffffff) compressedSize = take();
            if (localOffset === 0xffffffff) localOffset = take();
            found = true;
            break;
          }
          e += 4 + length;
        }
        if (!found) throw new XlsxProblem("corrupt", `the zip64 field of ${name} is missing`);
      }
      const key = partKey(name);
      if (this.entries.has(key)) throw new XlsxProblem("duplicate-entries", name);
      if (localOffset + 30 + compressedSize > cdOffset) throw new XlsxProblem("corrupt", `the zip entry ${name} lies outside its place`);
      this.entries.set(key, { name, flags, method, crc, compressedSize, size, localOffset });
      p = next;
    }
  }

  /** Refuse at once when the entries still to be read declare more than is left of the budget. */
  checkBudget(entries: ReadonlyArray<ZipEntry>): void {
    let total = 0;
    for (const e of new Set(entries)) total += e.size;
    if (total > this.budget) {
      throw new XlsxProblem("too-large", `the parts to read inflate to more than ${this.limits.inflatedBytes} bytes (${total} declared)`);
    }
  }

  /** The inflated bytes of an entry, counted against the total budget. */
  read(entry: ZipEntry): Buffer {
    const { name, size, compressedSize } = entry;
    if (entry.flags & 0x1) throw new XlsxProblem("corrupt", `the zip entry ${name} is encrypted`);
    if (entry.method !== 0 && entry.method !== 8) throw new XlsxProblem("corrupt", `the zip entry ${name} uses compression method ${entry.method}`);
    if (size > this.budget) {
      throw new XlsxProblem("too-large", `the parts to read inflate to more than ${this.limits.inflatedBytes} bytes (${name}: ${size})`);
    }
    this.budget -= size;
    const header = this.source.read(entry.localOffset, 30);
    if (header.length < 30 || header.readUInt32LE(0) !== LOCAL_HEADER) throw new XlsxProblem("corrupt", `the zip entry ${name} has no local header`);
    const dataAt = entry.localOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    if (dataAt + compressedSize > this.source.size) throw new XlsxProblem("truncated", `the zip entry ${name} is cut short`);
    const data = this.source.read(dataAt, compressedSize);
    let bytes: Buffer;
    if (entry.method === 0) {
      if (compressedSize !== size) throw new XlsxProblem("corrupt", `the stored zip entry ${name} has two sizes`);
      bytes = data;
    } else {
      try {
        // One output chunk of the declared size: no chunks to gather and copy at the end.
        bytes = zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, size), chunkSize: Math.max(64, Math.min(size, 64 * 1024 * 1024)) });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") {
          throw new XlsxProblem("corrupt", `the zip entry ${name} inflates to more than its declared ${size} bytes`);
        }
        throw new XlsxProblem("corrupt", `the zip entry ${name} cannot be inflated (${(error as Error).message})`);
      }
    }
    if (bytes.length !== size) throw new XlsxProblem("corrupt", `the zip entry ${name} inflates to ${bytes.length} bytes, not ${size}`);
    if (crc32(bytes) !== entry.crc) throw new XlsxProblem("corrupt", `the zip entry ${name} fails its CRC check`);
    return bytes;
  }
}

let CRC_TABLE: Int32Array | undefined;

/** CRC-32 as zip uses it: node:zlib's (Node ≥ 20.15), else a table-driven one. */
function crc32(bytes: Buffer): number {
  const native = (zlib as unknown as { crc32?: (data: Uint8Array) => number }).crc32;
  if (native) return native(bytes) >>> 0;
  const table = (CRC_TABLE ??= makeCrcTable());
  let c = -1;
  for (let i = 0; i < bytes.length; i++) c = table[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

function makeCrcTable(): Int32Array {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
}

const ENCRYPTED_PACKAGE = "EncryptedPackage";
const CFB_END_OF_CHAIN = 0xfffffffa; // any sector id at or above this ends a chain
const CFB_MAX_DIRECTORY_SECTORS = 1024;

/**
 * An OLE compound file (MS-CFB): password-protected OOXML keeps the workbook in a stream named
 * EncryptedPackage; anything else is taken for a legacy .xls. Walks the directory's sector chain
 * (at most 1,024 sectors, FAT sectors from the header's DIFAT), reading only those sectors.
 */
export function isEncryptedPackage(source: ByteSource): boolean {
  const header = source.read(0, 512);
  if (header.length < 512) return false;
  const shift = header.readUInt16LE(30);
  if (shift !== 9 && shift !== 12) return false;
  const sectorSize = 1 << shift;
  const perFatSector = sectorSize / 4;
  const sectorAt = (id: number) => (id + 1) * sectorSize;
  const fatCache = new Map<number, Buffer>();
  const nextSector = (id: number): number => {
    const fatIndex = Math.floor(id / perFatSector);
    if (fatIndex >= 109) return CFB_END_OF_CHAIN; // FAT sectors beyond the header's DIFAT: not followed
    const fatSector = header.readUInt32LE(76 + fatIndex * 4);
    if (fatSector >= CFB_END_OF_CHAIN) return CFB_END_OF_CHAIN;
    let fat = fatCache.get(fatSector);
    if (!fat) fatCache.set(fatSector, (fat = source.read(sectorAt(fatSector), sectorSize)));
    const at = (id % perFatSector) * 4;
    return at + 4 <= fat.length ? fat.readUInt32LE(at) : CFB_END_OF_CHAIN;
  };
  const seen = new Set<number>();
  for (let id = header.readUInt32LE(48); id < CFB_END_OF_CHAIN && !seen.has(id) && seen.size < CFB_MAX_DIRECTORY_SECTORS; id = nextSector(id)) {
    seen.add(id);
    const sector = source.read(sectorAt(id), sectorSize);
    for (let e = 0; e + 128 <= sector.length; e += 128) {
      const nameBytes = sector.readUInt16LE(e + 64);
      if (nameBytes < 2 || nameBytes > 64) continue;
      if (sector.toString("utf16le", e, e + nameBytes - 2) === ENCRYPTED_PACKAGE) return true;
    }
  }
  return false;
}
