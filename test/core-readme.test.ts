// The core's README is what a newcomer reads first: its table of handlers and its HandlerContext are checked
// against the contract and the code, so that they cannot drift unseen.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { API_METHODS } from '../electron/shared/api.js';

const root = path.resolve(import.meta.dirname, '..');
const readme = () => readFile(path.join(root, 'electron/core/README.md'), 'utf8');

/** The handler table's rows: each file and the methods it says the file answers. */
function handlerRows(text: string): Map<string, string[]> {
  const rows = new Map<string, string[]>();
  for (const [, file = '', methods = ''] of text.matchAll(/^\| `(handlers\/[\w-]+\.ts)` \| (.+) \|$/gm)) {
    rows.set(file, [...methods.matchAll(/`([\w-]+:[\w-]+)`/g)].map((match) => match[1] ?? ''));
  }
  return rows;
}

/** The members of `interface HandlerContext` in a TypeScript text, each printed without its comments. */
function contextMembers(source: string): string[] {
  const file = ts.createSourceFile('context.ts', source, ts.ScriptTarget.Latest, true);
  const printer = ts.createPrinter({ removeComments: true, newLine: ts.NewLineKind.LineFeed });
  const found = file.statements.find((node): node is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(node) && node.name.text === 'HandlerContext');
  return (found?.members ?? []).map((member) => printer.printNode(ts.EmitHint.Unspecified, member, file).replace(/\s+/g, ' '));
}

describe('electron/core/README.md', () => {
  it('names every method of the contract once, in the row of the handler file that answers it, and no other', async () => {
    const rows = handlerRows(await readme());
    const listed = [...rows.values()].flat();
    expect([...listed].sort()).toEqual([...API_METHODS].sort());
    for (const [file, methods] of rows) {
      const source = await readFile(path.join(root, 'electron/core', file), 'utf8');
      for (const method of methods) expect(source, `${method} in ${file}`).toContain(`'${method}':`);
    }
  });

  it('shows HandlerContext as handlers/context.ts declares it', async () => {
    const block = /```ts\n\/\/ handlers\/context\.ts\n([\s\S]*?)```/.exec(await readme())?.[1] ?? '';
    const real = await readFile(path.join(root, 'electron/core/handlers/context.ts'), 'utf8');
    expect(contextMembers(block)).toEqual(contextMembers(real));
    expect(contextMembers(real).length).toBeGreaterThan(10);
  });
});
