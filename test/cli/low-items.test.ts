// Issue 16, Low items on the CLI side, each over HTTP against the local org.
import './harness.js';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanUpHome, loginToLocalOrg, runCommand } from './harness.js';
import { startLocalOrg, type LocalOrg } from '../local-org/index.js';
import PlanCreate, { type PlanCreateResult } from '../../src/commands/mam/plan/create.js';
import PlanExport, { fileBase, type PlanExportResult } from '../../src/commands/mam/plan/export.js';
import Health, { type HealthResult } from '../../src/commands/mam/health.js';
import Identify, { type IdentifyResult } from '../../src/commands/mam/identify.js';
import { fitText, planTemplate } from '../../src/domain/template.js';
import { planMarkdown } from '../../src/domain/plan-document.js';

const TODAY = '2026-11-24';
const dir = mkdtempSync(join(tmpdir(), 'mam-low-'));

describe('issue 16, Low items (CLI)', () => {
  let org: LocalOrg;
  const alias = 'low-org';
  before(async () => {
    org = await startLocalOrg({ seed: 'data/sample-data-plan.json', today: TODAY });
    await loginToLocalOrg(org.instanceUrl, org.accessToken, alias);
  });
  after(async () => {
    await org.close();
    cleanUpHome();
  });

  it('an account whose name is 15 or 18 letters and digits is found by its name, not taken for an id', async () => {
    for (const name of ['AcmeCorporation', 'GlobexCorporation1']) {
      org.store.insert('Account', { Id: org.store.newId('Account'), Name: name });
      const { result, error } = await runCommand<PlanCreateResult>(PlanCreate, ['--target-org', alias, '--account', name, '--start', TODAY, '--undo-file', join(dir, `${name}.json`)]);
      assert.equal(error, undefined, error?.message);
      assert.deepEqual(result?.planned.map((p) => [p.account, p.action]), [[name, 'create']]);
    }
  });

  it('export file names keep non-ASCII letters, so two such accounts do not overwrite each other', async () => {
    assert.equal(fileBase('Ünïcødé GmbH', 'a01'), 'Ünïcødé-GmbH');
    assert.equal(fileBase('東京電力', 'a01'), '東京電力');
    assert.equal(fileBase('🙂 / ..', 'a01000000000001AAA'), 'a01000000000001AAA');
    const plans = org.records('Account_Plan__c').slice(0, 2);
    const names = ['Société Générale', 'Müller & Söhne'];
    plans.forEach((plan, i) => {
      const account = org.store.find(String(plan.Account__c));
      if (account) account.record.Name = names[i];
    });
    org.store.touch();
    const files = new Set<string>();
    for (const plan of plans) {
      const { result, error } = await runCommand<PlanExportResult>(PlanExport, ['--target-org', alias, '--plan', plan.Id, '--output', dir, '--as-of', TODAY, '--format', 'markdown']);
      assert.equal(error, undefined, error?.message);
      for (const f of result?.files ?? []) files.add(f);
    }
    assert.deepEqual([...files].map((f) => f.slice(dir.length + 1)).sort(), ['Müller-Söhne.md', 'Société-Générale.md']);
  });
});

describe('identify: cap, --share, money, empty org (issue 16, Low)', () => {
  let org: LocalOrg;
  before(async () => {
    org = await startLocalOrg({ seed: 'data/sample-data-plan.json', today: TODAY });
    await loginToLocalOrg(org.instanceUrl, org.accessToken, 'identify-low-org');
  });
  after(async () => {
    await org.close();
  });

  it('says when the cap stops the selection short of the share, and names the accounts left out', async () => {
    const { stderr, stdout, error } = await runCommand<IdentifyResult>(Identify, ['--target-org', 'identify-low-org', '--as-of', TODAY, '--max', '3']);
    assert.equal(error, undefined, error?.message);
    const text = (stderr + stdout).replace(/\s+/g, ' ');
    assert.match(text, /The cap of 3 accounts stops the selection at [\d.]+% of revenue instead of 80%: \d+ account\(s\) that qualify are left out: /);
  });

  it('--share 0.8 says it takes a percentage', async () => {
    const { error } = await runCommand(Identify, ['--target-org', 'identify-low-org', '--share', '0.8']);
    assert.equal(error?.name, 'ShareIsFractionError');
    assert.match(error?.message ?? '', /takes a percentage, not a fraction: you gave 0\.8; for that share write --share 80/);
  });

  it('money in --json has no binary noise', async () => {
    const opportunity = org.records('Opportunity').find((o) => o.StageName === 'Closed Won' && String(o.CloseDate) <= TODAY && String(o.CloseDate) > '2026-01-01');
    assert.ok(opportunity);
    for (const cents of [0.1, 0.2, 0.3]) org.store.insert('Opportunity', { ...opportunity, Id: org.store.newId('Opportunity'), Amount: 166183 + cents });
    const { result } = await runCommand<IdentifyResult>(Identify, ['--target-org', 'identify-low-org', '--as-of', TODAY]);
    for (const value of [result?.totalValue ?? 0, ...(result?.selected.map((c) => c.value) ?? [])]) assert.equal(value, Math.round(value * 100) / 100, `${value} in cents`);
  });

  it('an org without revenue prints the table title once, not a character a line', async () => {
    const empty = await startLocalOrg({ today: TODAY });
    try {
      await loginToLocalOrg(empty.instanceUrl, empty.accessToken, 'empty-org');
      const { stdout, error } = await runCommand<IdentifyResult>(Identify, ['--target-org', 'empty-org', '--as-of', TODAY]);
      assert.equal(error, undefined, error?.message);
      assert.match(stdout, /Major accounts: 0 selected/);
      assert.ok(!/^\s*M\s*$/m.test(stdout), 'no title letters on lines of their own');
    } finally {
      await empty.close();
    }
  });
});

describe('one Active plan per account (issue 16, Medium 8)', () => {
  let org: LocalOrg;
  before(async () => {
    org = await startLocalOrg({ seed: 'data/sample-data-plan.json', today: TODAY });
    await loginToLocalOrg(org.instanceUrl, org.accessToken, 'active-org');
  });
  after(async () => {
    await org.close();
  });

  it('the org refuses a second Active plan for an account (roll-up + validation rule on Account), over HTTP', async () => {
    const active = org.records('Account_Plan__c').find((p) => p.Status__c === 'Active');
    assert.ok(active);
    const post = await fetch(`${org.instanceUrl}/services/data/v${org.apiVersion}/sobjects/Account_Plan__c`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${org.accessToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ Name: 'Second plan', Account__c: active.Account__c, Status__c: 'Active' })
    });
    assert.equal(post.status, 400);
    const [error] = (await post.json()) as Array<{ errorCode: string; message: string }>;
    assert.equal(error.errorCode, 'FIELD_CUSTOM_VALIDATION_EXCEPTION');
    assert.match(error.message, /already has an Active plan\. Archive it/);
    assert.equal(org.records('Account_Plan__c').filter((p) => p.Account__c === active.Account__c && p.Status__c === 'Active').length, 1);
    const draft = await fetch(`${org.instanceUrl}/services/data/v${org.apiVersion}/sobjects/Account_Plan__c`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${org.accessToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ Name: 'Next year', Account__c: active.Account__c, Status__c: 'Draft' })
    });
    assert.equal(draft.status, 201);
    const { id } = (await draft.json()) as { id: string };
    const activate = await fetch(`${org.instanceUrl}/services/data/v${org.apiVersion}/sobjects/Account_Plan__c/${id}`, {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${org.accessToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ Status__c: 'Active' })
    });
    assert.equal(activate.status, 400, 'activating a Draft while another plan is Active is refused');
    assert.equal(org.store.find(id)?.record.Status__c, 'Draft', 'the refused change is not kept');
  });

  it('sf mam health names the plan of each row', async () => {
    const { stdout, error } = await runCommand(Health, ['--target-org', 'active-org', '--as-of', TODAY]);
    assert.equal(error, undefined, error?.message);
    const plan = org.records('Account_Plan__c').find((p) => p.Status__c === 'Active');
    assert.match(stdout, /Plan/);
    assert.ok(stdout.includes(String(plan?.Name).slice(0, 12)), 'plan name shown');
  });
});

describe('what plan health is computed from (issue 16, Medium 6): rules the org enforces', () => {
  let org: LocalOrg;
  before(async () => {
    org = await startLocalOrg({ seed: 'data/sample-data-plan.json', today: TODAY });
  });
  after(async () => {
    await org.close();
  });
  const send = (method: string, path: string, body: unknown): Promise<Response> =>
    fetch(`${org.instanceUrl}/services/data/v${org.apiVersion}${path}`, { method, headers: { Authorization: `Bearer ${org.accessToken}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

  it('a review dated in the future is refused; today is accepted', async () => {
    const plan = org.records('Account_Plan__c').find((p) => p.Status__c === 'Active');
    const future = await send('POST', '/sobjects/Plan_Review__c', { Plan__c: plan?.Id, Review_Date__c: '2031-01-01', Type__c: 'Internal' });
    assert.equal(future.status, 400);
    const [error] = (await future.json()) as Array<{ errorCode: string; message: string; fields: string[] }>;
    assert.equal(error.errorCode, 'FIELD_CUSTOM_VALIDATION_EXCEPTION');
    assert.match(error.message, /Review Date cannot be in the future/);
    assert.deepEqual(error.fields, ['Review_Date__c']);
    assert.equal((await send('POST', '/sobjects/Plan_Review__c', { Plan__c: plan?.Id, Review_Date__c: TODAY, Type__c: 'Internal' })).status, 201);
  });

  it('a review cadence above 366 days is refused', async () => {
    const plan = org.records('Account_Plan__c').find((p) => p.Status__c === 'Active');
    const response = await send('PATCH', `/sobjects/Account_Plan__c/${String(plan?.Id)}`, { Review_Cadence_Days__c: 9999 });
    assert.equal(response.status, 400);
    assert.match(await response.text(), /at most 366 days/);
  });
});

describe('issue 16, Low items (domain)', () => {
  it('the template never cuts a plan name in the middle of a character', () => {
    const family = '👨‍👩‍👧‍👦';
    const name = `${'A'.repeat(60)}${family}${family}`;
    const plan = planTemplate({ accountId: '001000000000001AAA', accountName: name, periodStart: '2026-12-01' }).plan;
    assert.ok(String(plan.Name).length <= 80);
    assert.ok(!/[\uD800-\uDBFF]$/.test(String(plan.Name)) && !String(plan.Name).endsWith('\u200d'), 'no half emoji or dangling joiner');
    assert.equal(fitText(`${'x'.repeat(79)}é`, 80), `${'x'.repeat(79)}é`);
    assert.equal(fitText(`${'x'.repeat(79)}e\u0301`, 80), 'x'.repeat(79), 'a letter keeps its accent or goes with it');
    assert.equal(fitText(`${'x'.repeat(79)}🇩🇪`, 80), 'x'.repeat(79), 'no half flag');
  });

  it('the export shows "—" for a part that is not scored, not 0', () => {
    const md = planMarkdown({
      audience: 'internal',
      asOf: TODAY,
      accountName: 'A',
      plan: { Name: 'P' },
      objectives: [],
      milestones: [],
      teamRoles: [],
      reviews: [],
      insights: [],
      health: { score: 60, status: 'At Risk', components: [{ name: 'Results', score: null, reasons: [] }], readiness: [], readinessCount: 0 }
    });
    assert.match(md, /\| Results \| — \| — \|/);
  });
});

describe('big plans: child lists in pages (issue 16, Low)', () => {
  let org: LocalOrg;
  before(async () => {
    org = await startLocalOrg({ seed: 'data/sample-data-plan.json', today: TODAY, childPageSize: 2 });
    await loginToLocalOrg(org.instanceUrl, org.accessToken, 'paged-org');
  });
  after(async () => {
    await org.close();
  });

  it('export and health read every milestone, team member and review when the org pages child subqueries', async () => {
    const plan = org.records('Account_Plan__c').find((p) => String(p.Name).startsWith('Contoso'));
    assert.ok(plan);
    const milestones = org.records('Plan_Milestone__c').filter((m) => m.Plan__c === plan.Id);
    assert.ok(milestones.length > 2, 'more milestones than one child page');
    const out = join(dir, 'paged');
    const { error, result } = await runCommand<PlanExportResult>(PlanExport, ['--target-org', 'paged-org', '--plan', plan.Id, '--output', out, '--as-of', TODAY, '--audience', 'internal', '--format', 'markdown']);
    assert.equal(error, undefined, error?.message);
    const md = readFileSync(result?.files[0] ?? '', 'utf8');
    for (const m of milestones) assert.ok(md.includes(String(m.Name).slice(0, 20)), `milestone ${String(m.Name)} exported`);
    assert.ok(org.requestLog.some((r) => /\/query\/01gLOCAL/.test(r.path)), 'the rest came through nextRecordsUrl');
    const health = await runCommand<HealthResult>(Health, ['--target-org', 'paged-org', '--as-of', TODAY]);
    assert.deepEqual(health.result?.plans.map((p) => [p.account, p.health.score]), [
      ['Fabrikam Energy', 7],
      ['Contoso Pharma', 56],
      ['Northwind Logistics', 87]
    ]);
  });
});
