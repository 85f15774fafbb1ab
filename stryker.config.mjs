// StrykerJS over the pure domain, one module at a time (run through `npm run mutate`, which sets
// MUTATE_MODULE). Each module is mutated against its own fast Node tests only: the command runner
// runs them once per mutant, so the slow suites (formula equivalence, CLI against the local org)
// stay out — see bench/MUTATION.md.
import { MODULES } from './scripts/mutate-modules.mjs';

const name = process.env.MUTATE_MODULE ?? 'team';
const module = MODULES[name];
if (!module) throw new Error(`Unknown module ${name}; one of ${Object.keys(MODULES).join(', ')}`);

const tests = module.tests.join(' ');
const pattern = module.testNamePattern ? ` --test-name-pattern=${JSON.stringify(module.testNamePattern)}` : '';

export default {
  testRunner: 'command',
  commandRunner: {
    command: `node --import tsx --test --test-reporter=dot --test-concurrency=1${pattern} ${tests}`,
  },
  mutate: [module.source],
  concurrency: Number(process.env.MUTATE_CONCURRENCY ?? 2),
  timeoutMS: 10000,
  reporters: ['html', 'json', 'clear-text', 'progress'],
  htmlReporter: { fileName: `reports/mutation/${name}.html` },
  jsonReporter: { fileName: `reports/mutation/${name}.json` },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
  // The sandbox needs only the code and the tests (and force-app, which the formula tests read).
  ignorePatterns: ['/docs', '/data', '/schemas', '/lib', '/out', '/reports', '/bench', '/coverage', '/.sfdx', '/.sf'],
  disableTypeChecks: true,
  thresholds: { high: 90, low: 80, break: null },
};
