// What the CLI does where the local org now behaves like the platform: an undo or ids file from
// one org is refused by another, and an identify --apply above 2,000 changes (a Bulk API 2.0
// ingest, where an empty cell leaves a field and #N/A clears it) writes exactly the changes and
// its undo restores exactly.
import './harness.js';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanUpHome, loginToLocalOrg, runCommand } from './harness.js';
import { startLocalOrg, type LocalOrg } from '../local-org/index.js';
import Identify, { type IdentifyResult } from '../../src/commands/mam/identify.js';
import IdentifyUndo, { type IdentifyUndoResult } from '../../src/commands/mam/identify/undo.js';
import PlanCreate, { type PlanCreateResult } from '../../src/commands/mam/plan/create.js';
import PlanCreateUndo from '../../src/commands/mam/plan/create/undo.js';

const TODAY = '2026-11-24';
const dir = mkdtempSync(join(tmpdir(), 'mam-fidelity-'));
const FIELDS = ['Major_Account__c', 'Major_Account_Tier__c', 'Financial_Significance__c', 'Strategic_Significance__c', 'Major_Account_Reason__c', 'Major_Account_Identified_On__c'];
// Bulk query jobs are POSTed too, but only read
const writes = (org: LocalOrg): number => org.requestLog.filter((r) => r.method !== 'GET' && !r.path.includes('/jobs/query')).length;
const snapshot = (org: LocalOrg): string => JSON.stringify(org.records('Account').map((a) => [a.Id, ...FIELDS.map((f) => a[f] ?? null)]));

describe('undo files belong to one org', () => {
  let first: LocalOrg;
  let second: LocalOrg;
  before(async () => {
    first = await startLocalOrg({ seed: 'data/sample-data-plan.json', today: TODAY });
    second = await startLocalOrg({ seed: 'data/sample-data-plan.json', today: TODAY });
    await loginToLocalOrg(first.instanceUrl, first.accessToken, 'first-org');
    await loginToLocalOrg(second.instanceUrl, second.accessToken, 'second-org');
  });
  after(async () => {
    await first.close();
    await second.close();
  });

  it('an identify undo file and a plan create ids file from one local org are refused by another with the same data', async () => {
    const undo = join(dir, 'identify-undo.json');
    const applied = await runCommand<IdentifyResult>(Identify, ['--target-org', 'first-org', '--as-of', TODAY, '--apply', '--undo-file', undo]);
    assert.equal(applied.error, undefined, applied.error?.message);
    assert.equal(JSON.parse(readFileSync(undo, 'utf8')).orgId, first.orgId);
    const ids = join(dir, 'plan-ids.json');
    const created = await runCommand<PlanCreateResult>(PlanCreate, ['--target-org', 'first-org', '--account', 'Adatum Retail Group', '--start', TODAY, '--undo-file', ids]);
    assert.equal(created.error, undefined, created.error?.message);

    const before = snapshot(second);
    const writesBefore = writes(second);
    const refused = await runCommand<IdentifyUndoResult>(IdentifyUndo, ['--target-org', 'second-org', '--file', undo]);
    assert.equal(refused.error?.name, 'WrongOrgError');
    assert.equal((await runCommand(PlanCreateUndo, ['--target-org', 'second-org', '--file', ids])).error?.name, 'WrongOrgError');
    assert.equal(snapshot(second), before);
    assert.equal(writes(second), writesBefore, 'nothing written to the other org');
    // and the org that wrote them takes them back
    const restored = await runCommand<IdentifyUndoResult>(IdentifyUndo, ['--target-org', 'first-org', '--file', undo]);
    assert.equal(restored.error, undefined, restored.error?.message);
  });
});

describe('identify --apply above 2,000 changes (Bulk API 2.0 ingest)', () => {
  let org: LocalOrg;
  const names: string[] = [];
  before(async () => {
    org = await startLocalOrg({ today: TODAY });
    for (let i = 0; i < 2600; i += 1) {
      const Id = org.store.newId('Account');
      const Name = `Company ${String(i).padStart(4, '0')}`;
      names.push(Name);
      // 20 already-flagged accounts at the top (their change leaves Major_Account__c out: it is
      // already true) and 2,100 flagged at the tail that no longer qualify (--unflag).
      const flagged = i < 20 || i >= 500;
      org.store.insert('Account', {
        Id, Name, OwnerId: org.userId, Strategic_Reasons__c: null,
        Major_Account__c: flagged, Major_Account_Tier__c: flagged ? 'Tier 3' : null, Financial_Significance__c: flagged ? 1 : null, Strategic_Significance__c: flagged ? 0 : null,
        Major_Account_Reason__c: flagged ? 'an older reason' : null, Major_Account_Identified_On__c: flagged ? '2026-01-15' : null
      });
      const Amount = Math.round(10_000_000 / (1 + i));
      org.store.insert('Opportunity', { Id: org.store.newId('Opportunity'), Name: `Deal ${i}`, AccountId: Id, StageName: 'Closed Won', CloseDate: '2026-06-01', Amount, IsWon: true, IsClosed: true, OwnerId: org.userId });
    }
    await loginToLocalOrg(org.instanceUrl, org.accessToken, 'bulk-apply-org');
  });
  after(async () => {
    await org.close();
    cleanUpHome();
  });

  it('flags, keeps and unflags exactly as planned, re-runs change nothing, undo restores every value', async () => {
    const before = snapshot(org);
    const undo = join(dir, 'bulk-undo.json');
    const argv = ['--target-org', 'bulk-apply-org', '--as-of', TODAY, '--max', '50', '--unflag'];
    const applied = await runCommand<IdentifyResult>(Identify, [...argv, '--apply', '--undo-file', undo, '--json']);
    assert.equal(applied.error, undefined, applied.error?.message);
    const result = applied.result;
    assert.ok(result);
    assert.equal(result.changes.length, 2150, '50 selected (20 of them already flagged) and 2,100 unflagged');
    assert.ok(result.changes.filter((c) => c.action === 'update').every((c) => !('Major_Account__c' in c.after)), 'an already-flagged account is written without its flag');
    assert.ok(org.requestLog.some((r) => r.method === 'PUT' && r.path.endsWith('/batches')), 'written through a Bulk API 2.0 ingest job');
    assert.equal(result.written.length, 2150);
    assert.deepEqual(result.failures, []);

    const selected = new Set(result.selected.map((c) => c.name));
    assert.equal(selected.size, 50);
    const accounts = org.records('Account');
    const flagged = accounts.filter((a) => a.Major_Account__c === true).map((a) => String(a.Name));
    assert.deepEqual(flagged.sort(), [...selected].sort(), 'the 20 already-flagged accounts keep their flag; only the selected are flagged');
    for (const account of accounts.filter((a) => !selected.has(String(a.Name)) && names.indexOf(String(a.Name)) >= 500)) {
      assert.equal(account.Major_Account_Tier__c, null, `${String(account.Name)}: tier cleared (#N/A)`);
      assert.equal(account.Major_Account_Identified_On__c, null, `${String(account.Name)}: date cleared (#N/A)`);
    }
    const kept = accounts.find((a) => a.Name === 'Company 0003');
    assert.equal(kept?.Major_Account_Identified_On__c, '2026-01-15', 'a major account keeps the date it was first identified');

    const writesBefore = writes(org);
    const again = await runCommand<IdentifyResult>(Identify, [...argv, '--apply', '--undo-file', join(dir, 'bulk-undo-again.json'), '--json']);
    assert.equal(again.error, undefined, again.error?.message);
    assert.deepEqual(again.result?.changes, [], 'what was written is what the next run reads: nothing left to change');
    assert.equal(writes(org), writesBefore);

    const restored = await runCommand<IdentifyUndoResult>(IdentifyUndo, ['--target-org', 'bulk-apply-org', '--file', undo]);
    assert.equal(restored.error, undefined, restored.error?.message);
    assert.equal(restored.result?.restored.length, 2150);
    assert.equal(snapshot(org), before, 'every value back, including the nulls the apply replaced');
  });
});
