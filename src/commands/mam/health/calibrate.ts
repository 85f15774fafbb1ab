import { Flags } from '@salesforce/sf-plugins-core';
import { Messages } from '@salesforce/core';
import { MamCommand } from '../../../cli/mam-command.js';
import { asOfFlag, dateOrToday, integerFlag, namespaceFlag, outputDirectoryFlag, targetOrgFlag } from '../../../cli/flags.js';
import {
  calibrate,
  calibrationObservations,
  MIN_FIT_ACCOUNTS,
  MIN_FIT_REVIEWS,
  MIN_ACCOUNTS,
  MIN_REVIEWS,
  PARTS,
  type CalibrationReport,
  type Interval,
  type MeasureReport,
  type ObservationCounts,
  type Weights
} from '../../../domain/calibration.js';
import { healthSettingsFrom } from '../../../domain/health.js';
import { readCalibrationHistory, settingsRecordFiles, WEIGHT_FIELDS, writeSettingsRecord } from '../../../org/calibration.js';
import { openSession } from '../../../org/session.js';
import { readSettings } from '../../../org/settings.js';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('major-account-management', 'mam.health.calibrate');

export type HealthCalibrateResult = {
  asOf: string;
  horizonMonths: number;
  counts: ObservationCounts;
  /** Enough reviews and accounts for any statistic at all. */
  enoughHistory: boolean;
  /** What is measured, what is reconstructed and what is not measured, in words. */
  basis: { measured: string; reconstructed: string; notMeasured: string };
  report: CalibrationReport;
  /** With --apply: the values for Setup, and the files written with --output-dir. */
  apply?: { weights: Weights; files: string[] };
};

/** Table columns with their headings from the messages file. */
const columns = (keys: string[]): Array<{ key: string; name: string }> => keys.map((key) => ({ key, name: messages.getMessage(`column.${key}`) }));

const fixed = (v: number | null): string => (v === null ? '—' : v.toFixed(2));
const range = (i: Interval | null, digits = 2): string => (i ? `${i[0].toFixed(digits)}–${i[1].toFixed(digits)}` : '—');

export default class HealthCalibrate extends MamCommand<HealthCalibrateResult> {
  public static override readonly summary = messages.getMessage('summary');
  public static override readonly description = messages.getMessage('description');
  public static override readonly examples = messages.getMessages('examples');

  public static override readonly flags = {
    'target-org': targetOrgFlag,
    'horizon-months': integerFlag({
      summary: messages.getMessage('flags.horizon-months.summary'),
      min: 1,
      max: 36,
      default: 6,
      error: (input) => messages.createError('error.HorizonOutOfRange', [input])
    }),
    'as-of': asOfFlag(messages.getMessage('flags.as-of.summary')),
    namespace: namespaceFlag,
    apply: Flags.boolean({ summary: messages.getMessage('flags.apply.summary') }),
    'output-dir': outputDirectoryFlag(messages.getMessage('flags.output-dir.summary'))
  };

  public async run(): Promise<HealthCalibrateResult> {
    const { flags } = await this.parse(HealthCalibrate);
    const horizonMonths = flags['horizon-months'];
    const outputDir = flags['output-dir'];
    if (outputDir !== undefined && !flags.apply) throw messages.createError('error.OutputDirNeedsApply', [outputDir]);
    const session = await openSession(flags['target-org'], flags.namespace);
    const { connection, names } = session;
    const asOf = await dateOrToday(flags['as-of'], session);

    this.spinner.start(messages.getMessage('spinner.reading'));
    const settings = await readSettings(connection, names);
    const history = await readCalibrationHistory(connection, names, { asOf, horizonMonths });
    this.spinner.stop();
    const healthSettings = healthSettingsFrom(settings);
    const { observations, counts } = calibrationObservations(history.plans, history.opportunities, healthSettings, { horizonMonths, asOf });
    this.spinner.start(messages.getMessage('spinner.computing', [new Set(observations.map((o) => o.accountId)).size]));
    const report = calibrate(observations, healthSettings.weights);
    this.spinner.stop();
    const enoughHistory = report.reviews >= MIN_REVIEWS && report.accounts >= MIN_ACCOUNTS;
    const basis = {
      measured: messages.getMessage('info.measured'),
      reconstructed: messages.getMessage('info.reconstructed', [counts.withParts, counts.used]),
      notMeasured: messages.getMessage('info.notMeasured')
    };
    const result: HealthCalibrateResult = { asOf, horizonMonths, counts, enoughHistory, basis, report };

    this.log(messages.getMessage('info.header', [asOf, horizonMonths, report.reviews, report.accounts, counts.horizonNotPassed, horizonMonths, counts.withoutHealth]));
    if (!enoughHistory) {
      this.log(messages.getMessage('info.notEnoughHistory', [report.reviews, report.accounts, MIN_REVIEWS, MIN_ACCOUNTS]));
    } else {
      this.log(`${basis.measured}\n${basis.reconstructed}\n${basis.notMeasured}`);
      for (const measure of report.measures) this.printMeasure(measure, horizonMonths);
    }
    const noSuggestion = this.printWeights(report);
    if (flags.apply) {
      const suggested = report.weights.suggested;
      if (!suggested) throw messages.createError('error.NothingToApply', [noSuggestion ?? '']).setData(result);
      this.log(messages.getMessage('info.apply'));
      for (const part of PARTS) this.log(messages.getMessage('info.applyValue', [messages.getMessage(`label.weight.${part}`), suggested[part], healthSettings.weights[part]]));
      const files = outputDir ? writeSettingsRecord(outputDir, settingsRecordFiles(settings, suggested, names)) : [];
      if (outputDir) this.log(messages.getMessage('info.applyFiles', [files.join(', '), outputDir]));
      result.apply = { weights: suggested, files };
    }
    return result;
  }

  private printMeasure(measure: MeasureReport, horizonMonths: number): void {
    const notEnough = messages.getMessage('label.notEnough');
    this.table({
      title: messages.getMessage(`title.${measure.measure}`, [horizonMonths, horizonMonths]),
      data: measure.rows.map((row) => ({
        predictor: row.predictor,
        auc: row.enough ? fixed(row.auc) : notEnough,
        aucInterval: range(row.aucInterval),
        spearman: row.enough ? fixed(row.spearman) : notEnough,
        spearmanInterval: range(row.spearmanInterval),
        reviews: row.reviews,
        accounts: row.accounts,
        goodBad: `${row.good} / ${row.bad}`
      })),
      columns: columns(['predictor', 'auc', 'aucInterval', 'spearman', 'spearmanInterval', 'reviews', 'accounts', 'goodBad'])
    });
  }

  /** Prints the weights table, or why there is none (returned, for --apply). */
  private printWeights(report: CalibrationReport): string | undefined {
    const w = report.weights;
    if (!w.suggested) {
      const reason = w.enough ? messages.getMessage('reason.noRelation') : messages.getMessage('reason.notEnough', [MIN_FIT_REVIEWS, MIN_FIT_ACCOUNTS, w.reviews, w.accounts]);
      this.log(messages.getMessage('info.noSuggestion', [reason]));
      return reason;
    }
    const suggested = w.suggested;
    this.table({
      title: messages.getMessage('title.weights', [w.reviews, w.accounts]),
      data: PARTS.map((part) => ({
        part,
        setting: WEIGHT_FIELDS[part],
        current: w.current[part],
        suggested: suggested[part],
        range: range(w.ranges?.[part] ?? null, 0)
      })),
      columns: columns(['part', 'setting', 'current', 'suggested', 'range'])
    });
    if (w.outOfSample) this.log(messages.getMessage('info.outOfSample', [fixed(w.outOfSample.current), fixed(w.outOfSample.suggested)]));
    this.log(messages.getMessage('info.caution'));
    return undefined;
  }
}
