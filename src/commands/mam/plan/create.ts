import { join } from 'node:path';
import { Flags } from '@salesforce/sf-plugins-core';
import { Messages } from '@salesforce/core';
import { MamCommand } from '../../../cli/mam-command.js';
import { dateFlag, dateOrToday, integerFlag, namespaceFlag, outputFileFlag, targetOrgFlag } from '../../../cli/flags.js';
import { createPlans, findAccounts, majorAccounts, planCreation, planSnapshots, templateKey, type CreateReport, type PlannedPlan, type TargetAccount } from '../../../org/plan-create.js';
import { planIdsFileExists, readPlanIdsFile, savePlanIdsFile, type PlanIdsEntry, type PlanIdsFile } from '../../../org/plan-ids-file.js';
import { openSession, type OrgSession } from '../../../org/session.js';
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
  if (file.orgId.slice(0, 15) !== orgId.slice(0, 15)) throw messages.createError('error.UndoFileExists', [path, messages.getMessage('reason.otherOrg', [file.orgId])]);
  return file;
}

/** The accounts named by --account (each exactly one), or every major account. */
async function targetAccounts(session: OrgSession, accounts: string[] | undefined, allMajor: boolean): Promise<TargetAccount[]> {
  if (allMajor) return majorAccounts(session.connection, session.names);
  const lookup = await findAccounts(session.connection, accounts ?? []);
  const [problem] = lookup.errors;
  if (problem?.kind === 'unknown') throw messages.createError('error.UnknownAccount', [problem.input]);
  if (problem?.kind === 'ambiguous') throw messages.createError('error.AmbiguousAccount', [problem.matches.length, problem.input, problem.matches.map((m) => m.Id).join(', ')]);
  return lookup.found;
}

/** The ids file as this run intends it: every plan it will create or complete, none yet marked done by it. */
function intendedIdsFile(resumable: PlanIdsFile | undefined, orgId: string, work: PlannedPlan[]): PlanIdsFile {
  const file: PlanIdsFile = resumable ?? { kind: 'mam-plan-create-undo', version: 2, orgId, createdAt: new Date().toISOString(), finished: false, plans: [] };
  const entries = new Map(file.plans.map((e) => [e.accountId.slice(0, 15), e]));
  for (const p of work) {
    const known = entries.get(p.account.Id.slice(0, 15));
    // A Draft this file set out to create, found now by its key: the earlier run created it.
    if (known) Object.assign(known, { planId: known.planId ?? p.existingPlanId, created: known.created || (known.action === 'create' && p.existingPlanId !== undefined) });
    else entries.set(p.account.Id.slice(0, 15), { accountId: p.account.Id, account: p.account.Name, key: templateKey(p.account.Id), action: p.existingPlanId ? 'complete' : 'create', ...(p.existingPlanId ? { planId: p.existingPlanId } : {}), created: false });
  }
  return { ...file, finished: false, plans: [...entries.values()] };
}

export default class PlanCreate extends MamCommand<PlanCreateResult> {
  public static override readonly summary = messages.getMessage('summary');
  public static override readonly description = messages.getMessage('description');
  public static override readonly examples = messages.getMessages('examples');

  public static override readonly flags = {
    'target-org': targetOrgFlag,
    account: Flags.string({ summary: messages.getMessage('flags.account.summary'), multiple: true, exclusive: ['all-major'] }),
    'all-major': Flags.boolean({ summary: messages.getMessage('flags.all-major.summary') }),
    start: dateFlag({ summary: messages.getMessage('flags.start.summary') }),
    months: integerFlag({ summary: messages.getMessage('flags.months.summary'), min: 1, max: 60, default: 12 }),
    'include-existing': Flags.boolean({ summary: messages.getMessage('flags.include-existing.summary') }),
    apply: Flags.boolean({ summary: messages.getMessage('flags.apply.summary') }),
    'undo-file': outputFileFlag(messages.getMessage('flags.undo-file.summary')),
    namespace: namespaceFlag
  };

  public async run(): Promise<PlanCreateResult> {
    const { flags } = await this.parse(PlanCreate);
    if (!flags.account?.length && !flags['all-major']) throw messages.createError('error.NoAccounts');
    // An Account Name holds at most 255 characters; a longer input cannot match and would only make the query too long.
    const tooLong = flags.account?.find((a) => a.length > 255);
    if (tooLong !== undefined) throw messages.createError('error.AccountTooLong', [tooLong.length, `${Array.from(tooLong).slice(0, 40).join('')}…`]);

    const undoFile = flags['undo-file'] ?? join(process.cwd(), `mam-plan-create-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    const resumable = resumableIdsFile(undoFile, flags['target-org'].getOrgId());
    const session = await openSession(flags['target-org'], flags.namespace);
    const start = await dateOrToday(flags.start, session);
    const accounts = await targetAccounts(session, flags.account, flags['all-major'] ?? false);
    const settings = await readSettings(session.connection, session.names);
    const planned = await planCreation(session.connection, session.names, accounts, { periodStart: start, months: flags.months, reviewCadenceDays: settings.Default_Review_Cadence_Days__c, includeExisting: flags['include-existing'] ?? false });
    const summary: PlanCreateResult['planned'] = planned.map((p) => ({
      account: p.account.Name,
      accountId: p.account.Id,
      action: p.skipped ? 'skip' : p.existingPlanId ? 'complete' : 'create',
      ...(p.skipped ? { reason: p.skipped } : {})
    }));
    const columns = ['account', 'action', 'reason'].map((key) => ({ key, name: messages.getMessage(`column.${key}`) }));
    this.table({ data: summary.map((s) => ({ account: s.account, action: s.action, reason: s.reason ?? '' })), columns });
    const work = planned.filter((p) => !p.skipped);
    if (work.length === 0 || (flags['all-major'] && !flags.apply)) {
      this.log(messages.getMessage(work.length === 0 ? 'info.nothing' : 'info.dryRun'));
      return { applied: false, planned: summary };
    }
    const report = await this.create(session, undoFile, resumable, planned);
    const result = { applied: true, planned: summary, undoFile, ...report };
    if (report.failures.length > 0) throw messages.createError('error.PartialFailure', [report.failures.length]).setData(result);
    return result;
  }

  /**
   * The intended work is on disk before the first write: a run cut off at any point leaves a file
   * that says what it set out to do, and the same --undo-file resumes it.
   */
  private async create(session: OrgSession, undoFile: string, resumable: PlanIdsFile | undefined, planned: PlannedPlan[]): Promise<CreateReport> {
    const work = planned.filter((p) => !p.skipped);
    const file = intendedIdsFile(resumable, session.orgId, work);
    try {
      savePlanIdsFile(undoFile, file, { create: resumable === undefined });
    } catch (error) {
      throw messages.createError('error.UndoNotWritable', [undoFile, (error as Error).message]);
    }
    this.log(messages.getMessage(resumable ? 'info.resuming' : 'info.intended', [undoFile]));

    this.spinner.start(messages.getMessage('spinner.creating', [work.length]));
    const report = await createPlans(session.connection, session.names, planned);
    this.spinner.stop();
    await this.record(session, undoFile, file, report, work);
    for (const failure of report.failures) this.warn(messages.getMessage('warning.Failure', [failure.account, failure.errors.join('; ')]));
    for (const taken of report.taken) this.warn(messages.getMessage('warning.Taken', [taken.account]));
    this.log(messages.getMessage('info.created', [report.created.filter((c) => c.created).length, report.created.filter((c) => !c.created).length, planned.length - work.length + report.taken.length, report.failures.length, undoFile]));
    return report;
  }

  /** Brings the ids file up to date: which plans this run created, and how they looked when it finished. */
  private async record(session: OrgSession, path: string, file: PlanIdsFile, report: CreateReport, work: PlannedPlan[]): Promise<void> {
    const byAccount = new Map(file.plans.map((e) => [e.accountId.slice(0, 15), e]));
    const snapshots = await planSnapshots(session.connection, session.names, report.created.map((c) => c.planId));
    for (const done of report.created) {
      const entry = byAccount.get(done.accountId.slice(0, 15));
      if (!entry) continue;
      const snapshot = snapshots.get(done.planId.slice(0, 15));
      Object.assign(entry, { planId: done.planId, created: entry.created || done.created }, snapshot ? { modstamp: snapshot.modstamp, children: snapshot.children } : {});
    }
    for (const taken of report.taken) {
      const entry = byAccount.get(taken.accountId.slice(0, 15));
      if (entry && !entry.planId) entry.note = messages.getMessage('note.taken');
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
