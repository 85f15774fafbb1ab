// The portfolio page's rules as a manager reads them: what needs attention, in which order, how the
// table sorts and what the 80/20 chart says. Pure (no org): the page and CLI agreement is in
// portfolio.test.ts.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { attentionFor, attentionList, healthTrend, paretoView, polylines, settingsFromFormula, sortPortfolio, statusCounts, type PortfolioRow } from '../../src/domain/portfolio.js';

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

describe('the settings the page reads from the Account formula', () => {
  const text = 'Weight_Execution__c=30;Weight_Cadence__c=20;Weight_Coverage__c=20;Weight_Alignment__c=15;Weight_Results__c=15;On_Track_Threshold__c=70;At_Risk_Threshold__c=50;Default_Review_Cadence_Days__c=90;Pareto_Share__c=80;Critical_Few_Max__c=20;Identification_Months__c=12;Tier_1_Share__c=50;Tier_2_Share__c=80';
  it('reads every setting: health, identification, the window and the panel list in the record order', () => {
    const parsed = settingsFromFormula(text);
    assert.ok(parsed);
    assert.deepEqual(parsed.health, SETTINGS);
    assert.deepEqual(parsed.identify, { paretoShare: 80, criticalFewMax: 20, tier1Share: 50, tier2Share: 80 });
    assert.equal(parsed.months, 12);
    assert.deepEqual(parsed.values.slice(0, 2), [{ field: 'Weight_Execution__c', value: 30 }, { field: 'Weight_Cadence__c', value: 20 }]);
    assert.equal(parsed.values.length, 13);
  });
  it('tolerates spaces around names and an extra field', () => {
    const parsed = settingsFromFormula(` ${text.replace(';Weight_Cadence__c=20', '; Weight_Cadence__c =20')};Something_Else__c=1`);
    assert.equal(parsed?.health.weights.cadence, 20);
  });
  it('gives nothing when any setting is missing, blank or not a number', () => {
    assert.equal(settingsFromFormula(''), null);
    assert.equal(settingsFromFormula(text.replace('Pareto_Share__c=80', 'Pareto_Share__c=abc')), null);
    assert.equal(settingsFromFormula(text.replace('Pareto_Share__c=80', 'Pareto_Share__c= ')), null);
    assert.equal(settingsFromFormula(text.replace('Pareto_Share__c=80', 'Pareto_Share__c')), null);
    assert.equal(settingsFromFormula(text.replace('Pareto_Share__c=80', '=80')), null);
  });
});

describe('attention at its boundaries', () => {
  const today = '2026-11-24';
  it('a review exactly one cadence ago is not overdue; one day more is', () => {
    assert.deepEqual(attentionFor(row('A', { lastReviewDate: '2026-08-26' }), SETTINGS, today), []);
    assert.deepEqual(attentionFor(row('B', { lastReviewDate: '2026-08-25' }), SETTINGS, today), [{ code: 'reviewOverdue', days: 1 }]);
  });
  it('a plan that started exactly one cadence ago is not yet late for its first review', () => {
    assert.deepEqual(attentionFor(row('A', { lastReviewDate: null, periodStart: '2026-08-26' }), SETTINGS, today), []);
    assert.deepEqual(attentionFor(row('B', { lastReviewDate: null, periodStart: '2026-08-25' }), SETTINGS, today), [{ code: 'neverReviewed', days: 91 }]);
  });
  it('only a fall to Off Track is news: an At Risk plan that was On Track at its review is not flagged as fallen', () => {
    assert.deepEqual(attentionFor(row('A', { status: 'At Risk', score: 60 }, { healthAtLastReview: 85 }), SETTINGS, today), []);
    assert.deepEqual(attentionFor(row('B', { status: 'Off Track', score: 30 }, { healthAtLastReview: null }), SETTINGS, today), []);
    assert.deepEqual(attentionFor(row('C', { status: 'Off Track', score: 30 }, { healthAtLastReview: 85 }), SETTINGS, today), [{ code: 'movedOffTrack', from: 'On Track' }]);
  });
  it('within a status, the lower score comes first even with fewer late milestones', () => {
    const list = attentionList([row('A', { status: 'At Risk', score: 60, sellerExecutives: 0 }, { lateMilestones: 5 }), row('B', { status: 'At Risk', score: 40, sellerExecutives: 0 })], SETTINGS, today);
    assert.deepEqual(list.map((a) => a.row.name), ['B', 'A']);
  });
});

describe('the 80/20 chart: the cut and the flags', () => {
  const accounts = [
    { id: '1', name: 'Big', value: 50, major: true },
    { id: '2', name: 'Mid', value: 30, major: false },
    { id: '3', name: 'Small', value: 15, major: true },
    { id: '4', name: 'Tiny', value: 5, major: false },
    { id: '5', name: 'Strategic', value: 0, major: true },
    { id: '6', name: 'Dormant', value: 0, major: false }
  ];
  it('gives the share of accounts and of revenue inside the cut, and how many major accounts are in it', () => {
    const view = paretoView(accounts, 80);
    assert.equal(view.paretoCount, 2);
    assert.equal(view.cutAccountShare, 50);
    assert.equal(view.cutValueShare, 80);
    assert.equal(view.majorInCut, 1);
    assert.deepEqual(view.points.map((p) => [p.name, p.rank, p.major, p.inCut]), [['Big', 1, true, true], ['Mid', 2, false, true], ['Small', 3, true, false], ['Tiny', 4, false, false]]);
  });
  it('lists flagged accounts outside the cut (with revenue first), and unflagged ones inside it; unflagged accounts without revenue are not news', () => {
    const view = paretoView(accounts, 80);
    assert.deepEqual(view.majorOutsideCut, ['Small', 'Strategic']);
    assert.deepEqual(view.unflaggedInCut, ['Mid']);
  });
  it('without revenue, the cut is empty: no shares', () => {
    const view = paretoView([{ id: '1', name: 'A', value: 0, major: true }], 80);
    assert.equal(view.cutAccountShare, 0);
    assert.equal(view.cutValueShare, 0);
    assert.equal(view.majorInCut, 0);
  });
});

describe('chart lines', () => {
  it('keeps the margins on every side of the frame', () => {
    const frame = { width: 120, height: 70, left: 10, right: 10, top: 10, bottom: 10 };
    assert.deepEqual(polylines([{ x: 0, y: 0 }, { x: 4, y: 100 }], frame, 4, 100), ['10,60 110,10']);
  });
  it('draws no empty line for leading, repeated or trailing gaps', () => {
    const frame = { width: 100, height: 100, left: 0, right: 0, top: 0, bottom: 0 };
    assert.deepEqual(polylines([{ x: 0, y: null }, { x: 1, y: 10 }, { x: 2, y: null }, { x: 3, y: null }, { x: 4, y: 20 }, { x: 5, y: null }], frame, 10, 100), ['10,90', '40,80']);
  });
});

describe('sorting the portfolio table by any column', () => {
  const plan = (name: string, over: Partial<NonNullable<PortfolioRow['plan']>>): PortfolioRow => row(name, over);
  const rows: PortfolioRow[] = [
    row('Delta', { name: 'Plan C', stage: 'Alliance', score: 50, status: 'On Track', lastReviewDate: '2026-03-01', readinessCount: 10 }, { tier: 'Tier 2', ownerName: 'Chris', lateMilestones: 10, revenue: 100 }),
    row('Alpha', { name: 'Plan B', stage: 'Vendor', score: 100, status: 'Off Track', lastReviewDate: '2026-10-01', readinessCount: 2 }, { tier: 'Tier 1', ownerName: 'Alex', lateMilestones: 2, revenue: 9 }),
    row('Charlie', null, { tier: null, ownerName: null, lateMilestones: 0, revenue: 0 }),
    row('Bravo', { name: 'Plan A', stage: 'Strategic Partner', score: 10, status: 'At Risk', lastReviewDate: null, readinessCount: null }, { tier: 'Tier 3', ownerName: 'Blake', lateMilestones: 9, revenue: 10 })
  ];
  const names = (key: Parameters<typeof sortPortfolio>[1], direction: 'asc' | 'desc'): string[] => sortPortfolio(rows, key, direction).map((r) => r.name);
  const cases: Array<[Parameters<typeof sortPortfolio>[1], string[]]> = [
    ['name', ['Alpha', 'Bravo', 'Charlie', 'Delta']],
    ['tier', ['Alpha', 'Delta', 'Bravo', 'Charlie']],
    ['owner', ['Alpha', 'Bravo', 'Delta', 'Charlie']],
    ['plan', ['Bravo', 'Alpha', 'Delta', 'Charlie']],
    ['stage', ['Delta', 'Bravo', 'Alpha', 'Charlie']],
    ['score', ['Bravo', 'Delta', 'Alpha', 'Charlie']],
    ['status', ['Alpha', 'Bravo', 'Delta', 'Charlie']],
    ['late', ['Charlie', 'Alpha', 'Bravo', 'Delta']],
    ['lastReview', ['Delta', 'Alpha', 'Bravo', 'Charlie']],
    ['readiness', ['Alpha', 'Delta', 'Bravo', 'Charlie']],
    ['revenue', ['Charlie', 'Alpha', 'Bravo', 'Delta']]
  ];
  for (const [key, ascending] of cases) {
    it(`by ${key}: ascending and descending, numbers as numbers, empty values last both ways`, () => {
      assert.deepEqual(names(key, 'asc'), ascending);
      const filled = ascending.filter((n) => !isEmpty(key, n));
      const empty = ascending.filter((n) => isEmpty(key, n));
      assert.deepEqual(names(key, 'desc'), [...filled.reverse(), ...empty]);
    });
  }
  function isEmpty(key: Parameters<typeof sortPortfolio>[1], name: string): boolean {
    const r = rows.find((x) => x.name === name);
    if (!r) throw new Error(`no row ${name}`);
    if (key === 'tier') return r.tier === null;
    if (key === 'owner') return r.ownerName === null;
    if (['plan', 'stage', 'score', 'status'].includes(key)) return r.plan === null;
    if (key === 'lastReview') return r.plan?.lastReviewDate == null;
    if (key === 'readiness') return r.plan?.readinessCount == null;
    return false;
  }
  it('breaks ties and orders empty values by account name, then by id, whatever the input order', () => {
    const tied = [plan('Beta', { score: 50 }), row('Zulu', null), plan('Alpha', { score: 50 }), row('Yankee', null), { ...plan('Alpha', { score: 50 }), id: '000first' }];
    for (const direction of ['asc', 'desc'] as const) {
      assert.deepEqual(sortPortfolio(tied, 'score', direction).map((r) => r.id), ['000first', '001Alpha', '001Beta', '001Yankee', '001Zulu']);
      assert.deepEqual(sortPortfolio([...tied].reverse(), 'score', direction).map((r) => r.id), ['000first', '001Alpha', '001Beta', '001Yankee', '001Zulu']);
    }
  });
});
