import js from '@eslint/js';
import globals from 'globals';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const nodeOnly = ['node:*', 'fs', 'path', 'child_process', 'os', 'http', 'crypto', 'stream'];

/**
 * The core's layers, lowest first (electron/core/README.md says why). A folder may import the core's base files
 * (clock, errors, messages, paths), `shared`, its own folder and the folders of the layers below; never a peer of its own
 * layer nor anything above, so that an upward import or a cycle between layers fails lint. A new folder goes
 * into this table; until it does, no listed folder may import it.
 */
export const CORE_LAYERS = [
  ['stats', 'workers'],
  ['store'],
  ['seals'],
  ['probe', 'evidence', 'export', 'schedule', 'import', 'alerts'],
  ['services', 'report', 'demo'],
  ['dossier', 'publish'],
  ['handlers'],
  ['api'],
];
const CORE_BASE = ['clock', 'errors', 'messages', 'paths'];
const escape = (name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** no-restricted-imports options for a file `depth` folders below electron/core, in a folder of layer `layer`. */
function coreImports(depth, layer) {
  const below = CORE_LAYERS.slice(0, Math.max(layer, 0)).flat();
  const allowed = [...below.map((name) => `${escape(name)}/`), ...CORE_BASE.map((name) => `${escape(name)}\\.js$`)];
  const up = (count) => (count === 0 ? '\\./' : `(?:\\.\\./){${count}}`);
  const patterns = [
    {
      regex: `^${up(depth)}(?!\\.\\./)(?!(?:${allowed.join('|')}))`,
      message:
        'Upward or sideways import between the core\'s layers (see electron/core/README.md and CORE_LAYERS in eslint.config.js).',
    },
    { regex: `^${up(depth + 1)}(?!shared/)`, message: 'The core imports only electron/shared outside itself.' },
  ];
  return ['error', { paths: ['electron'], patterns }];
}

/** One block per layer folder and depth: the import strings are relative, so depth decides what `../` means. */
const coreLayerConfigs = [
  {
    // The base files at the root of the core: shared only.
    files: ['electron/core/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': coreImports(0, -1) },
  },
  ...CORE_LAYERS.flatMap((folders, layer) =>
    folders.flatMap((folder) =>
      [1, 2, 3].map((depth) => ({
        files: [`electron/core/${folder}/${'*/'.repeat(depth - 1)}*.ts`],
        // Tests may put layers together (a store test runs the verification above it).
        ignores: ['**/*.test.ts'],
        rules: { 'no-restricted-imports': coreImports(depth, layer) },
      })),
    ),
  ),
];

/**
 * no-restricted-imports options for a transport (`who`): none of the `others` folders beside it (`othersWords`),
 * no renderer, and of the core only its API entry and the base files errors, messages (wordCore) and paths.
 */
function transportImports({ who, others, othersWords, extra = [], paths = [] }) {
  const patterns = [
    { regex: `^(?:\\.\\./)+${others}`, message: `${who} never reaches ${othersWords}.` },
    { regex: '(?:^|/)renderer/', message: `${who} never reaches the renderer.` },
    {
      regex: '^(?:\\.\\./)+core/(?!(?:api/index|errors|messages|paths)\\.js$)',
      message: `${who} uses the core through its API entry (core/api/index.js) and its base files errors, messages (wordCore) and paths only.`,
    },
    ...extra,
  ];
  return ['error', { paths, patterns }];
}

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'release/'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-confusing-void-expression': 'off',
    },
  },
  { files: ['eslint.config.js', 'build/*.mjs', 'scripts/*.mjs'], ...tseslint.configs.disableTypeChecked },
  {
    // No import cycle anywhere, inside a folder as between folders: each file can be read after what it imports.
    // Type-only imports are left out (erased at run time).
    files: ['**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createTypeScriptImportResolver()],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    // The core runs in plain Node: it never reaches for Electron.
    files: ['electron/core/**/*.ts', 'electron/cli/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: ['electron'] }] },
  },
  ...coreLayerConfigs,
  {
    // The transports: the command line and web host never reach the desktop shell, nor it them; of the core they
    // see its API entry (core/api/index.ts) and its base files for errors, messages and paths, never what lies
    // behind the API. The command line may start the demo's replicas through their entry.
    files: ['electron/cli/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': transportImports({
        who: 'The command line',
        others: '(?:main|preload)/',
        othersWords: 'the desktop shell',
        extra: [
          {
            regex: '^(?:\\.\\./)+replicas/(?!index\\.js$)',
            message: 'The command line starts the demo\'s replicas through their entry (replicas/index.js) only.',
          },
        ],
        // It runs in plain Node.
        paths: ['electron'],
      }),
    },
  },
  {
    // The replica préfectures (tests, the demo, scripts) stand beside the core, not in it: they import only the
    // contract's types, and no core folder imports them (the demo is handed them by its transport).
    files: ['electron/replicas/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron'],
          patterns: [
            {
              regex: '^(?:\\.\\./)+(?:core|cli|main|preload|renderer)/',
              message: 'The replicas import only electron/shared: they play the préfectures\' sites, whatever the core does.',
            },
          ],
        },
      ],
    },
  },
  {
    // The desktop shell is a transport like the command line.
    files: ['electron/main/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': transportImports({
        who: 'The desktop shell',
        others: '(?:cli|preload|replicas)/',
        othersWords: 'the command line, the preload or the replicas',
      }),
    },
  },
  {
    // The sandboxed bridge: Electron's renderer side and the contract, nothing else (it is bundled alone).
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: nodeOnly }, { regex: '^\\.\\./(?!shared/)', message: 'The preload imports only electron/shared.' }] }],
    },
  },
  {
    // The contract is imported by the renderer too: types and pure values only.
    files: ['electron/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: ['electron'], patterns: [{ group: nodeOnly }, { regex: '^\\.\\./', message: 'electron/shared imports nothing outside itself.' }] },
      ],
    },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        { paths: ['electron'], patterns: [...nodeOnly, '**/electron/core/*', '**/electron/main/*'] },
      ],
    },
  },
);
