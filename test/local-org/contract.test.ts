// Contract tests: clients we did not write (jsforce, @salesforce/core) talk to the local org over
// HTTP and get the documented response shapes; the official sf CLI has its own suite (sf-cli.test.ts).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import jsforce from 'jsforce';
import { startLocalOrg, type LocalOrg } from './index.js';

const TODAY = '2026-11-24';

describe('local org contract: jsforce', () => {
  let org: LocalOrg;
  let conn: jsforce.Connection;
  before(async () => {
    org = await startLocalOrg({ seed: 'data/sample-data-plan.json', today: TODAY, pageSize: 50 });
    conn = new jsforce.Connection({ instanceUrl: org.instanceUrl, accessToken: org.accessToken, version: org.apiVersion });
  });
  after(() => org.close());

  it('query and queryMore page with nextRecordsUrl and the documented fields', async () => {
    const first = await conn.query('SELECT Id, Name, AccountId FROM Opportunity ORDER BY CloseDate', { autoFetch: false });
    assert.equal(first.done, false);
    assert.equal(first.records.length, 50);
    assert.ok(first.totalSize > 50);
    assert.match(String(first.nextRecordsUrl), /\/services\/data\/v62\.0\/query\/01g/);
    assert.deepEqual(Object.keys(first.records[0].attributes ?? {}).sort(), ['type', 'url']);
    const rest = await conn.queryMore(String(first.nextRecordsUrl));
    assert.equal(rest.records.length, Math.min(50, first.totalSize - 50));
    const all = await conn.query('SELECT Id FROM Opportunity').run({ autoFetch: true, maxFetch: 10000 });
    assert.equal(all.records.length, first.totalSize);
  });

  it('parent fields, child subqueries, aggregates, date literals and the platform error shape', async () => {
    const plans = await conn.query("SELECT Name, Account__r.Name, (SELECT Name FROM Milestones__r WHERE Status__c = 'Done') FROM Account_Plan__c WHERE Account__r.Name LIKE 'North%'");
    assert.equal(plans.totalSize, 1);
    const plan = plans.records[0] as Record<string, { Name?: string; totalSize?: number }>;
    assert.equal(plan.Account__r.Name, 'Northwind Logistics');
    assert.equal(plan.Milestones__r.totalSize, 5);
    const groups = await conn.query('SELECT StageName, COUNT(Id) n, SUM(Amount) total FROM Opportunity WHERE CloseDate = LAST_N_DAYS:365 GROUP BY StageName');
    assert.ok(groups.records.every((r) => (r.attributes as { type: string }).type === 'AggregateResult'));
    await assert.rejects(async () => {
      await conn.query('SELECT Bogus__c FROM Account');
    }, (e: { errorCode?: string }) => e.errorCode === 'INVALID_FIELD');
    await assert.rejects(async () => {
      await conn.query('SELECT Id FROM Nope__c');
    }, (e: { errorCode?: string }) => e.errorCode === 'INVALID_TYPE');
    await assert.rejects(async () => {
      await conn.query('SELECT Id FROM Account WHERE Name IN (SELECT Name FROM Contact)');
    }, (e: { errorCode?: string }) => e.errorCode === 'MALFORMED_QUERY');
  });

  it('sobject().update([...]) goes through sObject Collections with per-record results', async () => {
    const [a, b] = (await conn.query('SELECT Id FROM Account ORDER BY Name LIMIT 2')).records;
    const results = await conn.sobject('Account').update([
      { Id: String(a.Id), Major_Account_Tier__c: 'Tier 1' },
      { Id: String(b.Id), Major_Account_Tier__c: 'Tier 9' }
    ]);
    assert.equal(results[0].success, true);
    assert.equal(results[1].success, false);
    const errors = (results[1] as unknown as { errors: Array<{ statusCode: string }> }).errors;
    assert.equal(errors[0].statusCode, 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST');
    assert.ok(org.requestLog.some((r) => r.method === 'PATCH' && r.path.endsWith('/composite/sobjects')));
  });

  it('describe lists fields from force-app, with picklist values and formulas', async () => {
    const describe = await conn.describe('Account_Plan__c');
    const status = describe.fields.find((f) => f.name === 'Health_Status__c');
    assert.equal(status?.calculated, true);
    const stage = describe.fields.find((f) => f.name === 'Relationship_Stage__c');
    assert.deepEqual(stage?.picklistValues?.map((p) => p.value), ['Vendor', 'Preferred Supplier', 'Strategic Partner', 'Alliance']);
    assert.ok(describe.childRelationships.some((c) => c.relationshipName === 'Milestones__r'));
  });

  it('enforces validation rules from force-app', async () => {
    const [plan] = (await conn.query("SELECT Id FROM Account_Plan__c WHERE Name LIKE 'Contoso%'")).records;
    await assert.rejects(
      conn.sobject('Plan_Milestone__c').create({ Name: 'Done without a date', Plan__c: String(plan.Id), Status__c: 'Done' }),
      (e: { errorCode?: string; data?: { fields?: string[] } }) => e.errorCode === 'FIELD_CUSTOM_VALIDATION_EXCEPTION' && e.data?.fields?.[0] === 'Completed_On__c'
    );
  });

  it('Bulk API 2.0: query job (single page through jsforce), ingest job with results', async () => {
    const records = await (await conn.bulk2.query('SELECT Id, Name FROM Account')).toArray();
    assert.equal(records.length, 30);
    await assert.rejects(conn.bulk2.query('SELECT COUNT(Id) FROM Account').then((r) => r.toArray()));
    const accounts = (await conn.query('SELECT Id FROM Account ORDER BY Name LIMIT 3')).records;
    const result = await conn.bulk2.loadAndWaitForResults({
      object: 'Account',
      operation: 'update',
      input: accounts.map((a, i) => ({ Id: String(a.Id), Major_Account_Tier__c: i === 2 ? 'Tier 9' : 'Tier 2' })),
      pollInterval: 10,
      pollTimeout: 5000
    });
    assert.equal(result.successfulResults.length, 2);
    assert.equal(result.failedResults.length, 1);
    assert.match(String((result.failedResults[0] as Record<string, unknown>).sf__Error), /INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST/);
  });

  it('Bulk API 2.0 results page with Sforce-Locator and end with the literal null', async () => {
    const headers = { Authorization: `Bearer ${org.accessToken}`, 'Content-Type': 'application/json' };
    const base = `${org.instanceUrl}/services/data/v${org.apiVersion}/jobs/query`;
    const job = (await (await fetch(base, { method: 'POST', headers, body: JSON.stringify({ operation: 'query', query: 'SELECT Id FROM Opportunity' }) })).json()) as { id: string };
    let state = '';
    while (state !== 'JobComplete') state = ((await (await fetch(`${base}/${job.id}`, { headers })).json()) as { state: string }).state;
    const locators: string[] = [];
    let locator = '';
    let rows = 0;
    do {
      const response = await fetch(`${base}/${job.id}/results?maxRecords=20${locator ? `&locator=${locator}` : ''}`, { headers });
      rows += (await response.text()).trim().split('\n').length - 1;
      locator = response.headers.get('sforce-locator') ?? 'null';
      locators.push(locator);
    } while (locator !== 'null');
    assert.ok(locators.length > 2);
    assert.equal(rows, org.records('Opportunity').length);
  });

  it('answers /query?columns=true with columnMetadata, as sf data query asks', async () => {
    const headers = { Authorization: `Bearer ${org.accessToken}` };
    const soql = 'SELECT Name, Account__r.Name, Account__r.Owner.Name, (SELECT Name FROM Milestones__r) FROM Account_Plan__c';
    const response = await fetch(`${org.instanceUrl}/services/data/v${org.apiVersion}/query?q=${encodeURIComponent(soql)}&columns=true`, { headers });
    const body = (await response.json()) as { columnMetadata: Array<{ columnName: string; aggregate: boolean; displayName: string; joinColumns: Array<{ columnName: string; joinColumns: Array<{ columnName: string }> }> }>; entityName: string; records?: unknown };
    assert.equal(body.entityName, 'Account_Plan__c');
    assert.equal(body.records, undefined);
    assert.deepEqual(body.columnMetadata.map((c) => [c.columnName, c.aggregate]), [['Name', false], ['Account__r', false], ['Milestones__r', true]]);
    // Both parent fields share the relationship's column; the owner's name is one level deeper.
    assert.deepEqual(body.columnMetadata[1].joinColumns.map((j) => j.columnName), ['Name', 'Owner']);
    assert.equal(body.columnMetadata[1].joinColumns[1].joinColumns[0].columnName, 'Name');
    assert.deepEqual(body.columnMetadata[2].joinColumns.map((j) => j.columnName), ['Name']);
    const aggregate = (await (await fetch(`${org.instanceUrl}/services/data/v${org.apiVersion}/query?q=${encodeURIComponent('SELECT StageName, SUM(Amount) total, COUNT(Id) FROM Opportunity GROUP BY StageName')}&columns=true`, { headers })).json()) as typeof body;
    assert.deepEqual(aggregate.columnMetadata.map((c) => [c.columnName, c.displayName, c.aggregate]), [['StageName', 'StageName', false], ['total', 'SUM(Amount)', true], ['expr0', 'COUNT(Id)', true]]);
  });

  it('orders aggregate results by an aggregate or a grouped field, and refuses ORDER BY on what is not grouped', async () => {
    const bySum = await conn.query<{ StageName: string; total: number }>('SELECT StageName, SUM(Amount) total FROM Opportunity GROUP BY StageName ORDER BY SUM(Amount) DESC');
    const totals = bySum.records.map((r) => r.total);
    assert.ok(totals.length > 1);
    assert.deepEqual(totals, [...totals].sort((a, b) => b - a));
    const byCount = await conn.query<{ StageName: string; n: number }>('SELECT StageName, COUNT(Id) n FROM Opportunity GROUP BY StageName ORDER BY COUNT(Id), StageName');
    assert.deepEqual(byCount.records.map((r) => r.n), byCount.records.map((r) => r.n).sort((a, b) => a - b));
    const byStage = await conn.query<{ StageName: string }>('SELECT StageName FROM Opportunity GROUP BY StageName ORDER BY StageName DESC');
    const stages = byStage.records.map((r) => r.StageName);
    assert.deepEqual(stages, [...stages].sort((a, b) => b.localeCompare(a)));
    for (const soql of ['SELECT Name FROM Account ORDER BY COUNT(Id)', 'SELECT StageName, COUNT(Id) FROM Opportunity GROUP BY StageName ORDER BY Name']) {
      await assert.rejects(async () => {
        await conn.query(soql);
      }, (e: { errorCode?: string }) => e.errorCode === 'MALFORMED_QUERY', soql);
    }
  });

  it('Bulk API 2.0 upsert: on Id (blank Id creates) and on a unique field; other fields refused', async () => {
    const [account] = (await conn.query<{ Id: string }>("SELECT Id FROM Account WHERE Name = 'Wingtip Toys'")).records;
    const result = await conn.bulk2.loadAndWaitForResults({
      object: 'Account',
      operation: 'upsert',
      externalIdFieldName: 'Id',
      input: [{ Id: account.Id, Name: 'Wingtip Toys (upserted)' }, { Id: '', Name: 'Upserted New' }],
      pollInterval: 10,
      pollTimeout: 5000
    });
    assert.equal(result.successfulResults.length, 2);
    assert.deepEqual(result.successfulResults.map((r) => (r as Record<string, unknown>).sf__Created), ['false', 'true']);
    assert.equal(org.records('Account').find((a) => a.Id === account.Id)?.Name, 'Wingtip Toys (upserted)');
    assert.equal(org.records('Account').filter((a) => a.Name === 'Upserted New').length, 1);
    // On a unique field (Account_Plan__c.Template_Key__c): the row updates the record with that key.
    const [plan] = (await conn.query<{ Id: string }>("SELECT Id FROM Account_Plan__c WHERE Name LIKE 'Fabrikam%'")).records;
    await conn.sobject('Account_Plan__c').update({ Id: plan.Id, Template_Key__c: 'UPSERT-KEY-1' });
    const keyed = await conn.bulk2.loadAndWaitForResults({ object: 'Account_Plan__c', operation: 'upsert', externalIdFieldName: 'Template_Key__c', input: [{ Template_Key__c: 'UPSERT-KEY-1', Shared_Value__c: 'Upserted on its key' }], pollInterval: 10, pollTimeout: 5000 });
    assert.equal(keyed.failedResults.length, 0, JSON.stringify(keyed.failedResults));
    assert.deepEqual(keyed.successfulResults.map((r) => [(r as Record<string, unknown>).sf__Id, (r as Record<string, unknown>).sf__Created]), [[plan.Id, 'false']]);
    assert.equal(org.records('Account_Plan__c').find((r) => r.Id === plan.Id)?.Shared_Value__c, 'Upserted on its key');
    await assert.rejects(
      conn.bulk2.loadAndWaitForResults({ object: 'Account', operation: 'upsert', externalIdFieldName: 'Name', input: [{ Name: 'x' }], pollInterval: 10, pollTimeout: 5000 }),
      /does not match an External ID, Salesforce Id, or indexed field for Account/
    );
  });

  it('answers the SOAP APIs (Metadata API) with a SOAP fault: not imitated, or a bad session', async () => {
    await assert.rejects(conn.metadata.describe('62.0'), (e: { name?: string; message?: string }) => e.name === 'sf:API_DISABLED_FOR_ORG' && /does not imitate the SOAP APIs \(Metadata API/.test(String(e.message)));
    const bad = new jsforce.Connection({ instanceUrl: org.instanceUrl, accessToken: 'nope', version: org.apiVersion });
    await assert.rejects(bad.metadata.describe('62.0'), (e: { name?: string }) => e.name === 'sf:INVALID_SESSION_ID');
  });

  it('normalises a doubled leading slash and refuses a bad token', async () => {
    const ok = await fetch(`${org.instanceUrl}//services/data/v${org.apiVersion}/limits`, { headers: { Authorization: `Bearer ${org.accessToken}` } });
    assert.equal(ok.status, 200);
    const bad = await fetch(`${org.instanceUrl}/services/data/v${org.apiVersion}/limits`, { headers: { Authorization: 'Bearer nope' } });
    assert.equal(bad.status, 401);
    assert.deepEqual(await bad.json(), [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]);
  });
});

describe('local org contract: @salesforce/core', () => {
  it('AuthInfo with an access token and a Connection query the local org', async () => {
    const org = await startLocalOrg({ seed: 'data/sample-data-plan.json', today: TODAY });
    try {
      const { AuthInfo, Connection } = await import('@salesforce/core');
      const authInfo = await AuthInfo.create({ accessTokenOptions: { accessToken: org.accessToken, instanceUrl: org.instanceUrl, loginUrl: org.instanceUrl } });
      assert.equal(authInfo.getUsername(), org.username);
      const connection = await Connection.create({ authInfo });
      connection.setApiVersion('62.0');
      const result = await connection.query<{ Name: string }>("SELECT Name FROM Organization");
      assert.equal(result.records[0].Name, 'Local Org (Major Account Management)');
    } finally {
      await org.close();
    }
  });
});
