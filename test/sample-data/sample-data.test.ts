// The committed sample data is what the generator makes, it loads into an org (the local org
// applies the platform's validation), its revenue has a long tail, and its three plans show the
// three health statuses the README and INTENT.md promise.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSampleData, writeSampleData } from '../../scripts/generate-sample-data.js';
import { startLocalOrg, type LocalOrg } from '../local-org/index.js';
import { healthInputFrom, healthSettingsFrom, planHealth } from '../../src/domain/health.js';

const AS_OF = '2026-11-24';

describe('sample data', () => {
  let org: LocalOrg;
  before(async () => {
    org = await startLocalOrg({ seed: 'data/sample-data-plan.json', today: AS_OF });
  });
  after(() => org.close());

  it('is exactly what the generator writes for the committed date, and the same twice', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mam-sample-'));
    try {
      const written = writeSampleData(AS_OF, dir);
      for (const name of written) assert.equal(readFileSync(join(dir, name), 'utf8'), readFileSync(join('data', name), 'utf8'), `data/${name} is stale: run npx tsx scripts/generate-sample-data.ts --as-of ${AS_OF} --out data`);
      const committed = readdirSync('data').filter((f) => f.endsWith('.json'));
      assert.deepEqual(committed.sort(), [...written].sort(), 'no extra or missing data files');
      assert.deepEqual(JSON.stringify([...generateSampleData(AS_OF)]), JSON.stringify([...generateSampleData(AS_OF)]));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('loads into an org with every validation rule passing (30 accounts, three plans)', () => {
    assert.equal(org.records('Account').length, 30);
    assert.equal(org.records('Account_Plan__c').length, 3);
    assert.ok(org.records('Contact').some((c) => c.ReportsToId), 'contacts carry a reporting line');
    assert.ok(org.records('Account_Team_Role__c').some((r) => r.Reports_To__c), 'the customer team has an org chart');
  });

  it('has a long tail: the top 20% of accounts bring at least 70% of last year\'s revenue', () => {
    const totals = new Map<string, number>();
    for (const o of org.records('Opportunity')) {
      if (o.IsWon && String(o.CloseDate) > '2025-11-24') totals.set(String(o.AccountId), (totals.get(String(o.AccountId)) ?? 0) + Number(o.Amount));
    }
    const sorted = [...totals.values()].sort((a, b) => b - a);
    const top = sorted.slice(0, Math.ceil(sorted.length / 5)).reduce((s, v) => s + v, 0);
    const share = top / sorted.reduce((s, v) => s + v, 0);
    assert.ok(share >= 0.7, `top 20% bring ${(share * 100).toFixed(1)}%`);
  });

  it('shows one plan On Track, one At Risk and one Off Track, in the formulas and in planHealth', () => {
    const plan = org.schema.objects.get('Account_Plan__c')!;
    const settings = healthSettingsFrom(org.records('Major_Account_Setting__mdt')[0]);
    const byName: Record<string, { status: unknown; score: unknown; reasons: string }> = {};
    for (const p of org.records('Account_Plan__c')) {
      const children = (type: string) => org.records(type).filter((r) => r.Plan__c === p.Id);
      const health = planHealth(healthInputFrom(p, { milestones: children('Plan_Milestone__c'), teamRoles: children('Account_Team_Role__c'), reviews: children('Plan_Review__c'), objectives: children('Plan_Objective__c') }), settings, AS_OF);
      assert.equal(org.store.value(plan, p, plan.fields.get('Health_Status__c')!), health.status);
      assert.equal(org.store.value(plan, p, plan.fields.get('Health_Score__c')!), health.score);
      byName[String(p.Name).split(' — ')[0]] = { status: health.status, score: health.score, reasons: health.reasonText };
    }
    assert.equal(byName['Northwind Logistics'].status, 'On Track');
    assert.equal(byName['Contoso Pharma'].status, 'At Risk');
    assert.equal(byName['Fabrikam Energy'].status, 'Off Track');
    assert.match(byName['Contoso Pharma'].reasons, /The oldest open milestone is 40 days late\. There has been no review for 146 days\./);
    assert.match(byName['Fabrikam Energy'].reasons, /No customer executive is on the team\./);
  });
});
