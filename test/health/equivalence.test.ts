// One health model, two executions: the formula and roll-up fields read from force-app and
// evaluated by the formulon formula engine (in the local org's record store, which computes
// roll-ups and $CustomMetadata as the platform does) must give the same numbers, status,
// readiness, suggestion and reasons as planHealth() for every generated plan.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { makeId, Store, type Rec } from '../local-org/store.js';
import { formulasOf } from '../../scripts/lib/metadata/formulas.js';
import { healthInputFrom, planHealth } from '../../src/domain/health.js';
import { formulaStore } from './formula-store.js';

const PLANS = 3000;
const HEALTH_FIELDS = ['Health_Execution__c', 'Health_Cadence__c', 'Health_Coverage__c', 'Health_Alignment__c', 'Health_Results__c', 'Health_Score__c', 'Health_Status__c', 'Readiness_Count__c', 'Suggested_Stage__c', 'Health_Reasons__c'];

function prng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

const day = (base: string, offset: number): string => new Date(Date.parse(`${base}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);

describe('plan health: formulas and TypeScript agree', () => {
  const { store, project, settings, planField } = formulaStore();
  const random = prng(7);
  const pick = <T,>(values: readonly T[]): T => values[Math.floor(random() * values.length)];
  let n = 1000;
  const id = (prefix: string): string => makeId(prefix, ++n);

  it(`gives the same answers for ${PLANS} generated plans, edge cases included`, () => {
    const account: Rec = { Id: id('001'), Name: 'Generated' };
    store.insert('Account', account);
    let compared = 0;
    const generated: Array<{ today: string; record: Rec; children: { milestones: Rec[]; teamRoles: Rec[]; reviews: Rec[]; objectives: Rec[] } }> = [];
    const statuses = new Set<string>();
    for (let i = 0; i < PLANS; i += 1) {
      const today = day('2026-01-01', Math.floor(random() * 700));
      store.today = today;
      const shape = i % 12; // edge cases in turn: no milestones, all done, period not started, period over, blank dates...
      const start = shape === 4 ? null : day(today, -Math.floor(random() * 500) + (shape === 2 ? 400 : 0));
      const end = shape === 4 || !start ? null : day(start, shape === 3 ? 30 : shape === 5 ? -10 : 1 + Math.floor(random() * 500));
      const record: Rec = {
        Id: id('a01'),
        Account__c: account.Id,
        Name: `Plan ${i}`,
        Status__c: pick(['Active', 'Active', 'Active', 'Draft', 'Archived']),
        Relationship_Stage__c: pick(['Vendor', 'Preferred Supplier', 'Strategic Partner', 'Alliance', null]),
        Period_Start__c: start,
        Period_End__c: end,
        Review_Cadence_Days__c: shape === 6 ? null : pick([30, 60, 90, 180]),
        Shared_Value__c: random() < 0.6 ? 'Lower cost to serve' : null,
        Customer_Acknowledged__c: random() < 0.5,
        Joint_Planning_Date__c: random() < 0.5 ? day(today, Math.floor(random() * 200) - 150) : null,
        Account_Lead__c: random() < 0.8 ? makeId('005', 1) : null,
        Backup_Account_Lead__c: random() < 0.5 ? makeId('005', 2) : null
      };
      store.insert('Account_Plan__c', record);
      const children = { milestones: [] as Rec[], teamRoles: [] as Rec[], reviews: [] as Rec[], objectives: [] as Rec[] };
      const milestones = shape === 0 ? 0 : Math.floor(random() * 10);
      for (let m = 0; m < milestones; m += 1) {
        const status = shape === 1 ? 'Done' : pick(['Not Started', 'In Progress', 'Done', 'Blocked', 'Cancelled']);
        const due = random() < 0.1 ? null : day(today, Math.floor(random() * 300) - 200);
        children.milestones.push({ Id: id('a05'), Plan__c: record.Id, Status__c: status, Due_Date__c: due, Completed_On__c: status === 'Done' ? today : null });
      }
      for (let t = 0; t < Math.floor(random() * 8); t += 1) {
        const side = pick(['Seller', 'Customer']);
        children.teamRoles.push({ Id: id('a02'), Plan__c: record.Id, Side__c: side, C_Level__c: random() < 0.3, Committed__c: side === 'Seller' && random() < 0.5, Role__c: pick(['Executive Sponsor', 'Account Lead', 'Decision Maker', 'Economic Buyer', 'Champion', 'Influencer', 'Blocker', 'User']) });
      }
      for (let r = 0; r < (shape === 7 ? 0 : Math.floor(random() * 4)); r += 1) {
        children.reviews.push({ Id: id('a07'), Plan__c: record.Id, Review_Date__c: day(today, -Math.floor(random() * 400)) });
      }
      for (let o = 0; o < (shape === 8 ? 0 : Math.floor(random() * 5)); o += 1) {
        const target = shape === 9 ? 0 : pick([null, 0, 100, 250000, 1000000]);
        children.objectives.push({ Id: id('a06'), Plan__c: record.Id, Customer_Agreed__c: random() < 0.6, Target__c: target, Actual__c: random() < 0.2 ? null : Math.round(random() * 1200000) });
      }
      for (const [type, rows] of [['Plan_Milestone__c', children.milestones], ['Account_Team_Role__c', children.teamRoles], ['Plan_Review__c', children.reviews], ['Plan_Objective__c', children.objectives]] as const) {
        for (const row of rows) store.insert(type, row);
      }

      generated.push({ today, record, children });
    }
    for (const [i, { today, record, children }] of generated.entries()) {
      store.today = today;
      const formula = (name: string): unknown => planField(record, name);
      const ts = planHealth(healthInputFrom(record, children), settings, today);
      const where = `plan ${i} (${JSON.stringify({ today, ...record, children })})`;
      const byKey = Object.fromEntries(ts.components.map((c) => [c.key, c.score]));
      assert.equal(formula('Health_Execution__c'), byKey.execution, `execution, ${where}`);
      assert.equal(formula('Health_Cadence__c'), byKey.cadence, `cadence, ${where}`);
      assert.equal(formula('Health_Coverage__c'), byKey.coverage, `coverage, ${where}`);
      assert.equal(formula('Health_Alignment__c'), byKey.alignment, `alignment, ${where}`);
      assert.equal(formula('Health_Results__c'), byKey.results, `results, ${where}`);
      assert.equal(formula('Health_Score__c'), ts.score, `score, ${where}`);
      assert.equal(formula('Health_Status__c') || null, ts.status, `status, ${where}`);
      assert.equal(formula('Readiness_Count__c'), ts.readinessCount, `readiness, ${where}`);
      assert.equal(formula('Suggested_Stage__c') || null, ts.suggestedStage, `suggested stage, ${where}`);
      assert.equal(formula('Health_Reasons__c') ?? '', ts.reasonText, `reasons, ${where}`);
      if (i < 40) {
        // The fast path (cached syntax trees) must agree with formulon's public parse().
        const fast = HEALTH_FIELDS.map((name) => formula(name));
        Store.fastFormulas = false;
        store.touch();
        const slow = HEALTH_FIELDS.map((name) => formula(name));
        Store.fastFormulas = true;
        store.touch();
        assert.deepEqual(fast, slow, `fast and public formulon evaluation, ${where}`);
      }
      statuses.add(String(ts.status));
      compared += 1;
    }
    assert.equal(compared, PLANS);
    assert.deepEqual([...statuses].sort(), ['At Risk', 'Off Track', 'On Track', 'null'], 'every status occurs');
    const largest = formulasOf(project).sort((a, b) => b.formula.length - a.formula.length)[0];
    console.log(`largest formula: ${largest.formula.length} of 3,900 characters (${largest.file})`);
  });

  it('says one day in the singular, like the TypeScript', () => {
    const today = '2026-11-24';
    store.today = today;
    const account: Rec = { Id: id('001'), Name: 'Singular' };
    store.insert('Account', account);
    const record: Rec = { Id: id('a01'), Account__c: account.Id, Name: 'One day', Status__c: 'Active', Relationship_Stage__c: 'Vendor', Period_Start__c: '2026-01-01', Period_End__c: '2026-12-31', Review_Cadence_Days__c: 0, Shared_Value__c: 'x', Customer_Acknowledged__c: true, Joint_Planning_Date__c: null, Account_Lead__c: null, Backup_Account_Lead__c: null };
    store.insert('Account_Plan__c', record);
    const children = {
      milestones: [
        { Id: id('a05'), Plan__c: record.Id, Status__c: 'In Progress', Due_Date__c: '2026-11-23', Completed_On__c: null },
        { Id: id('a05'), Plan__c: record.Id, Status__c: 'Done', Due_Date__c: '2026-10-01', Completed_On__c: '2026-10-01' }
      ],
      teamRoles: [] as Rec[],
      reviews: [{ Id: id('a07'), Plan__c: record.Id, Review_Date__c: '2026-11-23' }],
      objectives: [{ Id: id('a06'), Plan__c: record.Id, Customer_Agreed__c: false, Target__c: null, Actual__c: null }]
    };
    for (const row of children.milestones) store.insert('Plan_Milestone__c', row);
    for (const row of children.reviews) store.insert('Plan_Review__c', row);
    for (const row of children.objectives) store.insert('Plan_Objective__c', row);
    const ts = planHealth(healthInputFrom(record, children), settings, today);
    const formula = planField(record, 'Health_Reasons__c');
    assert.equal(formula, ts.reasonText);
    assert.match(String(formula), /^The oldest open milestone is 1 day late\. There has been no review for 1 day\. .*1 objective is not agreed with the customer\.$/);
  });
});
