// Issue 16, Low items on the CLI side, each over HTTP against the local org.
import './harness.js';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanUpHome, loginToLocalOrg, runCommand } from './harness.js';
import { startLocalOrg, type LocalOrg } from '../local-org/index.js';
import PlanCreate, { type PlanCreateResult } from '../../src/commands/mam/plan/create.js';
import PlanExport, { fileBase, type PlanExportResult } from '../../src/commands/mam/plan/export.js';

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
