// What an import accepts at most. Sized from the largest real file: a dossier of three years of one planning
// probed hourly (about 26,300 probes: a CSV of about 8 MB, some 40 MB of records in 1,100 day files, one seal),
// with a wide margin, and so that a hostile file (a ZIP bomb, a 150 MB cell, millions of rows) is refused within
// a bounded memory: everything is streamed, and what is kept is bounded by these numbers.

const MB = 1024 * 1024;

export const IMPORT_LIMITS = {
  /** A CSV on its own, or data/sondages.csv in a dossier: 8 times the largest real one. */
  csvBytes: 64 * MB,
  /** Probe rows (or records) of one import: nearly 4 times the largest real dossier, 11 years of one planning hourly. */
  rows: 100_000,
  /**
   * Characters of one cell: 4 times the longest real one (a provenance line, an ANCT address with its query), and
   * the length browsers have long set for an address.
   */
  cell: 2_000,
  /** Characters of one CSV line, so that the parser's buffer stays small whatever a line holds. */
  line: 32 * 1024,
  /** Characters of the header line, read before the parser is set up (its separator decides how to parse). */
  header: 4 * 1024,
  /** A dossier's ZIP: its captures make it large (a few GB for three years), streamed all the same. */
  dossierBytes: 16 * 1024 * MB,
  /** Files in a dossier: 3 per probe at most (capture, captioned screenshot, page text) over 100,000 probes. */
  entries: 300_000,
  /** Any one file of a dossier (a capture, the PDF summary): far above a screenshot or a summary. */
  entryBytes: 512 * MB,
  /**
   * All files of a dossier once unpacked: a real dossier's captures are already compressed, so its unpacked size
   * is near its own; text compresses about tenfold, and is bounded by the 1 GB given on top.
   */
  unpackedBase: 1024 * MB,
  unpackedPerByte: 4,
  /** A tag file (bagit.txt, bag-info.txt) and a seal's small files (signature, key, token, certificates). */
  smallBytes: 1 * MB,
  /** A manifest: one line per file of the dossier, at most `entries` lines. */
  manifestBytes: 48 * MB,
  /** One day file of records: a planning probed every minute for a day is about 2.5 MB. */
  recordsBytes: 8 * MB,
  /** A seal: every planning's head and every gap file's digest, for 500 plannings over years. */
  sealBytes: 16 * MB,
  /**
   * What a dossier's check reads, all together (records, chaînage, histories, seals and their tokens, the CSV):
   * some 65 MB for three years of one planning with daily seals (records of 1.4 KB, a carried seal and two tokens
   * a day). The check holds all it reads in memory: past what the import's thread may hold (run.ts), the import
   * is refused all the same, with its own line.
   */
  signedBytes: 128 * MB,
} as const;

export type ImportLimits = { readonly [K in keyof typeof IMPORT_LIMITS]: number };

/** Bytes in whole megabytes (MiB), as the messages say them. */
export const megabytes = (bytes: number): number => Math.round(bytes / MB);
