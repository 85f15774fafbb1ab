// Every command has --help from its messages file (through the built plugin, as sf would load
// it), and an org without the package gets a clear error with the way out.
import './harness.js';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanUpHome, loginToLocalOrg, runCommand } from './harness.js';
import { startLocalOrg, type LocalOrg } from '../local-org/index.js';
import Doctor from '../../src/commands/mam/doctor.js';
import Health from '../../src/commands/mam/health.js';
import HealthCalibrate from '../../src/commands/mam/health/calibrate.js';

const COMMANDS: Array<[string[], RegExp]> = [
  [['mam', 'identify'], /Find the major accounts in your org's data/],
  [['mam', 'identify', 'undo'], /Put back the major-account fields exactly/],
  [['mam', 'plan', 'create'], /Create Draft account plans from the template/],
  [['mam', 'plan', 'create', 'undo'], /Delete the Draft plans that one run of sf mam plan create created/],
  [['mam', 'plan', 'export'], /Write an account plan as a document/],
  [['mam', 'health'], /Portfolio health/],
  [['mam', 'health', 'calibrate'], /Does plan health predict\?/],
  [['mam', 'doctor'], /Check that an org is ready/]
];

describe('--help for every command', () => {
  const built = existsSync('lib/commands/mam/identify.js');
  for (const [command, summary] of COMMANDS) {
    it(`sf ${command.join(' ')} --help`, { skip: built ? false : 'run npm run build first (npm test does)' }, () => {
      const run = spawnSync(process.execPath, ['bin/run.js', ...command, '--help'], { encoding: 'utf8', env: { ...process.env, SF_DISABLE_TELEMETRY: 'true' } });
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stdout, summary);
      assert.match(run.stdout, /--target-org/);
      assert.match(run.stdout, /EXAMPLES/);
    });
  }
});

describe('an org without the package', () => {
  let org: LocalOrg;
  const empty = mkdtempSync(join(tmpdir(), 'mam-no-package-'));
  before(async () => {
    // A project root without force-app: the org has only the standard objects.
    org = await startLocalOrg({ root: empty, today: '2026-11-24' });
    await loginToLocalOrg(org.instanceUrl, org.accessToken, 'bare-org');
  });
  after(async () => {
    await org.close();
    rmSync(empty, { recursive: true, force: true });
    cleanUpHome();
  });

  it('says the package is missing and how to install it, for every command', async () => {
    for (const command of [Doctor, Health, HealthCalibrate]) {
      const { error } = await runCommand(command, ['--target-org', 'bare-org']);
      assert.equal(error?.name, 'PackageMissingError');
      assert.match(error?.message ?? '', /does not have the Major Account Management package/);
      assert.match(error?.actions?.join(' ') ?? '', /Install the package/);
    }
    assert.equal(org.requestLog.filter((r) => r.method !== 'GET').length, 0);
  });
});
