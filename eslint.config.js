import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import boundaries from './test/lint/boundaries.js';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'test/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs,cjs}'],
    plugins: { kiosk: boundaries },
    rules: {
      'kiosk/boundaries': 'error',
      'no-console': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Playwright reads a fixture's dependencies from its destructuring pattern; `{}` means none.
    files: ['test/e2e/**/*.ts', 'test/e2e-electron/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    files: ['test/lint/**/*.js', 'eslint.config.js'],
    languageOptions: { globals: { process: 'readonly' } },
  },
);
