// Used by scripts/verify-in-org.sh: writes each component's GraphQL request (the gql literal of
// the built component, as it ships, with the variables its jest test asks with, mapped onto the
// org's sample data) as a JSON body for `sf api request rest .../graphql --method POST`.
//
//   npx tsx scripts/verify-in-org/graphql-requests.ts --out DIR --user user.json --accounts accounts.json [--namespace ns]
//
// user.json is `sf org display user --json`, accounts.json `sf data query --json` of Account Id
// and Name. Writes DIR/<n>.json and prints one line per request: file, component/operation (case),
// and what the org should answer ("data", or "rejects: <message>" for a query the platform refuses).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { caseVariables, componentQueries, inNamespace, QUERY_CASES } from '../../test/local-org/graphql/components.js';

function value(flag: string): string | undefined {
  const at = process.argv.indexOf(flag);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

const out = value('--out');
const userFile = value('--user');
const accountsFile = value('--accounts');
if (!out || !userFile || !accountsFile) {
  console.error('usage: graphql-requests.ts --out DIR --user user.json --accounts accounts.json [--namespace ns]');
  process.exit(2);
}
const namespace = value('--namespace') ?? '';
const user = (JSON.parse(readFileSync(userFile, 'utf8')) as { result?: { id?: string } }).result?.id;
if (!user) throw new Error(`${userFile}: no result.id (expected the output of sf org display user --json)`);
const rows = (JSON.parse(readFileSync(accountsFile, 'utf8')) as { result?: { records?: Array<{ Id: string; Name: string }> } }).result?.records ?? [];
const accounts = new Map(rows.map((r) => [r.Name, r.Id]));

mkdirSync(out, { recursive: true });
const queries = componentQueries();
let n = 0;
for (const c of QUERY_CASES) {
  const query = queries.find((q) => q.component === c.component && q.operation === c.operation);
  const label = `${c.component}/${c.operation} (${c.name})`;
  const expect = c.expect === 'data' ? 'data' : `rejects: ${c.expect.rejects}`;
  if (!query) {
    console.log(['-', label, 'missing: no such query in the built component'].join('\t'));
    continue;
  }
  const account = c.account ? accounts.get(c.account) : undefined;
  if (c.account && !account) {
    console.log(['-', label, `skipped: no account named ${c.account} in the org (import the sample data)`].join('\t'));
    continue;
  }
  const file = join(out, `${String(++n).padStart(2, '0')}.json`);
  writeFileSync(file, JSON.stringify({ query: inNamespace(query.query, namespace), variables: caseVariables(c, { account, user }) ?? {} }));
  console.log([file, label, expect].join('\t'));
}
// Queries of the built components that no case asks: run them without variables.
for (const q of queries.filter((q) => !QUERY_CASES.some((c) => c.component === q.component && c.operation === q.operation))) {
  const file = join(out, `${String(++n).padStart(2, '0')}.json`);
  writeFileSync(file, JSON.stringify({ query: inNamespace(q.query, namespace), variables: {} }));
  console.log([file, `${q.component}/${q.operation} (no case)`, 'data'].join('\t'));
}
