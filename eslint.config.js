// Two kinds of code, two rule sets:
// - TypeScript everywhere (src, scripts, test, bench and the LWC sources) with typescript-eslint;
// - the deployable LWC JavaScript that `npm run build` emits, with the Salesforce LWC configs
//   (platform restrictions and security rules apply to what actually ships).
import tseslint from 'typescript-eslint';
import lwcConfig from '@salesforce/eslint-config-lwc';
import lightning from '@salesforce/eslint-plugin-lightning';
import jestPlugin from 'eslint-plugin-jest';

const deployedLwc = 'force-app/main/default/lwc/**/*.js';

export default tseslint.config(
  {
    ignores: ['node_modules/**', 'lib/**', 'coverage/**', '.sf/**', '.sfdx/**', 'bench/out/**', '**/*.d.ts']
  },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommended],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-new-func': 'error',
      'no-implied-eval': 'error'
    }
  },
  {
    // Platform code must not use non-null assertions on data that can be missing.
    files: ['src/**/*.ts', 'force-app/**/*.ts'],
    ignores: ['**/__tests__/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'error' }
  },
  {
    files: ['force-app/**/__tests__/**/*.ts', 'force-app/test/**/*.ts'],
    plugins: { jest: jestPlugin },
    languageOptions: { globals: { describe: 'readonly', it: 'readonly', expect: 'readonly', jest: 'readonly', beforeEach: 'readonly', afterEach: 'readonly' } },
    rules: { 'jest/no-focused-tests': 'error', 'jest/no-disabled-tests': 'error' }
  },
  ...lwcConfig.configs.recommended.map((config) => ({ ...config, files: [deployedLwc] })),
  {
    files: [deployedLwc],
    plugins: { '@salesforce/lightning': lightning },
    rules: {
      '@lwc/lwc/no-inner-html': 'error',
      '@lwc/lwc/no-document-query': 'error',
      '@lwc/lwc/no-unknown-wire-adapters': 'off',
      '@salesforce/lightning/no-moment': 'error',
      '@salesforce/lightning/no-aura-localization-service': 'error',
      // esbuild writes `undefined` as `void 0` when it strips the types; the sources never use void.
      'no-void': 'off',
      'no-eval': 'error',
      'no-new-func': 'error',
      'no-implied-eval': 'error'
    }
  },
  {
    // The generated service module is checked by the build, not linted line by line.
    ignores: ['force-app/main/default/lwc/mamService/mamService.js']
  },
  {
    files: ['scripts/**/*.mjs', 'scripts/**/*.js', '*.js', '*.cjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } }
  }
);
