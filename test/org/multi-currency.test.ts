// In a multi-currency org the aggregate path gets sums in the corporate currency while Bulk rows
// come in each opportunity's own currency: both paths must rank on the same sums, or rankings
// change when an org crosses the aggregate limit.
import '../cli/harness.js';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AuthInfo, Connection } from '@salesforce/core';
import { startLocalOrg, type LocalOrg } from '../local-org/index.js';
import { currencyRates, readRevenue } from '../../src/org/revenue.js';

const TODAY = '2026-11-24';
const window = { from: '2025-11-25', to: TODAY };

async function connect(org: LocalOrg): Promise<Connection> {
  const authInfo = await AuthInfo.create({ accessTokenOptions: { accessToken: org.accessToken, instanceUrl: org.instanceUrl, loginUrl: org.instanceUrl } });
  const connection = await Connection.create({ authInfo });
  connection.setApiVersion('62.0');
  return connection;
}

function seed(org: LocalOrg, currencies: string[]): void {
  const { store } = org;
  for (let a = 0; a < 12; a += 1) {
    const Id = store.newId('Account');
    store.insert('Account', { Id, Name: `Account ${a}`, CurrencyIsoCode: currencies[a % currencies.length] });
    for (let o = 0; o < 3; o += 1) {
      const iso = currencies[(a + o) % currencies.length];
      store.insert('Opportunity', { Id: store.newId('Opportunity'), Name: `Deal ${a}-${o}`, AccountId: Id, Amount: 1000 * (a + 1) + 37.5 * o, CurrencyIsoCode: iso, StageName: 'Closed Won', IsWon: true, IsClosed: true, CloseDate: '2026-06-01' });
    }
  }
}

const cents = (values: Array<{ accountId: string; revenue: number }>): Record<string, number> => Object.fromEntries(values.map((v) => [v.accountId, Math.round(v.revenue * 100) / 100]).sort());

describe('closed-won revenue in a multi-currency org', () => {
  let org: LocalOrg;
  let single: LocalOrg;
  before(async () => {
    org = await startLocalOrg({ today: TODAY, currencies: { corporate: 'USD', rates: { EUR: 0.8, GBP: 0.5, JPY: 150 } } });
    seed(org, ['USD', 'EUR', 'GBP', 'JPY']);
    single = await startLocalOrg({ today: TODAY });
    seed(single, ['USD']);
  });
  after(async () => {
    await org.close();
    await single.close();
  });

  it('sums in the corporate currency whether the org aggregates or the CLI streams Bulk pages', async () => {
    const connection = await connect(org);
    assert.deepEqual(await currencyRates(connection), { EUR: 0.8, GBP: 0.5, JPY: 150, USD: 1 });
    const aggregate = await readRevenue(connection, window);
    const bulk = await readRevenue(connection, { ...window, forceBulk: true, bulk: { pageSize: 10, pollIntervalMs: 1 } });
    assert.equal(aggregate.method, 'aggregate');
    assert.equal(bulk.method, 'bulk');
    assert.deepEqual(cents(bulk.values), cents(aggregate.values));
    // Each deal in USD: a JPY deal of 1,000 is worth 6.67 USD, an EUR deal of 1,000 is 1,250 USD.
    const rate: Record<string, number> = { USD: 1, EUR: 0.8, GBP: 0.5, JPY: 150 };
    const expected = org.records('Opportunity').reduce((sum, o) => sum + Number(o.Amount) / rate[String(o.CurrencyIsoCode)], 0);
    const converted = bulk.values.reduce((sum, v) => sum + v.revenue, 0);
    assert.equal(Math.round(converted * 100), Math.round(expected * 100));
    assert.notEqual(Math.round(converted), Math.round(org.records('Opportunity').reduce((sum, o) => sum + Number(o.Amount), 0)));
  });

  it('in a single-currency org reads amounts as they are, with no currency column', async () => {
    const connection = await connect(single);
    assert.equal(await currencyRates(connection), null);
    const aggregate = await readRevenue(connection, window);
    const bulk = await readRevenue(connection, { ...window, forceBulk: true, bulk: { pageSize: 10, pollIntervalMs: 1 } });
    assert.deepEqual(cents(bulk.values), cents(aggregate.values));
  });
});
