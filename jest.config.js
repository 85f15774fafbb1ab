// Jest runs only the Lightning web component tests (Node tests use node:test, see
// scripts/run-node-tests.mjs). Shared platform mocks live under force-app/test/jest-mocks.
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

export default {
  ...jestConfig,
  roots: ['<rootDir>/force-app'],
  testMatch: ['**/__tests__/**/*.test.ts'],
  moduleNameMapper: {
    // Tests render what ships: the .js files `npm run build` writes into force-app (the files a
    // deployment uploads, compiled here by the same LWC compiler), never the .ts sources. The
    // service module is the bundle built from src/domain, so the UI's numbers come from the
    // CLI's code. Run `npm run build` first (`npm test` does).
    '^c/([A-Za-z0-9_]+)$': '<rootDir>/force-app/main/default/lwc/$1/$1.js',
    '^test/(.*)$': '<rootDir>/force-app/test/$1',
    '^lightning/navigation$': '<rootDir>/force-app/test/jest-mocks/lightning/navigation.ts',
    // src/domain uses Node ESM specifiers (./health.js) for files that are .ts on disk.
    '^(\\.{1,2}/.*)\\.js$': '$1'
  }
};
