// npx tsx scripts/generate-graphql-fixtures.ts — writes each GraphQL component's jest fixture as
// the local org answers the component's own built query on the sample data, with the variables
// its jest test uses (test/local-org/graphql/fixtures.ts): <component>/__tests__/data/<case>.graphql.json.
// Queries the org refuses (a SOQL rule they break) are listed, not written. `--check` writes
// nothing and fails when a committed file differs from what the org answers today.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { buildGraphqlFixtures } from '../test/local-org/graphql/fixtures.js';

process.removeAllListeners('warning');
const check = process.argv.includes('--check');
const { fixtures, refused } = await buildGraphqlFixtures();
let stale = 0;
for (const fixture of fixtures) {
  const text = `${JSON.stringify(fixture.data, null, 2)}\n`;
  if (check) {
    if (!existsSync(fixture.path) || readFileSync(fixture.path, 'utf8') !== text) {
      stale += 1;
      console.error(`stale: ${fixture.path}`);
    }
    continue;
  }
  mkdirSync(dirname(fixture.path), { recursive: true });
  writeFileSync(fixture.path, text);
  console.log(`wrote ${fixture.path}`);
}
for (const r of refused) {
  const messages = (r.errors as Array<{ message: string }>).map((e) => e.message).join('; ');
  console.log(`refused, no fixture: ${r.case.component}/${r.case.operation} (${r.case.name}): ${messages}`);
}
if (stale) {
  console.error(`${stale} GraphQL fixture(s) differ from the local org's answers: run npx tsx scripts/generate-graphql-fixtures.ts`);
  process.exit(1);
}
