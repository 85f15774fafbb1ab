// Issue 16, Medium 5: values from the org never act on the terminal. An account named with a
// carriage return and ANSI escapes (erase line, cursor up) is shown with its control characters
// made visible in every command's output; --json keeps the data as it is.
import '../cli/harness.js';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cleanUpHome, loginToLocalOrg, runCommand } from '../cli/harness.js';
import { startLocalOrg, type LocalOrg } from '../local-org/index.js';
import Identify, { type IdentifyResult } from '../../src/commands/mam/identify.js';
import Health from '../../src/commands/mam/health.js';
import PlanCreate from '../../src/commands/mam/plan/create.js';
import { printable, printableText } from '../../src/org/printable.js';

const TODAY = '2026-11-24';
const EVIL = 'Evil Corp\r\u001b[2K\u001b[1A\u0008\u202e';
const SHOWN = 'Evil Corp\\u{d}\\u{1b}[2K\\u{1b}[1A\\u{8}\\u{202e}';
const CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E]/;

describe('control characters in printed output (issue 16, Medium 5)', () => {
  let org: LocalOrg;
  before(async () => {
    org = await startLocalOrg({ seed: 'data/sample-data-plan.json', today: TODAY });
    await loginToLocalOrg(org.instanceUrl, org.accessToken, 'terminal-org');
  });
  after(async () => {
    await org.close();
    cleanUpHome();
  });

  it('printable shows every control character; printableText keeps line breaks', () => {
    assert.equal(printable(EVIL), SHOWN);
    assert.equal(printableText('a\r\nb\u001b'), 'a\nb\\u{1b}');
  });

  it('identify, health and plan create show the name, never obey it', async () => {
    const dry = await runCommand<IdentifyResult>(Identify, ['--target-org', 'terminal-org', '--as-of', TODAY]);
    const flagged = dry.result?.changes.find((c) => c.action === 'flag');
    assert.ok(flagged);
    const account = org.store.find(flagged.id);
    assert.ok(account);
    account.record.Name = EVIL;
    const plan = org.records('Account_Plan__c').find((p) => p.Status__c === 'Active' && String(p.Account__c).slice(0, 15) !== flagged.id.slice(0, 15));
    const planAccount = org.store.find(String(plan?.Account__c));
    assert.ok(planAccount);
    planAccount.record.Name = `${EVIL} 2`;
    org.store.touch();

    const identify = await runCommand<IdentifyResult>(Identify, ['--target-org', 'terminal-org', '--as-of', TODAY]);
    assert.equal(identify.error, undefined, identify.error?.message);
    assert.ok(identify.stdout.includes(`flag   ${SHOWN}`), 'the flag line shows the name');
    assert.ok(identify.result?.changes.some((c) => c.name === EVIL), `--json keeps the data: ${JSON.stringify(identify.result?.changes.map((c) => c.name))}`);
    const health = await runCommand(Health, ['--target-org', 'terminal-org', '--as-of', TODAY]);
    assert.equal(health.error, undefined, health.error?.message);
    const create = await runCommand(PlanCreate, ['--target-org', 'terminal-org', '--account', flagged.id, '--start', TODAY]);
    assert.equal(create.error, undefined, create.error?.message);
    for (const [name, out] of [['identify', identify], ['health', health], ['plan create', create]] as const) {
      assert.ok(!CONTROL.test(out.stdout + out.stderr), `${name} prints no control character`);
    }
    assert.ok(health.stdout.includes('Evil Corp\\u{d}'), 'health shows the account');
  });

  it('an error that echoes input shows it too', async () => {
    const { error } = await runCommand(PlanCreate, ['--target-org', 'terminal-org', '--account', 'No\u001b[2J such']);
    assert.equal(error?.name, 'UnknownAccountError');
    assert.ok(!CONTROL.test(error.message) && error.message.includes('\\u{1b}[2J'), error.message);
  });
});
