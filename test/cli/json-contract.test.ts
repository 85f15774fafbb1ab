// The --json contract (issue 20, item 2): what scripts consume cannot change by accident.
//  - command-snapshot.json: every command's id, aliases and flags (type, char, aliases, options);
//  - schemas/json/*.json: the JSON Schema of every command's result, generated from its TypeScript type;
//  - each command's real --json output matches its schema (and so does every result any CLI test
//    sees: the harness checks them all).
// After a deliberate change: npm run schemas, and review the diff.
import './harness.js';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanUpHome, loginToLocalOrg, runCommand } from './harness.js';
import { asJson, schemaOfCommandClass, schemaViolations } from './json-schema.js';
import { startLocalOrg, type LocalOrg } from '../local-org/index.js';
import { asFileText, commandFiles, commandSchemas, commandSnapshot, schemaFileName, SCHEMA_DIR, SNAPSHOT_FILE, type JsonSchema } from '../../scripts/json-schemas.js';
import Doctor from '../../src/commands/mam/doctor.js';
import Health, { type HealthResult } from '../../src/commands/mam/health.js';
import HealthCalibrate from '../../src/commands/mam/health/calibrate.js';
import Identify, { type IdentifyResult } from '../../src/commands/mam/identify.js';
import IdentifyUndo from '../../src/commands/mam/identify/undo.js';
import PlanCreate, { type PlanCreateResult } from '../../src/commands/mam/plan/create.js';
import PlanCreateUndo from '../../src/commands/mam/plan/create/undo.js';
import PlanExport from '../../src/commands/mam/plan/export.js';

const TODAY = '2026-11-24';
const REGENERATE = 'run npm run schemas, review the diff and commit it with the change';

describe('the --json contract is checked in', () => {
  it('command-snapshot.json lists every command with its current flags and aliases', async () => {
    const committed = readFileSync(SNAPSHOT_FILE, 'utf8');
    assert.equal(asFileText(await commandSnapshot()), committed, `a command's flags or aliases changed: ${REGENERATE}`);
  });

  it('schemas/json holds the schema generated from each command\'s result type, and nothing else', () => {
    const generated = commandSchemas();
    assert.deepEqual(readdirSync(SCHEMA_DIR).sort(), Object.keys(generated).map(schemaFileName).sort(), `a command was added or removed: ${REGENERATE}`);
    for (const [id, schema] of Object.entries(generated)) {
      assert.equal(asFileText(schema), readFileSync(join(SCHEMA_DIR, schemaFileName(id)), 'utf8'), `the result type of ${id} changed: ${REGENERATE}`);
    }
  });

  it('each command class is named after its id, so the harness finds its schema', async () => {
    for (const { id, file } of commandFiles()) {
      const command = ((await import(file)) as { default: { name: string } }).default;
      assert.deepEqual(schemaOfCommandClass(command.name), JSON.parse(readFileSync(join(SCHEMA_DIR, schemaFileName(id)), 'utf8')) as JsonSchema, `${file}: class ${command.name}`);
    }
  });

  it('the validator refuses a result whose shape changed', () => {
    const schema = schemaOfCommandClass('PlanExport');
    const good = { planId: 'a01000000000001AAA', audience: 'customer', files: ['/tmp/x.md'], score: 56, status: 'At Risk' };
    assert.deepEqual(schemaViolations(schema, good), []);
    assert.deepEqual(schemaViolations(schema, { ...good, score: '56' }), ['$.score: string where the schema says null or number']);
    assert.deepEqual(schemaViolations(schema, { ...good, audience: 'everyone' }), ['$.audience: "everyone" is not one of ["customer","internal"]']);
    const { planId: _dropped, ...renamed } = good;
    assert.deepEqual(schemaViolations(schema, { ...renamed, plan: 'a01000000000001AAA' }), ['$.planId: missing', '$.plan: not in the schema']);
    assert.deepEqual(schemaViolations(schema, { ...good, files: [1] }), ['$.files[0]: number where the schema says string']);
  });
});

describe("every command's real --json output matches its schema", () => {
  let org: LocalOrg;
  const alias = 'json-contract-org';
  const dir = mkdtempSync(join(tmpdir(), 'mam-json-contract-'));
  before(async () => {
    org = await startLocalOrg({ seed: 'data/sample-data-plan.json', today: TODAY });
    await loginToLocalOrg(org.instanceUrl, org.accessToken, alias);
  });
  after(async () => {
    await org.close();
    cleanUpHome();
  });

  /** Runs the command with --json and checks the "result" it printed against the committed schema. */
  async function printed<T>(command: Parameters<typeof runCommand>[0] & { name: string }, argv: string[]): Promise<T> {
    const { stdout, error } = await runCommand<T>(command, ['--target-org', alias, '--json', ...argv]);
    assert.equal(error, undefined, error?.message);
    const envelope = JSON.parse(stdout) as { status: number; result: T };
    assert.deepEqual(schemaViolations(schemaOfCommandClass(command.name), asJson(envelope.result)), [], `sf ${command.name} --json`);
    return envelope.result;
  }

  it('doctor, health, health calibrate', async () => {
    await printed(Doctor, []);
    const health = await printed<HealthResult>(Health, ['--as-of', TODAY, '--include-draft']);
    assert.ok(health.plans.length > 0);
    await printed(HealthCalibrate, ['--as-of', TODAY, '--horizon-months', '3']);
  });

  it('identify (dry run and --apply) and identify undo', async () => {
    await printed(Identify, ['--as-of', TODAY, '--csv', join(dir, 'candidates.csv')]);
    const applied = await printed<IdentifyResult>(Identify, ['--as-of', TODAY, '--apply', '--undo-file', join(dir, 'identify-undo.json')]);
    assert.ok(applied.applied && applied.written.length > 0);
    await printed(IdentifyUndo, ['--file', join(dir, 'identify-undo.json')]);
  });

  it('plan create, plan create undo, plan export', async () => {
    const created = await printed<PlanCreateResult>(PlanCreate, ['--account', 'Adatum Retail Group', '--start', TODAY, '--undo-file', join(dir, 'ids.json')]);
    assert.ok(created.applied);
    const [plan] = (await printed<HealthResult>(Health, ['--as-of', TODAY])).plans;
    await printed(PlanExport, ['--plan', plan.planId, '--output', dir, '--audience', 'internal']);
    await printed(PlanCreateUndo, ['--file', join(dir, 'ids.json')]);
  });
});
