import { join } from 'node:path';
import { Flags } from '@salesforce/sf-plugins-core';
import { MamCommand } from '../../../cli/mam-command.js';
import { Messages } from '@salesforce/core';
import { createPlans, findAccounts, majorAccounts, planCreation, planSnapshots, templateKey, type CreateReport, type PlannedPlan } from '../../../org/plan-create.js';
import { planIdsFileExists, readPlanIdsFile, savePlanIdsFile, type PlanIdsEntry, type PlanIdsFile } from '../../../org/plan-ids-file.js';
import { isIsoDate } from '../../../org/soql.js';
import { openSession } from '../../../org/session.js';
import { userToday } from '../../../org/today.js';
import { readSettings } from '../../../org/settings.js';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('major-account-management', 'mam.plan.create');

export type PlanCreateResult = {
  applied: boolean;
  planned: Array<{ account: string; accountId: string; action: 'create' | 'complete' | 'skip'; reason?: string }>;
  undoFile?: string;
} & Partial<CreateReport>;

/** An existing ids file of this org to resume, undefined for a new file; anything else is refused before the org is touched. */
function resumableIdsFile(path: string, orgId: string): PlanIdsFile | undefined {
  if (!planIdsFileExists(path)) return undefined;
  let file: PlanIdsFile;
  try {
    file = readPlanIdsFile(path);
  } catch (error) {
    throw messages.createError('error.UndoFileExists', [path, (error as Error).message]);
  }
  if (file.orgId.slice(0, 15) !== orgId.slice(0, 15)) throw messages.createError('error.UndoFileExists', [path, `it belongs to org ${file.orgId}`]);
  return file;
}

export default class PlanCreate extends MamCommand<PlanCreateResult> {
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
    // An Account Name holds at most 255 characters; a longer input cannot match and would only make the query too long.
    const tooLong = flags.account?.find((a) => a.length > 255);
    if (tooLong !== undefined) throw messages.createError('error.AccountTooLong', [tooLong.length, `${Array.from(tooLong).slice(0, 40).join('')}…`]);
    if (flags.start !== undefined && !isIsoDate(flags.start)) throw messages.createError('error.InvalidDate', [flags.start]);
    if (flags.months < 1 || flags.months > 60) throw messages.createError('error.OutOfRange', [flags.months]);

    const undoFile = flags['undo-file'] ?? join(process.cwd(), `mam-plan-create-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    const resumable = resumableIdsFile(undoFile, flags['target-org'].getOrgId());
    const session = await openSession(flags['target-org'], flags.namespace);
    const { connection, names } = session;
    const start = flags.start ?? (await userToday(connection, session.username));
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
    // The intended work is on disk before the first write: a run cut off at any point leaves a file
    // that says what it set out to do, and the same --undo-file resumes it.
    let file: PlanIdsFile = resumable ?? { kind: 'mam-plan-create-undo', version: 2, orgId: session.orgId, createdAt: new Date().toISOString(), finished: false, plans: [] };
    const resuming = resumable !== undefined;
    const entries = new Map(file.plans.map((e) => [e.accountId.slice(0, 15), e]));
    for (const p of work) {
      const known = entries.get(p.account.Id.slice(0, 15));
      // A Draft this file set out to create, found now by its key: the earlier run created it.
      if (known) Object.assign(known, { planId: known.planId ?? p.existingPlanId, created: known.created || (known.action === 'create' && p.existingPlanId !== undefined) });
      else entries.set(p.account.Id.slice(0, 15), { accountId: p.account.Id, account: p.account.Name, key: templateKey(p.account.Id), action: p.existingPlanId ? 'complete' : 'create', ...(p.existingPlanId ? { planId: p.existingPlanId } : {}), created: false });
    }
    file = { ...file, finished: false, plans: [...entries.values()] };
    try {
      savePlanIdsFile(undoFile, file, { create: !resuming });
    } catch (error) {
      throw messages.createError('error.UndoNotWritable', [undoFile, (error as Error).message]);
    }
    this.log(messages.getMessage(resuming ? 'info.resuming' : 'info.intended', [undoFile]));

    this.spinner.start(`Creating ${work.length} plan(s)`);
    const report = await createPlans(connection, names, planned);
    this.spinner.stop();
    await this.record(connection, names, undoFile, file, report, work);
    for (const failure of report.failures) this.warn(`${failure.account}: ${failure.errors.join('; ')}`);
    for (const taken of report.taken) this.warn(messages.getMessage('warning.Taken', [taken.account]));
    this.log(messages.getMessage('info.created', [report.created.filter((c) => c.created).length, report.created.filter((c) => !c.created).length, planned.length - work.length + report.taken.length, report.failures.length, undoFile]));
    const result = { applied: true, planned: summary, undoFile, ...report };
    if (report.failures.length > 0) throw messages.createError('error.PartialFailure', [report.failures.length]).setData(result);
    return result;
  }

  /** Brings the ids file up to date: which plans this run created, and how they looked when it finished. */
  private async record(connection: Parameters<typeof planSnapshots>[0], names: Parameters<typeof planSnapshots>[1], path: string, file: PlanIdsFile, report: CreateReport, work: PlannedPlan[]): Promise<void> {
    const byAccount = new Map(file.plans.map((e) => [e.accountId.slice(0, 15), e]));
    const snapshots = await planSnapshots(connection, names, report.created.map((c) => c.planId));
    for (const done of report.created) {
      const entry = byAccount.get(done.accountId.slice(0, 15));
      if (!entry) continue;
      const snapshot = snapshots.get(done.planId.slice(0, 15));
      Object.assign(entry, { planId: done.planId, created: entry.created || done.created }, snapshot ? { modstamp: snapshot.modstamp, children: snapshot.children } : {});
    }
    for (const taken of report.taken) {
      const entry = byAccount.get(taken.accountId.slice(0, 15));
      if (entry && !entry.planId) entry.note = 'another run created this Draft at the same time';
    }
    const failed = new Set(report.failures.map((f) => f.account));
    const finished = work.every((p) => !failed.has(p.account.Name));
    try {
      savePlanIdsFile(path, { ...file, finished, plans: [...byAccount.values()] as PlanIdsEntry[] });
    } catch (error) {
      this.warn(messages.getMessage('error.UndoNotWritable', [path, (error as Error).message]));
    }
  }
}
