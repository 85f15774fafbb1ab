import { Flags } from '@salesforce/sf-plugins-core';
import { MamCommand } from '../../cli/mam-command.js';
import type { Display } from '../../cli/display.js';
import { asOfFlag, dateOrToday, integerFlag, namespaceFlag, targetOrgFlag } from '../../cli/flags.js';
import { Messages, type Connection } from '@salesforce/core';
import { evaluatePlans, worstFirst, type PlanHealthRow } from '../../org/health.js';
import { readPlans } from '../../org/plans.js';
import { queryAll } from '../../org/query.js';
import { openSession } from '../../org/session.js';
import { readSettings } from '../../org/settings.js';
import { isRecordId, quote } from '../../org/soql.js';

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

const COLUMNS = ['account', 'plan', 'score', 'status', 'execution', 'cadence', 'coverage', 'alignment', 'results', 'daysLate', 'lastReview', 'readiness', 'why'];

/** The plans worst first, one row each with its parts, and the summary line; or that none match. */
function showHealth(out: Display, rows: PlanHealthRow[], counts: Record<string, number>): void {
  if (rows.length === 0) {
    out.log(messages.getMessage('info.none'));
    return;
  }
  const part = (row: PlanHealthRow, key: string): string => String(row.health.components.find((c) => c.key === key)?.score ?? '—');
  out.table({
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
      daysLate: row.daysLate,
      lastReview: row.lastReview ?? messages.getMessage('label.never'),
      readiness: messages.getMessage('label.readiness', [row.health.readinessCount]),
      why: row.health.reasonText
    })),
    columns: COLUMNS.map((key) => ({ key, name: messages.getMessage(`column.${key}`) })),
    overflow: 'wrap'
  });
  out.log(messages.getMessage('info.summary', [rows.filter((r) => !r.draft).length, counts['On Track'], counts['At Risk'], counts['Off Track']]));
}

/** Active plans by status; Drafts shown with --include-draft are not counted. */
function countByStatus(rows: PlanHealthRow[]): Record<string, number> {
  const counts: Record<string, number> = { 'On Track': 0, 'At Risk': 0, 'Off Track': 0 };
  for (const row of rows) if (row.health.status && !row.draft) counts[row.health.status] += 1;
  return counts;
}

/** The id of the user given by id or username. */
async function ownerIdOf(connection: Connection, owner: string): Promise<string> {
  const [user] = await queryAll<{ Id: string }>(connection, `SELECT Id FROM User WHERE ${isRecordId(owner) ? `Id = ${quote(owner)}` : `Username = ${quote(owner)}`} LIMIT 1`);
  if (!user) throw messages.createError('error.UnknownOwner', [owner]);
  return user.Id;
}

export default class Health extends MamCommand<HealthResult> {
  public static override readonly summary = messages.getMessage('summary');
  public static override readonly description = messages.getMessage('description');
  public static override readonly examples = messages.getMessages('examples');

  public static override readonly flags = {
    'target-org': targetOrgFlag,
    owner: Flags.string({ summary: messages.getMessage('flags.owner.summary') }),
    status: Flags.option({ summary: messages.getMessage('flags.status.summary'), options: ['On Track', 'At Risk', 'Off Track'] as const })(),
    'fail-under': integerFlag({ summary: messages.getMessage('flags.fail-under.summary'), min: 0, max: 100 }),
    'as-of': asOfFlag(messages.getMessage('flags.as-of.summary')),
    namespace: namespaceFlag,
    'include-draft': Flags.boolean({ summary: messages.getMessage('flags.include-draft.summary') })
  };

  public async run(): Promise<HealthResult> {
    const { flags } = await this.parse(Health);
    const failUnder = flags['fail-under'];
    const session = await openSession(flags['target-org'], flags.namespace);
    const { connection, names } = session;
    const asOf = await dateOrToday(flags['as-of'], session);
    const ownerId = flags.owner ? await ownerIdOf(connection, flags.owner) : undefined;
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
    const rows = worstFirst(evaluated).filter((r) => !flags.status || r.health.status === flags.status);
    for (const row of rows.filter((r) => r.orgScore !== undefined)) this.warn(messages.getMessage('warning.Mismatch', [row.plan, String(row.orgScore), String(row.health.score)]));
    const counts = countByStatus(rows);
    showHealth(this, rows, counts);
    if (drafts.length > 0 && !flags['include-draft']) this.log(messages.getMessage('info.drafts', [drafts.length]));
    const result = { asOf, plans: rows, counts, drafts: drafts.length };
    if (failUnder !== undefined) {
      const below = rows.filter((r) => !r.draft && r.health.score !== null && r.health.score < failUnder);
      if (below.length > 0) throw messages.createError('error.Below', [below.length, failUnder, below.map((r) => `${r.account} (${r.health.score})`).join(', ')]).setData(result);
    }
    return result;
  }
}
