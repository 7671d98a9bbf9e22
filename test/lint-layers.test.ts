// The layers of the code are a lint rule, not a wish: an import that climbs a layer (or crosses to a peer,
// which is how cycles start) fails `npm run lint`. Linted as if the text were a file of that folder.
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const eslint = new ESLint({
  cwd: root,
  // Only the rule under test, and no type information: the fixture files do not exist on disk.
  overrideConfig: [tseslint.configs.disableTypeChecked],
  ruleFilter: ({ ruleId }) => ruleId === 'no-restricted-imports',
});

async function importErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).map((message) => message.message);
}

describe('the layers of the code', () => {
  it('refuses an upward import: the store reaching for the evidence above it', async () => {
    const errors = await importErrors(
      'electron/core/store/fixture.ts',
      "import { verifyDir } from '../evidence/verify.js';\nexport const v = verifyDir;\n",
    );
    expect(errors.join('\n')).toMatch(/layers/);
  });

  it('refuses a sideways import between peers, and a handler imported from below', async () => {
    const peer = await importErrors('electron/core/probe/adapters/fixture.ts', "export { verify } from '../../evidence/index.js';\n");
    expect(peer).toHaveLength(1);
    const up = await importErrors('electron/core/schedule/fixture.ts', "export type { HandlerContext } from '../handlers/context.js';\n");
    expect(up).toHaveLength(1);
  });

  it('lets a layer import the layers below it, the base files and the contract', async () => {
    const errors = await importErrors(
      'electron/core/handlers/fixture.ts',
      [
        "export { createStore } from '../store/index.js';",
        "export { verify } from '../evidence/index.js';",
        "export { AppError } from '../errors.js';",
        "export type { AppApi } from '../../shared/api.js';",
        "export { mustGetPlanning } from './context.js';",
      ].join('\n'),
    );
    expect(errors).toEqual([]);
  });

  it('keeps Electron out of the core, and the desktop shell out of the command line', async () => {
    expect(await importErrors('electron/core/services/fixture.ts', "export { app } from 'electron';\n")).toHaveLength(1);
    expect(await importErrors('electron/cli/fixture.ts', "export { setupIpc } from '../main/ipc.js';\n")).toHaveLength(1);
    expect(await importErrors('electron/preload/fixture.ts', "export { createCore } from '../core/api/create-core.js';\n")).toHaveLength(1);
  });

  it('lets the command line see the core only through its API entry and its base files', async () => {
    expect(await importErrors('electron/cli/fixture.ts', "export { createStore } from '../core/store/index.js';\n")).toHaveLength(1);
    expect(await importErrors('electron/cli/commands/fixture.ts', "export type { Store } from '../../core/store/store.js';\n")).toHaveLength(1);
    expect(await importErrors('electron/cli/fixture.ts', "export { createProber } from '../core/probe/index.js';\n")).toHaveLength(1);
    const allowed = await importErrors(
      'electron/cli/commands/fixture.ts',
      [
        "export { createCore } from '../../core/api/index.js';",
        "export { AppError } from '../../core/errors.js';",
        "export { wordCore } from '../../core/messages.js';",
        "export { defaultDataDir } from '../../core/paths.js';",
        "export type { AppApi } from '../../shared/api.js';",
      ].join('\n'),
    );
    expect(allowed).toEqual([]);
  });
});

describe('the desktop shell', () => {
  it('sees the core only through its API entry and its base files, like the command line', async () => {
    expect(await importErrors('electron/main/fixture.ts', "export { EXPORTS_DIR } from '../core/store/index.js';\n")).toHaveLength(1);
    expect(await importErrors('electron/main/fixture.ts', "export type { Core } from '../core/api/create-core.js';\n")).toHaveLength(1);
    expect(await importErrors('electron/main/fixture.ts', "export { startWebHost } from '../cli/webhost.js';\n")).toHaveLength(1);
    const allowed = await importErrors(
      'electron/main/fixture.ts',
      [
        "export { createSwitchableCore, type Core } from '../core/api/index.js';",
        "export { AppError } from '../core/errors.js';",
        "export { findAppRoot } from '../core/paths.js';",
        "export type { PathUse } from '../shared/api.js';",
      ].join('\n'),
    );
    expect(allowed).toEqual([]);
  });
});

describe('the replica préfectures, beside the core', () => {
  it('are imported by no core folder, not even the demo, which is handed them', async () => {
    const demo = await importErrors('electron/core/demo/fixture.ts', "export { DEMO_PLANNINGS } from '../../replicas/index.js';\n");
    expect(demo.join('\n')).toMatch(/only electron\/shared outside itself/);
    const probe = await importErrors('electron/core/probe/adapters/fixture.ts', "export type { ReplicaHandler } from '../../../replicas/types.js';\n");
    expect(probe).toHaveLength(1);
  });

  it('import only the contract, and the command line reaches them through their entry', async () => {
    expect(await importErrors('electron/replicas/legacy/fixture.ts', "export { systemClock } from '../../core/clock.js';\n")).toHaveLength(1);
    expect(await importErrors('electron/replicas/legacy/fixture.ts', "export type { LocalDate } from '../../shared/domain.js';\n")).toEqual([]);
    expect(await importErrors('electron/cli/fixture.ts', "export { createLegacyReplica } from '../replicas/legacy/handler.js';\n")).toHaveLength(1);
    expect(await importErrors('electron/cli/fixture.ts', "export { DEMO_PLANNINGS, startReplicaServer } from '../replicas/index.js';\n")).toEqual([]);
  });
});

describe('import cycles', () => {
  // Only the cycle rule, on real files: it follows the imports on disk.
  const cycles = new ESLint({ cwd: root, overrideConfig: [tseslint.configs.disableTypeChecked], ruleFilter: ({ ruleId }) => ruleId === 'import-x/no-cycle' });

  it('are refused anywhere, even between two files of one core folder', async () => {
    const fixture = (name: string) => path.join(root, 'electron', 'core', 'stats', `cycle-fixture-${process.pid}-${name}.ts`);
    const [a, b] = [fixture('a'), fixture('b')];
    try {
      await writeFile(a, `import { b } from './${path.basename(b, '.ts')}.js';\nexport const a = (): number => b() + 1;\n`);
      await writeFile(b, `import { a } from './${path.basename(a, '.ts')}.js';\nexport const b = (): number => a() - 1;\n`);
      const results = await cycles.lintFiles([a, b]);
      expect(results.flatMap((result) => result.messages.map((message) => message.ruleId))).toEqual(['import-x/no-cycle', 'import-x/no-cycle']);
      // Without the way back, the same two files pass.
      await writeFile(b, 'export const b = (): number => 1;\n');
      expect((await cycles.lintFiles([a, b])).flatMap((result) => result.messages)).toEqual([]);
    } finally {
      await Promise.all([a, b].map((file) => rm(file, { force: true })));
    }
  });
});
