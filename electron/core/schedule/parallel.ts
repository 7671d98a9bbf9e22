// How many probes may run at once. A probe is a Chromium context (its own renderer process, 100–200 MB) that
// spends most of its time waiting for a slow préfecture page, so the bound is memory first, then cores (for the
// moments a page renders and the screenshot is taken), then a ceiling that keeps an ordinary PC usable.
import os from 'node:os';

export interface Machine {
  cores: number;
  totalMemBytes: number;
}

/** Memory a probe may take, renderer and page included, with margin. */
const BYTES_PER_PROBE = 200 * 1024 * 1024;
/** Share of the RAM the probes may use at most: the association's PC is used for other work too. */
const MEMORY_SHARE = 0.25;
/** Probes per core: each is mostly idle, waiting for the network. */
const PROBES_PER_CORE = 4;
/** Even a big machine keeps to this: it is a PC, not a server, and préfectures are not to be hammered. */
export const MAX_PARALLEL_PROBES = 16;
/** The fewest, even on a small machine: one slow site must not hold every probe. */
const MIN_PARALLEL_PROBES = 2;

export function thisMachine(): Machine {
  return { cores: os.availableParallelism(), totalMemBytes: os.totalmem() };
}

/** The parallelism chosen for a machine when the setting says 0 (automatic). */
export function autoParallelProbes(machine: Machine = thisMachine()): number {
  const byMemory = Math.floor((machine.totalMemBytes * MEMORY_SHARE) / BYTES_PER_PROBE);
  const byCores = machine.cores * PROBES_PER_CORE;
  return Math.max(MIN_PARALLEL_PROBES, Math.min(byMemory, byCores, MAX_PARALLEL_PROBES));
}

/** The `maxParallelProbes` setting: 0 means chosen from the machine; any other value is taken as it is. */
export function parallelProbes(setting: number, machine: Machine = thisMachine()): number {
  return setting > 0 ? Math.min(Math.floor(setting), MAX_PARALLEL_PROBES) : autoParallelProbes(machine);
}
