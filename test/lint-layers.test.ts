// The layers of the code are a lint rule, not a wish: an import that climbs a layer (or crosses to a peer,
// which is how cycles start) fails `npm run lint`. Linted as if the text were a file of that folder.
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
});
