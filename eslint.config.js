import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist', 'dist-*', 'dev-dist', '.scratch', 'node_modules', 'bench/results.json', 'test-results'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  reactHooks.configs.flat.recommended,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'Components call useQuery(...); only src/lib/api talks to the network.' },
      ],
    },
  },
  {
    // A feature imports another only through what that one offers: its index.ts (components,
    // hooks) or its api/ modules (a resource's schema, fetch and queryOptions).
    files: ['src/features/*/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./(?!\\.\\.)[^/]+/(?!index$|api(?:/|$)).+',
              message: 'Import another feature through its index.ts (../feature) or its api/ modules, not its insides.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/lib/**', 'server/**', 'test/**', 'scripts/**', 'mocks/**', 'vite.config.ts'],
    rules: { 'no-restricted-globals': 'off' },
  },
  prettier,
);
