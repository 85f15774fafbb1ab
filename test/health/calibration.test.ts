// Calibration: the statistics on data with a known answer (domain), and `sf mam health calibrate`
// over HTTP against the local org seeded with the calibration history (data/history).
import '../cli/harness.js';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  auc,
  calibrate,
  clusterBootstrapInterval,
  nonNegativeLeastSquares,
  PARTS,
  seededRandom,
  spearman,
  toWholePercent,
  type CalibrationObservation,
  type PartScores,
  type Weights
} from '../../src/domain/calibration.js';
import { cleanUpHome, loginToLocalOrg, runCommand } from '../cli/harness.js';
import { startLocalOrg, type LocalOrg } from '../local-org/index.js';
import HealthCalibrate, { type HealthCalibrateResult } from '../../src/commands/mam/health/calibrate.js';
import { generateHistory, TRUE_WEIGHTS } from '../../scripts/generate-calibration-history.js';
import { settingsRecordFiles } from '../../src/org/calibration.js';
import { OrgNames } from '../../src/org/names.js';

const CURRENT: Weights = { execution: 30, cadence: 20, coverage: 20, alignment: 15, results: 15 };
/** The weights the generated outcomes follow in the golden test. */
const TRUE: Weights = { execution: 45, cadence: 5, coverage: 20, alignment: 10, results: 20 };
/** Each recovered weight within this many points of the true one. */
const TOLERANCE = 5;

/**
 * Generated history with a known rule: parts drawn per review (an account trait plus noise), the
 * log of the revenue ratio after/before the review = 0.6 × (true-weighted score − 50) / 50 + noise
 * (sd 0.2). The fit's target is the bounded symmetric change, which compresses the largest
 * changes: the largest weight (execution) comes out 3–4 points low, inside the tolerance.
 */
function generated(accounts: number, reviewsPerAccount: number, seed: number): CalibrationObservation[] {
  const random = seededRandom(seed);
  const normal = (): number => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const clamp = (v: number): number => Math.round(Math.max(0, Math.min(100, v)));
  const out: CalibrationObservation[] = [];
  for (let a = 0; a < accounts; a += 1) {
    const trait = PARTS.map(() => 100 * random());
    for (let k = 0; k < reviewsPerAccount; k += 1) {
      const parts = Object.fromEntries(PARTS.map((p, i) => [p, clamp(trait[i] + 20 * normal())])) as Record<keyof Weights, number>;
      const score = PARTS.reduce((s, p) => s + (TRUE[p] * parts[p]) / 100, 0);
      const change = (0.6 * (score - 50)) / 50 + 0.2 * normal();
      out.push({
        accountId: `A${a}`,
        account: `Account ${a}`,
        planId: `P${a}`,
        reviewDate: '2025-01-01',
        score: Math.round(score),
        parts: parts as PartScores,
        reconstructedScore: Math.round(score),
        outcome: { wonBefore: 100_000, wonAfter: 100_000 * Math.exp(change), won: 1, lost: change > 0 ? 0 : 1, stageSteps: null }
      });
    }
  }
  return out;
}

describe('calibration statistics', () => {
  it('AUC: 1 for a score that ranks every outcome, 0 for one that reverses them, about 0.5 for a random score', () => {
    const good = [false, false, true, false, true, true];
    assert.equal(auc([1, 2, 3, 2.5, 5, 6], good), 1);
    assert.equal(auc([6, 5, 1, 4, 2, 0], good), 0);
    assert.equal(auc([1, 1, 1, 1, 1, 1], good), 0.5, 'ties count half');
    assert.equal(auc([1, 2], [true, true]), null, 'no bad outcome, no AUC');
    const random = seededRandom(7);
    const labels = Array.from({ length: 4000 }, () => random() < 0.5);
    const noise = Array.from({ length: 4000 }, () => random());
    const value = auc(noise, labels) ?? 0;
    assert.ok(Math.abs(value - 0.5) < 0.03, `a random score has AUC ${value}`);
  });

  it('Spearman: 1 for any increasing relation, -1 for a decreasing one', () => {
    assert.equal(spearman([1, 2, 3, 4], [1, 8, 27, 64]), 1);
    assert.equal(spearman([1, 2, 3, 4], [4, 3, 2, 1]), -1);
    assert.equal(spearman([1, 1, 1], [1, 2, 3]), null);
  });

  it('weights stay non-negative and sum to 100', () => {
    const x = [[0, 1], [1, 0], [2, 2], [3, 1], [1, 3]];
    const fit = nonNegativeLeastSquares(x, x.map(([a, b]) => 2 * a - b));
    assert.deepEqual(fit?.coefficients.map((c) => Math.round(c * 100) / 100), [1.96, 0], 'a negative relation gets weight 0, not a negative one (1.96: the least-squares slope on a alone)');
    assert.deepEqual(toWholePercent([1, 1, 1]), [34, 33, 33]);
    assert.deepEqual(toWholePercent([0.406, 0.003, 0.283, 0.072, 0.236]), [41, 0, 28, 7, 24], 'the two largest remainders (0.6 each) make up the whole 100');
    assert.equal(toWholePercent([0, 0]), null);
  });

  it('properties: whole weights sum to 100 and stay within a point of the exact shares; AUC of the opposite outcome is 1 − AUC; Spearman in [−1, 1]', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1000, noNaN: true }), { minLength: 1, maxLength: 6 }).filter((a) => a.reduce((s, v) => s + v, 0) > 1e-9), (shares) => {
        const whole = toWholePercent(shares) ?? [];
        const total = shares.reduce((s, v) => s + v, 0);
        assert.equal(whole.reduce((s, v) => s + v, 0), 100);
        whole.forEach((w, i) => assert.ok(w >= 0 && Math.abs(w - (100 * shares[i]) / total) < 1));
      })
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 100 }), fc.boolean(), fc.integer({ min: -50, max: 50 })), { minLength: 3, maxLength: 60 }), (rows) => {
        const scores = rows.map((r) => r[0]);
        const good = rows.map((r) => r[1]);
        const a = auc(scores, good);
        const b = auc(scores, good.map((g) => !g));
        if (a !== null && b !== null) assert.ok(Math.abs(a + b - 1) < 1e-9 && a >= 0 && a <= 1);
        const rho = spearman(scores, rows.map((r) => r[2]));
        if (rho !== null) assert.ok(rho >= -1 - 1e-9 && rho <= 1 + 1e-9);
      })
    );
  });

  it(`golden: recovers known part weights within ±${TOLERANCE} points (600 reviews from 120 accounts)`, () => {
    const report = calibrate(generated(120, 5, 42), CURRENT);
    const suggested = report.weights.suggested;
    assert.ok(suggested, 'a suggestion');
    for (const part of PARTS) assert.ok(Math.abs(suggested[part] - TRUE[part]) <= TOLERANCE, `${part}: suggested ${suggested[part]}, true ${TRUE[part]}`);
    assert.equal(PARTS.reduce((s, p) => s + suggested[p], 0), 100);
    // Each true weight lies in its 95% bootstrap range (41/4/21/12/22 suggested on this data).
    for (const part of PARTS) {
      const [lo, hi] = report.weights.ranges?.[part] ?? [0, 0];
      assert.ok(lo <= TRUE[part] && TRUE[part] <= hi, `${part}: true ${TRUE[part]} in ${lo}–${hi}`);
    }
    // The true weights fit better than the current ones on accounts left out of the fit.
    const oos = report.weights.outOfSample;
    assert.ok(oos && (oos.suggested ?? 0) > (oos.current ?? 0), JSON.stringify(oos));
  });

  it('the interval for the score contains the true AUC (from 100 times the data)', () => {
    const population = generated(6000, 5, 99);
    const truth = auc(population.map((o) => o.score), population.map((o) => o.outcome.wonAfter > o.outcome.wonBefore)) ?? 0;
    let covered = 0;
    for (const seed of [1, 2, 3, 4, 5]) {
      const sample = generated(60, 5, seed);
      const interval = clusterBootstrapInterval(sample, (o) => o.accountId, (s) => auc(s.map((o) => o.score), s.map((o) => o.outcome.wonAfter > o.outcome.wonBefore)), { rounds: 300, seed });
      assert.ok(interval && interval[1] - interval[0] < 0.2, `a useful width: ${interval}`);
      if (interval && interval[0] <= truth && truth <= interval[1]) covered += 1;
    }
    assert.ok(covered >= 4, `the 95% interval covers the true AUC ${truth.toFixed(3)} in ${covered} of 5 samples`);
  });

  it('says not enough history below the minimums rather than a number', () => {
    const report = calibrate(generated(5, 4, 3), CURRENT);
    assert.ok(report.measures.every((m) => m.rows.every((r) => !r.enough && r.auc === null && r.spearman === null)));
    assert.equal(report.weights.enough, false);
    assert.equal(report.weights.suggested, null);
  });
});

describe('the settings record written for --apply --output-dir', () => {
  const shipped = readFileSync('force-app/main/default/customMetadata/Major_Account_Setting.Default.md-meta.xml', 'utf8');
  const values = (xml: string): Record<string, string> => Object.fromEntries([...xml.matchAll(/<field>([^<]+)<\/field>\s*<value[^>]*>([^<]*)<\/value>/g)].map((m) => [m[1], m[2]]));
  const settings = Object.fromEntries(Object.entries(values(shipped)).map(([k, v]) => [k, Number(v)]));

  it('with the current weights is the shipped Default record, value for value', () => {
    const files = settingsRecordFiles(settings, CURRENT, new OrgNames(''));
    const record = files.get(join('customMetadata', 'Major_Account_Setting.Default.md')) ?? '';
    assert.deepEqual(values(record), values(shipped));
    assert.match(record, /<label>Default<\/label>/);
  });

  it('carries the namespace of an installed package in the type, record and field names', () => {
    const files = settingsRecordFiles(settings, TRUE, new OrgNames('mam'));
    const record = files.get(join('customMetadata', 'mam__Major_Account_Setting.Default.md')) ?? '';
    assert.match(record, /<field>mam__Weight_Execution__c<\/field>\s*<value xsi:type="xsd:double">45<\/value>/);
    assert.match(files.get('package.xml') ?? '', /<members>mam__Major_Account_Setting\.Default<\/members>/);
  });
});

describe('the committed history seed', () => {
  it('is what the generator writes for 2026-11-24', () => {
    for (const [name, content] of generateHistory('2026-11-24')) {
      assert.equal(readFileSync(join('data/history', name), 'utf8'), `${JSON.stringify(content, null, 2)}\n`, `data/history/${name} is current`);
    }
  });
});

const TODAY = '2026-11-24';

describe('sf mam health calibrate (over HTTP, local org seeded with data/history)', () => {
  let org: LocalOrg;
  const alias = 'calibrate-org';
  const dir = mkdtempSync(join(tmpdir(), 'mam-calibrate-'));
  before(async () => {
    org = await startLocalOrg({ seed: 'data/history/history-plan.json', today: TODAY });
    await loginToLocalOrg(org.instanceUrl, org.accessToken, alias);
  });
  after(async () => {
    await org?.close();
    cleanUpHome();
  });

  it('prints a table per measure and the suggested weights next to the current ones; writes nothing', async () => {
    const { result, error, stdout } = await runCommand<HealthCalibrateResult>(HealthCalibrate, ['--target-org', alias, '--as-of', TODAY]);
    assert.equal(error, undefined, error?.message);
    assert.equal(result?.horizonMonths, 6);
    assert.deepEqual(result?.counts, { reviewsWithHealth: 480, withoutHealth: 0, horizonNotPassed: 120, used: 360, withParts: 360 });
    assert.match(stdout, /360 review\(s\) with a recorded health and the horizon passed since, from 60 account\(s\)\. Left out: 120 too recent to have a 6-month outcome/);
    assert.match(stdout, /Revenue grew/);
    assert.match(stdout, /Won more than lost/);
    assert.match(stdout, /Reached a higher stage/);
    assert.match(stdout, /Suggested weights/);
    assert.match(stdout, /Not measured: /);
    const score = result?.report.measures.find((m) => m.measure === 'revenue')?.rows.find((r) => r.predictor === 'score');
    assert.ok(score?.auc && score.auc > 0.8 && score.aucInterval && score.aucInterval[0] <= score.auc && score.auc <= score.aucInterval[1], JSON.stringify(score));
    // As data/history/INTENT.md says: at 6 months four weights come back, cadence washes out.
    const six = result?.report.weights.suggested;
    assert.ok(six);
    for (const part of ['execution', 'coverage', 'alignment', 'results'] as const) assert.ok(Math.abs(six[part] - TRUE_WEIGHTS[part]) <= TOLERANCE, `${part}: ${six[part]}`);
    assert.ok(six.cadence < TRUE_WEIGHTS.cadence, `cadence: ${six.cadence}`);
    assert.equal(org.requestLog.filter((r) => r.method !== 'GET').length, 0, 'reads only');
  });

  it(`--horizon-months 3 recovers the weights the history was generated with, within ±${TOLERANCE} points; --json is the typed result`, async () => {
    const out = join(dir, 'settings');
    const { result, error, stdout } = await runCommand<HealthCalibrateResult>(HealthCalibrate, ['--target-org', alias, '--as-of', TODAY, '--horizon-months', '3', '--apply', '--output-dir', out, '--json']);
    assert.equal(error, undefined, error?.message);
    const suggested = result?.report.weights.suggested;
    assert.ok(suggested);
    for (const part of PARTS) assert.ok(Math.abs(suggested[part] - TRUE_WEIGHTS[part]) <= TOLERANCE, `${part}: suggested ${suggested[part]}, true ${TRUE_WEIGHTS[part]}`);
    // The JSON printed is the result, with a stable shape.
    const json = JSON.parse(stdout) as { status: number; result: HealthCalibrateResult };
    assert.equal(json.status, 0);
    assert.deepEqual(Object.keys(json.result).sort(), ['apply', 'asOf', 'basis', 'counts', 'enoughHistory', 'horizonMonths', 'report']);
    assert.deepEqual(Object.keys(json.result.report).sort(), ['accounts', 'measures', 'reviews', 'reviewsWithParts', 'weights']);
    assert.deepEqual(json.result.report.measures.map((m) => m.measure), ['revenue', 'winLoss', 'stage']);
    assert.deepEqual(json.result.report.measures[0].rows.map((r) => r.predictor), ['score', ...PARTS]);
    assert.deepEqual(Object.keys(json.result.report.measures[0].rows[0]).sort(), ['accounts', 'auc', 'aucInterval', 'bad', 'enough', 'good', 'predictor', 'reviews', 'spearman', 'spearmanInterval']);
    assert.deepEqual(Object.keys(json.result.report.weights).sort(), ['accounts', 'basis', 'current', 'enough', 'outOfSample', 'ranges', 'reviews', 'suggested']);
    assert.deepEqual(json.result.apply?.weights, suggested);
    // The Default record to deploy: the suggested weights and every other setting as it is.
    const record = readFileSync(join(out, 'customMetadata', 'Major_Account_Setting.Default.md'), 'utf8');
    assert.match(record, new RegExp(`<field>Weight_Execution__c</field>\\s*<value xsi:type="xsd:double">${suggested.execution}</value>`));
    assert.match(record, /<field>On_Track_Threshold__c<\/field>\s*<value xsi:type="xsd:double">70<\/value>/);
    assert.match(record, /<field>Pareto_Share__c<\/field>\s*<value xsi:type="xsd:double">80<\/value>/);
    assert.match(readFileSync(join(out, 'package.xml'), 'utf8'), /<members>Major_Account_Setting\.Default<\/members>\s*<name>CustomMetadata<\/name>/);
    assert.equal(org.requestLog.filter((r) => r.method !== 'GET').length, 0, '--apply changes nothing in the org');
  });

  it('--apply prints what an admin enters in Setup, and says the command does not write settings', async () => {
    const { error, stdout } = await runCommand<HealthCalibrateResult>(HealthCalibrate, ['--target-org', alias, '--as-of', TODAY, '--horizon-months', '3', '--apply']);
    assert.equal(error, undefined, error?.message);
    assert.match(stdout, /Custom Metadata records can only be changed in Setup or by a Metadata API deployment; this command does not write them/);
    assert.match(stdout, /Setup > Custom Metadata Types > Major Account Setting > Manage Records > Default > Edit/);
    assert.match(stdout, /Weight: Execution: \d+ \(now 30\)/);
    assert.match(stdout, /Weight: Results: \d+ \(now 15\)/);
    assert.equal(org.requestLog.filter((r) => r.method !== 'GET').length, 0);
  });

  it('bad flags get clear errors before anything is read', async () => {
    for (const horizon of ['0', '37', 'six', '2.5', '-3']) {
      const { error } = await runCommand(HealthCalibrate, ['--target-org', alias, '--horizon-months', horizon]);
      assert.match(error?.message ?? '', new RegExp(`--horizon-months must be a whole number of months from 1 to 36; you gave ${horizon.replace('.', '\\.')}`), horizon);
    }
    const date = await runCommand(HealthCalibrate, ['--target-org', alias, '--as-of', '2026-02-30']);
    assert.equal(date.error?.name, 'InvalidDateError');
    assert.match(date.error?.message ?? '', /--as-of must be a date as YYYY-MM-DD; you gave 2026-02-30/);
    const alone = await runCommand(HealthCalibrate, ['--target-org', alias, '--output-dir', join(dir, 'x')]);
    assert.equal(alone.error?.name, 'OutputDirNeedsApplyError');
    assert.ok(!existsSync(join(dir, 'x')), 'nothing written');
  });
});

describe('sf mam health calibrate on the sample data (three reviews)', () => {
  it('says there is not enough history, and --apply has nothing to apply', async () => {
    const org = await startLocalOrg({ seed: 'data/sample-data-plan.json', today: TODAY });
    try {
      await loginToLocalOrg(org.instanceUrl, org.accessToken, 'calibrate-sample');
      const { result, error, stdout } = await runCommand<HealthCalibrateResult>(HealthCalibrate, ['--target-org', 'calibrate-sample', '--as-of', TODAY, '--horizon-months', '3']);
      assert.equal(error, undefined, error?.message);
      assert.equal(result?.enoughHistory, false);
      assert.match(stdout, /Left out: 1 too recent to have a 3-month outcome/);
      assert.match(stdout, /Not enough history: 2 review\(s\) from 2 account\(s\)\. Calibration needs at least 30 reviews from 10 accounts/);
      assert.match(stdout, /No suggested weights: the fit needs at least 50 reviews/);
      const apply = await runCommand<HealthCalibrateResult>(HealthCalibrate, ['--target-org', 'calibrate-sample', '--as-of', TODAY, '--apply']);
      assert.equal(apply.error?.name, 'NothingToApplyError');
    } finally {
      await org.close();
    }
  });
});
