// npm run fixtures:portfolio — writes the portfolio page's jest fixtures from the sample data
// (see test/portfolio/fixtures.ts); test/portfolio fails when the committed copies are stale.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { FIXTURE_FILES, buildFixtures } from '../test/portfolio/fixtures.js';

process.removeAllListeners('warning');
const fixtures = await buildFixtures();
for (const [key, path] of Object.entries(FIXTURE_FILES)) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(fixtures[key as keyof typeof fixtures], null, 2)}\n`);
  console.log(`wrote ${path}`);
}
