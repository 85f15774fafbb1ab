import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Flags } from '@salesforce/sf-plugins-core';
import { MamCommand } from '../../cli/mam-command.js';
import { Messages } from '@salesforce/core';
import { paretoCurve, type Candidate, type PlannedChange } from '../../domain/identify.js';
import { writeAccountValues, writeUndoFile, type WriteFailure } from '../../org/accounts.js';
import { spreadsheetLine } from '../../org/csv.js';
import { identifyInOrg } from '../../org/identify.js';
import { openSession } from '../../org/session.js';
import { userToday } from '../../org/today.js';
import { readSettings } from '../../org/settings.js';
import { isApiName, isIsoDate } from '../../org/soql.js';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('major-account-management', 'mam.identify');

export type IdentifyResult = {
  asOf: string;
  window: { from: string; to: string };
  basis: 'revenue' | 'margin';
  method: 'aggregate' | 'bulk';
  opportunities: number;
  totalValue: number;
  accountsWithValue: number;
  share: number;
  max: number;
  selected: Candidate[];
  curve: Array<{ accountShare: number; valueShare: number }>;
  changes: PlannedChange[];
  applied: boolean;
  undoFile?: string;
  written: string[];
  failures: WriteFailure[];
};

/** True when the file holds an undo file of ours: a CSV must never replace one. */
function isUndoFile(path: string): boolean {
  try {
    const kind = (JSON.parse(readFileSync(path, 'utf8')) as { kind?: unknown }).kind;
    return typeof kind === 'string' && /^mam-.*-undo$/.test(kind);
  } catch {
    return false;
  }
}

/** --share is a whole percentage; 0.8 is the usual slip for 80, and the error says so. */
function parseShare(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (/^0?\.\d+$/.test(value.trim())) throw messages.createError('error.ShareIsFraction', [value, Math.round(Number(value) * 100)]);
  if (!/^\d+$/.test(value.trim())) throw messages.createError('error.OutOfRange', ['share', 1, 100, value]);
  const share = Number(value);
  checkRange('share', share, 1, 100);
  return share;
}

/** Money in cents: sums of amounts carry binary noise (166183.40000000002) that nobody should see. */
const cents = (n: number): number => Math.round(n * 100) / 100;

function checkRange(name: string, value: number | undefined, min: number, max: number): void {
  if (value !== undefined && (!Number.isFinite(value) || value < min || value > max)) {
    throw messages.createError('error.OutOfRange', [name, min, max, value]);
  }
}

/** Cumulative value share at each tenth of the accounts, as a text chart. */
function curveChart(points: Array<{ accountShare: number; valueShare: number }>): string[] {
  if (points.length === 0) return [];
  const lines = ['Share of value by share of accounts (largest first):'];
  for (let decile = 10; decile <= 100; decile += 10) {
    const point = points.find((p) => p.accountShare >= decile - 1e-9) ?? points[points.length - 1];
    const bar = '█'.repeat(Math.round(point.valueShare / 2.5));
    lines.push(`  top ${String(decile).padStart(3)}% of accounts ${bar.padEnd(40)} ${point.valueShare.toFixed(1)}%`);
  }
  return lines;
}

/** One line per account: what a reviewer needs to see before --apply. */
function describeChange(change: PlannedChange): string {
  const tier = (v: unknown): string => (v ? String(v) : 'no tier');
  if (change.action === 'flag') return ` (${tier(change.after.Major_Account_Tier__c)})`;
  if (change.action === 'unflag') return ` (was ${tier(change.before.Major_Account_Tier__c)})`;
  const parts: string[] = [];
  if ('Major_Account_Tier__c' in change.after) parts.push(`${tier(change.before.Major_Account_Tier__c)} → ${tier(change.after.Major_Account_Tier__c)}`);
  const refreshed = Object.keys(change.after).filter((k) => k !== 'Major_Account_Tier__c').length;
  if (refreshed > 0) parts.push(`${refreshed} field(s) refreshed`);
  return `: ${parts.join('; ')}`;
}

export default class Identify extends MamCommand<IdentifyResult> {
  public static override readonly summary = messages.getMessage('summary');
  public static override readonly description = messages.getMessage('description');
  public static override readonly examples = messages.getMessages('examples');

  public static override readonly flags = {
    'target-org': Flags.requiredOrg(),
    months: Flags.integer({ summary: messages.getMessage('flags.months.summary') }),
    share: Flags.string({ summary: messages.getMessage('flags.share.summary') }),
    max: Flags.integer({ summary: messages.getMessage('flags.max.summary') }),
    'per-owner': Flags.boolean({ summary: messages.getMessage('flags.per-owner.summary'), default: false }),
    'margin-field': Flags.string({ summary: messages.getMessage('flags.margin-field.summary') }),
    apply: Flags.boolean({ summary: messages.getMessage('flags.apply.summary') }),
    unflag: Flags.boolean({ summary: messages.getMessage('flags.unflag.summary'), dependsOn: ['apply'] }),
    'undo-file': Flags.string({ summary: messages.getMessage('flags.undo-file.summary'), dependsOn: ['apply'] }),
    csv: Flags.string({ summary: messages.getMessage('flags.csv.summary') }),
    namespace: Flags.string({ summary: messages.getMessage('flags.namespace.summary') }),
    'as-of': Flags.string({ summary: messages.getMessage('flags.as-of.summary') })
  };

  public async run(): Promise<IdentifyResult> {
    const { flags } = await this.parse(Identify);
    // Every input is checked before the org is touched.
    checkRange('months', flags.months, 1, 120);
    const share = parseShare(flags.share);
    checkRange('max', flags.max, 1, 100000);
    const asOfFlag = flags['as-of'];
    if (asOfFlag !== undefined && !isIsoDate(asOfFlag)) throw messages.createError('error.InvalidDate', [asOfFlag]);
    if (flags.csv && ((flags['undo-file'] && resolve(flags.csv) === resolve(flags['undo-file'])) || isUndoFile(flags.csv))) {
      throw messages.createError('error.CsvIsUndoFile', [flags.csv]);
    }
    const marginField = flags['margin-field'];
    if (marginField !== undefined && !isApiName(marginField)) throw messages.createError('error.MarginFieldMissing', [marginField]);

    const session = await openSession(flags['target-org'], flags.namespace);
    const { connection, names } = session;
    const asOf = asOfFlag ?? (await userToday(connection, session.username));
    if (marginField) {
      const describe = await connection.describe('Opportunity');
      const field = describe.fields.find((f) => f.name.toLowerCase() === marginField.toLowerCase());
      if (!field) throw messages.createError('error.MarginFieldMissing', [marginField]);
      if (!['currency', 'double', 'int', 'percent'].includes(field.type)) throw messages.createError('error.MarginFieldNotNumeric', [marginField, field.type]);
    }
    const settings = await readSettings(connection, names);
    const months = flags.months ?? settings.Identification_Months__c;

    this.spinner.start('Reading closed-won opportunities');
    const run = await identifyInOrg(connection, names, settings, {
      months,
      asOf,
      marginField,
      share,
      max: flags.max,
      perOwner: flags['per-owner'],
      basis: marginField ? 'margin' : 'revenue',
      unflag: flags.unflag ?? false,
      onProgress: (n) => {
        this.spinner.status = `${n} opportunities read`;
      }
    });
    this.spinner.stop();
    const { identification, changes } = run;
    const basis = marginField ? 'margin' : 'revenue';
    this.log(messages.getMessage('info.method', [run.revenue.opportunities, run.revenue.method === 'aggregate' ? 'one aggregate query' : 'a Bulk API 2.0 query']));

    const owners = new Map([...run.accounts.values()].map((a) => [a.Id, a.Owner?.Name ?? '']));
    this.table({
      title: `Major accounts: ${identification.selected.length} selected (${identification.share}% of ${basis}, at most ${identification.max}${flags['per-owner'] ? ' per owner' : ''})`,
      data: identification.selected.map((c) => ({
        rank: c.rank ?? '—',
        account: c.name,
        owner: owners.get(c.id) ?? '',
        [basis]: Math.round(c.value).toLocaleString('en-US'),
        tier: c.tier ?? '',
        financial: c.financialSignificance,
        strategic: c.strategicSignificance,
        reason: c.reason
      })),
      overflow: 'wrap'
    });
    const curve = paretoCurve(identification.candidates.map((c) => c.value)).map((p) => ({ accountShare: p.accountShare, valueShare: p.valueShare }));
    for (const line of curveChart(curve)) this.log(line);
    const cappedOut = identification.candidates.filter((c) => c.cappedOut);
    if (cappedOut.length > 0) {
      const reached = Math.max(0, ...identification.selected.filter((c) => c.financial).map((c) => c.cumulativeShare ?? 0));
      const names = cappedOut.slice(0, 10).map((c) => c.name).join(', ') + (cappedOut.length > 10 ? ` and ${cappedOut.length - 10} more` : '');
      this.warn(messages.getMessage('warning.Capped', [identification.max, reached.toFixed(1), basis, identification.share, cappedOut.length, names]));
    }

    if (flags.csv) {
      try {
        writeFileSync(
          flags.csv,
          spreadsheetLine(['Id', 'Account', 'Rank', basis, 'Cumulative share', 'Tier', 'Selected', 'Financial significance', 'Strategic significance', 'Reason']) +
            identification.candidates
              .filter((c) => c.selected || c.financial || c.strategic)
              .map((c) => spreadsheetLine([c.id, c.name, c.rank, cents(c.value), c.cumulativeShare?.toFixed(1), c.tier, c.selected, c.financialSignificance, c.strategicSignificance, c.reason]))
              .join('')
        );
      } catch (error) {
        throw messages.createError('error.CsvNotWritable', [flags.csv, (error as Error).message]);
      }
    }

    this.log('');
    for (const change of changes) this.log(`  ${change.action.padEnd(6)} ${change.name}${describeChange(change)}`);
    const result: IdentifyResult = {
      asOf,
      window: run.window,
      basis,
      method: run.revenue.method,
      opportunities: run.revenue.opportunities,
      totalValue: cents(identification.totalValue),
      accountsWithValue: identification.accountsWithValue,
      share: identification.share,
      max: identification.max,
      selected: identification.selected.map((c) => ({ ...c, value: cents(c.value) })),
      curve,
      changes,
      applied: false,
      written: [],
      failures: []
    };
    if (changes.length === 0) {
      this.log(messages.getMessage('info.noChanges'));
      return { ...result, applied: flags.apply ?? false };
    }
    if (!flags.apply) {
      this.log(messages.getMessage('info.dryRun'));
      return result;
    }

    const undoFile = flags['undo-file'] ?? join(process.cwd(), `mam-identify-undo-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    try {
      writeUndoFile(undoFile, session.orgId, changes.map((c) => ({ id: c.id, name: c.name, before: c.before, after: c.after })));
    } catch (error) {
      throw messages.createError('error.UndoNotWritable', [undoFile, (error as Error).message]);
    }
    this.log(messages.getMessage('info.undoSaved', [undoFile, undoFile]));
    this.spinner.start(`Updating ${changes.length} account(s)`);
    const report = await writeAccountValues(connection, names, changes.map((c) => ({ id: c.id, name: c.name, values: c.after })), {
      onRetry: (_error, attempt) => {
        this.spinner.status = `retry ${attempt}`;
      },
      onProgress: (done, total) => {
        this.spinner.status = `${done}/${total}`;
      }
    });
    this.spinner.stop();
    for (const failure of report.failures) this.warn(`${failure.name} (${failure.id}): ${failure.errors.map((e) => `${e.statusCode}: ${e.message}`).join('; ')}`);
    this.log(messages.getMessage('info.applied', [report.written.length, report.failures.length]));
    const applied = { ...result, applied: true, undoFile, written: report.written, failures: report.failures };
    if (report.failures.length > 0) throw messages.createError('error.PartialFailure', [report.failures.length, changes.length]).setData(applied);
    return applied;
  }
}
