import './harness.js';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cleanUpHome, loginToLocalOrg, runCommand } from './harness.js';
import { startLocalOrg, type LocalOrg } from '../local-org/index.js';
import Doctor, { type DoctorResult } from '../../src/commands/mam/doctor.js';

describe('sf mam doctor', () => {
  let org: LocalOrg;
  before(async () => {
    org = await startLocalOrg({ seed: 'test/local-org/fixtures/plan.json', today: '2026-11-24' });
    await loginToLocalOrg(org.instanceUrl, org.accessToken, 'doctor-org');
  });
  after(async () => {
    await org.close();
    cleanUpHome();
  });

  it('passes a complete org and names each check', async () => {
    const { result, error } = await runCommand<DoctorResult>(Doctor, ['--target-org', 'doctor-org', '--json']);
    assert.equal(error, undefined);
    assert.ok(result);
    const statuses = Object.fromEntries(result.checks.map((c) => [c.check, c.status]));
    assert.equal(statuses['Package objects'], 'ok');
    assert.equal(statuses['Fields visible to you'], 'ok');
    assert.equal(statuses['Settings record'], 'ok');
    assert.equal(result.problems, 0);
  });
});
