// Benchmark 3 (record page) runs the components in the same LWC engine as their tests, but only
// from `npm run bench`: its files are not tests and never run in `npm test`.
import base from '../jest.config.js';

export default {
  ...base,
  rootDir: '..',
  roots: ['<rootDir>/force-app', '<rootDir>/bench'],
  testMatch: ['**/bench/record-page/*.bench.ts']
};
