// What `sf mam identify` shows and returns: the --json result, the table of selected accounts, the
// Pareto curve, the capped-out warning, the candidates CSV and one line per planned change.
import { writeFileSync } from 'node:fs';
import { Messages } from '@salesforce/core';
import { paretoCurve, type Candidate, type PlannedChange } from '../domain/identify.js';
import type { WriteFailure } from '../org/accounts.js';
import { spreadsheetLine } from '../org/csv.js';
import type { IdentifyRun } from '../org/identify.js';
import type { Display } from './display.js';

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

/** Money in cents: sums of amounts carry binary noise (166183.40000000002) that nobody should see. */
const cents = (n: number): number => Math.round(n * 100) / 100;

/** The dry-run result: what was found and what would change (nothing applied yet). */
export function identifyResult(run: IdentifyRun, asOf: string, basis: IdentifyResult['basis']): IdentifyResult {
  const { identification } = run;
  return {
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
    curve: paretoCurve(identification.candidates.map((c) => c.value)).map((p) => ({ accountShare: p.accountShare, valueShare: p.valueShare })),
    changes: run.changes,
    applied: false,
    written: [],
    failures: []
  };
}

/** Cumulative value share at each tenth of the accounts, as a text chart. */
export function curveChart(points: IdentifyResult['curve']): string[] {
  if (points.length === 0) return [];
  const lines = [messages.getMessage('curve.title')];
  for (let decile = 10; decile <= 100; decile += 10) {
    const point = points.find((p) => p.accountShare >= decile - 1e-9) ?? points[points.length - 1];
    const bar = '█'.repeat(Math.round(point.valueShare / 2.5));
    lines.push(`  ${messages.getMessage('curve.line', [String(decile).padStart(3), bar.padEnd(40), point.valueShare.toFixed(1)])}`);
  }
  return lines;
}

/** One line per account: what a reviewer needs to see before --apply. */
export function describeChange(change: PlannedChange): string {
  const tier = (v: unknown): string => (v ? String(v) : messages.getMessage('label.noTier'));
  if (change.action === 'flag') return messages.getMessage('change.flag', [change.name, tier(change.after.Major_Account_Tier__c)]);
  if (change.action === 'unflag') return messages.getMessage('change.unflag', [change.name, tier(change.before.Major_Account_Tier__c)]);
  const parts: string[] = [];
  if ('Major_Account_Tier__c' in change.after) parts.push(messages.getMessage('change.tier', [tier(change.before.Major_Account_Tier__c), tier(change.after.Major_Account_Tier__c)]));
  const refreshed = Object.keys(change.after).filter((k) => k !== 'Major_Account_Tier__c').length;
  if (refreshed > 0) parts.push(messages.getMessage('change.refreshed', [refreshed]));
  return messages.getMessage('change.update', [change.name, parts.join('; ')]);
}

/** How the revenue was read, the selected accounts, the curve, and the accounts the cap left out. */
export function showIdentification(out: Display, run: IdentifyRun, result: IdentifyResult, perOwner: boolean): void {
  const { identification } = run;
  const { basis } = result;
  out.log(messages.getMessage('info.method', [run.revenue.opportunities, messages.getMessage(run.revenue.method === 'aggregate' ? 'label.aggregate' : 'label.bulk')]));
  const owners = new Map([...run.accounts.values()].map((a) => [a.Id, a.Owner?.Name ?? '']));
  const column = (key: string): { key: string; name: string } => ({ key, name: messages.getMessage(`column.${key}`) });
  out.table({
    title: messages.getMessage(perOwner ? 'title.selectedPerOwner' : 'title.selected', [identification.selected.length, identification.share, basis, identification.max]),
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
    columns: ['rank', 'account', 'owner', basis, 'tier', 'financial', 'strategic', 'reason'].map(column),
    overflow: 'wrap'
  });
  for (const line of curveChart(result.curve)) out.log(line);
  const cappedOut = identification.candidates.filter((c) => c.cappedOut);
  if (cappedOut.length > 0) {
    const reached = Math.max(0, ...identification.selected.filter((c) => c.financial).map((c) => c.cumulativeShare ?? 0));
    const shown = cappedOut.slice(0, 10).map((c) => c.name).join(', ');
    const names = cappedOut.length > 10 ? messages.getMessage('warning.CappedMore', [shown, cappedOut.length - 10]) : shown;
    out.warn(messages.getMessage('warning.Capped', [identification.max, reached.toFixed(1), basis, identification.share, cappedOut.length, names]));
  }
}

/** The planned changes, one line each, after a blank line. */
export function showChanges(out: Display, changes: PlannedChange[]): void {
  out.log('');
  for (const change of changes) out.log(`  ${change.action.padEnd(6)} ${describeChange(change)}`);
}

/** The ranked candidates (selected, financially or strategically significant) as a spreadsheet-safe CSV. */
export function writeCandidatesCsv(path: string, basis: IdentifyResult['basis'], candidates: Candidate[]): void {
  try {
    writeFileSync(
      path,
      spreadsheetLine(['Id', 'Account', 'Rank', basis, 'Cumulative share', 'Tier', 'Selected', 'Financial significance', 'Strategic significance', 'Reason']) +
        candidates
          .filter((c) => c.selected || c.financial || c.strategic)
          .map((c) => spreadsheetLine([c.id, c.name, c.rank, cents(c.value), c.cumulativeShare?.toFixed(1), c.tier, c.selected, c.financialSignificance, c.strategicSignificance, c.reason]))
          .join('')
    );
  } catch (error) {
    throw messages.createError('error.CsvNotWritable', [path, (error as Error).message]);
  }
}
