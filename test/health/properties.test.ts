// Health must follow the evidence: properties over generated plans and settings, for the model
// and for the formula fields the platform evaluates.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { makeId, type Rec } from '../local-org/store.js';
import { planHealth, type HealthSettings, type HealthStatus, type PlanHealthInput, type PlanRollups } from '../../src/domain/health.js';
import { formulaStore } from './formula-store.js';

const TODAY = '2026-11-24';
const day = (offset: number): string => new Date(Date.parse(`${TODAY}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
const RANK: Record<HealthStatus, number> = { 'Off Track': 0, 'At Risk': 1, 'On Track': 2 };

const settingsArb: fc.Arbitrary<HealthSettings> = fc
  .record({
    execution: fc.integer({ min: 0, max: 50 }),
    cadence: fc.integer({ min: 0, max: 50 }),
    coverage: fc.integer({ min: 0, max: 50 }),
    alignment: fc.integer({ min: 0, max: 50 }),
    results: fc.integer({ min: 0, max: 50 }),
    atRisk: fc.integer({ min: 1, max: 70 }),
    gap: fc.integer({ min: 1, max: 29 }),
    cadenceDays: fc.integer({ min: 1, max: 365 })
  })
  .map((s) => ({
    weights: { execution: s.execution, cadence: s.cadence, coverage: s.coverage, alignment: s.alignment, results: s.results },
    atRiskThreshold: s.atRisk,
    onTrackThreshold: s.atRisk + s.gap,
    defaultReviewCadenceDays: s.cadenceDays
  }));

const planArb: fc.Arbitrary<PlanHealthInput> = fc
  .record({
    start: fc.option(fc.integer({ min: -700, max: 200 })),
    length: fc.integer({ min: -30, max: 700 }),
    cadence: fc.option(fc.integer({ min: 1, max: 365 })),
    milestones: fc.integer({ min: 0, max: 20 }),
    doneShare: fc.double({ min: 0, max: 1, noNaN: true }),
    lateBy: fc.option(fc.integer({ min: -200, max: 300 })),
    reviewedAgo: fc.option(fc.integer({ min: 0, max: 500 })),
    people: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 5, maxLength: 5 }),
    objectives: fc.integer({ min: 0, max: 6 }),
    agreedShare: fc.double({ min: 0, max: 1, noNaN: true }),
    measurableShare: fc.double({ min: 0, max: 1, noNaN: true }),
    attainment: fc.double({ min: 0, max: 100, noNaN: true }),
    flags: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 })
  })
  .map((g): PlanHealthInput => {
    const done = Math.floor(g.milestones * g.doneShare);
    const measurable = Math.floor(g.objectives * g.measurableShare);
    const rollups: PlanRollups = {
      milestonesTotal: g.milestones,
      milestonesDone: done,
      earliestOpenDue: done < g.milestones && g.lateBy !== null ? day(-g.lateBy) : null,
      lastReviewDate: g.reviewedAgo === null ? null : day(-g.reviewedAgo),
      sellerExecutives: g.people[0],
      customerExecutives: g.people[1],
      decisionMakers: g.people[2],
      champions: g.people[3],
      committedResources: g.people[4],
      objectivesTotal: g.objectives,
      objectivesAgreed: Math.floor(g.objectives * g.agreedShare),
      measurableObjectives: measurable,
      attainmentTotal: Math.round(measurable * g.attainment)
    };
    return {
      status: 'Active',
      stage: 'Vendor',
      periodStart: g.start === null ? null : day(g.start),
      periodEnd: g.start === null ? null : day(g.start + g.length),
      reviewCadenceDays: g.cadence,
      sharedValue: g.flags[0] ? 'Lower cost to serve' : null,
      customerAcknowledged: g.flags[1],
      jointPlanningDate: null,
      hasAccountLead: g.flags[2],
      hasBackupLead: g.flags[3],
      rollups
    };
  });

/** Nothing has happened yet: no milestone done, no review. */
const unstarted = (p: PlanHealthInput): PlanHealthInput => ({ ...p, rollups: { ...p.rollups, milestonesDone: 0, lastReviewDate: null } });

/** Steps of good work a team can take, each applied to any plan. */
const goodWork: Array<[string, (p: PlanHealthInput) => PlanHealthInput]> = [
  ['a milestone is done', (p) => {
    const r = p.rollups;
    if (r.milestonesDone >= r.milestonesTotal) return p;
    const done = r.milestonesDone + 1;
    return { ...p, rollups: { ...r, milestonesDone: done, earliestOpenDue: done === r.milestonesTotal ? null : r.earliestOpenDue } };
  }],
  ['a review is held today', (p) => ({ ...p, rollups: { ...p.rollups, lastReviewDate: TODAY } })],
  ['an executive of ours joins', (p) => ({ ...p, rollups: { ...p.rollups, sellerExecutives: p.rollups.sellerExecutives + 1 } })],
  ['a customer executive joins', (p) => ({ ...p, rollups: { ...p.rollups, customerExecutives: p.rollups.customerExecutives + 1 } })],
  ['a decision maker is named', (p) => ({ ...p, rollups: { ...p.rollups, decisionMakers: p.rollups.decisionMakers + 1 } })],
  ['a champion is named', (p) => ({ ...p, rollups: { ...p.rollups, champions: p.rollups.champions + 1 } })],
  ['a backup lead is named', (p) => ({ ...p, hasBackupLead: true })],
  ['an objective is agreed', (p) => ({ ...p, rollups: { ...p.rollups, objectivesAgreed: Math.min(p.rollups.objectivesTotal, p.rollups.objectivesAgreed + 1) } })],
  ['the shared value is written down', (p) => ({ ...p, sharedValue: p.sharedValue ?? 'Shared value' })],
  ['the customer acknowledges the relationship', (p) => ({ ...p, customerAcknowledged: true })]
];

describe('health follows the evidence (model)', () => {
  it('never calls a plan On Track when nothing is done or reviewed yet, whatever the settings', () => {
    fc.assert(
      fc.property(planArb, settingsArb, (plan, settings) => {
        const health = planHealth(unstarted(plan), settings, TODAY);
        assert.notEqual(health.status, 'On Track');
        if (plan.rollups.milestonesTotal > 0) assert.ok(health.reasons.some((r) => r.code === 'noMilestoneDone'));
        assert.ok(health.reasons.some((r) => r.code === 'noReview'));
      }),
      { numRuns: 2000 }
    );
  });

  it('never gives full marks to a part with nothing to judge', () => {
    fc.assert(
      fc.property(planArb, settingsArb, (plan, settings) => {
        const parts = Object.fromEntries(planHealth(unstarted(plan), settings, TODAY).components.map((c) => [c.key, c.score]));
        assert.ok((parts.execution ?? 0) <= 50, `execution ${parts.execution}`);
        assert.ok((parts.cadence ?? 0) <= 50, `cadence ${parts.cadence}`);
      }),
      { numRuns: 1000 }
    );
  });

  for (const [step, apply] of goodWork) {
    it(`never lowers the score or the status when ${step}; undoing it never raises them`, () => {
      fc.assert(
        fc.property(planArb, settingsArb, (plan, settings) => {
          const before = planHealth(plan, settings, TODAY);
          const after = planHealth(apply(plan), settings, TODAY);
          assert.ok((after.score ?? 0) >= (before.score ?? 0), `${before.score} → ${after.score}`);
          assert.ok(RANK[after.status ?? 'Off Track'] >= RANK[before.status ?? 'Off Track'], `${before.status} → ${after.status}`);
        }),
        { numRuns: 500 }
      );
    });
  }

  it('never rewards a later milestone', () => {
    fc.assert(
      fc.property(planArb, settingsArb, fc.integer({ min: 1, max: 200 }), (plan, settings, moreDays) => {
        if (plan.rollups.milestonesDone >= plan.rollups.milestonesTotal) return;
        const due = plan.rollups.earliestOpenDue ?? TODAY;
        const later = { ...plan, rollups: { ...plan.rollups, earliestOpenDue: new Date(Date.parse(`${due}T00:00:00Z`) - moreDays * 86_400_000).toISOString().slice(0, 10) } };
        assert.ok((planHealth(later, settings, TODAY).score ?? 0) <= (planHealth(plan, settings, TODAY).score ?? 0));
      }),
      { numRuns: 1000 }
    );
  });

  it('scores a freshly created plan from the template as unproven, not On Track', () => {
    // What `sf mam plan create` makes, activated the same day: eight milestones over the year,
    // three objectives to agree, the account lead named, nobody else yet.
    const fresh: PlanHealthInput = {
      status: 'Active', stage: 'Vendor', periodStart: TODAY, periodEnd: day(364), reviewCadenceDays: 90, sharedValue: null, customerAcknowledged: false,
      jointPlanningDate: null, hasAccountLead: true, hasBackupLead: false,
      rollups: { milestonesTotal: 8, milestonesDone: 0, earliestOpenDue: day(30), lastReviewDate: null, sellerExecutives: 0, customerExecutives: 0, decisionMakers: 0, champions: 0, committedResources: 0, objectivesTotal: 3, objectivesAgreed: 0, measurableObjectives: 0, attainmentTotal: 0 }
    };
    const health = planHealth(fresh, { weights: { execution: 30, cadence: 20, coverage: 20, alignment: 15, results: 15 }, onTrackThreshold: 70, atRiskThreshold: 50, defaultReviewCadenceDays: 90 }, TODAY);
    assert.deepEqual(health.components.map((c) => c.score), [50, 50, 15, 0, null]);
    assert.equal(health.status, 'Off Track');
    assert.match(health.reasonText, /^No milestone is done yet\. The plan has not been reviewed yet\. No executive of ours is on the team\./);
  });
});

describe('health follows the evidence (formula fields)', () => {
  const { store, planField } = formulaStore(TODAY);
  const account: Rec = { Id: makeId('001', 1), Name: 'Generated' };
  store.insert('Account', account);
  let n = 100;

  /** Stores the plan with children that produce its roll-ups; returns the formulas' status and score. */
  function evaluate(p: PlanHealthInput): { status: unknown; score: unknown } {
    const r = p.rollups;
    const plan: Rec = {
      Id: makeId('a01', ++n), Account__c: account.Id, Name: `Plan ${n}`, Status__c: 'Active', Relationship_Stage__c: 'Vendor',
      Period_Start__c: p.periodStart, Period_End__c: p.periodEnd, Review_Cadence_Days__c: p.reviewCadenceDays, Shared_Value__c: p.sharedValue,
      Customer_Acknowledged__c: p.customerAcknowledged, Account_Lead__c: p.hasAccountLead ? makeId('005', 1) : null, Backup_Account_Lead__c: p.hasBackupLead ? makeId('005', 2) : null
    };
    store.insert('Account_Plan__c', plan);
    for (let m = 0; m < r.milestonesTotal; m += 1) {
      const done = m < r.milestonesDone;
      store.insert('Plan_Milestone__c', { Id: makeId('a05', ++n), Plan__c: plan.Id, Status__c: done ? 'Done' : 'In Progress', Due_Date__c: done ? null : r.earliestOpenDue, Completed_On__c: done ? TODAY : null });
    }
    if (r.lastReviewDate) store.insert('Plan_Review__c', { Id: makeId('a07', ++n), Plan__c: plan.Id, Review_Date__c: r.lastReviewDate });
    const people: Array<[number, Record<string, unknown>]> = [
      [r.sellerExecutives, { Side__c: 'Seller', C_Level__c: true, Role__c: 'Executive Sponsor' }],
      [r.customerExecutives, { Side__c: 'Customer', C_Level__c: true, Role__c: 'Influencer' }],
      [r.decisionMakers, { Side__c: 'Customer', C_Level__c: false, Role__c: 'Decision Maker' }],
      [r.champions, { Side__c: 'Customer', C_Level__c: false, Role__c: 'Champion' }]
    ];
    for (const [count, role] of people) for (let i = 0; i < count; i += 1) store.insert('Account_Team_Role__c', { Id: makeId('a02', ++n), Plan__c: plan.Id, Committed__c: false, ...role });
    for (let o = 0; o < r.objectivesTotal; o += 1) store.insert('Plan_Objective__c', { Id: makeId('a06', ++n), Plan__c: plan.Id, Customer_Agreed__c: o < r.objectivesAgreed, Target__c: null, Actual__c: null });
    return { status: planField(plan, 'Health_Status__c'), score: planField(plan, 'Health_Score__c') };
  }

  it('never report an unstarted plan On Track', () => {
    fc.assert(
      fc.property(planArb, (plan) => {
        const p = unstarted({ ...plan, rollups: { ...plan.rollups, measurableObjectives: 0, attainmentTotal: 0, committedResources: 0 } });
        assert.notEqual(evaluate(p).status, 'On Track');
      }),
      { numRuns: 150 }
    );
  });

  it('never lower the score when a milestone is done or a review is held', () => {
    fc.assert(
      fc.property(planArb, fc.constantFrom(0, 1), (plan, which) => {
        const p = { ...plan, rollups: { ...plan.rollups, measurableObjectives: 0, attainmentTotal: 0, committedResources: 0 } };
        const better = goodWork[which][1](p);
        assert.ok(Number(evaluate(better).score ?? 0) >= Number(evaluate(p).score ?? 0));
      }),
      { numRuns: 100 }
    );
  });
});
