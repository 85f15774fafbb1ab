// The local org's UI API GraphQL endpoint over HTTP: the features the components use, the SOQL
// rules the API inherits, the platform's error shape, and every query of the built components
// validated and executed on the sample data with the variables their jest tests use.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { parse, validate, visit, type FieldNode } from 'graphql';
import { startLocalOrg, type LocalOrg } from './index.js';
import { uiApiSchema } from './graphql/schema.js';
import { caseVariables, componentQueries, inNamespace, OLD_MINE, OR_WITH_SEMI_JOIN, prefixPackageNames, QUERY_CASES, SAMPLE_DAY } from './graphql/components.js';
import { readGraphqlFixtures } from './graphql/fixtures.js';
import { applyIdentification, connect, SAMPLE_SEED } from '../portfolio/fixtures.js';

type Answer = { data: Record<string, unknown> | null; errors?: Array<{ message: string; locations: unknown[]; paths: unknown[]; extensions: { ErrorType: string } }> };
type Connection = { edges: Array<{ node: Record<string, unknown>; cursor: string }>; pageInfo: { hasNextPage: boolean; endCursor: string | null }; totalCount: number };

async function ask(org: LocalOrg, query: string, variables?: Record<string, unknown>): Promise<Answer> {
  const res = await fetch(`${org.instanceUrl}/services/data/v${org.apiVersion}/graphql`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${org.accessToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ query, variables })
  });
  assert.equal(res.status, 200, 'GraphQL answers 200 even when the query fails');
  return (await res.json()) as Answer;
}

/** The answer's data, failing with the errors when there are any. */
async function data(org: LocalOrg, query: string, variables?: Record<string, unknown>): Promise<Record<string, unknown>> {
  const answer = await ask(org, query, variables);
  assert.equal(answer.errors, undefined, JSON.stringify(answer.errors));
  assert.ok(answer.data);
  return answer.data;
}

const at = (value: unknown, ...path: string[]): unknown => path.reduce<unknown>((v, key) => (v as Record<string, unknown> | null | undefined)?.[key], value);
const conn = (value: unknown, ...path: string[]): Connection => at(value, ...path) as Connection;
const names = (c: Connection): string[] => c.edges.map((e) => String(at(e.node, 'Name', 'value')));
const accountId = (org: LocalOrg, name: string): string => {
  const account = org.records('Account').find((a) => a.Name === name);
  assert.ok(account, `sample account ${name}`);
  return account.Id;
};

async function rejects(org: LocalOrg, query: string, message: RegExp | string, variables?: Record<string, unknown>): Promise<Answer> {
  const answer = await ask(org, query, variables);
  assert.ok(answer.errors?.length, `expected an error, got ${JSON.stringify(answer.data).slice(0, 200)}`);
  const matched = answer.errors.some((e) => (typeof message === 'string' ? e.message.includes(message) : message.test(e.message)));
  assert.ok(matched, `expected ${String(message)}, got ${answer.errors.map((e) => e.message).join(' | ')}`);
  return answer;
}

describe('local org GraphQL endpoint', () => {
  let org: LocalOrg;
  before(async () => {
    org = await startLocalOrg({ seed: SAMPLE_SEED, today: SAMPLE_DAY });
  });
  after(() => org.close());

  it('answers records as value types with value and displayValue, Id as a plain ID, and formulas by their result type', async () => {
    const d = await data(org, `{ uiapi { query { Account_Plan__c(where: { Account__r: { Name: { eq: "Northwind Logistics" } } }) { edges { node {
      Id ApiName Name { value } Period_Start__c { value displayValue } Health_Score__c { value } Health_Status__c { value }
      Milestones_Total__c { value } Last_Review_Date__c { value } Customer_Acknowledged__c { value } Account__c { value displayValue }
      Account__r { Name { value } AnnualRevenue { value displayValue } }
    } } } } } }`);
    const node = conn(d, 'uiapi', 'query', 'Account_Plan__c').edges[0].node;
    assert.match(String(node.Id), /^a0\w{16}$/);
    assert.equal(node.ApiName, 'Account_Plan__c');
    assert.deepEqual(node.Period_Start__c, { value: '2026-07-01', displayValue: '7/1/2026' });
    assert.equal(typeof at(node, 'Health_Score__c', 'value'), 'number');
    assert.equal(typeof at(node, 'Health_Status__c', 'value'), 'string');
    assert.equal(at(node, 'Customer_Acknowledged__c', 'value'), true);
    assert.deepEqual(node.Account__c, { value: accountId(org, 'Northwind Logistics'), displayValue: 'Northwind Logistics' });
    assert.equal(at(node, 'Account__r', 'Name', 'value'), 'Northwind Logistics');

    const types = await data(org, '{ __type(name: "Account_Plan__c") { fields { name type { name } } } }');
    const typeOf = Object.fromEntries((at(types, '__type', 'fields') as Array<{ name: string; type: { name: string } }>).map((f) => [f.name, f.type.name]));
    assert.equal(typeOf.Health_Score__c, 'DoubleValue', 'a Number formula is a DoubleValue');
    assert.equal(typeOf.Health_Status__c, 'StringValue', 'a Text formula is a StringValue');
    assert.equal(typeOf.Last_Review_Date__c, 'DateValue', 'a MAX roll-up of a date is a DateValue');
    assert.equal(typeOf.Status__c, 'PicklistValue');
    assert.equal(typeOf.Account__c, 'IDValue');
    assert.equal(typeOf.Account__r, 'Account');
    assert.equal(typeOf.Milestones__r, 'Plan_Milestone__cConnection');
    const amount = await data(org, '{ __type(name: "Opportunity") { fields { name type { name } } } }');
    assert.ok((at(amount, '__type', 'fields') as Array<{ name: string; type: { name: string } }>).some((f) => f.name === 'Amount' && f.type.name === 'CurrencyValue'));
  });

  it('filters with per-type operators, and/or/not and parent relationships, and orders with nulls first or last', async () => {
    const q = (where: string, orderBy = '{ Name: { order: ASC } }'): string => `{ uiapi { query { Account(where: ${where}, orderBy: ${orderBy}, first: 50) { totalCount edges { node { Name { value } } } } } } }`;
    const all = org.records('Account');
    let d = await data(org, q('{ Name: { like: "C%" } }'));
    assert.deepEqual(names(conn(d, 'uiapi', 'query', 'Account')), all.map((a) => String(a.Name)).filter((n) => n.startsWith('C')).sort());
    d = await data(org, q('{ Name: { in: ["Contoso Pharma", "Northwind Logistics"] } }'));
    assert.deepEqual(names(conn(d, 'uiapi', 'query', 'Account')), ['Contoso Pharma', 'Northwind Logistics']);
    d = await data(org, q('{ and: [{ Name: { nin: ["Contoso Pharma"] } }, { not: { Name: { like: "%a%" } } }] }'));
    assert.ok(names(conn(d, 'uiapi', 'query', 'Account')).every((n) => !/a/i.test(n)));
    d = await data(org, q(`{ Id: { eq: "${accountId(org, 'Contoso Pharma').slice(0, 15)}" } }`));
    assert.deepEqual(names(conn(d, 'uiapi', 'query', 'Account')), ['Contoso Pharma'], 'a 15-character id matches');
    d = await data(org, q('{ or: [{ Name: { eq: "Contoso Pharma" } }, { Name: { eq: "Fabrikam Energy" } }] }', '{ Name: { order: DESC } }'));
    assert.deepEqual(names(conn(d, 'uiapi', 'query', 'Account')), ['Fabrikam Energy', 'Contoso Pharma']);

    const opportunities = org.records('Opportunity');
    const won = opportunities.filter((o) => o.IsWon === true && String(o.CloseDate) >= '2026-01-01');
    d = await data(org, `{ uiapi { query { Opportunity(where: { IsWon: { eq: true }, CloseDate: { gte: { value: "2026-01-01" } } }, first: 200) { totalCount } } } }`);
    assert.equal(at(d, 'uiapi', 'query', 'Opportunity', 'totalCount'), won.length);
    d = await data(org, `{ uiapi { query { Opportunity(where: { Amount: { gt: 100000 }, Account: { Name: { eq: "Northwind Logistics" } } }, first: 200) { totalCount } } } }`);
    const northwind = accountId(org, 'Northwind Logistics');
    assert.equal(at(d, 'uiapi', 'query', 'Opportunity', 'totalCount'), opportunities.filter((o) => Number(o.Amount) > 100000 && o.AccountId === northwind).length);
    d = await data(org, `{ uiapi { query { Opportunity(where: { CloseDate: { gte: { range: { last_n_days: 30 } } } }, first: 200) { totalCount } } } }`);
    assert.equal(at(d, 'uiapi', 'query', 'Opportunity', 'totalCount'), opportunities.filter((o) => String(o.CloseDate) >= '2026-10-25').length, 'gte a range is on or after its first day');

    // Nulls: ASC puts them first unless told otherwise; relationship fields order too.
    d = await data(org, `{ uiapi { query { Plan_Milestone__c(first: 100, orderBy: { Completed_On__c: { order: ASC, nulls: LAST } }) { edges { node { Completed_On__c { value } } } } } } }`);
    const completed = conn(d, 'uiapi', 'query', 'Plan_Milestone__c').edges.map((e) => at(e.node, 'Completed_On__c', 'value'));
    const firstNull = completed.indexOf(null);
    assert.ok(firstNull > 0 && completed.slice(firstNull).every((v) => v === null));
    assert.deepEqual(completed.slice(0, firstNull), [...completed.slice(0, firstNull)].sort());
    d = await data(org, `{ uiapi { query { Plan_Milestone__c(first: 100, orderBy: { Plan__r: { Account__r: { Name: { order: DESC } } } }) { edges { node { Plan__r { Account__r { Name { value } } } } } } } } }`);
    const planAccounts = conn(d, 'uiapi', 'query', 'Plan_Milestone__c').edges.map((e) => String(at(e.node, 'Plan__r', 'Account__r', 'Name', 'value')));
    assert.deepEqual(planAccounts, [...planAccounts].sort().reverse());
  });

  it('operators follow the field type, scope MINE is the running user\'s records, and @optional is accepted', async () => {
    const wrongOperator = await ask(org, '{ uiapi { query { Account(where: { Major_Account__c: { like: "t%" } }) { edges { node { Id } } } } } }');
    assert.equal(wrongOperator.data, null, 'a checkbox has no like');
    assert.equal(wrongOperator.errors?.[0].extensions.ErrorType, 'ValidationError');
    const wrongValue = await ask(org, '{ uiapi { query { Opportunity(where: { CloseDate: { gte: "2026-01-01" } }) { edges { node { Id } } } } } }');
    assert.equal(wrongValue.errors?.[0].extensions.ErrorType, 'ValidationError', 'a date compares to a DateInput { value }');
    // Someone else owns one account for this check.
    const other = { Id: org.store.newId('User'), Username: 'sam@mam.local', FirstName: 'Sam', LastName: 'Seller', IsActive: true };
    org.store.insert('User', other);
    const account = org.records('Account')[0];
    const owner = account.OwnerId;
    account.OwnerId = other.Id;
    org.store.touch();
    try {
      const mine = await data(org, '{ uiapi { query { Account(scope: MINE, first: 100) { totalCount edges { node { Name @optional { value } } } } } } }');
      const owned = org.records('Account').filter((a) => a.OwnerId === org.userId).length;
      assert.equal(owned, org.records('Account').length - 1);
      assert.equal(at(mine, 'uiapi', 'query', 'Account', 'totalCount'), owned);
    } finally {
      account.OwnerId = owner;
      org.store.touch();
    }
  });

  it('pages with first/after cursors, pageInfo and totalCount; 10 rows when first is not given; never more than 2,000', async () => {
    const q = (args: string): string => `{ uiapi { query { Opportunity(${args}orderBy: { CloseDate: { order: ASC } }) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { Id } } } } } }`;
    const total = org.records('Opportunity').length;
    let d = await data(org, q(''));
    let page = conn(d, 'uiapi', 'query', 'Opportunity');
    assert.equal(page.edges.length, 10, 'the default page is 10 rows');
    assert.equal(page.totalCount, total);
    assert.equal(page.pageInfo.hasNextPage, true);
    const seen = new Set<string>();
    let after: string | null = null;
    do {
      d = await data(org, q(`first: 40, ${after ? `after: "${after}", ` : ''}`));
      page = conn(d, 'uiapi', 'query', 'Opportunity');
      for (const e of page.edges) seen.add(String(e.node.Id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    assert.equal(seen.size, total, 'every record once across the pages');
    const answer = await rejects(org, q('first: 2001, '), /2000/);
    assert.deepEqual(answer.errors?.[0].paths, ['uiapi', 'query', 'Opportunity']);
    await rejects(org, '{ uiapi { query { Account_Plan__c { edges { node { Milestones__r(first: 2001) { edges { node { Id } } } } } } } } }', /2000/);
    // Upper-bound pagination: pages of 200 to 2,000 rows, up to the bound.
    d = await data(org, q('first: 200, upperBound: 100, '));
    page = conn(d, 'uiapi', 'query', 'Opportunity');
    assert.equal(page.edges.length, Math.min(100, total));
    assert.equal(page.pageInfo.hasNextPage, false);
    await rejects(org, q('first: 50, upperBound: 1000, '), 'from 200 to 2000');
  });

  it('answers child connections with their own where, orderBy and first', async () => {
    const d = await data(org, `{ uiapi { query { Account_Plan__c(where: { Account__r: { Name: { eq: "Contoso Pharma" } } }) { edges { node {
      all: Milestones__r(first: 100) { totalCount edges { node { Id } } }
      open: Milestones__r(first: 2, where: { Status__c: { ne: "Done" } }, orderBy: { Due_Date__c: { order: DESC } }) { totalCount pageInfo { hasNextPage } edges { node { Due_Date__c { value } Status__c { value } } } }
    } } } } } }`);
    const plan = conn(d, 'uiapi', 'query', 'Account_Plan__c').edges[0].node;
    const planId = org.records('Account_Plan__c').find((p) => org.records('Account').find((a) => a.Id === p.Account__c)?.Name === 'Contoso Pharma')?.Id;
    const milestones = org.records('Plan_Milestone__c').filter((m) => m.Plan__c === planId);
    assert.equal(conn(plan, 'all').totalCount, milestones.length);
    const open = conn(plan, 'open');
    assert.equal(open.totalCount, milestones.filter((m) => m.Status__c !== 'Done').length);
    assert.equal(open.edges.length, Math.min(2, open.totalCount));
    assert.ok(open.edges.every((e) => at(e.node, 'Status__c', 'value') !== 'Done'));
    const dues = open.edges.map((e) => String(at(e.node, 'Due_Date__c', 'value')));
    assert.deepEqual(dues, [...dues].sort().reverse());
  });

  it('semi-joins and anti-joins (inq/ninq) at the top level of the where', async () => {
    const withPlan = new Set(org.records('Account_Plan__c').filter((p) => p.Status__c === 'Active').map((p) => p.Account__c));
    const q = (op: string): string => `{ uiapi { query { Account(first: 100, where: { Id: { ${op}: { Account_Plan__c: { Status__c: { eq: "Active" } }, ApiName: "Account__c" } } }) { totalCount edges { node { Id } } } } } }`;
    let d = await data(org, q('inq'));
    assert.deepEqual(new Set(conn(d, 'uiapi', 'query', 'Account').edges.map((e) => e.node.Id)), withPlan);
    d = await data(org, q('ninq'));
    assert.equal(conn(d, 'uiapi', 'query', 'Account').totalCount, org.records('Account').length - withPlan.size);
    // A reference field on the left: milestones of plans of accounts named like N%.
    d = await data(org, `{ uiapi { query { Plan_Milestone__c(first: 100, where: { and: [{ Plan__c: { inq: { Account_Plan__c: { Account__r: { Name: { like: "N%" } } }, ApiName: "Id" } } }, { Status__c: { eq: "Done" } }] }) { totalCount } } } }`);
    assert.ok(Number(at(d, 'uiapi', 'query', 'Plan_Milestone__c', 'totalCount')) > 0);
  });

  it('refuses semi-joins where SOQL does: inside or, beside an or, under not, nested, more than two, in a child connection', async () => {
    const inq = '{ Id: { inq: { Opportunity: { IsWon: { eq: true } }, ApiName: "AccountId" } } }';
    const account = (where: string): string => `{ uiapi { query { Account(where: ${where}) { edges { node { Id } } } } } }`;
    const orMessage = "Semi join sub-selects are not allowed with the 'OR' operator";
    const inside = await rejects(org, account(`{ or: [{ Name: { eq: "Contoso Pharma" } }, ${inq}] }`), orMessage);
    assert.deepEqual(inside.errors?.[0].paths, ['uiapi', 'query', 'Account']);
    assert.equal(inside.errors?.[0].extensions.ErrorType, 'DataFetchingException');
    assert.deepEqual(inside.errors?.[0].locations, [{ line: 1, column: 19 }]);
    assert.deepEqual(inside.data, { uiapi: { query: { Account: null } } }, 'the rest of the answer stays, the failing query is null');
    await rejects(org, account(`{ and: [${inq}, { or: [{ Name: { eq: "A" } }, { Name: { eq: "B" } }] }] }`), orMessage);
    await rejects(org, account(`{ and: [{ or: [{ Name: { eq: "A" } }, { Name: { eq: "B" } }] }, ${inq}] }`), orMessage);
    await rejects(org, account(`{ not: ${inq} }`), 'only allowed at the top level');
    await rejects(org, account('{ Id: { inq: { Account_Plan__c: { Id: { inq: { Plan_Milestone__c: { Status__c: { eq: "Done" } }, ApiName: "Plan__c" } } }, ApiName: "Account__c" } } }'), 'Nesting of semi join');
    await rejects(org, account(`{ and: [${inq}, ${inq}, ${inq}] }`), 'Maximum of 2 semi join');
    await rejects(org, account('{ Id: { inq: { Opportunity: { IsWon: { eq: true } }, ApiName: "Name" } } }'), /must be an Id or a reference field/);
    await rejects(org, `{ uiapi { query { Account(first: 1) { edges { node { Opportunities(where: { Id: { inq: { Account: { Name: { eq: "x" } }, ApiName: "Id" } } }) { edges { node { Id } } } } } } } } }`, 'relationship (child) subquery');
  });

  it('aggregates with groupBy: sum, count, avg, min, max; one row without groupBy; ungrouped values refused', async () => {
    const d = await data(org, `{ uiapi { aggregate {
      byAccount: Opportunity(where: { IsWon: { eq: true } }, groupBy: { AccountId: { group: true } }, orderBy: { Amount: { function: SUM, order: DESC } }, first: 2000) {
        totalCount pageInfo { hasNextPage } edges { node { aggregate { AccountId { value } Amount { sum { value } avg { value } min { value } max { value } count { value } } } } }
      }
      byAccountName: Opportunity(where: { IsWon: { eq: true } }, groupBy: { Account: { Name: { group: true } } }, first: 3) { edges { node { aggregate { Account { Name { value } } Id { count { value } } } } } }
      all: Opportunity { edges { node { aggregate { Id { count { value } } Amount { sum { value } } } } } }
      none: Opportunity(where: { Name: { eq: "no such deal" } }) { edges { node { aggregate { Id { count { value } } Amount { sum { value } } } } } }
    } } }`);
    const won = org.records('Opportunity').filter((o) => o.IsWon === true);
    const sums = new Map<string, number[]>();
    for (const o of won) sums.set(String(o.AccountId), [...(sums.get(String(o.AccountId)) ?? []), Number(o.Amount)]);
    const groups = conn(d, 'uiapi', 'aggregate', 'byAccount');
    assert.equal(groups.totalCount, sums.size);
    assert.equal(groups.pageInfo.hasNextPage, false);
    const first = groups.edges[0].node;
    const amounts = sums.get(String(at(first, 'aggregate', 'AccountId', 'value'))) ?? [];
    assert.equal(at(first, 'aggregate', 'Amount', 'sum', 'value'), amounts.reduce((s, v) => s + v, 0));
    assert.equal(at(first, 'aggregate', 'Amount', 'count', 'value'), amounts.length);
    assert.equal(at(first, 'aggregate', 'Amount', 'min', 'value'), Math.min(...amounts));
    assert.equal(at(first, 'aggregate', 'Amount', 'max', 'value'), Math.max(...amounts));
    const totals = groups.edges.map((e) => Number(at(e.node, 'aggregate', 'Amount', 'sum', 'value')));
    assert.deepEqual(totals, [...totals].sort((a, b) => b - a), 'ordered by SUM(Amount) DESC');
    assert.equal(conn(d, 'uiapi', 'aggregate', 'byAccountName').edges.length, 3);
    assert.equal(typeof at(conn(d, 'uiapi', 'aggregate', 'byAccountName').edges[0].node, 'aggregate', 'Account', 'Name', 'value'), 'string');
    assert.equal(at(conn(d, 'uiapi', 'aggregate', 'all').edges[0].node, 'aggregate', 'Id', 'count', 'value'), org.records('Opportunity').length);
    assert.deepEqual(conn(d, 'uiapi', 'aggregate', 'none').edges[0].node, { aggregate: { Id: { count: { value: 0 } }, Amount: { sum: { value: null } } } });
    await rejects(org, '{ uiapi { aggregate { Opportunity(groupBy: { AccountId: { group: true } }) { edges { node { aggregate { StageName { value } } } } } } } }', 'Field must be grouped or aggregated: StageName');
  });

  it('objectInfos(apiNames:) answers the object access the components read', async () => {
    const d = await data(org, '{ uiapi { objectInfos(apiNames: ["Account_Plan__c", "Plan_Milestone__c"]) { ApiName createable updateable deletable keyPrefix fields { ApiName dataType ... on PicklistField { picklistValuesByRecordTypeIDs { picklistValues { value } } } } } } }');
    const infos = at(d, 'uiapi', 'objectInfos') as Array<Record<string, unknown>>;
    assert.deepEqual(infos.map((i) => [i.ApiName, i.createable, i.updateable, i.deletable]), [['Account_Plan__c', true, true, true], ['Plan_Milestone__c', true, true, true]]);
    const status = (infos[1].fields as Array<Record<string, unknown>>).find((f) => f.ApiName === 'Status__c');
    assert.equal(status?.dataType, 'PICKLIST');
    assert.ok((at(status, 'picklistValuesByRecordTypeIDs') as Array<{ picklistValues: unknown[] }>)[0].picklistValues.length > 0);
  });

  it('errors in the platform shape: syntax, validation (unknown field, bad variable), mutations', async () => {
    const syntax = await ask(org, '{ uiapi { query { Account { edges { node { Id } } }');
    assert.equal(syntax.data, null);
    assert.equal(syntax.errors?.[0].extensions.ErrorType, 'InvalidSyntax');
    const unknown = await ask(org, '{ uiapi { query { Account { edges { node { Bogus__c { value } } } } } } }');
    assert.equal(unknown.data, null);
    assert.deepEqual(unknown.errors?.map((e) => [e.extensions.ErrorType, e.locations]), [['ValidationError', [{ line: 1, column: 44 }]]]);
    assert.match(String(unknown.errors?.[0].message), /Bogus__c/);
    const variable = await ask(org, 'query q($first: Int) { uiapi { query { Account(first: $first) { edges { node { Id } } } } } }', { first: 'ten' });
    assert.equal(variable.data, null);
    assert.equal(variable.errors?.[0].extensions.ErrorType, 'ValidationError');
    const mutation = await ask(org, 'mutation { uiapi { AccountCreate(input: {}) { Record { Id } } } }');
    assert.equal(mutation.data, null);
    assert.equal(mutation.errors?.[0].extensions.ErrorType, 'ValidationError');
    const unauthorised = await fetch(`${org.instanceUrl}/services/data/v${org.apiVersion}/graphql`, { method: 'POST', body: '{}' });
    assert.equal(unauthorised.status, 401);
  });
});

describe('local org GraphQL endpoint: a namespaced org', () => {
  let org: LocalOrg;
  before(async () => {
    org = await startLocalOrg({ seed: SAMPLE_SEED, today: SAMPLE_DAY, namespace: 'mam' });
  });
  after(() => org.close());

  it("serves the package's names with the prefix, as a subscriber org does, and refuses the bare names", async () => {
    const d = await data(org, '{ uiapi { query { mam__Account_Plan__c(where: { mam__Status__c: { eq: "Active" } }) { totalCount edges { node { mam__Account__r { Name { value } } mam__Milestones__r { totalCount } } } } } } }');
    assert.equal(at(d, 'uiapi', 'query', 'mam__Account_Plan__c', 'totalCount'), org.records('Account_Plan__c').filter((p) => p.mam__Status__c === 'Active').length);
    const bare = await ask(org, '{ uiapi { query { Account_Plan__c { edges { node { Id } } } } } }');
    assert.equal(bare.data, null);
    assert.equal(bare.errors?.[0].extensions.ErrorType, 'ValidationError');
    // Names in variables are not rewritten by the platform: a filter built in code with bare names fails.
    const where = await ask(org, 'query q($where: Account_Filter) { uiapi { query { Account(where: $where) { edges { node { Id } } } } } }', { where: { Major_Account__c: { eq: true } } });
    assert.equal(where.data, null);
    assert.match(String(where.errors?.[0].message), /Major_Account__c/);
  });
});

describe("the components' GraphQL, validated and executed on the sample data", () => {
  let org: LocalOrg;
  const queries = componentQueries();
  before(async () => {
    org = await startLocalOrg({ seed: SAMPLE_SEED, today: SAMPLE_DAY });
    // The portfolio shows the critical few: flag them as `sf mam identify --apply` does.
    await applyIdentification(await connect(org), SAMPLE_DAY);
  });
  after(() => org.close());

  it('finds every gql literal of the built components, and each has a case here', () => {
    assert.ok(queries.length >= 9, `found ${queries.length} queries`);
    for (const q of queries) assert.ok(QUERY_CASES.some((c) => c.component === q.component && c.operation === q.operation), `${q.component}/${q.operation} has no case`);
  });

  it('every query validates against the schema the org generates from force-app', () => {
    const schema = uiApiSchema(org.schema);
    for (const q of queries) assert.deepEqual(validate(schema, parse(q.query)).map((e) => e.message), [], `${q.component}/${q.operation}`);
  });

  for (const c of QUERY_CASES) {
    const title = c.expect === 'data' ? 'answers' : `is refused: ${c.expect.rejects}`;
    it(`${c.component}/${c.operation} (${c.name}) ${title}`, async () => {
      const q = queries.find((x) => x.component === c.component && x.operation === c.operation);
      assert.ok(q, `${c.component}/${c.operation} is in the built component`);
      const variables = caseVariables(c, { account: c.account ? accountId(org, c.account) : undefined, user: org.userId });
      const answer = await ask(org, q.query, variables);
      if (c.expect === 'data') {
        assert.equal(answer.errors, undefined, JSON.stringify(answer.errors));
        assertShape(q.query, answer.data);
        return;
      }
      const expected = c.expect;
      assert.ok(answer.errors?.some((e) => e.message.includes(expected.rejects) && JSON.stringify(e.paths) === JSON.stringify(expected.path) && e.extensions.ErrorType === 'DataFetchingException'), JSON.stringify(answer.errors));
      assert.equal(at(answer.data, ...expected.path), null, 'the refused query answers null; the rest of the answer stays');
    });
  }

  it('the components get rows from the sample data, not only empty lists', async () => {
    const northwind = accountId(org, 'Northwind Logistics');
    const contoso = accountId(org, 'Contoso Pharma');
    const run = async (component: string, operation: string, variables?: Record<string, unknown>): Promise<Record<string, unknown>> => {
      const q = queries.find((x) => x.component === component && x.operation === operation);
      assert.ok(q);
      return data(org, q.query, variables);
    };
    const plans = await run('accountPlan', 'accountPlans', { accountId: northwind });
    assert.equal(conn(plans, 'uiapi', 'query', 'Account_Plan__c').edges.length, org.records('Account_Plan__c').filter((p) => p.Account__c === northwind).length);
    const milestones = await run('milestoneTracker', 'milestones', { accountId: contoso });
    assert.ok(conn(conn(milestones, 'uiapi', 'query', 'Account_Plan__c').edges[0].node, 'Milestones__r').edges.length > 0);
    const portfolio = await run('majorAccountPortfolio', 'portfolio', caseVariables(QUERY_CASES.find((c) => c.name === 'portfolio')!, { user: org.userId }));
    const major = org.records('Account').filter((a) => a.Major_Account__c === true);
    assert.ok(major.length > 0);
    assert.equal(at(portfolio, 'uiapi', 'query', 'Account', 'totalCount'), major.length);
    assert.ok(conn(portfolio, 'uiapi', 'aggregate', 'Opportunity').edges.length > 0);
  });

  it('the committed GraphQL fixtures are what the org answers today (npx tsx scripts/generate-graphql-fixtures.ts)', () => {
    const { fixtures, refused } = readGraphqlFixtures(org);
    assert.deepEqual(refused.map((r) => r.case.name), QUERY_CASES.filter((c) => c.expect !== 'data').map((c) => c.name));
    for (const fixture of fixtures) {
      assert.ok(existsSync(fixture.path), `${fixture.path} is missing: run npx tsx scripts/generate-graphql-fixtures.ts`);
      assert.deepEqual(JSON.parse(readFileSync(fixture.path, 'utf8')), JSON.parse(JSON.stringify(fixture.data)), `${fixture.path} is stale: run npx tsx scripts/generate-graphql-fixtures.ts`);
    }
  });

  it('the portfolio query pages its reviews: past 2,000 the answer says there are more (issue 14)', async () => {
    const q = queries.find((x) => x.component === 'majorAccountPortfolio' && x.operation === 'portfolio');
    assert.ok(q);
    let asksPageInfo = false;
    visit(parse(q.query), {
      Field(node: FieldNode) {
        if (node.name.value === 'Plan_Review__c') asksPageInfo = Boolean(node.selectionSet?.selections.some((s) => s.kind === 'Field' && s.name.value === 'pageInfo'));
      }
    });
    assert.equal(asksPageInfo, true, 'Plan_Review__c(first: 2000) asks pageInfo');
    // Put 2,100 reviews on an active plan of a major account: the answer holds 2,000 and says there are more.
    const plan = org.records('Account_Plan__c').find((p) => p.Status__c === 'Active' && org.records('Account').find((a) => a.Id === p.Account__c)?.Major_Account__c === true);
    assert.ok(plan);
    const type = org.schema.api('Plan_Review__c');
    const added: string[] = [];
    for (let i = 0; i < 2100; i += 1) {
      const Id = org.store.newId(type);
      added.push(Id);
      org.store.insert(type, { Id, Name: `Review ${i}`, Plan__c: plan.Id, Review_Date__c: '2026-11-01', Health_At_Review__c: 50 });
    }
    try {
      const answer = await data(org, q.query, caseVariables(QUERY_CASES.find((c) => c.name === 'portfolio')!, { user: org.userId }));
      assert.equal(conn(answer, 'uiapi', 'query', 'Plan_Review__c').edges.length, 2000);
      assert.equal(at(answer, 'uiapi', 'query', 'Plan_Review__c', 'pageInfo', 'hasNextPage'), true);
    } finally {
      for (const Id of added) org.store.remove(Id);
    }
  });

  it('the filters the portfolio and the 80/20 curve asked before issue 14 are refused, as SOQL refuses them', async () => {
    const portfolio = queries.find((x) => x.component === 'majorAccountPortfolio' && x.operation === 'portfolio');
    assert.ok(portfolio);
    const oldWhere = { and: [{ Major_Account__c: { eq: true } }, OLD_MINE, { Id: { ninq: { Account_Plan__c: { Status__c: { eq: 'Active' } }, ApiName: 'Account__c' } } }] };
    const variables = caseVariables({ ...QUERY_CASES.find((c) => c.name === 'portfolio')!, variables: { first: 200, after: null, from: '2025-11-25', to: SAMPLE_DAY, reviewsFrom: '2025-11-25', where: oldWhere } }, { user: org.userId });
    const refused = await ask(org, portfolio.query, variables);
    assert.ok(refused.errors?.some((e) => e.message.includes(OR_WITH_SEMI_JOIN)), JSON.stringify(refused.errors));
    const oldPareto = `query paretoRevenue($from: Date, $to: Date) { uiapi { query { Account(where: { or: [{ Major_Account__c: { eq: true } }, { Id: { inq: { Opportunity: { and: [{ IsWon: { eq: true } }, { CloseDate: { gte: { value: $from } } }, { CloseDate: { lte: { value: $to } } }] }, ApiName: "AccountId" } } }] }, first: 2000) { edges { node { Id } } } } } }`;
    const paretoRefused = await ask(org, oldPareto, { from: '2025-11-25', to: SAMPLE_DAY });
    assert.ok(paretoRefused.errors?.some((e) => e.message.includes(OR_WITH_SEMI_JOIN)), JSON.stringify(paretoRefused.errors));
  });
});


describe("the components' GraphQL in a subscriber org of the namespaced package", () => {
  let org: LocalOrg;
  const queries = componentQueries();
  before(async () => {
    org = await startLocalOrg({ seed: SAMPLE_SEED, today: SAMPLE_DAY, namespace: 'mam' });
    await applyIdentification(await connect(org), SAMPLE_DAY);
  });
  after(() => org.close());

  it('every query, with the package names in its gql literal prefixed as the platform does, validates', () => {
    const schema = uiApiSchema(org.schema);
    for (const q of queries) assert.deepEqual(validate(schema, parse(inNamespace(q.query, 'mam'))).map((e) => e.message), [], `${q.component}/${q.operation}`);
  });

  for (const c of QUERY_CASES) {
    // Names in variables are not rewritten by the platform. The portfolio builds its filter from
    // @salesforce/schema imports, which a subscriber org resolves to the prefixed names: here they
    // are prefixed as those imports would be. A filter with bare names is refused (the test below).
    const variables = (): Record<string, unknown> | undefined => prefixPackageNames(caseVariables(c, { account: c.account ? accountId(org, c.account) : undefined, user: org.userId }), 'mam');
    const title = c.expect === 'data' ? 'answers' : `is refused: ${c.expect.rejects}`;
    it(`${c.component}/${c.operation} (${c.name}) ${title}`, async () => {
      const q = queries.find((x) => x.component === c.component && x.operation === c.operation);
      assert.ok(q);
      const answer = await ask(org, inNamespace(q.query, 'mam'), variables());
      if (c.expect !== 'data') {
        const expected = c.expect;
        assert.ok(answer.errors?.some((e) => e.message.includes(expected.rejects)), JSON.stringify(answer.errors));
        return;
      }
      assert.equal(answer.errors, undefined, JSON.stringify(answer.errors));
      // Every package name is aliased (to itself): the answer has the keys the component reads.
      assertShape(q.query, answer.data);
      assert.doesNotMatch(JSON.stringify(answer.data), /"mam__\w+__[cr]":/, "no answer key carries the namespace");
    });
  }

  it('the committed namespaced fixtures are what a subscriber org answers today (npm run fixtures)', () => {
    const { fixtures, refused } = readGraphqlFixtures(org, process.cwd(), 'mam');
    assert.deepEqual(refused.map((r) => r.case.name), []);
    assert.ok(fixtures.length >= 8);
    for (const fixture of fixtures) {
      assert.ok(existsSync(fixture.path), `${fixture.path} is missing: run npm run fixtures`);
      assert.deepEqual(JSON.parse(readFileSync(fixture.path, 'utf8')), JSON.parse(JSON.stringify(fixture.data)), `${fixture.path} is stale: run npm run fixtures`);
    }
  });

  it('every package object, field and relationship a component query names is aliased, so a subscriber org answers under the same keys', () => {
    for (const q of queries) {
      const bare: string[] = [];
      visit(parse(q.query), {
        Field(node: FieldNode) {
          if (/__[cr]$/.test(node.name.value) && !node.alias) bare.push(node.name.value);
        }
      });
      assert.deepEqual(bare, [], `${q.component}/${q.operation}`);
    }
  });

  it('a filter built in code with bare package names is refused in a subscriber org (why the portfolio uses schema imports)', async () => {
    const q = queries.find((x) => x.component === 'majorAccountPortfolio' && x.operation === 'portfolio');
    assert.ok(q);
    const answer = await ask(org, inNamespace(q.query, 'mam'), caseVariables(QUERY_CASES.find((c) => c.name === 'portfolio-status')!, { user: org.userId }));
    assert.equal(answer.data, null);
    assert.equal(answer.errors?.[0].extensions.ErrorType, 'ValidationError');
    assert.match(String(answer.errors?.[0].message), /Major_Account__c/);
  });

  it('answers the 80/20 curve under its aliases, the same keys as in an org without a namespace', async () => {
    const q = queries.find((x) => x.component === 'portfolioParetoCurve');
    assert.ok(q);
    const answer = await data(org, inNamespace(q.query, 'mam'), { from: '2025-11-25', to: SAMPLE_DAY });
    assert.ok(conn(answer, 'uiapi', 'query', 'majors').edges.length > 0);
    assert.doesNotMatch(JSON.stringify(answer), /"mam__\w+__[cr]"/);
  });
});

/** Every field the query selects is in the answer (null allowed), connections hold edges of nodes. */
function assertShape(query: string, answer: unknown): void {
  const check = (selections: readonly FieldNode[], value: unknown, path: string): void => {
    if (value === null || value === undefined) return;
    if (Array.isArray(value)) {
      for (const [i, item] of value.entries()) check(selections, item, `${path}[${i}]`);
      return;
    }
    for (const field of selections) {
      const key = field.alias?.value ?? field.name.value;
      assert.ok(key in (value as Record<string, unknown>), `${path}.${key} is in the answer`);
      const sub = field.selectionSet?.selections.filter((s): s is FieldNode => s.kind === 'Field');
      if (sub?.length) check(sub, (value as Record<string, unknown>)[key], `${path}.${key}`);
    }
  };
  const operation = parse(query).definitions[0];
  assert.ok(operation.kind === 'OperationDefinition');
  check(operation.selectionSet.selections.filter((s): s is FieldNode => s.kind === 'Field'), answer, 'data');
}
