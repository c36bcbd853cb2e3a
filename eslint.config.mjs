// One lint configuration for the whole tree (src/, static/, local/, test/, bench/); `npm run lint` runs it with
// Prettier's check, and CI runs `npm run lint`. Formatting is Prettier's alone (eslint-config-prettier turns off the
// rules that would disagree with it).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import preferArrowFunctions from 'eslint-plugin-prefer-arrow-functions';
import reactHooks from 'eslint-plugin-react-hooks';
import simpleImportSort from 'eslint-plugin-simple-import-sort';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  // Generated output (ESLint does not read .gitignore) and test fixtures (the forge-lint one is wrong on purpose).
  {
    ignores: [
      '**/dist/**',
      'build/**',
      'node_modules/**',
      'coverage/**',
      'test-results/**',
      '.local-data/**',
      'bench/results/**',
      'test/fixtures/**',
      // ajv standalone code generated from the zod schemas (npm run generate:validators), committed byte for byte.
      'src/generated/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    plugins: { 'simple-import-sort': simpleImportSort, 'prefer-arrow-functions': preferArrowFunctions },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-import-type-side-effects': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true, requireDefaultForNonUnion: false },
      ],
      // Interface members as properties, so a handler taken off its object (props, ports) keeps no `this`.
      '@typescript-eslint/method-signature-style': ['error', 'property'],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'simple-import-sort/imports': 'error',
      'simple-import-sort/exports': 'error',
      // One function style for the tree: arrow constants (what src/ has always written).
      'prefer-arrow-functions/prefer-arrow-functions': [
        'error',
        { returnStyle: 'unchanged', classPropertiesAllowed: false, allowNamedFunctions: false },
      ],
    },
  },
  {
    files: ['static/**/*.ts', 'static/**/*.tsx', 'test/static/**/*.tsx', 'test/static/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // A component of more than 150 lines holds several jobs: split it into smaller components and hooks.
    files: ['static/**/*.tsx'],
    rules: { 'max-lines-per-function': ['error', { max: 150 }] },
  },
  {
    files: ['test/**/*.ts', 'test/**/*.tsx'],
    rules: {
      // A fake of a Promise-returning port is written `async` so that it reads, and throws, like the real one.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['test/**/*.test.ts', 'test/**/*.test.tsx', 'test/**/*.e2e.ts'],
    rules: {
      // @types/jest types the asymmetric matchers (expect.any, expect.objectContaining, expect.stringMatching, ...)
      // as `any`, and an expected value is where they go. Support files and fixtures keep both rules.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      sourceType: 'commonjs',
      globals: { ...globals.node },
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    // CommonJS files (the jest configs, the keytar stub) import with require; that is what the rule forbids.
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  { files: ['**/*.mjs'], languageOptions: { sourceType: 'module' } },
  prettier,
);
