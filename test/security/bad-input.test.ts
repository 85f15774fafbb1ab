// A corpus of bad input: every case gets a clear error and writes nothing. Names and ids carry
// quotes, SOQL metacharacters and unicode; files are malformed; numbers are out of range.
import '../cli/harness.js';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanUpHome, loginToLocalOrg, runCommand } from '../cli/harness.js';
import { startLocalOrg, type LocalOrg } from '../local-org/index.js';
import Identify from '../../src/commands/mam/identify.js';
import IdentifyUndo from '../../src/commands/mam/identify/undo.js';
import PlanCreate from '../../src/commands/mam/plan/create.js';
import PlanExport from '../../src/commands/mam/plan/export.js';
import PlanCreateUndo from '../../src/commands/mam/plan/create/undo.js';
import Health from '../../src/commands/mam/health.js';

const dir = mkdtempSync(join(tmpdir(), 'mam-bad-input-'));
const file = (name: string, content: string): string => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

type Runnable = Parameters<typeof runCommand>[0];
const cases: Array<[string, Runnable, string[]]> = [
  ...['0', '101', '-5', '1000', '99999999999'].map((v): [string, Runnable, string[]] => [`identify --share ${v}`, Identify, ['--share', v]]),
  ...['0', '121', '-1', '100000'].map((v): [string, Runnable, string[]] => [`identify --months ${v}`, Identify, ['--months', v]]),
  ...['0', '-3', '100001'].map((v): [string, Runnable, string[]] => [`identify --max ${v}`, Identify, ['--max', v]]),
  ...['abc', '1.5', '', '0.8', '.5'].map((v): [string, Runnable, string[]] => [`identify --share "${v}"`, Identify, ['--share', v]]),
  ...['2026-02-30', '2026-13-01', '26-11-24', 'yesterday', "2026-11-24' OR 1=1", '２０２６-11-24'].map((v): [string, Runnable, string[]] => [`identify --as-of ${v}`, Identify, ['--as-of', v]]),
  ...["Amount' FROM User", 'Amount) FROM User WHERE (Id', 'Gross Margin', 'Márgen__c', 'x__c; DROP', 'No_Such__c', 'StageName'].map((v): [string, Runnable, string[]] => [`identify --margin-field ${v}`, Identify, ['--margin-field', v]]),
  ['identify --unflag without --apply', Identify, ['--unflag']],
  ['identify --csv into a missing folder', Identify, ['--csv', '/no/such/folder/out.csv']],
  ...["O'Brien & Co", "x' OR Name != '", '%', '_', '\\', 'Ünïcødé GmbH', '😀 Corp', "'; DELETE FROM Account; --", ''].map((v): [string, Runnable, string[]] => [`plan create --account ${JSON.stringify(v)}`, PlanCreate, ['--account', v]]),
  ['plan create --account of 100,000 characters', PlanCreate, ['--account', 'A'.repeat(100_000)]],
  ['plan create --account with terminal escapes', PlanCreate, ['--account', 'x\r\u001b[2K\u001b[1A']],
  ...['001000000000999AAA', '001000000000999', "001' OR Id != '0"].map((v): [string, Runnable, string[]] => [`plan create --account id ${v}`, PlanCreate, ['--account', v]]),
  ...['0', '61', '-12'].map((v): [string, Runnable, string[]] => [`plan create --months ${v}`, PlanCreate, ['--all-major', '--months', v]]),
  ...['2026-02-29', 'tomorrow'].map((v): [string, Runnable, string[]] => [`plan create --start ${v}`, PlanCreate, ['--all-major', '--start', v]]),
  ['plan create without accounts', PlanCreate, []],
  ...['not-an-id', "a01' OR Id != '", 'a01000000000999AAA', '', '🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂'].map((v): [string, Runnable, string[]] => [`plan export --plan ${JSON.stringify(v)}`, PlanExport, ['--plan', v]]),
  ...['2026-02-30', 'NaN', '2026-1-5', "2026-11-24' OR 1=1"].map((v): [string, Runnable, string[]] => [`plan export --as-of ${v}`, PlanExport, ['--plan', 'a01000000000001AAA', '--as-of', v]]),
  ...['everyone', 'Customer', ''].map((v): [string, Runnable, string[]] => [`plan export --audience ${JSON.stringify(v)}`, PlanExport, ['--plan', 'a01000000000001AAA', '--audience', v]]),
  ...['-1', '101', '1000'].map((v): [string, Runnable, string[]] => [`health --fail-under ${v}`, Health, ['--fail-under', v]]),
  ...["nobody' OR Username != '", 'ghost@example.com', '005000000000999AAA'].map((v): [string, Runnable, string[]] => [`health --owner ${v}`, Health, ['--owner', v]]),
  ['health --status unknown', Health, ['--status', 'Fine']],
  ['health --as-of 2026-02-31', Health, ['--as-of', '2026-02-31']],
  ['undo with a file that is not JSON', IdentifyUndo, ['--file', file('not-json.json', '{"kind": "mam-identify-undo", ')]],
  ['undo with an empty file', IdentifyUndo, ['--file', file('empty.json', '')]],
  ['undo with another kind of file', IdentifyUndo, ['--file', file('other.json', '{"kind":"something"}')]],
  ['undo with a CSV file', IdentifyUndo, ['--file', file('data.csv', 'Id,Name\n001,"unterminated\n')]],
  ['undo with a bad record id', IdentifyUndo, ['--file', file('bad-id.json', JSON.stringify({ kind: 'mam-identify-undo', version: 1, orgId: '00D000000000001EAA', createdAt: 'x', changes: [{ id: "001' OR 1=1", name: 'x', before: {}, after: {} }] }))]],
  ['undo with an unknown field', IdentifyUndo, ['--file', file('bad-field.json', JSON.stringify({ kind: 'mam-identify-undo', version: 1, orgId: '00D000000000001EAA', createdAt: 'x', changes: [{ id: '001000000000001AAA', name: 'x', before: { Name: 'Hacked' }, after: {} }] }))]],
  ['undo with a missing file', IdentifyUndo, ['--file', join(dir, 'missing.json')]],
  ['plan create --undo-file that is someone else\'s file', PlanCreate, ['--account', 'Contoso Pharma', '--undo-file', file('notes.json', '{"my":"notes"}')]],
  ['plan create --undo-file that is an identify undo file', PlanCreate, ['--account', 'Contoso Pharma', '--undo-file', file('identify-undo.json', JSON.stringify({ kind: 'mam-identify-undo', version: 1, orgId: '00D000000000001EAA', createdAt: 'x', changes: [] }))]],
  ['plan create undo with an identify undo file', PlanCreateUndo, ['--file', join(dir, 'identify-undo.json')]],
  ['plan create undo with a file that is not JSON', PlanCreateUndo, ['--file', file('ids-not-json.json', '{"kind": "mam-plan-create-undo", ')]],
  ['plan create undo with a bad plan id', PlanCreateUndo, ['--file', file('ids-bad-id.json', JSON.stringify({ kind: 'mam-plan-create-undo', version: 2, orgId: '00D000000000001EAA', createdAt: 'x', finished: true, plans: [{ accountId: '001000000000001AAA', account: 'x', key: 'k', action: 'create', created: true, planId: "a01' OR Id != '" }] }))]],
  ['plan create undo for another org', PlanCreateUndo, ['--file', file('ids-other-org.json', JSON.stringify({ kind: 'mam-plan-create-undo', version: 2, orgId: '00D000000000999EAA', createdAt: 'x', finished: true, plans: [] }))]],
  ['plan create undo with a missing file', PlanCreateUndo, ['--file', join(dir, 'missing-ids.json')]]
];

describe(`bad input (${cases.length} cases): a clear error, nothing written`, () => {
  let org: LocalOrg;
  before(async () => {
    org = await startLocalOrg({ seed: 'data/sample-data-plan.json', today: '2026-11-24' });
    await loginToLocalOrg(org.instanceUrl, org.accessToken, 'bad-input-org');
  });
  after(async () => {
    await org.close();
    cleanUpHome();
  });

  it('has at least 50 cases', () => {
    assert.ok(cases.length >= 50, `${cases.length} cases`);
  });

  for (const [name, command, argv] of cases) {
    it(name, async () => {
      const writesBefore = org.requestLog.filter((r) => r.method !== 'GET').length;
      const { error } = await runCommand(command, ['--target-org', 'bad-input-org', ...argv]);
      assert.ok(error, 'the command refuses');
      assert.ok(error.message.length > 10 && !/undefined|\[object Object\]/.test(error.message), `a clear message: ${error.message}`);
      assert.equal(org.requestLog.filter((r) => r.method !== 'GET').length, writesBefore, 'nothing written');
      assert.ok(!org.requestLog.some((r) => r.status === 500), 'no request made the org fail');
    });
  }
});
