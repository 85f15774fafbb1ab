import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Flags, SfCommand } from '@salesforce/sf-plugins-core';
import { Messages } from '@salesforce/core';
import { createPlans, findAccounts, majorAccounts, planCreation, type CreateReport } from '../../../org/plan-create.js';
import { isIsoDate } from '../../../org/soql.js';
import { openSession } from '../../../org/session.js';
import { readSettings } from '../../../org/settings.js';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('major-account-management', 'mam.plan.create');

export type PlanCreateResult = {
  applied: boolean;
  planned: Array<{ account: string; accountId: string; action: 'create' | 'complete' | 'skip'; reason?: string }>;
  undoFile?: string;
} & Partial<CreateReport>;

export default class PlanCreate extends SfCommand<PlanCreateResult> {
  public static override readonly summary = messages.getMessage('summary');
  public static override readonly description = messages.getMessage('description');
  public static override readonly examples = messages.getMessages('examples');

  public static override readonly flags = {
    'target-org': Flags.requiredOrg(),
    account: Flags.string({ summary: messages.getMessage('flags.account.summary'), multiple: true, exclusive: ['all-major'] }),
    'all-major': Flags.boolean({ summary: messages.getMessage('flags.all-major.summary') }),
    start: Flags.string({ summary: messages.getMessage('flags.start.summary') }),
    months: Flags.integer({ summary: messages.getMessage('flags.months.summary'), default: 12 }),
    'include-existing': Flags.boolean({ summary: messages.getMessage('flags.include-existing.summary') }),
    apply: Flags.boolean({ summary: messages.getMessage('flags.apply.summary') }),
    'undo-file': Flags.string({ summary: messages.getMessage('flags.undo-file.summary') }),
    namespace: Flags.string({ summary: messages.getMessage('flags.namespace.summary') })
  };

  public async run(): Promise<PlanCreateResult> {
    const { flags } = await this.parse(PlanCreate);
    if (!flags.account?.length && !flags['all-major']) throw messages.createError('error.NoAccounts');
    const start = flags.start ?? new Date().toISOString().slice(0, 10);
    if (!isIsoDate(start)) throw messages.createError('error.InvalidDate', [start]);
    if (flags.months < 1 || flags.months > 60) throw messages.createError('error.OutOfRange', [flags.months]);

    const session = await openSession(flags['target-org'], flags.namespace);
    const { connection, names } = session;
    let accounts;
    if (flags['all-major']) accounts = await majorAccounts(connection, names);
    else {
      const lookup = await findAccounts(connection, flags.account ?? []);
      const [problem] = lookup.errors;
      if (problem?.kind === 'unknown') throw messages.createError('error.UnknownAccount', [problem.input]);
      if (problem?.kind === 'ambiguous') throw messages.createError('error.AmbiguousAccount', [problem.matches.length, problem.input, problem.matches.map((m) => m.Id).join(', ')]);
      accounts = lookup.found;
    }
    const settings = await readSettings(connection, names);
    const planned = await planCreation(connection, names, accounts, { periodStart: start, months: flags.months, reviewCadenceDays: settings.Default_Review_Cadence_Days__c, includeExisting: flags['include-existing'] ?? false });
    const summary: PlanCreateResult['planned'] = planned.map((p) => ({
      account: p.account.Name,
      accountId: p.account.Id,
      action: p.skipped ? 'skip' : p.existingPlanId ? 'complete' : 'create',
      ...(p.skipped ? { reason: p.skipped } : {})
    }));
    this.table({ data: summary.map((s) => ({ account: s.account, action: s.action, reason: s.reason ?? '' })), columns: ['account', 'action', 'reason'] });
    const work = planned.filter((p) => !p.skipped);
    if (work.length === 0) {
      this.log(messages.getMessage('info.nothing'));
      return { applied: false, planned: summary };
    }
    if (flags['all-major'] && !flags.apply) {
      this.log(messages.getMessage('info.dryRun'));
      return { applied: false, planned: summary };
    }
    const undoFile = flags['undo-file'] ?? join(process.cwd(), `mam-plan-create-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    this.spinner.start(`Creating ${work.length} plan(s)`);
    const report = await createPlans(connection, names, planned);
    this.spinner.stop();
    try {
      writeFileSync(undoFile, `${JSON.stringify({ kind: 'mam-plan-create-undo', version: 1, orgId: session.orgId, createdAt: new Date().toISOString(), plans: report.created }, null, 2)}\n`, { flag: 'wx' });
    } catch (error) {
      this.warn(messages.getMessage('error.UndoNotWritable', [undoFile, (error as Error).message]));
    }
    for (const failure of report.failures) this.warn(`${failure.account}: ${failure.errors.join('; ')}`);
    this.log(messages.getMessage('info.created', [report.created.length, planned.length - work.length, report.failures.length, undoFile]));
    const result = { applied: true, planned: summary, undoFile, ...report };
    if (report.failures.length > 0) throw messages.createError('error.PartialFailure', [report.failures.length]).setData(result);
    return result;
  }
}
