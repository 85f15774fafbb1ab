import '../cli/harness.js';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { cleanUpHome, loginToLocalOrg, runCommand } from '../cli/harness.js';
import { startLocalOrg, type LocalOrg } from '../local-org/index.js';
import Identify, { type IdentifyResult } from '../../src/commands/mam/identify.js';
import { healthSettingsFrom } from '../../src/domain/health.js';
import { attentionFor, attentionList, healthTrend, paretoView, polylines, settingsFromFormula, sortPortfolio, statusCounts, type PortfolioRow } from '../../src/domain/portfolio.js';
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

const SETTINGS = { weights: { execution: 30, cadence: 20, coverage: 20, alignment: 15, results: 15 }, onTrackThreshold: 70, atRiskThreshold: 50, defaultReviewCadenceDays: 90 };
function row(name: string, plan: Partial<NonNullable<PortfolioRow['plan']>> | null, extra: Partial<PortfolioRow> = {}): PortfolioRow {
  return {
    id: `001${name}`,
    name,
    tier: 'Tier 1',
    ownerName: 'Alex',
    plan: plan === null ? null : { id: `a01${name}`, name: `${name} plan`, stage: 'Vendor', score: 80, status: 'On Track', readinessCount: 4, lastReviewDate: '2026-11-01', reviewCadenceDays: 90, periodStart: '2026-01-01', sellerExecutives: 1, customerExecutives: 1, ...plan },
    lateMilestones: 0,
    revenue: 0,
    healthAtLastReview: null,
    ...extra
  };
}

describe('portfolio rules (service module)', () => {
  it('attention: no plan; fell to Off Track since the review; review overdue by the cadence; never reviewed; executive gaps', () => {
    const today = '2026-11-24';
    assert.deepEqual(attentionFor(row('A', null), SETTINGS, today), [{ code: 'noActivePlan' }]);
    assert.deepEqual(attentionFor(row('B', {}), SETTINGS, today), []);
    assert.deepEqual(attentionFor(row('C', { status: 'Off Track', score: 40 }, { healthAtLastReview: 55 }), SETTINGS, today), [{ code: 'movedOffTrack', from: 'At Risk' }]);
    // Off Track at the last review too: not news.
    assert.deepEqual(attentionFor(row('D', { status: 'Off Track', score: 40 }, { healthAtLastReview: 45 }), SETTINGS, today), []);
    assert.deepEqual(attentionFor(row('E', { lastReviewDate: '2026-08-01' }), SETTINGS, today), [{ code: 'reviewOverdue', days: 25 }]);
    // The plan's own cadence wins over the default; none set → the default 90 days.
    assert.deepEqual(attentionFor(row('F', { lastReviewDate: '2026-10-01', reviewCadenceDays: 30 }), SETTINGS, today), [{ code: 'reviewOverdue', days: 24 }]);
    assert.deepEqual(attentionFor(row('G', { lastReviewDate: '2026-10-01', reviewCadenceDays: null }), SETTINGS, today), []);
    assert.deepEqual(attentionFor(row('H', { lastReviewDate: null, periodStart: '2026-01-01' }), SETTINGS, today), [{ code: 'neverReviewed', days: 327 }]);
    assert.deepEqual(attentionFor(row('I', { lastReviewDate: null, periodStart: '2026-11-01' }), SETTINGS, today), []);
    assert.deepEqual(attentionFor(row('J', { sellerExecutives: 0, customerExecutives: 0 }), SETTINGS, today), [{ code: 'noSellerExecutive' }, { code: 'noCustomerExecutive' }]);
  });

  it('attention list: most severe first — Off Track, At Risk, no active plan, the rest; then lowest score, most late milestones, most reasons, name', () => {
    const today = '2026-11-24';
    const rows = [
      row('Adatum', null),
      row('Tailspin', null),
      row('Contoso', { status: 'At Risk', score: 56, lastReviewDate: '2026-07-01' }, { lateMilestones: 2 }),
      row('Fabrikam', { status: 'Off Track', score: 7, lastReviewDate: null, periodStart: '2026-01-01', sellerExecutives: 0, customerExecutives: 0 }, { lateMilestones: 6 }),
      row('Litware', { status: 'Off Track', score: 30, sellerExecutives: 0 }),
      row('Northwind', { status: 'On Track', score: 87 }),
      row('Proseware', { status: 'On Track', score: 75, customerExecutives: 0 }),
      row('Relecloud', { status: 'At Risk', score: 56, lastReviewDate: '2026-07-01' }, { lateMilestones: 3 }),
      row('Woodgrove', { status: null, score: null, sellerExecutives: 0 })
    ];
    const list = attentionList(rows, SETTINGS, today);
    assert.deepEqual(list.map((a) => a.row.name), ['Fabrikam', 'Litware', 'Relecloud', 'Contoso', 'Adatum', 'Tailspin', 'Proseware', 'Woodgrove']);
    // Nothing to say about a healthy, reviewed, covered plan: it is not listed.
    assert.ok(!list.some((a) => a.row.name === 'Northwind'));
    assert.deepEqual(list[0].found.map((f) => f.code), ['neverReviewed', 'noSellerExecutive', 'noCustomerExecutive']);
    // Same status and score: more reasons first.
    const tie = attentionList([row('B', { status: 'At Risk', score: 60, sellerExecutives: 0 }), row('A', { status: 'At Risk', score: 60, sellerExecutives: 0, customerExecutives: 0 })], SETTINGS, today);
    assert.deepEqual(tie.map((a) => a.row.name), ['A', 'B']);
  });

  it('counts by status, an active plan not yet scored counting as no plan', () => {
    const counts = statusCounts([row('A', null), row('B', {}), row('C', { status: 'At Risk' }), row('D', { status: null, score: null })]);
    assert.deepEqual(counts, [{ status: 'On Track', count: 1 }, { status: 'At Risk', count: 1 }, { status: 'Off Track', count: 0 }, { status: 'No active plan', count: 2 }]);
  });

  it('trend: one point per month of the window, rounded average, months without reviews empty, reviews outside ignored', () => {
    const trend = healthTrend([{ date: '2026-11-02', health: 70 }, { date: '2026-11-20', health: 81 }, { date: '2026-09-01', health: null }, { date: '2025-10-31', health: 10 }], '2026-11-24', 3);
    assert.deepEqual(trend, [{ month: '2026-09', average: null, reviews: 0 }, { month: '2026-10', average: null, reviews: 0 }, { month: '2026-11', average: 76, reviews: 2 }]);
    assert.deepEqual(healthTrend([], '2026-01-15', 2).map((p) => p.month), ['2025-12', '2026-01']);
  });

  it('sorts any column both ways with empty values last and the name breaking ties', () => {
    const rows = [row('B', { score: 50 }), row('A', null), row('C', { score: 90 }), row('D', { score: 50 })];
    assert.deepEqual(sortPortfolio(rows, 'score', 'desc').map((r) => r.name), ['C', 'B', 'D', 'A']);
    assert.deepEqual(sortPortfolio(rows, 'score', 'asc').map((r) => r.name), ['B', 'D', 'C', 'A']);
    assert.deepEqual(sortPortfolio(rows, 'status', 'asc').map((r) => r.name), ['B', 'C', 'D', 'A']);
  });

  it('polylines split at gaps and map the data into the frame', () => {
    const frame = { width: 110, height: 60, left: 10, right: 0, top: 10, bottom: 0 };
    assert.deepEqual(polylines([{ x: 0, y: 0 }, { x: 1, y: 50 }, { x: 2, y: null }, { x: 3, y: 100 }], frame, 4, 100), ['10,60 35,35', '85,10']);
  });

  it('settings text: complete and numeric, or nothing', () => {
    assert.equal(settingsFromFormula(null), null);
    assert.equal(settingsFromFormula('Weight_Execution__c=30'), null);
    assert.equal(settingsFromFormula('Weight_Execution__c=;Weight_Cadence__c=20'), null);
  });

  it('Pareto view: no revenue gives an empty curve; flagged accounts without revenue are reported outside the cut', () => {
    const view = paretoView([{ id: '1', name: 'Big', value: 90, major: false }, { id: '2', name: 'Small', value: 10, major: false }, { id: '3', name: 'Strategic', value: 0, major: true }], 80);
    assert.equal(view.paretoCount, 1);
    assert.deepEqual(view.unflaggedInCut, ['Big']);
    assert.deepEqual(view.majorOutsideCut, ['Strategic']);
    assert.deepEqual(paretoView([], 80).points, []);
  });
});
