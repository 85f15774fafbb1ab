// On a generated org larger than the platform's aggregate limit, the identified set must equal
// an independent computation from the raw records, and the streamed Bulk path must agree with
// the aggregate one.
import './harness.js';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AuthInfo, Connection } from '@salesforce/core';
import { cleanUpHome, loginToLocalOrg, runCommand } from './harness.js';
import { startLocalOrg, type LocalOrg } from '../local-org/index.js';
import Identify, { type IdentifyResult } from '../../src/commands/mam/identify.js';
import { readRevenue } from '../../src/org/revenue.js';

const TODAY = '2026-11-24';
const WINDOW_START = '2025-11-25';

function prng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

describe('identification golden test (2,600 accounts, Bulk API path)', () => {
  let org: LocalOrg;
  const accounts: Array<{ Id: string; Name: string; reasons: string }> = [];
  const opportunities: Array<{ AccountId: string; Amount: number; CloseDate: string; StageName: string }> = [];

  before(async () => {
    org = await startLocalOrg({ today: TODAY });
    const random = prng(42);
    const reasons = ['Marquee Brand', 'New Market', 'New Geography'];
    for (let i = 0; i < 2600; i += 1) {
      const Id = org.store.newId('Account');
      const strategic = i % 400 === 7 ? reasons[i % 3] : '';
      const account = { Id, Name: `Company ${String(i).padStart(4, '0')}`, OwnerId: org.userId, Strategic_Reasons__c: strategic || null, Major_Account__c: false };
      org.store.insert('Account', account);
      accounts.push({ Id, Name: account.Name, reasons: strategic });
      // Long tail: a few large accounts, many small ones.
      const scale = 1 / (1 + i) ** 1.1;
      const deals = 2 + Math.floor(random() * 4);
      for (let d = 0; d < deals; d += 1) {
        const day = Math.floor(random() * 420);
        const CloseDate = new Date(Date.UTC(2026, 10, 24) - day * 86_400_000).toISOString().slice(0, 10);
        const StageName = random() < 0.8 ? 'Closed Won' : 'Closed Lost';
        const Amount = Math.round(5_000_000 * scale * (0.5 + random()));
        const opp = { Id: org.store.newId('Opportunity'), Name: `Deal ${i}-${d}`, AccountId: Id, StageName, CloseDate, Amount, IsWon: StageName === 'Closed Won', IsClosed: true, OwnerId: org.userId };
        org.store.insert('Opportunity', opp);
        opportunities.push(opp);
      }
    }
    await loginToLocalOrg(org.instanceUrl, org.accessToken, 'golden-org');
  });
  after(async () => {
    await org.close();
    cleanUpHome();
  });

  it('selects exactly the accounts an independent computation selects', async () => {
    const totals = new Map<string, number>();
    for (const o of opportunities) {
      if (o.StageName === 'Closed Won' && o.CloseDate >= WINDOW_START && o.CloseDate <= TODAY) totals.set(o.AccountId, (totals.get(o.AccountId) ?? 0) + o.Amount);
    }
    const ranked = accounts.filter((a) => (totals.get(a.Id) ?? 0) > 0).sort((a, b) => totals.get(b.Id)! - totals.get(a.Id)! || a.Name.localeCompare(b.Name));
    const total = ranked.reduce((s, a) => s + totals.get(a.Id)!, 0);
    const financial: string[] = [];
    let running = 0;
    for (const a of ranked) {
      if ((100 * running) / total >= 80) break;
      financial.push(a.Name);
      running += totals.get(a.Id)!;
    }
    const strategicOnly = accounts.filter((a) => a.reasons && !financial.includes(a.Name)).sort((a, b) => (totals.get(b.Id) ?? 0) - (totals.get(a.Id) ?? 0) || a.Name.localeCompare(b.Name)).map((a) => a.Name);
    const expected = [...financial, ...strategicOnly].slice(0, 50);

    const { result, error } = await runCommand<IdentifyResult>(Identify, ['--target-org', 'golden-org', '--as-of', TODAY, '--max', '50', '--json']);
    assert.equal(error, undefined, error?.message);
    assert.equal(result?.method, 'bulk', 'more account groups than the aggregate limit: streamed through Bulk API 2.0');
    assert.equal(result?.totalValue, Math.round(total * 100) / 100, 'the total in cents');
    assert.deepEqual(result?.selected.map((c) => c.name), expected);
  });

  it('sums the same whether the org aggregates or the CLI streams pages of Bulk results', async () => {
    const authInfo = await AuthInfo.create({ accessTokenOptions: { accessToken: org.accessToken, instanceUrl: org.instanceUrl, loginUrl: org.instanceUrl } });
    const connection = await Connection.create({ authInfo });
    connection.setApiVersion('62.0');
    const window = { from: '2026-06-01', to: TODAY };
    const bulk = await readRevenue(connection, { ...window, forceBulk: true, bulk: { pageSize: 700, pollIntervalMs: 1 } });
    const pages = org.requestLog.filter((r) => r.path.endsWith('/results')).length;
    assert.ok(pages > 1, `several result pages were read (${pages})`);
    // A window small enough for the aggregate path.
    const small = { from: '2026-11-01', to: TODAY };
    const aggregate = await readRevenue(connection, small);
    const streamed = await readRevenue(connection, { ...small, forceBulk: true, bulk: { pageSize: 50, pollIntervalMs: 1 } });
    assert.equal(aggregate.method, 'aggregate');
    const byId = (values: typeof aggregate.values): Record<string, number> => Object.fromEntries(values.map((v) => [v.accountId, v.revenue]).sort());
    assert.deepEqual(byId(streamed.values), byId(aggregate.values));
    assert.equal(bulk.method, 'bulk');
    assert.ok(bulk.opportunities > 0);
  });

  it('counts a result page cut off mid-stream once, after reading it again', async () => {
    const authInfo = await AuthInfo.create({ accessTokenOptions: { accessToken: org.accessToken, instanceUrl: org.instanceUrl, loginUrl: org.instanceUrl } });
    const connection = await Connection.create({ authInfo });
    connection.setApiVersion('62.0');
    const window = { from: '2026-06-01', to: TODAY };
    const options = { ...window, forceBulk: true, bulk: { pageSize: 700, pollIntervalMs: 1, baseDelayMs: 1 } };
    const clean = await readRevenue(connection, options);
    org.faults.push({ kind: 'truncate', method: 'GET', path: /\/results$/, after: 1, times: 2 });
    const start = org.requestLog.length;
    const cut = await readRevenue(connection, options);
    const log = org.requestLog.slice(start);
    assert.equal(log.filter((r) => r.fault === 'truncate').length, 2, 'the second page was cut off twice');
    assert.equal(cut.opportunities, clean.opportunities);
    assert.deepEqual(cut.values, clean.values);
  });
});
