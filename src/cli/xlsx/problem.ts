/**
 * Why a part of the .xlsx reader gave up: a reason code of `ReadFailure` (src/cli/errors.ts) and a
 * technical detail. The reader's parts throw this without knowing the file's name; readXlsx turns it
 * into a WorkbookReadError naming the file. Its own small module so that the zip, XML and sheet
 * parts depend on nothing but each other.
 */
import type { ReadFailure } from "../errors";

export class XlsxProblem extends Error {
  constructor(
    readonly reason: ReadFailure,
    readonly detail?: string,
  ) {
    super(detail ? `${reason}: ${detail}` : reason);
    this.name = "XlsxProblem";
  }
}

/**
 * The reader's caps (CLI.md, "Reading any file, safely"). Over any of them the file is refused with
 * status 2 and the reason. The defaults leave a wide margin over real plans: the 10,000-row plan of
 * `npm run bench` inflates to 4.4 MB and its snapshot is ~1.5 MB by the measure below.
 */
export interface ReadLimits {
  /** The bytes the needed zip entries may inflate to, all together. */
  inflatedBytes: number;
  /** Entries in the zip's central directory. */
  entries: number;
  /** Bytes of the central directory. */
  centralDirectoryBytes: number;
  /** An estimate of the snapshot's size: 48 bytes per row plus 8 per cell slot, all sheets together. */
  snapshotBytes: number;
  /** Steps spent filling merged ranges (a row or a cell visited), all sheets together. */
  mergeSteps: number;
}

export const MiB = 1024 * 1024;

export const READ_LIMITS: Readonly<ReadLimits> = Object.freeze({
  inflatedBytes: 128 * MiB,
  entries: 100_000,
  centralDirectoryBytes: 16 * MiB,
  snapshotBytes: 160 * MiB,
  mergeSteps: 20_000_000,
});

/** Excel's last row and column (XFD). */
export const MAX_ROW = 1_048_576;
export const MAX_COLUMN = 16_384;
