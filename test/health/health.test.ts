// Plan health, component by component, as a sales leader would read it.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { planHealth, reasonSentences, rollupsFromChildren, type PlanHealthInput, type HealthSettings } from '../../src/domain/health.js';

const settings: HealthSettings = { weights: { execution: 30, cadence: 20, coverage: 20, alignment: 15, results: 15 }, onTrackThreshold: 70, atRiskThreshold: 50, defaultReviewCadenceDays: 90 };
const TODAY = '2026-11-24';
const none = { milestonesTotal: 0, milestonesDone: 0, earliestOpenDue: null, lastReviewDate: null, sellerExecutives: 0, customerExecutives: 0, decisionMakers: 0, champions: 0, committedResources: 0, objectivesTotal: 0, objectivesAgreed: 0, measurableObjectives: 0, attainmentTotal: 0 };
const plan = (over: Partial<PlanHealthInput> = {}, rollups: Partial<PlanHealthInput['rollups']> = {}): PlanHealthInput => ({
  status: 'Active', stage: 'Vendor', periodStart: '2026-07-01', periodEnd: '2027-06-30', reviewCadenceDays: 90, sharedValue: null,
  customerAcknowledged: false, jointPlanningDate: null, hasAccountLead: false, hasBackupLead: false, ...over, rollups: { ...none, ...rollups }
});
const component = (p: PlanHealthInput, key: string): number | null => planHealth(p, settings, TODAY).components.find((c) => c.key === key)!.score;

describe('execution: milestones done against time passed', () => {
  it('is 100 when the share done keeps pace with the share of the period passed', () => {
    // 146 of 364 days passed (40%); 2 of 5 milestones done (40%).
    assert.equal(component(plan({}, { milestonesTotal: 5, milestonesDone: 2 }), 'execution'), 100);
  });
  it('falls with the gap: half the pace gives half the score', () => {
    assert.equal(component(plan({}, { milestonesTotal: 10, milestonesDone: 2 }), 'execution'), 50);
  });
  it('loses half a point per day the oldest open milestone is late, at most 50', () => {
    assert.equal(component(plan({}, { milestonesTotal: 5, milestonesDone: 2, earliestOpenDue: '2026-11-04' }), 'execution'), 90);
    assert.equal(component(plan({}, { milestonesTotal: 5, milestonesDone: 2, earliestOpenDue: '2025-11-04' }), 'execution'), 50);
  });
  it('is 0 without milestones: a plan with no actions is not executing', () => {
    assert.equal(component(plan(), 'execution'), 0);
  });
  it('before the period starts, is half marks until work is done, then 100', () => {
    assert.equal(component(plan({ periodStart: '2027-01-01', periodEnd: '2027-12-31' }, { milestonesTotal: 4 }), 'execution'), 50);
    assert.equal(component(plan({ periodStart: '2027-01-01', periodEnd: '2027-12-31' }, { milestonesTotal: 4, milestonesDone: 1 }), 'execution'), 100);
  });
  it('expects everything done once the period is over', () => {
    assert.equal(component(plan({ periodStart: '2025-01-01', periodEnd: '2025-12-31' }, { milestonesTotal: 4, milestonesDone: 3 }), 'execution'), 75);
  });
  it('without a valid period, is the share of milestones done', () => {
    assert.equal(component(plan({ periodStart: null }, { milestonesTotal: 4, milestonesDone: 1 }), 'execution'), 25);
  });
});

describe('review cadence', () => {
  it('is 100 within the cadence, then falls to 0 at twice the cadence', () => {
    assert.equal(component(plan({}, { lastReviewDate: '2026-09-01' }), 'cadence'), 100);
    assert.equal(component(plan({}, { lastReviewDate: '2026-07-12' }), 'cadence'), 50);
    assert.equal(component(plan({}, { lastReviewDate: '2026-01-01' }), 'cadence'), 0);
  });
  it('counts from the period start before the first review, never above half marks, and uses the default cadence when blank', () => {
    assert.equal(component(plan({ periodStart: '2026-10-01', reviewCadenceDays: null }), 'cadence'), 50);
    assert.equal(component(plan({ periodStart: TODAY }), 'cadence'), 50);
    assert.equal(component(plan({ periodStart: TODAY }, { lastReviewDate: TODAY }), 'cadence'), 100);
    assert.equal(component(plan({ periodStart: '2026-07-01', reviewCadenceDays: 90 }), 'cadence'), 38);
    assert.equal(component(plan({ periodStart: null }), 'cadence'), 0);
  });
});

describe('coverage: both teams', () => {
  it('adds executives on both sides, leads, a decision maker and a champion', () => {
    assert.equal(component(plan(), 'coverage'), 0);
    assert.equal(component(plan({ hasAccountLead: true, hasBackupLead: true }, { sellerExecutives: 1, customerExecutives: 1, decisionMakers: 1, champions: 2 }), 'coverage'), 100);
    assert.equal(component(plan({ hasAccountLead: true }, { sellerExecutives: 1 }), 'coverage'), 30);
  });
});

describe('alignment with the customer', () => {
  it('weighs agreed objectives, shared value and acknowledgement', () => {
    assert.equal(component(plan({ sharedValue: 'x', customerAcknowledged: true }, { objectivesTotal: 4, objectivesAgreed: 4 }), 'alignment'), 100);
    assert.equal(component(plan({}, { objectivesTotal: 4, objectivesAgreed: 1 }), 'alignment'), 13);
  });
});

describe('results', () => {
  it('averages capped attainment of objectives with targets', () => {
    assert.equal(component(plan({}, { measurableObjectives: 2, attainmentTotal: 150 }), 'results'), 75);
  });
  it('is left out without targets, so such a plan is not punished twice', () => {
    const health = planHealth(plan({}, { measurableObjectives: 0 }), settings, TODAY);
    assert.equal(health.components.find((c) => c.key === 'results')?.score, null);
    // Weighted without results: (30*0 + 20*100 + 20*0 + 15*0) / 85 = 23.5 → 24
    assert.equal(planHealth(plan({}, { lastReviewDate: '2026-11-01' }), settings, TODAY).score, 24);
  });
  it('counts attainment from objectives, capping each at 100', () => {
    const rollups = rollupsFromChildren({ milestones: [], teamRoles: [], reviews: [], objectives: [{ Target__c: 100, Actual__c: 300 }, { Target__c: 100, Actual__c: 50 }, { Target__c: 0, Actual__c: 10 }] });
    assert.equal(rollups.measurableObjectives, 2);
    assert.equal(rollups.attainmentTotal, 150);
  });
});

describe('score and status', () => {
  it('shows no score or status for draft and archived plans', () => {
    for (const status of ['Draft', 'Archived']) {
      const health = planHealth(plan({ status }), settings, TODAY);
      assert.equal(health.score, null);
      assert.equal(health.status, null);
      assert.equal(health.scored, false);
    }
  });
  it('uses the thresholds from settings', () => {
    const strong = plan({ hasAccountLead: true, hasBackupLead: true, sharedValue: 'x', customerAcknowledged: true }, { milestonesTotal: 5, milestonesDone: 2, lastReviewDate: '2026-11-01', sellerExecutives: 1, customerExecutives: 1, decisionMakers: 1, champions: 1, objectivesTotal: 2, objectivesAgreed: 2, measurableObjectives: 2, attainmentTotal: 160 });
    assert.equal(planHealth(strong, settings, TODAY).status, 'On Track');
    assert.equal(planHealth(strong, { ...settings, onTrackThreshold: 99 }, TODAY).status, 'At Risk');
    assert.equal(planHealth(strong, { ...settings, onTrackThreshold: 99, atRiskThreshold: 98 }, TODAY).status, 'Off Track');
  });
  it('explains itself in words a manager can read in a report', () => {
    const health = planHealth(plan({ hasBackupLead: true, sharedValue: 'x', customerAcknowledged: true }, { milestonesTotal: 3, milestonesDone: 1, earliestOpenDue: '2026-10-25', lastReviewDate: '2026-07-27', customerExecutives: 1, sellerExecutives: 1, decisionMakers: 1, objectivesTotal: 2, objectivesAgreed: 1 }), settings, TODAY);
    assert.equal(health.reasonText, 'The oldest open milestone is 30 days late. There has been no review for 120 days. No champion is named. 1 objective is not agreed with the customer.');
  });
  it('says one day and one objective in the singular, more in the plural', () => {
    const one = planHealth(plan({ hasBackupLead: true, sharedValue: 'x', customerAcknowledged: true, reviewCadenceDays: 0 }, { milestonesTotal: 3, milestonesDone: 1, earliestOpenDue: '2026-11-23', lastReviewDate: '2026-11-23', customerExecutives: 1, sellerExecutives: 1, decisionMakers: 1, champions: 1, objectivesTotal: 2, objectivesAgreed: 1 }), settings, TODAY);
    assert.deepEqual(one.reasons.map((r) => r.text), ['The oldest open milestone is 1 day late.', 'There has been no review for 1 day.', '1 objective is not agreed with the customer.']);
    const many = planHealth(plan({ hasBackupLead: true, sharedValue: 'x', customerAcknowledged: true }, { milestonesTotal: 3, milestonesDone: 1, earliestOpenDue: '2026-11-22', lastReviewDate: '2026-11-01', customerExecutives: 1, sellerExecutives: 1, decisionMakers: 1, champions: 1, objectivesTotal: 3, objectivesAgreed: 0 }), settings, TODAY);
    assert.deepEqual(many.reasons.map((r) => r.text), ['The oldest open milestone is 2 days late.', '3 objectives are not agreed with the customer.']);
  });
  it('reads the report field back as one reason per sentence', () => {
    assert.deepEqual(reasonSentences('The oldest open milestone is 40 days late. No backup account lead is named.'), ['The oldest open milestone is 40 days late.', 'No backup account lead is named.']);
    assert.deepEqual(reasonSentences(null), []);
  });
});

describe('readiness: the eight steps', () => {
  it('gives its evidence in words, singular and plural', () => {
    const one = planHealth(plan({}, { sellerExecutives: 1, customerExecutives: 1, committedResources: 1, objectivesTotal: 1, objectivesAgreed: 1, lastReviewDate: '2026-11-23' }), settings, TODAY).readiness.map((s) => s.evidence);
    assert.deepEqual([one[2], one[3], one[5], one[6]], ['1 of 1 objective agreed with the customer', '1 person of ours committed to the plan', "1 executive of ours, 1 of the customer's", 'Last review 1 day ago (cadence 90 days)']);
    const none = planHealth(plan(), settings, TODAY).readiness.map((s) => s.evidence);
    assert.deepEqual([none[0], none[2], none[3], none[6]], ['Not acknowledged by the customer yet', 'No objectives yet', 'Nobody of ours is committed to the plan yet', 'No review yet']);
  });
  it('marks each step from the data, with evidence', () => {
    const health = planHealth(plan({ customerAcknowledged: true, sharedValue: 'Lower cost to serve', jointPlanningDate: '2026-08-01', hasBackupLead: true }, { objectivesTotal: 2, objectivesAgreed: 2, committedResources: 2, sellerExecutives: 1, customerExecutives: 1, lastReviewDate: '2026-10-01' }), settings, TODAY);
    assert.equal(health.readinessCount, 8);
    assert.deepEqual(health.readiness.map((s) => s.met), [true, true, true, true, true, true, true, true]);
    assert.equal(health.readiness[6].evidence, 'Last review 54 days ago (cadence 90 days)');
  });
  it('does not count a joint planning date in the future, or a review outside the cadence', () => {
    const health = planHealth(plan({ jointPlanningDate: '2027-01-10' }, { lastReviewDate: '2026-01-01' }), settings, TODAY);
    assert.equal(health.readiness[4].met, false);
    assert.equal(health.readiness[6].met, false);
  });
  it('suggests the next stage only when the steps allow it, and never skips a stage', () => {
    const ready3 = plan({ stage: 'Vendor', customerAcknowledged: true, sharedValue: 'x' }, { objectivesTotal: 1, objectivesAgreed: 1 });
    assert.equal(planHealth(ready3, settings, TODAY).suggestedStage, 'Preferred Supplier');
    assert.equal(planHealth({ ...ready3, stage: 'Preferred Supplier' }, settings, TODAY).suggestedStage, null);
    assert.equal(planHealth({ ...ready3, stage: 'Alliance' }, settings, TODAY).suggestedStage, null);
  });
});
