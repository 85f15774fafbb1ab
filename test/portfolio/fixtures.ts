// The sample data as the portfolio page sees it: the local org seeded with data/ and the critical
// few flagged by `identify --apply` (as the demo does). The page's jest fixtures are the local org's
// answers to the components' own GraphQL queries (scripts/generate-graphql-fixtures.ts).
import { AuthInfo, Connection } from '@salesforce/core';
import { identifyInOrg } from '../../src/org/identify.js';
import { writeAccountValues } from '../../src/org/accounts.js';
import { resolveNamespace } from '../../src/org/names.js';
import { readSettings } from '../../src/org/settings.js';
import type { LocalOrg } from '../local-org/index.js';

export const SAMPLE_SEED = 'data/sample-data-plan.json';
/** The day the committed sample data was generated for (data/INTENT.md). */
export const SAMPLE_DAY = '2026-11-24';

export const FIXTURE_FILES = {
  settings: 'force-app/main/default/lwc/majorAccountPortfolio/__tests__/data/settings.graphql.json',
  portfolio: 'force-app/main/default/lwc/majorAccountPortfolio/__tests__/data/portfolio.graphql.json',
  revenue: 'force-app/main/default/lwc/portfolioParetoCurve/__tests__/data/revenue.graphql.json'
} as const;

export async function connect(org: LocalOrg): Promise<Connection> {
  const authInfo = await AuthInfo.create({ accessTokenOptions: { accessToken: org.accessToken, instanceUrl: org.instanceUrl, loginUrl: org.instanceUrl } });
  const connection = await Connection.create({ authInfo });
  connection.setApiVersion(org.apiVersion);
  return connection;
}

/** Flags the critical few exactly as `sf mam identify --apply` does. */
export async function applyIdentification(connection: Connection, today: string): Promise<void> {
  const { names } = await resolveNamespace(connection);
  const settings = await readSettings(connection, names);
  const run = await identifyInOrg(connection, names, settings, { months: settings.Identification_Months__c, asOf: today, unflag: false });
  await writeAccountValues(connection, names, run.changes.map((c) => ({ id: c.id, name: c.name, values: c.after })));
}
