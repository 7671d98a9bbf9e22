// The seals of a data folder as a list: what each says it sealed, and whether its time-stamp token is there.
// Whether they hold (signature, chain of seals, timestamp, what they sealed) is verify's to say.
import { readFile, stat } from 'node:fs/promises';
import type { SealEntry } from '../../shared/api.js';
import { absolute } from '../store/layout.js';
import { listSeals, parseSeal, sealTime } from './seal.js';

export async function sealInventory(dataDir: string): Promise<SealEntry[]> {
  const entries: SealEntry[] = [];
  for (const seal of await listSeals(dataDir)) {
    const content = parseSeal(await readFile(absolute(dataDir, seal.json)).catch(() => Buffer.alloc(0)));
    const chains = Object.values(content?.plannings ?? {});
    entries.push({
      name: seal.name,
      createdAt: content?.createdAt ?? sealTime(seal.name).toISOString(),
      plannings: chains.length,
      probes: chains.reduce((sum, chain) => sum + chain.probes, 0),
      installationKey: content?.installationKey ?? null,
      stamped: await stat(absolute(dataDir, seal.tsr)).then(() => true, () => false),
      readable: content !== null,
    });
  }
  return entries;
}
