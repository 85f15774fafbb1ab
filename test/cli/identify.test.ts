import './harness.js';
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanUpHome, loginToLocalOrg, runCommand } from './harness.js';
import { startLocalOrg, type LocalOrg } from '../local-org/index.js';
import Identify, { type IdentifyResult } from '../../src/commands/mam/identify.js';
import IdentifyUndo, { type IdentifyUndoResult } from '../../src/commands/mam/identify/undo.js';

const SEED = 'test/local-org/fixtures/plan.json';
const TODAY = '2026-11-24';
const dir = mkdtempSync(join(tmpdir(), 'mam-identify-'));
const FIELDS = ['Major_Account__c', 'Major_Account_Tier__c', 'Financial_Significance__c', 'Strategic_Significance__c', 'Major_Account_Reason__c', 'Major_Account_Identified_On__c'];

function snapshot(org: LocalOrg): string {
  return JSON.stringify(org.records('Account').map((a) => [a.Name, ...FIELDS.map((f) => a[org.schema.api(f)] ?? null)]));
}
const writes = (org: LocalOrg): number => org.requestLog.filter((r) => r.method !== 'GET').length;
let file = 0;
const undoPath = (): string => join(dir, `undo-${++file}.json`);

describe('sf mam identify', () => {
  let org: LocalOrg;
  const alias = 'identify-org';
  beforeEach(async () => {
    await org?.close();
    org = await startLocalOrg({ seed: SEED, today: TODAY });
    await loginToLocalOrg(org.instanceUrl, org.accessToken, alias);
  });
  after(async () => {
    await org?.close();
    cleanUpHome();
  });

  it('dry run: ranks the accounts, explains them, and writes nothing', async () => {
    const before = snapshot(org);
    const { result, error, stdout } = await runCommand<IdentifyResult>(Identify, ['--target-org', alias, '--as-of', TODAY]);
    assert.equal(error, undefined, error?.message);
    assert.ok(result);
    // 12 months to 2026-11-24: Acme 750k, Globex 150k, Initech 60k (900k is older), Umbrella 40k (the loss does not count).
    assert.equal(result.totalValue, 1_000_000);
    assert.equal(result.method, 'aggregate');
    assert.deepEqual(result.selected.map((c) => c.name), ['Acme Corp', 'Globex']);
    assert.equal(result.selected[0].reason, '25% of accounts, 75% of revenue; marquee brand');
    assert.equal(result.selected[0].tier, 'Tier 1');
    assert.equal(result.changes.length, 2);
    assert.equal(result.applied, false);
    assert.match(stdout, /Dry run: nothing was written/);
    assert.match(stdout, /top 100% of accounts/);
    assert.equal(snapshot(org), before);
    assert.equal(writes(org), 0);
  });

  it('--apply writes the undo file first, then the accounts; a re-run changes nothing; undo restores exactly', async () => {
    const before = snapshot(org);
    const undo = undoPath();
    const applied = await runCommand<IdentifyResult>(Identify, ['--target-org', alias, '--as-of', TODAY, '--apply', '--undo-file', undo, '--json']);
    assert.equal(applied.error, undefined, applied.error?.message);
    assert.equal(applied.result?.written.length, 2);
    assert.ok(!applied.stdout.includes(org.accessToken) && !applied.stdout.includes('!LOCAL.'), 'the --json output carries no access token');
    assert.ok(!readFileSync(undo, 'utf8').includes('!LOCAL.'), 'nor does the undo file');
    assert.ok(existsSync(undo));
    const acme = org.records('Account').find((a) => a.Name === 'Acme Corp');
    assert.equal(acme?.Major_Account__c, true);
    assert.equal(acme?.Major_Account_Tier__c, 'Tier 1');
    assert.equal(acme?.Major_Account_Identified_On__c, TODAY);
    const patches = org.requestLog.filter((r) => r.method === 'PATCH');
    assert.equal(patches.length, 1, 'two accounts, one sObject Collections request');

    const writesBefore = writes(org);
    const again = await runCommand<IdentifyResult>(Identify, ['--target-org', alias, '--as-of', '2026-12-01', '--apply', '--undo-file', undoPath()]);
    assert.equal(again.error, undefined, again.error?.message);
    assert.deepEqual(again.result?.changes, []);
    assert.equal(writes(org), writesBefore, 'idempotent: nothing written the second time');

    const restored = await runCommand<IdentifyUndoResult>(IdentifyUndo, ['--target-org', alias, '--file', undo]);
    assert.equal(restored.error, undefined, restored.error?.message);
    assert.equal(restored.result?.restored.length, 2);
    assert.equal(snapshot(org), before);
    const twice = await runCommand<IdentifyUndoResult>(IdentifyUndo, ['--target-org', alias, '--file', undo]);
    assert.deepEqual(twice.result?.skipped.map((s) => s.reason), ['already restored', 'already restored']);
  });

  it('unflags accounts that no longer qualify only with --unflag', async () => {
    const initech = org.records('Account').find((a) => a.Name === 'Initech')!;
    Object.assign(initech, { Major_Account__c: true, Major_Account_Tier__c: 'Tier 2', Major_Account_Identified_On__c: '2024-03-01' });
    const keep = await runCommand<IdentifyResult>(Identify, ['--target-org', alias, '--as-of', TODAY, '--apply', '--undo-file', undoPath()]);
    assert.ok(!keep.result?.changes.some((c) => c.name === 'Initech'));
    assert.equal(initech.Major_Account__c, true);
    const undo = undoPath();
    const drop = await runCommand<IdentifyResult>(Identify, ['--target-org', alias, '--as-of', TODAY, '--apply', '--unflag', '--undo-file', undo]);
    assert.equal(drop.error, undefined, drop.error?.message);
    assert.deepEqual(drop.result?.changes.map((c) => [c.name, c.action]), [['Initech', 'unflag']]);
    assert.equal(initech.Major_Account__c, false);
    await runCommand(IdentifyUndo, ['--target-org', alias, '--file', undo]);
    assert.equal(initech.Major_Account__c, true);
    assert.equal(initech.Major_Account_Identified_On__c, '2024-03-01');
  });

  it('writes the ranked candidates to a CSV file', async () => {
    const csv = join(dir, 'candidates.csv');
    const { error } = await runCommand<IdentifyResult>(Identify, ['--target-org', alias, '--as-of', TODAY, '--csv', csv]);
    assert.equal(error, undefined);
    const lines = readFileSync(csv, 'utf8').trim().split('\n');
    assert.match(lines[0], /^Id,Account,Rank,revenue,Cumulative share,Tier,Selected/);
    assert.match(lines[1], /Acme Corp,1,750000,75\.0,Tier 1,true,100,60,/);
  });

  it('ranks by a margin field when asked, and refuses one that does not exist', async () => {
    const missing = await runCommand<IdentifyResult>(Identify, ['--target-org', alias, '--margin-field', 'Gross_Margin__c']);
    assert.equal(missing.error?.name, 'MarginFieldMissingError');
    assert.match(missing.error?.message ?? '', /Opportunity has no field Gross_Margin__c/);
    const notNumber = await runCommand<IdentifyResult>(Identify, ['--target-org', alias, '--margin-field', 'StageName']);
    assert.equal(notNumber.error?.name, 'MarginFieldNotNumericError');
    const margin = await runCommand<IdentifyResult>(Identify, ['--target-org', alias, '--as-of', TODAY, '--margin-field', 'Probability']);
    assert.equal(margin.error, undefined, margin.error?.message);
    assert.equal(margin.result?.basis, 'margin');
  });

  const badInputs: Array<[string, string[], RegExp]> = [
    ['a share above 100', ['--share', '150'], /--share must be between 1 and 100/],
    ['a share of zero', ['--share', '0'], /--share must be between 1 and 100/],
    ['a negative window', ['--months', '-3'], /--months must be between 1 and 120/],
    ['a huge maximum', ['--max', '99999999'], /--max must be between 1 and 100000/],
    ['a date that is not a date', ['--as-of', '2026-02-30'], /--as-of must be a date/],
    ['a date in another format', ['--as-of', '24/11/2026'], /--as-of must be a date/],
    ['a margin field with SOQL in it', ['--margin-field', 'Amount) FROM User WHERE (Id'], /has no field/],
    ['a margin field with a quote', ['--margin-field', "Amount'"], /has no field/],
    ['unflag without apply', ['--unflag'], /--apply/],
    ['a CSV path that cannot be written', ['--csv', '/nonexistent-dir/x.csv'], /Cannot write the CSV file/],
    ['an undo file that already exists', ['--apply', '--undo-file', SEED], /Cannot save the undo file/]
  ];
  for (const [name, flags, message] of badInputs) {
    it(`refuses ${name} with a clear error and writes nothing`, async () => {
      const before = snapshot(org);
      const argv = ['--target-org', alias, ...(flags.includes('--as-of') ? [] : ['--as-of', TODAY]), ...flags];
      const { error } = await runCommand<IdentifyResult>(Identify, argv);
      assert.ok(error, 'an error');
      assert.match(error.message, message);
      assert.equal(snapshot(org), before);
      assert.equal(writes(org), 0);
    });
  }

  it('retries 503, request limits, row locks and dropped connections, and writes each account once', async () => {
    org.faults.push(
      { kind: 'REQUEST_LIMIT_EXCEEDED', method: 'GET', path: '/query', times: 1 },
      { kind: '503', method: 'PATCH', path: '/composite/sobjects', times: 1 },
      { kind: 'drop', method: 'PATCH', path: '/composite/sobjects', times: 1 },
      { kind: 'UNABLE_TO_LOCK_ROW', method: 'PATCH', path: '/composite/sobjects', times: 1, recordIndexes: [1] }
    );
    const { result, error } = await runCommand<IdentifyResult>(Identify, ['--target-org', alias, '--as-of', TODAY, '--apply', '--undo-file', undoPath()]);
    assert.equal(error, undefined, error?.message);
    assert.equal(result?.written.length, 2);
    assert.equal(org.requestLog.filter((r) => r.fault).length, 4, 'every fault was injected');
    assert.equal(org.records('Account').filter((a) => a.Major_Account__c === true).length, 2);
  });

  it('reports the accounts it could not write, writes the others, and undo still restores', async () => {
    const before = snapshot(org);
    org.faults.push({ kind: 'UNABLE_TO_LOCK_ROW', method: 'PATCH', path: '/composite/sobjects', times: 10, recordIndexes: [0] });
    const undo = undoPath();
    const { error } = await runCommand<IdentifyResult>(Identify, ['--target-org', alias, '--as-of', TODAY, '--apply', '--undo-file', undo]);
    assert.equal(error?.name, 'PartialFailureError');
    const data = error?.data as IdentifyResult;
    assert.equal(data.failures.length, 1);
    assert.equal(data.failures[0].name, 'Acme Corp');
    assert.equal(data.failures[0].errors[0].statusCode, 'UNABLE_TO_LOCK_ROW');
    assert.deepEqual(data.written.length, 1);
    org.faults.length = 0;
    const restored = await runCommand<IdentifyUndoResult>(IdentifyUndo, ['--target-org', alias, '--file', undo]);
    assert.equal(restored.error, undefined, restored.error?.message);
    assert.equal(snapshot(org), before);
  });

  it('says how to log in again when the session has expired', async () => {
    org.expireSession();
    const { error } = await runCommand<IdentifyResult>(Identify, ['--target-org', alias]);
    assert.equal(error?.name, 'SessionExpiredError');
    assert.match(error?.actions?.join(' ') ?? '', /sf org login/);
  });

  it('refuses an undo file that is not one, or is for another org', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"kind":"something else"}');
    const notUndo = await runCommand(IdentifyUndo, ['--target-org', alias, '--file', bad]);
    assert.equal(notUndo.error?.name, 'BadUndoFileError');
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{not json');
    assert.equal((await runCommand(IdentifyUndo, ['--target-org', alias, '--file', broken])).error?.name, 'BadUndoFileError');
    const other = join(dir, 'other.json');
    writeFileSync(other, JSON.stringify({ kind: 'mam-identify-undo', version: 1, orgId: '00D000000000999AAA', createdAt: TODAY, changes: [] }));
    assert.equal((await runCommand(IdentifyUndo, ['--target-org', alias, '--file', other])).error?.name, 'WrongOrgError');
    assert.equal(writes(org), 0);
  });
});

describe('sf mam identify in a subscriber org (namespaced package)', () => {
  let org: LocalOrg;
  before(async () => {
    org = await startLocalOrg({ seed: SEED, today: TODAY, namespace: 'mam' });
    await loginToLocalOrg(org.instanceUrl, org.accessToken, 'ns-org');
  });
  after(() => org.close());

  it('finds the namespace and writes the prefixed fields', async () => {
    const { result, error } = await runCommand<IdentifyResult>(Identify, ['--target-org', 'ns-org', '--as-of', TODAY, '--apply', '--undo-file', undoPath()]);
    assert.equal(error, undefined, error?.message);
    assert.equal(result?.written.length, 2);
    const acme = org.records('Account').find((a) => a.Name === 'Acme Corp');
    assert.equal(acme?.mam__Major_Account__c, true);
    assert.ok(org.requestLog.some((r) => decodeURIComponent(r.query).includes('mam__Major_Account__c')));
  });
});
