// Lint is where the architecture is enforced: boundaries between projects (Nx tags on two axes),
// env access only through env files, and a pure, deterministic simulation library.
import { builtinModules } from 'node:module';
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`), 'node:*'];
const uiAndTransport = ['next', 'next/*', 'react', 'react-dom', 'react/*', 'bullmq', 'socket.io', 'socket.io-client', '@trpc/*', '@hocuspocus/*'];

export default [
  {
    ignores: [
      '**/node_modules/**', '**/.next/**', '**/.next-*/**', '**/dist/**', '**/generated/**', '**/coverage/**',
      '**/next-env.d.ts', 'apps/web-e2e/test-results/**', 'apps/web-e2e/playwright-report/**', '.nx/**',
    ],
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mts'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'off',
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allowCircularSelfDependency: false,
          depConstraints: [
            // scope axis: which domain may see which
            { sourceTag: 'scope:sim', onlyDependOnLibsWithTags: ['scope:sim'] },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:platform', onlyDependOnLibsWithTags: ['scope:platform', 'scope:shared', 'scope:sim'] },
            { sourceTag: 'scope:directory', onlyDependOnLibsWithTags: ['scope:directory', 'scope:shared'] },
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:web', 'scope:platform', 'scope:directory', 'scope:sim', 'scope:shared'] },
            { sourceTag: 'scope:worker', onlyDependOnLibsWithTags: ['scope:worker', 'scope:platform', 'scope:directory', 'scope:sim', 'scope:shared'] },
            // type axis: apps sit on top and never import each other; the engine imports nothing
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:domain', 'type:engine', 'type:data', 'type:util'] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:data', 'type:util'] },
            {
              sourceTag: 'type:domain',
              onlyDependOnLibsWithTags: ['type:domain', 'type:engine', 'type:data', 'type:util'],
              bannedExternalImports: uiAndTransport,
            },
            { sourceTag: 'type:data', onlyDependOnLibsWithTags: ['type:util'], bannedExternalImports: uiAndTransport },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'], bannedExternalImports: uiAndTransport },
            // libs/sim: no workspace library and no package at all (tests may use the test runner)
            { sourceTag: 'type:engine', onlyDependOnLibsWithTags: [], allowedExternalImports: ['vitest', 'fast-check'] },
          ],
        },
      ],
      // Configuration is read in one validated place per app/lib (env.ts), never at the point of use.
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration through the env.ts of your app or library.' },
      ],
    },
  },
  {
    // Env files, tooling and scripts are where process.env may be read.
    files: ['**/env.ts', '**/*.config.{ts,mts,mjs,js}', 'scripts/**', 'tools/**', '**/test-support.ts', '**/scripts/**', 'apps/web-e2e/**', '**/testing/**', '**/*.test.ts', '**/vitest.setup.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    // The simulation engine is pure and deterministic: no I/O, no ambient time, no ambient randomness.
    files: ['libs/sim/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: nodeBuiltins.filter((m) => m !== 'node:*'), patterns: [{ group: ['node:*'], message: 'libs/sim runs in browsers and worker threads: no Node built-ins.' }] }],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Draw from the model-owned RNG.' },
        { object: 'Date', property: 'now', message: 'The simulation has no wall clock: use the tick.' },
        { object: 'process', property: 'env', message: 'libs/sim takes all configuration as data.' },
        { object: 'performance', property: 'now', message: 'The simulation has no wall clock: use the tick.' },
      ],
      'no-restricted-globals': ['error', 'process', 'Buffer', 'require', '__dirname', '__filename', 'fetch', 'setImmediate'],
      'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='Date']", message: 'The simulation has no wall clock: use the tick.' }],
    },
  },
  {
    files: ['apps/web/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
];
