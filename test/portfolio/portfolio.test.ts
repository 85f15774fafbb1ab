import '../cli/harness.js';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { cleanUpHome, loginToLocalOrg, runCommand } from '../cli/harness.js';
import { startLocalOrg, type LocalOrg } from '../local-org/index.js';
import Identify, { type IdentifyResult } from '../../src/commands/mam/identify.js';
import { healthSettingsFrom } from '../../src/domain/health.js';
import { paretoView, settingsFromFormula } from '../../src/domain/portfolio.js';
import { FIXTURE_FILES, SAMPLE_DAY, SAMPLE_SEED, connect } from './fixtures.js';

const read = (path: string): { uiapi: Record<string, Record<string, unknown>> } => JSON.parse(readFileSync(path, 'utf8'));
type AggregateEdge = { node: { aggregate: { AccountId: { value: string }; Amount: { sum: { value: number } } } } };
type AccountEdge = { node: { Id: string; Name: { value: string }; major: { value: boolean } } };

/** What the 80/20 component computes from its GraphQL answer (the same steps as its `view` getter). */
function paretoFromFixture(): ReturnType<typeof paretoView> {
  const revenue = read(FIXTURE_FILES.revenue);
  const sums = (revenue.uiapi.aggregate.Opportunity as { edges: AggregateEdge[] }).edges;
  const query = revenue.uiapi.query as { majors: { edges: AccountEdge[] }; earners: { edges: AccountEdge[] } };
  const accounts = new Map([...query.majors.edges, ...query.earners.edges].map((e) => [e.node.Id, e.node]));
  return paretoView(
    sums.map((e) => ({ id: e.node.aggregate.AccountId.value, name: accounts.get(e.node.aggregate.AccountId.value)?.Name.value ?? '', value: e.node.aggregate.Amount.sum.value, major: accounts.get(e.node.aggregate.AccountId.value)?.major.value === true })),
    80
  );
}

describe('the portfolio page and the CLI agree on the sample data', () => {
  let org: LocalOrg;
  before(async () => {
    org = await startLocalOrg({ seed: SAMPLE_SEED, today: SAMPLE_DAY });
    await loginToLocalOrg(org.instanceUrl, org.accessToken, 'portfolio-org');
  });
  after(async () => {
    await org?.close();
    cleanUpHome();
  });

  it('the 80/20 curve on the page equals `sf mam identify` on the same data: cut, shares, ranks and total', async () => {
    const { result, error } = await runCommand<IdentifyResult>(Identify, ['--target-org', 'portfolio-org', '--as-of', SAMPLE_DAY]);
    assert.equal(error, undefined, error?.message);
    assert.ok(result);
    const page = paretoFromFixture();
    assert.equal(page.totalValue, result.totalValue);
    assert.equal(page.accountsWithValue, result.accountsWithValue);
    assert.equal(page.share, result.share);
    assert.deepEqual(page.points.map((p) => ({ accountShare: p.accountShare, valueShare: p.valueShare })), result.curve);
    const financial = result.selected.filter((c) => c.financial);
    assert.equal(page.paretoCount, financial.length);
    assert.deepEqual(page.points.filter((p) => p.inCut).map((p) => [p.rank, p.name, p.valueShare]), financial.map((c) => [c.rank, c.name, c.cumulativeShare]));
    // The accounts the page marks as major are the ones identify --apply flagged.
    assert.deepEqual(page.points.filter((p) => p.major).map((p) => p.name).sort(), result.selected.map((c) => c.name).sort());
  });

  it('the settings the page reads from the Account formula are the Custom Metadata record, field by field', async () => {
    const connection = await connect(org);
    const answer = await connection.query<{ Major_Account_Settings__c: string }>('SELECT Major_Account_Settings__c FROM Account LIMIT 1');
    const parsed = settingsFromFormula(answer.records[0].Major_Account_Settings__c);
    const [record] = org.records('Major_Account_Setting__mdt');
    assert.ok(parsed, 'the formula text parses');
    assert.deepEqual(parsed.health, healthSettingsFrom(record));
    for (const { field, value } of parsed.values) assert.equal(value, Number(record[field]), field);
    assert.equal(parsed.months, Number(record.Identification_Months__c));
    assert.equal(parsed.identify.paretoShare, Number(record.Pareto_Share__c));
  });
});
