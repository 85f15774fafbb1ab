import { Messages } from '@salesforce/core';
import { MamCommand } from '../../../../cli/mam-command.js';
import { existingFileFlag, namespaceFlag, readRunFile, targetOrgFlag } from '../../../../cli/flags.js';
import { readPlanIdsFile, undoPlanCreation, type UndoPlanReport } from '../../../../org/plan-ids-file.js';
import { openSession } from '../../../../org/session.js';
import { printable } from '../../../../org/printable.js';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('major-account-management', 'mam.plan.create.undo');

export type PlanCreateUndoResult = UndoPlanReport;

export default class PlanCreateUndo extends MamCommand<PlanCreateUndoResult> {
  public static override readonly summary = messages.getMessage('summary');
  public static override readonly description = messages.getMessage('description');
  public static override readonly examples = messages.getMessages('examples');

  public static override readonly flags = {
    'target-org': targetOrgFlag,
    file: existingFileFlag(messages.getMessage('flags.file.summary')),
    namespace: namespaceFlag
  };

  public async run(): Promise<PlanCreateUndoResult> {
    const { flags } = await this.parse(PlanCreateUndo);
    const org = flags['target-org'];
    const file = readRunFile(flags.file, readPlanIdsFile, org.getOrgId(), messages, 'error.BadFile');
    const session = await openSession(org, flags.namespace);
    const report = await undoPlanCreation(session.connection, session.names, file);
    for (const skipped of report.skipped) this.log(messages.getMessage('info.skipped', [printable(skipped.account), skipped.planId ?? '—', skipped.reason]));
    for (const failure of report.failures) this.warn(messages.getMessage('warning.Failure', [printable(failure.account), failure.planId, failure.errors.join('; ')]));
    this.log(messages.getMessage('info.deleted', [report.deleted.length, report.skipped.length, report.failures.length]));
    if (report.failures.length > 0) throw messages.createError('error.PartialFailure', [report.failures.length]).setData(report);
    return report;
  }
}
