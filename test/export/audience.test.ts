// Issue 16, High 1: the document for the customer holds only what is meant for the customer; the
// whole plan is an explicit choice (--audience internal); the customer's team is the plan
// account's own contacts, enforced by a validation rule the local org evaluates.
import '../cli/harness.js';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanUpHome, loginToLocalOrg, runCommand } from '../cli/harness.js';
import { startLocalOrg, type LocalOrg } from '../local-org/index.js';
import PlanExport, { type PlanExportResult } from '../../src/commands/mam/plan/export.js';
import { planMarkdown, type PlanDocument } from '../../src/domain/plan-document.js';

const TODAY = '2026-11-24';
const dir = mkdtempSync(join(tmpdir(), 'mam-audience-'));

const doc: PlanDocument = {
  asOf: TODAY,
  accountName: 'Northwind',
  plan: { Name: 'FY27', Status__c: 'Active', Revenue_Target__c: 1200000, Wallet_Share_Target__c: 35, Shared_Value__c: 'Lower cost to serve' },
  objectives: [
    { Description__c: 'Agreed objective', Type__c: 'Cost Reduction', Customer_Agreed__c: true },
    { Description__c: 'Our upsell goal', Type__c: 'Revenue Growth', Customer_Agreed__c: false }
  ],
  milestones: [
    { Name: 'Joint workshop', Status__c: 'Done', Relationship_Step__c: 'Joint Planning' },
    { Name: 'Dropped idea', Status__c: 'Cancelled' }
  ],
  teamRoles: [{ Side__c: 'Customer', Role__c: 'Champion', Contact__r: { Name: 'Grace Hopper' }, C_Level__c: true, Influence__c: 'High', Relationship_Strength__c: 'Weak' }],
  reviews: [
    { Review_Date__c: '2026-10-01', Type__c: 'Joint with Customer', Customer_Attended__c: true, Decisions__c: 'Pilot approved', Health_At_Review__c: 74 },
    { Review_Date__c: '2026-10-02', Type__c: 'Internal', Customer_Attended__c: false, Decisions__c: 'Procurement lead leaks their bids to us' }
  ],
  insights: [{ Type__c: 'Weakness', Detail__c: 'Their CFO distrusts us' }],
  health: { score: 72, status: 'On Track', components: [{ name: 'Execution', score: 80, reasons: ['1 of 1 done'] }], readiness: [], readinessCount: 0 }
};

describe('the customer document (issue 16, High 1)', () => {
  it('by default holds only what the customer may see', () => {
    const md = planMarkdown(doc);
    for (const secret of ['Influence', '| Relationship |', 'Relationship step', 'Weak', 'C-level', 'Their CFO distrusts us', 'leaks their bids', 'Our upsell goal', 'Plan health', '72 / 100', 'Revenue target', '1,200,000', 'Wallet share', 'Health at review', '74', 'Dropped idea', 'Internal']) {
      assert.ok(!md.includes(secret), `customer version leaves out ${secret}`);
    }
    for (const shared of ['Agreed objective', 'Joint workshop', 'Grace Hopper', 'Champion', 'Pilot approved', 'Lower cost to serve']) assert.ok(md.includes(shared), `customer version has ${shared}`);
  });

  it('--audience internal holds the whole plan and says it is internal', () => {
    const md = planMarkdown({ ...doc, audience: 'internal' });
    for (const all of ['Internal: not for the customer.', 'Influence', 'Weak', 'Their CFO distrusts us', 'leaks their bids', 'Our upsell goal', '72 / 100', '1,200,000', 'Dropped idea']) assert.ok(md.includes(all), `internal version has ${all}`);
  });
});

describe('plan export over HTTP: audience, file names, team contacts', () => {
  let org: LocalOrg;
  before(async () => {
    org = await startLocalOrg({ seed: 'data/sample-data-plan.json', today: TODAY });
    await loginToLocalOrg(org.instanceUrl, org.accessToken, 'audience-org');
  });
  after(async () => {
    await org.close();
    cleanUpHome();
  });

  it('writes the customer version by default and the internal one only when asked, in differently named files', async () => {
    const plan = org.records('Account_Plan__c').find((p) => String(p.Name).startsWith('Northwind'));
    assert.ok(plan);
    const out = join(dir, 'northwind');
    const customer = await runCommand<PlanExportResult>(PlanExport, ['--target-org', 'audience-org', '--plan', plan.Id, '--output', out, '--as-of', TODAY]);
    assert.equal(customer.error, undefined, customer.error?.message);
    assert.equal(customer.result?.audience, 'customer');
    const md = readFileSync(join(out, 'Northwind-Logistics.md'), 'utf8');
    const html = readFileSync(join(out, 'Northwind-Logistics.html'), 'utf8');
    const insight = org.records('Plan_Insight__c').find((i) => i.Plan__c === plan.Id);
    for (const text of [md, html]) {
      assert.ok(insight && !text.includes(String(insight.Detail__c)), 'no insight');
      assert.ok(!/Influence|Relationship strength|Plan health|Wallet share/.test(text), 'no internal columns or sections');
    }
    const internal = await runCommand<PlanExportResult>(PlanExport, ['--target-org', 'audience-org', '--plan', plan.Id, '--output', out, '--as-of', TODAY, '--audience', 'internal']);
    assert.equal(internal.error, undefined, internal.error?.message);
    assert.deepEqual(internal.result?.files.map((f) => f.slice(out.length + 1)), ['Northwind-Logistics-internal.md', 'Northwind-Logistics-internal.html']);
    assert.ok(readFileSync(join(out, 'Northwind-Logistics-internal.md'), 'utf8').includes(String(insight?.Detail__c)));
  });

  it('a customer-side team member must be a contact of the plan account (validation rule, platform error)', async () => {
    const plan = org.records('Account_Plan__c').find((p) => String(p.Name).startsWith('Northwind'));
    const stranger = org.records('Contact').find((c) => c.AccountId !== plan?.Account__c);
    const own = org.records('Contact').find((c) => c.AccountId === plan?.Account__c);
    assert.ok(plan && stranger && own);
    const post = (body: Record<string, unknown>): Promise<Response> =>
      fetch(`${org.instanceUrl}/services/data/v${org.apiVersion}/sobjects/Account_Team_Role__c`, { method: 'POST', headers: { Authorization: `Bearer ${org.accessToken}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const refused = await post({ Plan__c: plan.Id, Side__c: 'Customer', Contact__c: stranger.Id, Role__c: 'Champion' });
    assert.equal(refused.status, 400);
    const [error] = (await refused.json()) as Array<{ errorCode: string; message: string; fields: string[] }>;
    assert.equal(error.errorCode, 'FIELD_CUSTOM_VALIDATION_EXCEPTION');
    assert.match(error.message, /contact of this plan's account/);
    assert.deepEqual(error.fields, ['Contact__c']);
    const accepted = await post({ Plan__c: plan.Id, Side__c: 'Customer', Contact__c: own.Id, Role__c: 'Champion' });
    assert.equal(accepted.status, 201, await accepted.text());
  });
});
