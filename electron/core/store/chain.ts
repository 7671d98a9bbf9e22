// The write side of the hash chain (verification is evidence/verify.ts, above the store): each probe record carries the SHA-256 of its own canonical JSON and the hash of the probe
// before it, so that altering, deleting or inserting a probe afterwards shows.
import { createHash } from 'node:crypto';
import type { Probe } from '../../shared/domain.js';

export function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * JSON with object keys sorted (by UTF-16 code units, JavaScript's default sort) at every level, no spaces,
 * and undefined members left out: the same record always gives the same bytes, whatever its key order.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    // JSON.stringify gives undefined for undefined and functions, which a record never holds.
    const text = JSON.stringify(value) as string | undefined;
    return text ?? 'null';
  }
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
  const record = value as Record<string, unknown>;
  const members = Object.keys(record)
    .sort()
    .filter((key) => record[key] !== undefined)
    .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
  return `{${members.join(',')}}`;
}

/** The hash a probe record must carry: SHA-256 of its canonical JSON without the `hash` member. */
export function hashRecord(record: Omit<Probe, 'hash'> | Probe): string {
  const unsigned: Record<string, unknown> = { ...record };
  delete unsigned.hash;
  return sha256(canonicalJson(unsigned));
}

/**
 * The same value with every object's keys in canonical order (and undefined members left out), so that
 * `JSON.stringify` of it is its canonical JSON: records are stored that way, one a line (kinds.ts), and a reader
 * can hash the stored line itself instead of building the canonical JSON again (see lineHolds).
 */
export function canonicalOrder<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item: unknown) => canonicalOrder(item)) as T;
  const record = value as Record<string, unknown>;
  const ordered: Record<string, unknown> = {};
  for (const key of Object.keys(record).sort()) {
    // Defined, not assigned: a member named __proto__ stays a member, as JSON.parse makes it.
    if (record[key] !== undefined) Object.defineProperty(ordered, key, { value: canonicalOrder(record[key]), enumerable: true, writable: true, configurable: true });
  }
  return ordered as T;
}

/** True when every object in `value` has its keys in canonicalJson's order (no undefined: it came from JSON). */
function keysSorted(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (Array.isArray(value)) return value.every((item) => keysSorted(item));
  const record = value as Record<string, unknown>;
  let previous: string | null = null;
  for (const key in record) {
    if (previous !== null && !(previous < key)) return false;
    if (!keysSorted(record[key])) return false;
    previous = key;
  }
  return true;
}

/**
 * True when `line`, the text `record` was parsed from, is exactly the canonical JSON of the record with its hash
 * member, and the rest of it hashes to that hash: then hashRecord(record) would say the same, without building the
 * canonical JSON again. Any other line (another key order, spaces, a key twice, other escapes) gives false, which
 * says nothing: the caller then computes hashRecord() as always.
 */
export function lineHolds(line: string, record: Probe): boolean {
  const { hash } = record;
  if (typeof hash !== 'string' || !/^[0-9a-f]{64}$/.test(hash)) return false;
  // The record's own text, key for key: nothing dropped by the parse (a duplicate key), nothing written otherwise.
  if (!keysSorted(record) || JSON.stringify(record) !== line) return false;
  // The hash member at the top level, met once: the rest of the line is then canonicalJson of the record without it.
  const member = `,"hash":"${hash}"`;
  const at = line.indexOf(member);
  if (at < 0 || line.lastIndexOf(member) !== at || line.startsWith('{"hash":')) return false;
  return createHash('sha256').update(line.slice(0, at)).update(line.slice(at + member.length)).digest('hex') === hash;
}
