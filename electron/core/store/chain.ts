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
