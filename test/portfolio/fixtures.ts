// The portfolio page's test fixtures, made from the sample data: the local org is seeded with
// data/, `identify --apply` flags the critical few (as the demo does), and the records the page's
// GraphQL queries ask for are read with SOQL — formulas and roll-ups computed by the local org —
// and shaped as the GraphQL wire adapter returns them. `npm run fixtures:portfolio` writes them;
// test/portfolio checks the committed copies are what this produces today.
import { AuthInfo, Connection } from '@salesforce/core';
import { windowStart } from '../../src/domain/identify.js';
import { identifyInOrg } from '../../src/org/identify.js';
import { writeAccountValues } from '../../src/org/accounts.js';
import { resolveNamespace } from '../../src/org/names.js';
import { queryAll } from '../../src/org/query.js';
import { readSettings } from '../../src/org/settings.js';
import { startLocalOrg, type LocalOrg } from '../local-org/index.js';

export const SAMPLE_SEED = 'data/sample-data-plan.json';
/** The day the committed sample data was generated for (data/INTENT.md). */
export const SAMPLE_DAY = '2026-11-24';

export const FIXTURE_FILES = {
  settings: 'force-app/main/default/lwc/majorAccountPortfolio/__tests__/data/settings.json',
  portfolio: 'force-app/main/default/lwc/majorAccountPortfolio/__tests__/data/portfolio.json',
  revenue: 'force-app/main/default/lwc/portfolioParetoCurve/__tests__/data/revenue.json'
} as const;

type Row = Record<string, unknown>;
const value = (v: unknown): { value: unknown } => ({ value: v === undefined ? null : v });
const nodeOf = (row: Row, fields: string[]): Row => Object.fromEntries([['Id', row.Id], ...fields.map((f) => [f, value(row[f])])]);
const edges = (nodes: Row[]): { edges: Array<{ node: Row }> } => ({ edges: nodes.map((node) => ({ node })) });

const PLAN_FIELDS = ['Name', 'Relationship_Stage__c', 'Health_Score__c', 'Health_Status__c', 'Readiness_Count__c', 'Last_Review_Date__c', 'Review_Cadence_Days__c', 'Period_Start__c', 'Seller_Executives__c', 'Customer_Executives__c'];

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

export type PortfolioFixtures = { settings: Row; portfolio: Row; revenue: Row };

/** The three GraphQL results, as the org would answer the page's queries on `today`. */
export async function readFixtures(connection: Connection, today: string): Promise<PortfolioFixtures> {
  const [first] = await queryAll<Row>(connection, 'SELECT Id, Major_Account_Settings__c FROM Account ORDER BY Name LIMIT 1');
  const settingsText = String(first.Major_Account_Settings__c ?? '');
  const months = Number(/Identification_Months__c=(\d+)/.exec(settingsText)?.[1] ?? 12);
  const from = windowStart(today, months);
  const reviewsFrom = windowStart(today, 12);

  const accounts = await queryAll<Row>(connection, 'SELECT Id, Name, Major_Account__c, Major_Account_Tier__c, Owner.Name FROM Account ORDER BY Name');
  const plans = await queryAll<Row>(connection, `SELECT Id, Account__c, Status__c, ${PLAN_FIELDS.join(', ')} FROM Account_Plan__c WHERE Status__c = 'Active' ORDER BY Period_Start__c DESC`);
  const reviews = await queryAll<Row>(connection, `SELECT Id, Plan__c, Review_Date__c, Health_At_Review__c FROM Plan_Review__c WHERE Review_Date__c >= ${reviewsFrom} ORDER BY Review_Date__c DESC`);
  const milestones = await queryAll<Row>(connection, 'SELECT Id, Plan__c, Days_Late__c FROM Plan_Milestone__c WHERE Days_Late__c > 0');
  const won = await queryAll<Row>(connection, `SELECT AccountId, Amount FROM Opportunity WHERE IsWon = true AND AccountId != null AND CloseDate >= ${from} AND CloseDate <= ${today}`);

  const major = accounts.filter((a) => a.Major_Account__c === true);
  const majorIds = new Set(major.map((a) => a.Id));
  const activePlanOf = new Map<string, Row>();
  for (const plan of plans) if (!activePlanOf.has(String(plan.Account__c))) activePlanOf.set(String(plan.Account__c), plan);
  const majorPlans = new Set([...activePlanOf.entries()].filter(([account]) => majorIds.has(account)).map(([, plan]) => plan.Id));

  const late = new Map<string, number>();
  for (const m of milestones) if (majorPlans.has(m.Plan__c)) late.set(String(m.Plan__c), (late.get(String(m.Plan__c)) ?? 0) + 1);
  const revenue = new Map<string, number>();
  for (const o of won) revenue.set(String(o.AccountId), (revenue.get(String(o.AccountId)) ?? 0) + Number(o.Amount ?? 0));
  const sumEdges = (ids: string[]): Row => edges(ids.map((id) => ({ aggregate: { AccountId: value(id), Amount: { sum: value(revenue.get(id)) } } })));

  const settings = { uiapi: { query: { Account: edges([{ Id: first.Id, Major_Account_Settings__c: value(settingsText) }]) } } };
  const portfolio = {
    uiapi: {
      query: {
        Account: {
          totalCount: major.length,
          pageInfo: { hasNextPage: false, endCursor: null },
          ...edges(
            major.map((a) => {
              const plan = activePlanOf.get(String(a.Id));
              return {
                ...nodeOf(a, ['Name', 'Major_Account_Tier__c']),
                Owner: { Name: value((a.Owner as Row | null)?.Name) },
                Account_Plans__r: edges(plan ? [nodeOf(plan, PLAN_FIELDS)] : [])
              };
            })
          )
        },
        Plan_Review__c: edges(reviews.filter((r) => majorPlans.has(r.Plan__c)).map((r) => nodeOf(r, ['Plan__c', 'Review_Date__c', 'Health_At_Review__c'])))
      },
      aggregate: {
        Plan_Milestone__c: edges([...late].map(([plan, count]) => ({ aggregate: { Plan__c: value(plan), Id: { count: value(count) } } }))),
        Opportunity: sumEdges([...revenue.keys()].filter((id) => majorIds.has(id)))
      }
    }
  };
  const named = accounts.filter((a) => a.Major_Account__c === true || revenue.has(String(a.Id)));
  const revenueResult = {
    uiapi: {
      aggregate: { Opportunity: { pageInfo: { hasNextPage: false }, ...sumEdges([...revenue.keys()]) } },
      query: { Account: { pageInfo: { hasNextPage: false }, ...edges(named.map((a) => nodeOf(a, ['Name', 'Major_Account__c']))) } }
    }
  };
  return { settings, portfolio, revenue: revenueResult };
}

/** Seeds a local org with the sample data, flags the critical few and reads the fixtures. */
export async function buildFixtures(today = SAMPLE_DAY): Promise<PortfolioFixtures> {
  const org = await startLocalOrg({ seed: SAMPLE_SEED, today });
  try {
    const connection = await connect(org);
    await applyIdentification(connection, today);
    return await readFixtures(connection, today);
  } finally {
    await org.close();
  }
}
