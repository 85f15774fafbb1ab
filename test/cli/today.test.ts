// Issue 16, Medium 7 (CLI side): a date made for a person is that person's day — the running
// Salesforce user's time zone, as the platform's TODAY() — never UTC. One helper, userToday, for
// every command's default date: the identified date, the template start, health and export.
import './harness.js';
import { after, afterEach, before, describe, it, mock } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanUpHome, loginToLocalOrg, runCommand } from './harness.js';
import { startLocalOrg, type LocalOrg } from '../local-org/index.js';
import PlanCreate from '../../src/commands/mam/plan/create.js';
import Health, { type HealthResult } from '../../src/commands/mam/health.js';
import Identify from '../../src/commands/mam/identify.js';
import { dateInTimeZone } from '../../src/org/today.js';

const dir = mkdtempSync(join(tmpdir(), 'mam-today-'));
// 17:30 on 24 November in Los Angeles is 01:30 on the 25th in UTC.
const EVENING_IN_LA = new Date('2026-11-25T01:30:00Z');

describe("today is the user's day (issue 16, Medium 7)", () => {
  let org: LocalOrg;
  before(async () => {
    org = await startLocalOrg({ seed: 'data/sample-data-plan.json', today: '2026-11-24' });
    await loginToLocalOrg(org.instanceUrl, org.accessToken, 'today-org');
    const user = org.store.find(org.userId);
    if (user) user.record.TimeZoneSidKey = 'America/Los_Angeles';
  });
  afterEach(() => mock.timers.reset());
  after(async () => {
    await org.close();
    cleanUpHome();
  });

  it('dateInTimeZone gives the calendar date where the user is', () => {
    assert.equal(dateInTimeZone('America/Los_Angeles', EVENING_IN_LA), '2026-11-24');
    assert.equal(dateInTimeZone('Pacific/Kiritimati', new Date('2026-11-24T12:00:00Z')), '2026-11-25');
    assert.equal(dateInTimeZone('Europe/Berlin', new Date('2026-12-31T23:30:00Z')), '2027-01-01');
  });

  it('at 17:30 in Los Angeles the template starts, the account is identified and health is computed on the 24th, not the 25th', async () => {
    mock.timers.enable({ apis: ['Date'], now: EVENING_IN_LA });
    const create = await runCommand(PlanCreate, ['--target-org', 'today-org', '--account', 'Adatum Retail Group', '--undo-file', join(dir, 'ids.json')]);
    assert.equal(create.error, undefined, create.error?.message);
    const plan = org.records('Account_Plan__c').find((p) => String(p.Name).startsWith('Adatum'));
    assert.equal(plan?.Period_Start__c, '2026-11-24');
    const health = await runCommand<HealthResult>(Health, ['--target-org', 'today-org']);
    assert.equal(health.result?.asOf, '2026-11-24');
    const identify = await runCommand(Identify, ['--target-org', 'today-org', '--apply', '--undo-file', join(dir, 'undo.json')]);
    assert.equal(identify.error, undefined, identify.error?.message);
    const flagged = org.records('Account').filter((a) => a.Major_Account__c === true && a.Major_Account_Identified_On__c);
    assert.ok(flagged.some((a) => a.Major_Account_Identified_On__c === '2026-11-24'));
    assert.ok(!flagged.some((a) => a.Major_Account_Identified_On__c === '2026-11-25'));
  });
});
