// The modules `npm run mutate` covers, each with the fast Node tests its behaviour lives in.
// Kept out of `npm test`: a run executes these tests once per mutant.
export const MODULES = {
  health: {
    source: 'src/domain/health.ts',
    // equivalence.test.ts (every rule against the formula fields) takes minutes: not per mutant.
    tests: ['test/health/health.test.ts'],
  },
  identify: {
    source: 'src/domain/identify.ts',
    tests: ['test/identify/identify.test.ts'],
  },
  portfolio: {
    source: 'src/domain/portfolio.ts',
    // portfolio.test.ts (the page against the CLI on the local org) takes seconds: not per mutant.
    tests: ['test/portfolio/rules.test.ts'],
  },
  team: {
    source: 'src/domain/team.ts',
    tests: ['test/team/team.test.ts'],
  },
  'csv-columns': {
    source: 'src/org/csv-columns.ts',
    tests: ['test/org/csv-columns.test.ts'],
  },
};
