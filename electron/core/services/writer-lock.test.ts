// One writing process per data folder: an export that seals only for its seal gives the lock back, but never
// the lock a write of this process is waiting on or holding.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WRITER_LOCK_FILE } from '../store/index.js';
import { createWriter } from './writer-lock.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'guichets-lock-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the writer lock of a data folder', () => {
  it('is given back after a seal alone, so that another process may write afterwards', async () => {
    const exporter = createWriter(dir);
    expect(await exporter.whileWriter(() => Promise.resolve())).toBe(true);
    expect(existsSync(path.join(dir, WRITER_LOCK_FILE))).toBe(false);
  });

  it('stays taken when a write of this process asked for it while a seal held it', async () => {
    const writer = createWriter(dir);
    let sealing = true;
    await Promise.all([
      writer.whileWriter(async () => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        sealing = false;
      }),
      writer.asWriter(),
    ]);
    expect(sealing).toBe(false);
    expect(existsSync(path.join(dir, WRITER_LOCK_FILE))).toBe(true);
    const other = createWriter(dir);
    await expect(other.whileWriter(() => Promise.resolve())).resolves.toBe(false);
    await writer.release();
  });

  it('stays taken when a write starts just as the seal ends (a probe due while « Sceller » runs)', async () => {
    const writer = createWriter(dir);
    let write: Promise<void> = Promise.resolve();
    await writer.whileWriter(() => {
      write = writer.asWriter();
      return Promise.resolve();
    });
    await write;
    expect(existsSync(path.join(dir, WRITER_LOCK_FILE))).toBe(true);
    await writer.release();
  });
});
