import { Flags } from '@salesforce/sf-plugins-core';
import { Messages } from '@salesforce/core';
import { MamCommand } from '../../../cli/mam-command.js';
import { existingFileFlag, namespaceFlag, readRunFile, targetOrgFlag, writeFailureText } from '../../../cli/flags.js';
import { MAJOR_ACCOUNT_FIELDS, readAccounts, readUndoFile, sameValue, writeAccountValues, type AccountRow, type FieldValues, type UndoFile, type WriteFailure } from '../../../org/accounts.js';
import { openSession } from '../../../org/session.js';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('major-account-management', 'mam.identify.undo');

export type IdentifyUndoResult = { restored: string[]; skipped: Array<{ id: string; name: string; reason: string }>; failures: WriteFailure[] };

type Restore = { id: string; name: string; values: FieldValues };
type Decision = { restore: Restore } | { skip: IdentifyUndoResult['skipped'][number]; changedSince?: string[] };

/** What to do with one account of the undo file, given how it looks now. */
function decide(change: UndoFile['changes'][number], now: AccountRow | undefined, force: boolean): Decision {
  const { id, name } = change;
  if (!now) return { skip: { id, name, reason: messages.getMessage('reason.missing') } };
  const fields = MAJOR_ACCOUNT_FIELDS.filter((f) => f in change.before || f in change.after);
  if (fields.every((f) => sameValue(now[f], change.before[f]))) return { skip: { id, name, reason: messages.getMessage('reason.restored') } };
  const changedSince = fields.filter((f) => !sameValue(now[f], change.after[f]));
  if (changedSince.length > 0 && !force) return { skip: { id, name, reason: messages.getMessage('reason.changed', [changedSince.join(', ')]) }, changedSince };
  return { restore: { id, name, values: Object.fromEntries(fields.map((f) => [f, change.before[f] ?? null])) } };
}

export default class IdentifyUndo extends MamCommand<IdentifyUndoResult> {
  public static override readonly summary = messages.getMessage('summary');
  public static override readonly description = messages.getMessage('description');
  public static override readonly examples = messages.getMessages('examples');

  public static override readonly flags = {
    'target-org': targetOrgFlag,
    file: existingFileFlag(messages.getMessage('flags.file.summary')),
    force: Flags.boolean({ summary: messages.getMessage('flags.force.summary'), default: false }),
    namespace: namespaceFlag
  };

  public async run(): Promise<IdentifyUndoResult> {
    const { flags } = await this.parse(IdentifyUndo);
    const org = flags['target-org'];
    const undo = readRunFile(flags.file, readUndoFile, org.getOrgId(), messages, 'error.BadUndoFile');
    const session = await openSession(org, flags.namespace);
    const current = new Map((await readAccounts(session.connection, session.names, undo.changes.map((c) => c.id))).map((a) => [a.Id.slice(0, 15), a]));

    const restore: Restore[] = [];
    const skipped: IdentifyUndoResult['skipped'] = [];
    for (const change of undo.changes) {
      const decision = decide(change, current.get(change.id.slice(0, 15)), flags.force);
      if ('restore' in decision) restore.push(decision.restore);
      else skipped.push(decision.skip);
      if ('changedSince' in decision && decision.changedSince) this.warn(messages.getMessage('warning.Changed', [change.name, change.id, decision.changedSince.join(', ')]));
    }
    const report = restore.length > 0 ? await writeAccountValues(session.connection, session.names, restore) : { written: [], failures: [] };
    for (const failure of report.failures) this.warn(writeFailureText(failure.name, failure.id, failure.errors.map((e) => `${e.statusCode}: ${e.message}`)));
    this.log(messages.getMessage('info.restored', [report.written.length, skipped.length, report.failures.length]));
    const result = { restored: report.written, skipped, failures: report.failures };
    if (report.failures.length > 0) throw messages.createError('error.PartialFailure', [report.failures.length, restore.length]).setData(result);
    return result;
  }
}
