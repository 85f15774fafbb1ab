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
    // Components import domain rules through the generated service module; tests use its
    // TypeScript source, so numbers in the UI come from the same code as the CLI.
    '^c/mamService$': '<rootDir>/src/domain/index.ts',
    '^test/(.*)$': '<rootDir>/force-app/test/$1',
    '^lightning/navigation$': '<rootDir>/force-app/test/jest-mocks/lightning/navigation.ts',
    // src/domain uses Node ESM specifiers (./health.js) for files that are .ts on disk.
    '^(\\.{1,2}/.*)\\.js$': '$1'
  }
};
