// ESLint flat config: TypeScript everywhere, Svelte components with the Svelte plugin.
import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import svelteConfig from './svelte.config.js';

export default ts.config(
  { ignores: ['dist/', 'release/', 'node_modules/', '.tmp/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig } },
  },
  {
    // The simulation core stays pure: no shell, transport or UI imports (docs/ARCHITECTURE.md, "Layers").
    files: ['main/sim/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['electron', 'node:http', 'node:https', 'fastify', 'svelte', 'svelte/*', '**/electron/**', '**/web/**', '**/host/**', '**/renderer/**'] },
      ],
      'no-restricted-globals': ['error', 'setTimeout', 'setInterval', 'window', 'document'],
      'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: 'use the Clock handed to the simulation' }],
    },
  },
  {
    // The renderer imports only types from main/, except the contract's dependency-free modules
    // (docs/ARCHITECTURE.md, "Layers"): the shared vocabulary and the blank login view.
    files: ['renderer/**/*.ts', 'renderer/**/*.svelte'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // Any path through main/ but those two (gitignore-style negation cannot re-include below a matched folder).
              regex: '(^|/)main/(?!api/(vocabulary|blank-login-view)(\\.js)?$)',
              allowTypeImports: true,
              message: 'the renderer imports from main/ only types, and main/api/vocabulary.ts and blank-login-view.ts',
            },
          ],
        },
      ],
    },
  },
);
