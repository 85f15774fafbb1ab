// Issue 16, High 3: plan create makes at most one open Draft per account from the template, even
// with two runs at once (a unique key the org enforces), records what it intends before it
// writes, completes on a re-run instead of duplicating, and `plan create undo` deletes exactly
// the Drafts a run created — never one somebody changed since. All over HTTP against the local org.
import './harness.js';
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanUpHome, loginToLocalOrg, runCommand, runConcurrently } from './harness.js';
import { startLocalOrg, type LocalOrg } from '../local-org/index.js';
import PlanCreate, { type PlanCreateResult } from '../../src/commands/mam/plan/create.js';
import PlanCreateUndo, { type PlanCreateUndoResult } from '../../src/commands/mam/plan/create/undo.js';
import Identify from '../../src/commands/mam/identify.js';
import type { PlanIdsFile } from '../../src/org/plan-ids-file.js';

const TODAY = '2026-11-24';
const dir = mkdtempSync(join(tmpdir(), 'mam-plan-create-'));
let n = 0;
const file = (): string => join(dir, `ids-${++n}.json`);
const readIds = (path: string): PlanIdsFile => JSON.parse(readFileSync(path, 'utf8')) as PlanIdsFile;

describe('plan create: one Draft per account, recorded first, undone exactly (issue 16, High 3)', () => {
  let org: LocalOrg;
  const alias = 'plan-create-org';
  const drafts = (): Array<Record<string, unknown>> => org.records('Account_Plan__c').filter((p) => p.Status__c === 'Draft');
  const api = async (method: string, path: string, body?: unknown): Promise<Response> =>
    fetch(`${org.instanceUrl}/services/data/v${org.apiVersion}${path}`, { method, headers: { Authorization: `Bearer ${org.accessToken}`, 'Content-Type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });

  beforeEach(async () => {
    await org?.close();
    org = await startLocalOrg({ seed: 'data/sample-data-plan.json', today: TODAY });
    await loginToLocalOrg(org.instanceUrl, org.accessToken, alias);
  });
  after(async () => {
    await org?.close();
  });

  it('the local org enforces a unique field with the platform error DUPLICATE_VALUE', async () => {
    const account = org.records('Account')[0];
    const plan = { Name: 'P', Account__c: account.Id, Status__c: 'Draft', Template_Key__c: `${account.Id}:template` };
    assert.equal((await api('POST', '/sobjects/Account_Plan__c', plan)).status, 201);
    const second = await api('POST', '/sobjects/Account_Plan__c', { ...plan, Template_Key__c: plan.Template_Key__c.toUpperCase() });
    assert.equal(second.status, 400);
    const [error] = (await second.json()) as Array<{ errorCode: string; message: string; fields: string[] }>;
    assert.equal(error.errorCode, 'DUPLICATE_VALUE');
    assert.match(error.message, /^duplicate value found: Template_Key__c duplicates value on record with id: a0/);
    assert.deepEqual(error.fields, ['Template_Key__c']);
  });

  it('two runs at the same moment create each Draft once; each plan is in exactly one ids file', async () => {
    await runCommand(Identify, ['--target-org', alias, '--as-of', TODAY, '--apply', '--undo-file', file()]);
    const before = org.records('Account_Plan__c').length;
    const preview = await runCommand<PlanCreateResult>(PlanCreate, ['--target-org', alias, '--all-major', '--start', TODAY]);
    const toCreate = preview.result?.planned.filter((p) => p.action === 'create').length ?? 0;
    assert.ok(toCreate > 1);
    // The first run's creation waits, so the second run plans and creates while the first is under way.
    org.faults.push({ kind: 'delay', method: 'POST', path: '/composite/sobjects', times: 1, delayMs: 400 });
    const [a, b] = [file(), file()];
    const { outputs } = await runConcurrently<PlanCreateResult>([
      [PlanCreate, ['--target-org', alias, '--all-major', '--start', TODAY, '--apply', '--undo-file', a]],
      [PlanCreate, ['--target-org', alias, '--all-major', '--start', TODAY, '--apply', '--undo-file', b]]
    ]);
    for (const output of outputs) assert.equal(output.error, undefined, output.error?.message);
    assert.equal(org.records('Account_Plan__c').length, before + toCreate, 'each Draft exactly once');
    const planPosts = org.requestLog.filter((r) => r.method === 'POST' && r.path.endsWith('/composite/sobjects')).length;
    assert.ok(planPosts >= 3, 'both runs tried to create (the race happened)');
    const taken = outputs.reduce((sum, o) => sum + (o.result?.taken?.length ?? 0), 0);
    const created = outputs.reduce((sum, o) => sum + (o.result?.created?.filter((c) => c.created).length ?? 0), 0);
    assert.equal(created, toCreate, 'the runs together report each creation once');
    assert.equal(taken, toCreate, 'the run that lost the race says so for each account');
    const claimed = [...readIds(a).plans, ...readIds(b).plans].filter((p) => p.created).map((p) => p.planId);
    assert.equal(new Set(claimed).size, toCreate);
    assert.equal(claimed.length, toCreate, 'no plan claimed by both files');
    for (const plan of drafts()) assert.equal(org.records('Plan_Milestone__c').filter((m) => m.Plan__c === plan.Id).length, 8, `${String(plan.Name)}: eight milestones once`);
  });

  it('records the intended work before creating; a re-run with the same file completes it and knows the plans are its own', async () => {
    const ids = file();
    org.faults.push({ kind: 'drop', method: 'POST', path: '/composite/sobjects', times: 1 });
    const cut = await runCommand<PlanCreateResult>(PlanCreate, ['--target-org', alias, '--account', 'Adatum Retail Group', '--start', '2026-12-01', '--undo-file', ids]);
    assert.ok(cut.error);
    const intended = readIds(ids);
    assert.deepEqual(intended.plans.map((p) => [p.account, p.action, p.created, p.planId]), [['Adatum Retail Group', 'create', false, undefined]], 'written before the request that was cut off');
    assert.equal(intended.finished, false);

    org.faults.push({ kind: 'drop-after', method: 'POST', path: '/composite/sobjects', times: 1 });
    const lost = await runCommand<PlanCreateResult>(PlanCreate, ['--target-org', alias, '--account', 'Adatum Retail Group', '--start', '2026-12-01', '--undo-file', ids]);
    assert.equal(lost.error?.name, 'PartialFailureError');
    assert.equal(drafts().length, 1, 'created, but the answer was lost');
    const rerun = await runCommand<PlanCreateResult>(PlanCreate, ['--target-org', alias, '--account', 'Adatum Retail Group', '--start', '2027-01-01', '--undo-file', ids]);
    assert.equal(rerun.error, undefined, rerun.error?.message);
    assert.equal(drafts().length, 1, 'another --start does not make a second Draft');
    const done = readIds(ids);
    assert.equal(done.finished, true);
    assert.equal(done.plans[0].planId, drafts()[0].Id);
    assert.equal(done.plans[0].created, true, 'the file that set out to create it owns it');
    assert.equal(org.records('Plan_Milestone__c').filter((m) => m.Plan__c === drafts()[0].Id).length, 8);

    const undo = await runCommand<PlanCreateUndoResult>(PlanCreateUndo, ['--target-org', alias, '--file', ids]);
    assert.equal(undo.error, undefined, undo.error?.message);
    assert.equal(undo.result?.deleted.length, 1);
    assert.equal(drafts().length, 0);
    assert.equal(org.records('Plan_Milestone__c').filter((m) => m.Plan__c === done.plans[0].planId).length, 0, 'its details went with it');
  });

  it('a later run with a new file completes the existing Draft and never claims it; an unrelated file is refused before any write', async () => {
    const first = file();
    await runCommand(PlanCreate, ['--target-org', alias, '--account', 'Adatum Retail Group', '--start', '2026-12-01', '--undo-file', first]);
    const second = file();
    const again = await runCommand<PlanCreateResult>(PlanCreate, ['--target-org', alias, '--account', 'Adatum Retail Group', '--start', '2027-02-01', '--undo-file', second]);
    assert.equal(again.error, undefined, again.error?.message);
    assert.equal(drafts().length, 1);
    assert.deepEqual(readIds(second).plans.map((p) => [p.action, p.created]), [['complete', false]]);
    assert.match(again.stdout, /Created 0 plan\(s\), completed 1/);
    const undoSecond = await runCommand<PlanCreateUndoResult>(PlanCreateUndo, ['--target-org', alias, '--file', second]);
    assert.equal(undoSecond.result?.deleted.length, 0, 'undo of the later run deletes nothing');
    assert.equal(drafts().length, 1);

    const foreign = join(dir, 'notes.json');
    writeFileSync(foreign, '{"my": "notes"}');
    const writes = org.requestLog.filter((r) => r.method !== 'GET').length;
    const refused = await runCommand(PlanCreate, ['--target-org', alias, '--account', 'Adatum Retail Group', '--undo-file', foreign]);
    assert.equal(refused.error?.name, 'UndoFileExistsError');
    assert.equal(readFileSync(foreign, 'utf8'), '{"my": "notes"}');
    assert.equal(org.requestLog.filter((r) => r.method !== 'GET').length, writes, 'nothing written');
  });

  it('undo deletes exactly the Drafts the run created and leaves any changed since (field, new or deleted detail, activated)', async () => {
    await runCommand(Identify, ['--target-org', alias, '--as-of', TODAY, '--apply', '--undo-file', file()]);
    const ids = file();
    const run = await runCommand<PlanCreateResult>(PlanCreate, ['--target-org', alias, '--all-major', '--start', TODAY, '--apply', '--undo-file', ids]);
    assert.equal(run.error, undefined, run.error?.message);
    const created = readIds(ids).plans.filter((p) => p.created);
    assert.ok(created.length >= 5);
    const [edited, added, removed, activated, ...untouched] = created.map((p) => String(p.planId));
    await new Promise((resolve) => setTimeout(resolve, 5));
    assert.equal((await api('PATCH', `/sobjects/Account_Plan__c/${edited}`, { Shared_Value__c: 'Agreed with the CFO' })).status, 204);
    assert.equal((await api('POST', '/sobjects/Plan_Milestone__c', { Plan__c: added, Name: 'Site visit', Status__c: 'Not Started', Due_Date__c: '2027-01-15' })).status, 201);
    const milestone = org.records('Plan_Milestone__c').find((m) => m.Plan__c === removed);
    assert.equal((await api('DELETE', `/sobjects/Plan_Milestone__c/${String(milestone?.Id)}`)).status, 204);
    assert.equal((await api('PATCH', `/sobjects/Account_Plan__c/${activated}`, { Status__c: 'Active' })).status, 204);

    const undo = await runCommand<PlanCreateUndoResult>(PlanCreateUndo, ['--target-org', alias, '--file', ids]);
    assert.equal(undo.error, undefined, undo.error?.message);
    assert.deepEqual(undo.result?.deleted.map((d) => d.planId).sort(), [...untouched].sort());
    const reasons = new Map(undo.result?.skipped.map((s) => [s.planId, s.reason]));
    assert.equal(reasons.get(edited), 'changed since the run');
    assert.equal(reasons.get(added), 'details added or deleted since the run');
    assert.equal(reasons.get(removed), 'details added or deleted since the run');
    assert.match(reasons.get(activated) ?? '', /no longer a Draft/);
    for (const id of [edited, added, removed, activated]) assert.ok(org.store.find(id), 'a changed plan stays');
    const twice = await runCommand<PlanCreateUndoResult>(PlanCreateUndo, ['--target-org', alias, '--file', ids]);
    assert.equal(twice.result?.deleted.length, 0, 'a second undo deletes nothing more');
  });

  it('an account whose template Draft was activated gets a new Draft with --include-existing (the key moves)', async () => {
    const first = file();
    await runCommand(PlanCreate, ['--target-org', alias, '--account', 'Adatum Retail Group', '--start', '2026-12-01', '--undo-file', first]);
    const [plan] = drafts();
    assert.equal((await api('PATCH', `/sobjects/Account_Plan__c/${String(plan.Id)}`, { Status__c: 'Active' })).status, 204);
    const skipped = await runCommand<PlanCreateResult>(PlanCreate, ['--target-org', alias, '--account', 'Adatum Retail Group', '--start', '2027-12-01', '--undo-file', file()]);
    assert.equal(skipped.result?.planned[0].action, 'skip');
    const next = await runCommand<PlanCreateResult>(PlanCreate, ['--target-org', alias, '--account', 'Adatum Retail Group', '--start', '2027-12-01', '--include-existing', '--undo-file', file()]);
    assert.equal(next.error, undefined, next.error?.message);
    assert.equal(drafts().length, 1);
    assert.equal(org.store.find(String(plan.Id))?.record.Template_Key__c, null, 'the active plan gave up the key');
    assert.ok(!existsSync(`${first}.tmp`));
  });
});

describe('plan create and undo in a subscriber org of the namespaced package', () => {
  let org: LocalOrg;
  before(async () => {
    org = await startLocalOrg({ seed: 'data/sample-data-plan.json', today: TODAY, namespace: 'mam' });
    await loginToLocalOrg(org.instanceUrl, org.accessToken, 'ns-plan-org');
  });
  after(async () => {
    await org.close();
    cleanUpHome();
  });

  it('keys the Draft with mam__Template_Key__c, refuses a second one and undoes the run', async () => {
    const ids = file();
    const first = await runCommand<PlanCreateResult>(PlanCreate, ['--target-org', 'ns-plan-org', '--account', 'Adatum Retail Group', '--start', TODAY, '--undo-file', ids]);
    assert.equal(first.error, undefined, first.error?.message);
    const draft = org.records('Account_Plan__c').find((p) => p.mam__Status__c === 'Draft');
    assert.match(String(draft?.mam__Template_Key__c), /^001\w+:template$/);
    const again = await runCommand<PlanCreateResult>(PlanCreate, ['--target-org', 'ns-plan-org', '--account', 'Adatum Retail Group', '--start', '2027-03-01', '--undo-file', file()]);
    assert.equal(again.result?.planned[0].action, 'complete');
    assert.equal(org.records('Account_Plan__c').filter((p) => p.mam__Status__c === 'Draft').length, 1);
    const undo = await runCommand<PlanCreateUndoResult>(PlanCreateUndo, ['--target-org', 'ns-plan-org', '--file', ids]);
    assert.equal(undo.error, undefined, undo.error?.message);
    assert.equal(undo.result?.deleted.length, 1);
    assert.equal(org.records('Account_Plan__c').filter((p) => p.mam__Status__c === 'Draft').length, 0);
  });
});
