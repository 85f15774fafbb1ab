// The local org behaves like the platform where the CLI's tests depend on it: every org has its
// own identity, numbers are stored at their field's scale, and a Bulk API 2.0 ingest treats an
// empty cell as "leave it" and #N/A as "clear it".
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { localOrgIdentity, startLocalOrg, type LocalOrg } from './index.js';
import { roundToScale } from './writes.js';

const SEED = 'test/local-org/fixtures/plan.json';
const TODAY = '2026-11-24';

type Json = Record<string, unknown>;

async function call(org: LocalOrg, method: string, path: string, body?: unknown, contentType = 'application/json'): Promise<Response> {
  return fetch(`${org.instanceUrl}/services/data/v${org.apiVersion}${path}`, {
    method,
    headers: { Authorization: `Bearer ${org.accessToken}`, 'Content-Type': contentType },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body)
  });
}

/** One Bulk API 2.0 ingest job from raw CSV; returns the successful and failed result CSVs. */
async function ingest(org: LocalOrg, object: string, operation: 'insert' | 'update', csv: string): Promise<{ successful: string; failed: string }> {
  const job = (await (await call(org, 'POST', '/jobs/ingest', { object, operation, contentType: 'CSV', lineEnding: 'LF' })).json()) as { id: string };
  assert.equal((await call(org, 'PUT', `/jobs/ingest/${job.id}/batches`, csv, 'text/csv')).status, 201);
  await call(org, 'PATCH', `/jobs/ingest/${job.id}`, { state: 'UploadComplete' });
  let state = '';
  while (state !== 'JobComplete') state = ((await (await call(org, 'GET', `/jobs/ingest/${job.id}`)).json()) as { state: string }).state;
  return {
    successful: await (await call(org, 'GET', `/jobs/ingest/${job.id}/successfulResults`)).text(),
    failed: await (await call(org, 'GET', `/jobs/ingest/${job.id}/failedResults`)).text()
  };
}

const record = (org: LocalOrg, type: string, name: string): Json => {
  const found = org.records(type).find((r) => r.Name === name);
  assert.ok(found, `${type} ${name} exists`);
  return found;
};

describe('local org fidelity: identity', () => {
  it('each local org has its own org id, user id and username; the same seed and port give the same', async () => {
    const a = await startLocalOrg({ seed: SEED, today: TODAY });
    const b = await startLocalOrg({ seed: SEED, today: TODAY });
    try {
      assert.notEqual(a.orgId, b.orgId);
      assert.notEqual(a.userId, b.userId);
      assert.notEqual(a.username, b.username);
      assert.match(a.orgId, /^00D[0-9A-Za-z]{15}$/);
      assert.match(a.userId, /^005[0-9A-Za-z]{15}$/);
      // what a client sees: the identity service and the Organization and User records
      const info = (await (await fetch(`${a.instanceUrl}/services/oauth2/userinfo`, { headers: { Authorization: `Bearer ${a.accessToken}` } })).json()) as Json;
      assert.equal(info.organization_id, a.orgId);
      assert.equal(info.user_id, a.userId);
      assert.equal(info.preferred_username, a.username);
      assert.equal(a.records('Organization')[0].Id, a.orgId);
      assert.equal(a.store.find(a.userId)?.record.Username, a.username);
    } finally {
      await a.close();
      await b.close();
    }
    const first = localOrgIdentity(SEED, 8787);
    assert.deepEqual(localOrgIdentity(SEED, 8787), first, 'stable for a seed and port (a persisted org keeps its owner ids)');
    assert.notEqual(localOrgIdentity(SEED, 8788).orgId, first.orgId);
    assert.notEqual(localOrgIdentity('data/sample-data-plan.json', 8787).orgId, first.orgId);
  });
});

describe('local org fidelity: writes', () => {
  let org: LocalOrg;
  before(async () => {
    org = await startLocalOrg({ seed: SEED, today: TODAY });
  });
  after(() => org.close());

  it('rounds numbers, currency and percent to the field scale, half away from zero', () => {
    assert.equal(roundToScale(1234.565, 2), 1234.57);
    assert.equal(roundToScale(1.005, 2), 1.01);
    assert.equal(roundToScale(72.5, 0), 73);
    assert.equal(roundToScale(-2.5, 0), -3);
    assert.equal(roundToScale(-0.4, 0), 0);
    assert.equal(roundToScale(12.3456, undefined), 12.3456);
    assert.equal(roundToScale(1e-7, 2), 0);
    assert.equal(roundToScale(1e21, 2), 1e21);
  });

  it('stores numbers at their scale on insert and update, single and through sObject Collections', async () => {
    const acme = record(org, 'Account', 'Acme Corp');
    const created = (await (await call(org, 'POST', '/sobjects/Opportunity', { Name: 'Rounding', AccountId: acme.Id, StageName: 'Prospecting', CloseDate: TODAY, Amount: 1234.567 })).json()) as { id: string };
    assert.equal(org.store.find(created.id)?.record.Amount, 1234.57, 'Opportunity.Amount is currency(18,2)');
    assert.equal((await call(org, 'PATCH', `/sobjects/Account/${String(acme.Id)}`, { Financial_Significance__c: 72.5 })).status, 204);
    assert.equal(record(org, 'Account', 'Acme Corp').Financial_Significance__c, 73, 'Number(3,0)');
    const results = (await (await call(org, 'PATCH', '/composite/sobjects', { allOrNone: false, records: [{ attributes: { type: 'Opportunity' }, id: created.id, Amount: 0.005 }, { attributes: { type: 'Account' }, id: acme.Id, Strategic_Significance__c: '41.49' }] })).json()) as Array<{ success: boolean }>;
    assert.deepEqual(results.map((r) => r.success), [true, true]);
    assert.equal(org.store.find(created.id)?.record.Amount, 0.01);
    assert.equal(record(org, 'Account', 'Acme Corp').Strategic_Significance__c, 41);
    // the query answers what is stored
    const query = (await (await call(org, 'GET', `/query?q=${encodeURIComponent(`SELECT Amount FROM Opportunity WHERE Id = '${created.id}'`)}`)).json()) as { records: Json[] };
    assert.equal(query.records[0].Amount, 0.01);
  });

  it('Bulk ingest: an empty cell leaves the field unchanged, #N/A clears it, numbers are rounded', async () => {
    const globex = record(org, 'Account', 'Globex');
    await call(org, 'PATCH', `/sobjects/Account/${String(globex.Id)}`, { Major_Account__c: true, Major_Account_Tier__c: 'Tier 2', Major_Account_Reason__c: 'kept', Financial_Significance__c: 50 });
    const csv = 'Id,Major_Account__c,Major_Account_Tier__c,Major_Account_Reason__c,Financial_Significance__c\n' + `${String(globex.Id)},,#N/A,,60.6\n`;
    const result = await ingest(org, 'Account', 'update', csv);
    assert.equal(result.failed.trim().split('\n').length, 1, `no failures: ${result.failed}`);
    const after = record(org, 'Account', 'Globex');
    assert.equal(after.Major_Account__c, true, 'blank: unchanged');
    assert.equal(after.Major_Account_Reason__c, 'kept', 'blank: unchanged');
    assert.equal(after.Major_Account_Tier__c, null, '#N/A: cleared');
    assert.equal(after.Financial_Significance__c, 61, 'rounded to scale 0');

    const acme = record(org, 'Account', 'Acme Corp');
    const inserted = await ingest(org, 'Opportunity', 'insert', `Name,AccountId,StageName,CloseDate,Amount,Description\nBulk deal,${String(acme.Id)},Prospecting,${TODAY},99.999,\n`);
    assert.match(inserted.successful, /Bulk deal/);
    const deal = record(org, 'Opportunity', 'Bulk deal');
    assert.equal(deal.Amount, 100);
    assert.equal(deal.Description ?? null, null, 'an empty cell on insert leaves the field at its default');
  });
});
