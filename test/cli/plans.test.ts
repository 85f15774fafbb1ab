import './harness.js';
import { after, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanUpHome, loginToLocalOrg, runCommand } from './harness.js';
import { startLocalOrg, type LocalOrg } from '../local-org/index.js';
import PlanCreate, { type PlanCreateResult } from '../../src/commands/mam/plan/create.js';
import Health, { type HealthResult } from '../../src/commands/mam/health.js';
import PlanExport, { type PlanExportResult } from '../../src/commands/mam/plan/export.js';
import Identify from '../../src/commands/mam/identify.js';

const TODAY = '2026-11-24';
const dir = mkdtempSync(join(tmpdir(), 'mam-plans-'));
let n = 0;
const file = (): string => join(dir, `ids-${++n}.json`);

describe('plans: create, health, export', () => {
  let org: LocalOrg;
  const alias = 'plans-org';
  beforeEach(async () => {
    await org?.close();
    org = await startLocalOrg({ seed: 'data/sample-data-plan.json', today: TODAY });
    await loginToLocalOrg(org.instanceUrl, org.accessToken, alias);
  });
  after(async () => {
    await org?.close();
    cleanUpHome();
  });

  it('health: every active plan worst first, numbers equal to the formula fields', async () => {
    const { result, error, stdout } = await runCommand<HealthResult>(Health, ['--target-org', alias, '--as-of', TODAY]);
    assert.equal(error, undefined, error?.message);
    assert.deepEqual(result?.plans.map((p) => [p.account, p.health.score, p.health.status]), [
      ['Fabrikam Energy', 7, 'Off Track'],
      ['Contoso Pharma', 56, 'At Risk'],
      ['Northwind Logistics', 87, 'On Track']
    ]);
    assert.ok(result?.plans.every((p) => p.orgScore === undefined), 'no plan disagrees with its Health_Score__c formula');
    assert.match(stdout, /1 On Track, 1 At Risk, 1 Off Track/);
    assert.ok(!stdout.includes(org.accessToken), 'never prints the access token');
  });

  it('health says how many Draft plans are not scored, and --include-draft shows them as unproven', async () => {
    const created = await runCommand<PlanCreateResult>(PlanCreate, ['--target-org', alias, '--account', 'Adatum Retail Group', '--start', TODAY, '--undo-file', file()]);
    assert.equal(created.error, undefined, created.error?.message);
    const plain = await runCommand<HealthResult>(Health, ['--target-org', alias, '--as-of', TODAY]);
    assert.equal(plain.result?.drafts, 1);
    assert.equal(plain.result?.plans.length, 3, 'Drafts are not listed without --include-draft');
    assert.match(plain.stdout, /1 Draft plan\(s\) are not scored: health counts from the day a plan is activated\. Activate a plan by setting its Status to Active/);
    const withDrafts = await runCommand<HealthResult>(Health, ['--target-org', alias, '--as-of', TODAY, '--include-draft', '--fail-under', '40']);
    const draft = withDrafts.result?.plans.find((p) => p.draft) ?? (withDrafts.error?.data as HealthResult | undefined)?.plans.find((p) => p.draft);
    assert.equal(draft?.account, 'Adatum Retail Group');
    // Created today from the template: nothing done, never reviewed — not On Track, and it says why.
    assert.notEqual(draft?.health.status, 'On Track');
    assert.match(draft?.health.reasonText ?? '', /No milestone is done yet\. The plan has not been reviewed yet\./);
    assert.match(withDrafts.stdout, /Adatum Retail Group.*\(Draft, if activated\)/s);
    assert.deepEqual(withDrafts.result?.counts ?? (withDrafts.error?.data as HealthResult | undefined)?.counts, { 'On Track': 1, 'At Risk': 1, 'Off Track': 1 });
    // --fail-under judges active plans only: Fabrikam (7) fails, the Draft does not count.
    assert.match(withDrafts.error?.message ?? '', /^1 plan\(s\) score below 40: Fabrikam Energy \(7\)/);
  });

  it('health --fail-under exits with an error naming the plans below, --status filters', async () => {
    const failing = await runCommand<HealthResult>(Health, ['--target-org', alias, '--as-of', TODAY, '--fail-under', '50']);
    assert.equal(failing.error?.name, 'BelowError');
    assert.match(failing.error?.message ?? '', /1 plan\(s\) score below 50: Fabrikam Energy \(7\)/);
    const atRisk = await runCommand<HealthResult>(Health, ['--target-org', alias, '--as-of', TODAY, '--status', 'At Risk']);
    assert.deepEqual(atRisk.result?.plans.map((p) => p.account), ['Contoso Pharma']);
    const bad = await runCommand<HealthResult>(Health, ['--target-org', alias, '--fail-under', '101']);
    assert.equal(bad.error?.name, 'OutOfRangeError');
    const owner = await runCommand<HealthResult>(Health, ['--target-org', alias, '--owner', "nobody' OR Username != '"]);
    assert.equal(owner.error?.name, 'UnknownOwnerError');
  });

  it('plan create: one named account, from the template, idempotent', async () => {
    const created = await runCommand<PlanCreateResult>(PlanCreate, ['--target-org', alias, '--account', 'Adatum Retail Group', '--start', '2026-12-01', '--undo-file', file()]);
    assert.equal(created.error, undefined, created.error?.message);
    assert.equal(created.result?.created?.length, 1);
    const plan = org.records('Account_Plan__c').find((p) => String(p.Name).startsWith('Adatum'));
    assert.equal(plan?.Status__c, 'Draft');
    assert.equal(plan?.Period_End__c, '2027-11-30');
    const milestones = org.records('Plan_Milestone__c').filter((m) => m.Plan__c === plan?.Id);
    assert.equal(milestones.length, 8);
    assert.deepEqual(milestones.map((m) => m.Relationship_Step__c).slice(0, 2), ['Acknowledged Relationship', 'Mutual Benefits']);
    assert.equal(org.records('Plan_Objective__c').filter((o) => o.Plan__c === plan?.Id).length, 3);
    const again = await runCommand<PlanCreateResult>(PlanCreate, ['--target-org', alias, '--account', 'Adatum Retail Group', '--start', '2026-12-01', '--undo-file', file()]);
    assert.equal(again.error, undefined, again.error?.message);
    assert.equal(org.records('Account_Plan__c').filter((p) => String(p.Name).startsWith('Adatum')).length, 1, 'no second plan');
    assert.equal(org.records('Plan_Milestone__c').filter((m) => m.Plan__c === plan?.Id).length, 8, 'no second set of milestones');
  });

  it('plan create --all-major: a dry run first, skips accounts with an active plan, survives a dropped connection', async () => {
    await runCommand(Identify, ['--target-org', alias, '--as-of', TODAY, '--apply', '--undo-file', file()]);
    const before = org.records('Account_Plan__c').length;
    const preview = await runCommand<PlanCreateResult>(PlanCreate, ['--target-org', alias, '--all-major', '--start', TODAY]);
    assert.equal(preview.result?.applied, false);
    assert.equal(org.records('Account_Plan__c').length, before, 'dry run writes nothing');
    const skipped = preview.result?.planned.filter((p) => p.action === 'skip').map((p) => p.account) ?? [];
    assert.ok(skipped.includes('Northwind Logistics'), 'accounts with an active plan are skipped');
    const toCreate = preview.result?.planned.filter((p) => p.action === 'create').length ?? 0;
    assert.ok(toCreate > 0);

    // The plans are created but the answer never arrives: the re-run must not duplicate them.
    org.faults.push({ kind: 'drop-after', method: 'POST', path: '/composite/sobjects', times: 1 });
    const cut = await runCommand<PlanCreateResult>(PlanCreate, ['--target-org', alias, '--all-major', '--start', TODAY, '--apply', '--undo-file', file()]);
    assert.equal(cut.error?.name, 'PartialFailureError');
    const rerun = await runCommand<PlanCreateResult>(PlanCreate, ['--target-org', alias, '--all-major', '--start', TODAY, '--apply', '--undo-file', file()]);
    assert.equal(rerun.error, undefined, rerun.error?.message);
    assert.equal(org.records('Account_Plan__c').length, before + toCreate, 'each plan exactly once');
    for (const plan of org.records('Account_Plan__c').filter((p) => p.Status__c === 'Draft')) {
      assert.equal(org.records('Plan_Milestone__c').filter((m) => m.Plan__c === plan.Id).length, 8, `${String(plan.Name)} has its eight milestones once`);
    }
  });

  it('plan create refuses unknown or ambiguous accounts and bad dates, writing nothing', async () => {
    const unknown = await runCommand(PlanCreate, ['--target-org', alias, '--account', "No Such' Company"]);
    assert.equal(unknown.error?.name, 'UnknownAccountError');
    org.store.insert('Account', { Id: org.store.newId('Account'), Name: 'Globex' });
    org.store.insert('Account', { Id: org.store.newId('Account'), Name: 'Globex' });
    const ambiguous = await runCommand(PlanCreate, ['--target-org', alias, '--account', 'Globex']);
    assert.equal(ambiguous.error?.name, 'AmbiguousAccountError');
    assert.equal((await runCommand(PlanCreate, ['--target-org', alias, '--account', 'Globex', '--start', '2026-13-01'])).error?.name, 'InvalidDateError');
    assert.equal((await runCommand(PlanCreate, ['--target-org', alias])).error?.name, 'NoAccountsError');
    assert.equal(org.requestLog.filter((r) => r.method === 'POST').length, 0);
  });

  it('plan export writes Markdown and HTML with health, readiness, objectives, milestones and both teams', async () => {
    const plan = org.records('Account_Plan__c').find((p) => String(p.Name).startsWith('Contoso'))!;
    const out = join(dir, 'export');
    const { result, error } = await runCommand<PlanExportResult>(PlanExport, ['--target-org', alias, '--plan', plan.Id, '--output', out, '--as-of', TODAY, '--audience', 'internal']);
    assert.equal(error, undefined, error?.message);
    assert.equal(result?.status, 'At Risk');
    const md = readFileSync(join(out, 'Contoso-Pharma-internal.md'), 'utf8');
    assert.match(md, /# Account plan: Contoso Pharma/);
    assert.match(md, /- \*\*Score:\*\* 56 \/ 100/);
    assert.match(md, /\| Objectives Agreed \| No \| 2 of 3 objectives agreed with the customer \|/);
    assert.match(md, /Lena Vogel \| Economic Buyer/);
    const html = readFileSync(join(out, 'Contoso-Pharma-internal.html'), 'utf8');
    assert.match(html, /<h2>Plan health<\/h2>/);
    assert.equal((await runCommand(PlanExport, ['--target-org', alias, '--plan', 'not-an-id'])).error?.name, 'InvalidIdError');
    assert.equal((await runCommand(PlanExport, ['--target-org', alias, '--plan', 'a01000000000999AAA'])).error?.name, 'PlanNotFoundError');
  });
});
