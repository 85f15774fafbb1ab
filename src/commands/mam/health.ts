import { Flags } from '@salesforce/sf-plugins-core';
import { MamCommand } from '../../cli/mam-command.js';
import { Messages } from '@salesforce/core';
import { evaluatePlans, worstFirst, type PlanHealthRow } from '../../org/health.js';
import { readPlans } from '../../org/plans.js';
import { queryAll } from '../../org/query.js';
import { openSession } from '../../org/session.js';
import { userToday } from '../../org/today.js';
import { readSettings } from '../../org/settings.js';
import { isRecordId, quote, isIsoDate } from '../../org/soql.js';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('major-account-management', 'mam.health');

export type HealthResult = {
  asOf: string;
  plans: PlanHealthRow[];
  /** Active plans by status (Drafts shown with --include-draft are not counted). */
  counts: Record<string, number>;
  /** Draft plans matching the filters: not scored until activated. */
  drafts: number;
};

export default class Health extends MamCommand<HealthResult> {
  public static override readonly summary = messages.getMessage('summary');
  public static override readonly description = messages.getMessage('description');
  public static override readonly examples = messages.getMessages('examples');

  public static override readonly flags = {
    'target-org': Flags.requiredOrg(),
    owner: Flags.string({ summary: messages.getMessage('flags.owner.summary') }),
    status: Flags.option({ summary: messages.getMessage('flags.status.summary'), options: ['On Track', 'At Risk', 'Off Track'] as const })(),
    'fail-under': Flags.integer({ summary: messages.getMessage('flags.fail-under.summary') }),
    'as-of': Flags.string({ summary: messages.getMessage('flags.as-of.summary') }),
    namespace: Flags.string({ summary: messages.getMessage('flags.namespace.summary') }),
    'include-draft': Flags.boolean({ summary: messages.getMessage('flags.include-draft.summary') })
  };

  public async run(): Promise<HealthResult> {
    const { flags } = await this.parse(Health);
    const failUnder = flags['fail-under'];
    if (failUnder !== undefined && (failUnder < 0 || failUnder > 100)) throw messages.createError('error.OutOfRange', [failUnder]);
    const asOfFlag = flags['as-of'];
    if (asOfFlag !== undefined && !isIsoDate(asOfFlag)) throw messages.createError('error.InvalidDate', [asOfFlag]);
    const session = await openSession(flags['target-org'], flags.namespace);
    const { connection, names } = session;
    const asOf = asOfFlag ?? (await userToday(connection, session.username));
    let ownerId: string | undefined;
    if (flags.owner) {
      const [user] = await queryAll<{ Id: string }>(connection, `SELECT Id FROM User WHERE ${isRecordId(flags.owner) ? `Id = ${quote(flags.owner)}` : `Username = ${quote(flags.owner)}`} LIMIT 1`);
      if (!user) throw messages.createError('error.UnknownOwner', [flags.owner]);
      ownerId = user.Id;
    }
    this.spinner.start(messages.getMessage('spinner.reading'));
    const settings = await readSettings(connection, names);
    const plans = await readPlans(connection, names, { statuses: ['Active', 'Draft'], ownerId });
    this.spinner.stop();
    const drafts = plans.filter((p) => p.Status__c === 'Draft');
    // A Draft is scored as if it were activated today; its own formula fields are blank, so they are not compared.
    const asActive = flags['include-draft'] ? drafts.map((p) => ({ ...p, Status__c: 'Active', Health_Score__c: undefined })) : [];
    const evaluated = [
      ...evaluatePlans(plans.filter((p) => p.Status__c === 'Active'), settings, asOf),
      ...evaluatePlans(asActive, settings, asOf).map((row) => ({ ...row, draft: true }))
    ];
    let rows = worstFirst(evaluated);
    if (flags.status) rows = rows.filter((r) => r.health.status === flags.status);
    for (const row of rows.filter((r) => r.orgScore !== undefined)) this.warn(messages.getMessage('warning.Mismatch', [row.plan, String(row.orgScore), String(row.health.score)]));
    const counts = { 'On Track': 0, 'At Risk': 0, 'Off Track': 0 } as Record<string, number>;
    for (const row of rows) if (row.health.status && !row.draft) counts[row.health.status] += 1;
    if (rows.length === 0) this.log(messages.getMessage('info.none'));
    else {
      const part = (row: PlanHealthRow, key: string): string => String(row.health.components.find((c) => c.key === key)?.score ?? '—');
      this.table({
        data: rows.map((row) => ({
          account: row.account,
          plan: row.draft ? messages.getMessage('label.draft', [row.plan]) : row.plan,
          score: row.health.score ?? '—',
          status: row.health.status ?? '—',
          execution: part(row, 'execution'),
          cadence: part(row, 'cadence'),
          coverage: part(row, 'coverage'),
          alignment: part(row, 'alignment'),
          results: part(row, 'results'),
          'days late': row.daysLate,
          'last review': row.lastReview ?? 'never',
          readiness: `${row.health.readinessCount}/8`,
          why: row.health.reasonText
        })),
        overflow: 'wrap'
      });
      this.log(messages.getMessage('info.summary', [rows.filter((r) => !r.draft).length, counts['On Track'], counts['At Risk'], counts['Off Track']]));
    }
    if (drafts.length > 0 && !flags['include-draft']) this.log(messages.getMessage('info.drafts', [drafts.length]));
    const result = { asOf, plans: rows, counts, drafts: drafts.length };
    if (failUnder !== undefined) {
      const below = rows.filter((r) => !r.draft && r.health.score !== null && r.health.score < failUnder);
      if (below.length > 0) throw messages.createError('error.Below', [below.length, failUnder, below.map((r) => `${r.account} (${r.health.score})`).join(', ')]).setData(result);
    }
    return result;
  }
}
