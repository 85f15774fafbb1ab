import { Flags } from '@salesforce/sf-plugins-core';
import { MamCommand } from '../../../cli/mam-command.js';
import { Messages } from '@salesforce/core';
import { MAJOR_ACCOUNT_FIELDS, readAccounts, readUndoFile, sameValue, writeAccountValues, type FieldValues, type WriteFailure } from '../../../org/accounts.js';
import { openSession } from '../../../org/session.js';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('major-account-management', 'mam.identify.undo');

export type IdentifyUndoResult = { restored: string[]; skipped: Array<{ id: string; name: string; reason: string }>; failures: WriteFailure[] };

export default class IdentifyUndo extends MamCommand<IdentifyUndoResult> {
  public static override readonly summary = messages.getMessage('summary');
  public static override readonly description = messages.getMessage('description');
  public static override readonly examples = messages.getMessages('examples');

  public static override readonly flags = {
    'target-org': Flags.requiredOrg(),
    file: Flags.file({ summary: messages.getMessage('flags.file.summary'), required: true, exists: true }),
    force: Flags.boolean({ summary: messages.getMessage('flags.force.summary'), default: false }),
    namespace: Flags.string({ summary: messages.getMessage('flags.namespace.summary') })
  };

  public async run(): Promise<IdentifyUndoResult> {
    const { flags } = await this.parse(IdentifyUndo);
    let undo;
    try {
      undo = readUndoFile(flags.file);
    } catch (error) {
      throw messages.createError('error.BadUndoFile', [flags.file, (error as Error).message]);
    }
    const org = flags['target-org'];
    if (undo.orgId.slice(0, 15) !== org.getOrgId().slice(0, 15)) throw messages.createError('error.WrongOrg', [undo.orgId, org.getOrgId()]);
    const session = await openSession(org, flags.namespace);
    const current = new Map((await readAccounts(session.connection, session.names, undo.changes.map((c) => c.id))).map((a) => [a.Id.slice(0, 15), a]));

    const restore: Array<{ id: string; name: string; values: FieldValues }> = [];
    const skipped: IdentifyUndoResult['skipped'] = [];
    for (const change of undo.changes) {
      const now = current.get(change.id.slice(0, 15));
      if (!now) {
        skipped.push({ id: change.id, name: change.name, reason: 'account no longer exists' });
        continue;
      }
      const fields = MAJOR_ACCOUNT_FIELDS.filter((f) => f in change.before || f in change.after);
      if (fields.every((f) => sameValue(now[f], change.before[f]))) {
        skipped.push({ id: change.id, name: change.name, reason: 'already restored' });
        continue;
      }
      const changedSince = fields.filter((f) => !sameValue(now[f], change.after[f]));
      if (changedSince.length > 0 && !flags.force) {
        this.warn(messages.getMessage('warning.Changed', [change.name, change.id, changedSince.join(', ')]));
        skipped.push({ id: change.id, name: change.name, reason: `changed since the apply: ${changedSince.join(', ')}` });
        continue;
      }
      restore.push({ id: change.id, name: change.name, values: Object.fromEntries(fields.map((f) => [f, change.before[f] ?? null])) });
    }
    const report = restore.length > 0 ? await writeAccountValues(session.connection, session.names, restore) : { written: [], failures: [] };
    for (const failure of report.failures) this.warn(`${failure.name} (${failure.id}): ${failure.errors.map((e) => `${e.statusCode}: ${e.message}`).join('; ')}`);
    this.log(messages.getMessage('info.restored', [report.written.length, skipped.length, report.failures.length]));
    const result = { restored: report.written, skipped, failures: report.failures };
    if (report.failures.length > 0) throw messages.createError('error.PartialFailure', [report.failures.length, restore.length]).setData(result);
    return result;
  }
}
