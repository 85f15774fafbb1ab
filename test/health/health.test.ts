// Plan health, component by component, as a sales leader would read it.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { healthInputFrom, healthSettingsFrom, healthStatusFor, healthView, planHealth, reasonSentences, rollupsFromChildren, rollupsFromFields, type PlanHealthInput, type HealthSettings } from '../../src/domain/health.js';

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

describe('execution: periods that cannot be measured against time', () => {
  it('a plan whose period ends the day it starts, or before, is judged on the share of milestones done', () => {
    assert.equal(component(plan({ periodStart: '2026-07-01', periodEnd: '2026-07-01' }, { milestonesTotal: 4, milestonesDone: 2 }), 'execution'), 50);
    assert.equal(component(plan({ periodStart: '2026-07-01', periodEnd: '2026-01-01' }, { milestonesTotal: 4, milestonesDone: 2 }), 'execution'), 50);
    assert.equal(component(plan({ periodEnd: null }, { milestonesTotal: 4, milestonesDone: 2 }), 'execution'), 50);
  });
  it('the same for such a period that is today or still ahead: the share done, not the before-the-start rule', () => {
    assert.equal(component(plan({ periodStart: TODAY, periodEnd: TODAY }, { milestonesTotal: 4, milestonesDone: 2 }), 'execution'), 50);
    assert.equal(component(plan({ periodStart: '2027-01-01', periodEnd: '2026-12-01' }, { milestonesTotal: 4, milestonesDone: 2 }), 'execution'), 50);
  });
  it('on the first day of the period still gives half marks until a milestone is done', () => {
    assert.equal(component(plan({ periodStart: TODAY, periodEnd: '2027-11-23' }, { milestonesTotal: 4 }), 'execution'), 50);
    assert.equal(component(plan({ periodStart: TODAY, periodEnd: '2027-11-23' }, { milestonesTotal: 4, milestonesDone: 1 }), 'execution'), 100);
  });
  it('does not count a milestone due today as late', () => {
    assert.equal(component(plan({}, { milestonesTotal: 5, milestonesDone: 2, earliestOpenDue: TODAY }), 'execution'), 100);
    assert.deepEqual(planHealth(plan({}, { milestonesTotal: 5, milestonesDone: 2, earliestOpenDue: TODAY }), settings, TODAY).components[0].reasons, []);
  });
});

describe('score: how the parts are weighed', () => {
  it('weighs every part, results included when the plan has targets', () => {
    // execution 0, cadence 38, coverage 15, alignment 25, results 100:
    // (20*38 + 20*15 + 15*25 + 15*100) / 100 = 29.35 → 29
    const health = planHealth(plan({ hasAccountLead: true, sharedValue: 'x' }, { measurableObjectives: 2, attainmentTotal: 200 }), settings, TODAY);
    assert.deepEqual(health.components.map((c) => [c.key, c.score, c.weight]), [['execution', 0, 30], ['cadence', 38, 20], ['coverage', 15, 20], ['alignment', 25, 15], ['results', 100, 15]]);
    assert.equal(health.score, 29);
  });
});

describe('status: evidence before confidence', () => {
  const strong = (rollups: Partial<PlanHealthInput['rollups']>): PlanHealthInput =>
    plan({ hasAccountLead: true, hasBackupLead: true, sharedValue: 'x', customerAcknowledged: true, periodStart: '2026-12-01', periodEnd: '2027-11-30' }, { milestonesTotal: 4, sellerExecutives: 1, customerExecutives: 1, decisionMakers: 1, champions: 1, objectivesTotal: 2, objectivesAgreed: 2, measurableObjectives: 2, attainmentTotal: 200, ...rollups });
  it('a plan with nothing done and no review is at best At Risk, whatever its score', () => {
    // Starts next week: execution and cadence are half marks, the rest full — 75.
    const health = planHealth(strong({}), settings, TODAY);
    assert.equal(health.score, 75);
    assert.equal(health.status, 'At Risk');
  });
  it('one milestone done, or one review held, is enough evidence to be On Track', () => {
    assert.equal(planHealth(strong({ milestonesDone: 1 }), settings, TODAY).status, 'On Track');
    assert.equal(planHealth(strong({ lastReviewDate: '2026-11-20' }), settings, TODAY).status, 'On Track');
  });
  it('a score exactly at a threshold reaches that status', () => {
    assert.equal(healthStatusFor(70, settings), 'On Track');
    assert.equal(healthStatusFor(69, settings), 'At Risk');
    assert.equal(healthStatusFor(50, settings), 'At Risk');
    assert.equal(healthStatusFor(49, settings), 'Off Track');
    assert.equal(healthStatusFor(70, settings, false), 'At Risk');
    assert.equal(healthStatusFor(null, settings), null);
  });
});

describe('reasons: codes and values the page puts in its own words', () => {
  it('an empty plan gives every reason, in report order, each with its code', () => {
    const health = planHealth(plan(), settings, TODAY);
    assert.deepEqual(health.reasons, [
      { code: 'noMilestones', text: 'The plan has no milestones.' },
      { code: 'noReview', text: 'The plan has not been reviewed yet.' },
      { code: 'noSellerExecutive', text: 'No executive of ours is on the team.' },
      { code: 'noCustomerExecutive', text: 'No customer executive is on the team.' },
      { code: 'noDecisionMaker', text: 'No decision maker is named.' },
      { code: 'noChampion', text: 'No champion is named.' },
      { code: 'noBackupLead', text: 'No backup account lead is named.' },
      { code: 'noObjectives', text: 'The plan has no objectives.' },
      { code: 'noSharedValue', text: 'No shared value is written down.' },
      { code: 'notAcknowledged', text: 'The customer has not acknowledged the relationship.' }
    ]);
    assert.equal(health.reasonText, health.reasons.map((r) => r.text).join(' '));
    assert.deepEqual(health.components.find((c) => c.key === 'results')?.reasons, [{ code: 'noTargets', text: 'No objective has a target, so results are not scored.' }]);
  });
  it('gives the number behind each late, overdue or not-agreed reason as its value', () => {
    const health = planHealth(plan({ hasBackupLead: true, sharedValue: 'x', customerAcknowledged: true }, { milestonesTotal: 3, earliestOpenDue: '2026-10-25', lastReviewDate: '2026-07-27', customerExecutives: 1, sellerExecutives: 1, decisionMakers: 1, champions: 1, objectivesTotal: 3, objectivesAgreed: 1, measurableObjectives: 1, attainmentTotal: 40 }), settings, TODAY);
    assert.deepEqual(health.reasons, [
      { code: 'noMilestoneDone', text: 'No milestone is done yet.' },
      { code: 'milestoneLate', value: 30, text: 'The oldest open milestone is 30 days late.' },
      { code: 'reviewOverdue', value: 120, text: 'There has been no review for 120 days.' },
      { code: 'objectivesNotAgreed', value: 2, text: '2 objectives are not agreed with the customer.' }
    ]);
    assert.deepEqual(health.components.find((c) => c.key === 'results')?.reasons, []);
  });
  it('gives no alignment reason about objectives once every objective is agreed', () => {
    const health = planHealth(plan({ sharedValue: 'x', customerAcknowledged: true }, { objectivesTotal: 2, objectivesAgreed: 2 }), settings, TODAY);
    assert.deepEqual(health.components.find((c) => c.key === 'alignment')?.reasons, []);
  });
  it('a review exactly one cadence ago is not overdue', () => {
    const health = planHealth(plan({}, { lastReviewDate: '2026-08-26' }), settings, TODAY);
    assert.deepEqual(health.components.find((c) => c.key === 'cadence')?.reasons, []);
    assert.equal(health.readiness[6].met, true);
    assert.equal(health.readiness[6].evidence, 'Last review 90 days ago (cadence 90 days)');
    assert.equal(planHealth(plan({}, { lastReviewDate: '2026-08-25' }), settings, TODAY).readiness[6].met, false);
  });
  it('reads sentences with stray spaces around them', () => {
    assert.deepEqual(reasonSentences('  No champion is named.   The plan has no objectives. '), ['No champion is named.', 'The plan has no objectives.']);
  });
});

describe('readiness: evidence for every step', () => {
  it('a plan with nothing yet meets no step and says what is missing, step by step', () => {
    const health = planHealth(plan(), settings, TODAY);
    assert.deepEqual(health.readiness.map((s) => [s.step, s.met, s.evidence]), [
      ['Acknowledged Relationship', false, 'Not acknowledged by the customer yet'],
      ['Mutual Benefits', false, 'No shared value statement'],
      ['Objectives Agreed', false, 'No objectives yet'],
      ['Resources Committed', false, 'Nobody of ours is committed to the plan yet'],
      ['Joint Planning', false, 'No joint planning yet'],
      ['C-Level Engagement', false, "0 executives of ours, 0 of the customer's"],
      ['Routine Review', false, 'No review yet'],
      ['Continuity', false, 'No backup account lead']
    ]);
    assert.equal(health.readinessCount, 0);
  });
  it('a plan with everything in place shows the evidence for each step', () => {
    const health = planHealth(plan({ customerAcknowledged: true, sharedValue: 'Lower cost to serve', jointPlanningDate: TODAY, hasBackupLead: true }, { objectivesTotal: 2, objectivesAgreed: 2, committedResources: 2, sellerExecutives: 2, customerExecutives: 3, lastReviewDate: '2026-10-01' }), settings, TODAY);
    assert.deepEqual(health.readiness.map((s) => s.evidence), [
      'The customer acknowledged the relationship',
      'Shared value: Lower cost to serve',
      '2 of 2 objectives agreed with the customer',
      '2 people of ours committed to the plan',
      `Joint planning on ${TODAY}`,
      "2 executives of ours, 3 of the customer's",
      'Last review 54 days ago (cadence 90 days)',
      'A backup account lead is named'
    ]);
    assert.equal(health.readinessCount, 8);
  });
  it('objectives count only when every one is agreed', () => {
    assert.equal(planHealth(plan({}, { objectivesTotal: 2, objectivesAgreed: 1 }), settings, TODAY).readiness[2].met, false);
    assert.equal(planHealth(plan({}, { objectivesTotal: 2, objectivesAgreed: 1 }), settings, TODAY).readiness[2].evidence, '1 of 2 objectives agreed with the customer');
  });
  it('C-level engagement needs an executive on both sides', () => {
    assert.equal(planHealth(plan({}, { sellerExecutives: 1 }), settings, TODAY).readiness[5].met, false);
    assert.equal(planHealth(plan({}, { customerExecutives: 1 }), settings, TODAY).readiness[5].met, false);
    assert.equal(planHealth(plan({}, { sellerExecutives: 1, customerExecutives: 1 }), settings, TODAY).readiness[5].met, true);
  });
});

describe('suggested stage: one step up at a time', () => {
  const all8 = plan({ customerAcknowledged: true, sharedValue: 'x', jointPlanningDate: '2026-08-01', hasBackupLead: true }, { objectivesTotal: 1, objectivesAgreed: 1, committedResources: 1, sellerExecutives: 1, customerExecutives: 1, lastReviewDate: '2026-11-01' });
  it('suggests Alliance to a Strategic Partner only when all eight steps are met', () => {
    assert.equal(planHealth({ ...all8, stage: 'Strategic Partner' }, settings, TODAY).suggestedStage, 'Alliance');
    assert.equal(planHealth({ ...all8, stage: 'Strategic Partner', hasBackupLead: false }, settings, TODAY).suggestedStage, null);
  });
  it('suggests Strategic Partner to a Preferred Supplier once the first six steps are met', () => {
    assert.equal(planHealth({ ...all8, stage: 'Preferred Supplier', hasBackupLead: false }, settings, TODAY).suggestedStage, 'Strategic Partner');
  });
  it('suggests nothing beyond Alliance, and treats a plan without a stage like a Vendor', () => {
    assert.equal(planHealth({ ...all8, stage: 'Alliance' }, settings, TODAY).suggestedStage, null);
    assert.equal(planHealth({ ...all8, stage: null }, settings, TODAY).suggestedStage, 'Preferred Supplier');
  });
});

describe('reading the platform records', () => {
  it('reads the settings record, field by field', () => {
    const record = { Weight_Execution__c: 30, Weight_Cadence__c: '20', Weight_Coverage__c: 21, Weight_Alignment__c: 14, Weight_Results__c: 15, On_Track_Threshold__c: 70, At_Risk_Threshold__c: 50, Default_Review_Cadence_Days__c: 91 };
    assert.deepEqual(healthSettingsFrom(record), { weights: { execution: 30, cadence: 20, coverage: 21, alignment: 14, results: 15 }, onTrackThreshold: 70, atRiskThreshold: 50, defaultReviewCadenceDays: 91 });
  });
  it('counts the children as the roll-up fields do: cancelled milestones out, open ones for lateness, the latest review, each side for itself', () => {
    const rollups = rollupsFromChildren({
      milestones: [{ Status__c: 'Done', Due_Date__c: '2026-01-01' }, { Status__c: 'Cancelled', Due_Date__c: '2026-02-01' }, { Status__c: 'Open', Due_Date__c: '2026-06-01' }, { Status__c: 'In Progress', Due_Date__c: '2026-05-01' }, { Status__c: 'Open', Due_Date__c: null }],
      teamRoles: [
        { Side__c: 'Seller', C_Level__c: true, Role__c: 'Champion', Committed__c: true },
        { Side__c: 'Seller', C_Level__c: true, Committed__c: true },
        { Side__c: 'Seller', C_Level__c: false, Role__c: 'Decision Maker', Committed__c: false },
        { Side__c: 'Customer', C_Level__c: true, Role__c: 'Economic Buyer', Committed__c: true },
        { Side__c: 'Customer', C_Level__c: false, Role__c: 'Decision Maker' },
        { Side__c: 'Customer', C_Level__c: false, Role__c: 'Champion' },
        { Side__c: 'Customer', C_Level__c: false, Role__c: 'Influencer' }
      ],
      reviews: [{ Review_Date__c: '2026-03-01' }, { Review_Date__c: '2026-09-15' }, { Review_Date__c: null }, { Review_Date__c: '2026-06-30' }],
      objectives: [{ Customer_Agreed__c: true, Target__c: null }, { Customer_Agreed__c: true }, { Customer_Agreed__c: true }, { Customer_Agreed__c: false, Target__c: '' }, { Customer_Agreed__c: 'true' }]
    });
    assert.deepEqual(rollups, { milestonesTotal: 4, milestonesDone: 1, earliestOpenDue: '2026-05-01', lastReviewDate: '2026-09-15', sellerExecutives: 2, customerExecutives: 1, decisionMakers: 2, champions: 1, committedResources: 2, objectivesTotal: 5, objectivesAgreed: 3, measurableObjectives: 0, attainmentTotal: 0 });
  });
  it('a plan without children has nothing to count', () => {
    const rollups = rollupsFromChildren({ milestones: [], teamRoles: [], reviews: [], objectives: [] });
    assert.equal(rollups.earliestOpenDue, null);
    assert.equal(rollups.lastReviewDate, null);
    assert.equal(rollups.milestonesTotal, 0);
  });
  it('reads the roll-up fields, blanks as zero or no date', () => {
    const fields = { Milestones_Total__c: 5, Milestones_Done__c: '2', Earliest_Open_Due__c: '2026-10-01', Last_Review_Date__c: '2026-11-01', Seller_Executives__c: 1, Customer_Executives__c: 2, Decision_Makers__c: 3, Champions__c: 4, Committed_Resources__c: 5, Objectives_Total__c: 6, Objectives_Agreed__c: 7, Measurable_Objectives__c: 8, Attainment_Total__c: 9 };
    assert.deepEqual(rollupsFromFields(fields), { milestonesTotal: 5, milestonesDone: 2, earliestOpenDue: '2026-10-01', lastReviewDate: '2026-11-01', sellerExecutives: 1, customerExecutives: 2, decisionMakers: 3, champions: 4, committedResources: 5, objectivesTotal: 6, objectivesAgreed: 7, measurableObjectives: 8, attainmentTotal: 9 });
    const blank = rollupsFromFields({ Milestones_Total__c: null, Milestones_Done__c: '', Earliest_Open_Due__c: '', Last_Review_Date__c: null });
    assert.equal(blank.milestonesTotal, 0);
    assert.equal(blank.milestonesDone, 0);
    assert.equal(blank.earliestOpenDue, null);
    assert.equal(blank.lastReviewDate, null);
    assert.equal(blank.champions, 0);
  });
  it('reads a plan record: a blank cadence means the default, acknowledgement only when ticked, leads when named', () => {
    const noChildren = { milestones: [], teamRoles: [], reviews: [], objectives: [] };
    const input = healthInputFrom({ Status__c: 'Active', Relationship_Stage__c: 'Vendor', Period_Start__c: '2026-01-01', Period_End__c: '', Review_Cadence_Days__c: '', Shared_Value__c: 'Growth', Customer_Acknowledged__c: 'yes', Joint_Planning_Date__c: null, Account_Lead__c: '005A', Backup_Account_Lead__c: '' }, noChildren);
    assert.deepEqual({ ...input, rollups: undefined }, { status: 'Active', stage: 'Vendor', periodStart: '2026-01-01', periodEnd: null, reviewCadenceDays: null, sharedValue: 'Growth', customerAcknowledged: false, jointPlanningDate: null, hasAccountLead: true, hasBackupLead: false, rollups: undefined });
    const ticked = healthInputFrom({ Review_Cadence_Days__c: 30, Customer_Acknowledged__c: true }, noChildren);
    assert.equal(ticked.reviewCadenceDays, 30);
    assert.equal(ticked.customerAcknowledged, true);
    // Fields the query did not return are blank, not the word "undefined".
    assert.equal(ticked.status, null);
    assert.equal(ticked.periodStart, null);
    assert.equal(ticked.sharedValue, null);
  });
});

describe('the record page view (formula fields plus the readiness evidence)', () => {
  const fields = {
    Status__c: 'Active', Relationship_Stage__c: 'Vendor', Period_Start__c: '2026-07-01', Period_End__c: '2027-06-30', Review_Cadence_Days__c: 30,
    Shared_Value__c: 'Growth', Customer_Acknowledged__c: true, Account_Lead__c: '005A', Backup_Account_Lead__c: null,
    Milestones_Total__c: 4, Milestones_Done__c: 1, Last_Review_Date__c: '2026-11-04', Objectives_Total__c: 2, Objectives_Agreed__c: 2,
    Health_Score__c: 64, Health_Status__c: 'At Risk', Health_Execution__c: 60, Health_Cadence__c: 100, Health_Coverage__c: 15, Health_Alignment__c: 100, Health_Results__c: 75,
    Health_Reasons__c: 'No champion is named. No backup account lead is named.', Readiness_Count__c: 5, Suggested_Stage__c: 'Preferred Supplier'
  };
  it('shows the formula fields as they are and the readiness evidence from the same plan', () => {
    const view = healthView(fields, TODAY);
    assert.equal(view.score, 64);
    assert.equal(view.status, 'At Risk');
    assert.deepEqual(view.parts, [{ key: 'execution', score: 60 }, { key: 'cadence', score: 100 }, { key: 'coverage', score: 15 }, { key: 'alignment', score: 100 }, { key: 'results', score: 75 }]);
    assert.deepEqual(view.reasons, ['No champion is named.', 'No backup account lead is named.']);
    // The count shown is the platform's formula field, not a recount of the checklist.
    assert.equal(view.readinessCount, 5);
    assert.equal(view.suggestedStage, 'Preferred Supplier');
    assert.equal(view.lastReviewDate, '2026-11-04');
    assert.deepEqual(view.readiness.map((s) => s.met), [true, true, true, false, false, false, true, false]);
    assert.equal(view.readiness[6].evidence, 'Last review 20 days ago (cadence 30 days)');
  });
  it('a plan not scored yet shows no score, status or parts, and counts readiness itself when the field is blank', () => {
    const view = healthView({ ...fields, Health_Score__c: null, Health_Status__c: '', Health_Execution__c: undefined, Health_Cadence__c: null, Readiness_Count__c: null, Suggested_Stage__c: null, Health_Reasons__c: null }, TODAY);
    assert.equal(view.score, null);
    assert.equal(view.status, null);
    assert.deepEqual(view.parts.slice(0, 2), [{ key: 'execution', score: null }, { key: 'cadence', score: null }]);
    assert.deepEqual(view.reasons, []);
    assert.equal(view.readinessCount, 4);
    assert.equal(view.suggestedStage, null);
    const unread = healthView({ ...fields, Health_Score__c: undefined, Readiness_Count__c: undefined }, TODAY);
    assert.equal(unread.score, null);
    assert.equal(unread.readinessCount, 4);
  });
  it('a plan whose cadence was cleared shows the review step as not met', () => {
    const view = healthView({ ...fields, Review_Cadence_Days__c: null }, TODAY);
    assert.equal(view.readiness[6].met, false);
  });
});
