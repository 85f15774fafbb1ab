import { join, resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { Flags } from '@salesforce/sf-plugins-core';
import { Messages, type Connection } from '@salesforce/core';
import { MamCommand } from '../../cli/mam-command.js';
import { asOfFlag, dateOrToday, integerFlag, namespaceFlag, outputFileFlag, percentFlag, targetOrgFlag, writeFailureText } from '../../cli/flags.js';
import { identifyResult, showChanges, showIdentification, writeCandidatesCsv, type IdentifyResult } from '../../cli/identify-output.js';
import { writeAccountValues, writeUndoFile } from '../../org/accounts.js';
import { identifyInOrg } from '../../org/identify.js';
import { openSession, type OrgSession } from '../../org/session.js';
import { readSettings } from '../../org/settings.js';
import { isApiName } from '../../org/soql.js';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('major-account-management', 'mam.identify');

export type { IdentifyResult };

/** True when the file holds an undo file of ours: a CSV must never replace one. */
function isUndoFile(path: string): boolean {
  try {
    const kind = (JSON.parse(readFileSync(path, 'utf8')) as { kind?: unknown }).kind;
    return typeof kind === 'string' && /^mam-.*-undo$/.test(kind);
  } catch {
    return false;
  }
}

/** A margin field must look like an API name before it goes near a query; whether it exists is asked of the org. */
const marginFieldFlag = Flags.custom<string>({
  summary: messages.getMessage('flags.margin-field.summary'),
  parse: async (input) => {
    if (!isApiName(input)) throw messages.createError('error.MarginFieldMissing', [input]);
    return input;
  }
});

async function checkMarginField(connection: Connection, marginField: string): Promise<void> {
  const describe = await connection.describe('Opportunity');
  const field = describe.fields.find((f) => f.name.toLowerCase() === marginField.toLowerCase());
  if (!field) throw messages.createError('error.MarginFieldMissing', [marginField]);
  if (!['currency', 'double', 'int', 'percent'].includes(field.type)) throw messages.createError('error.MarginFieldNotNumeric', [marginField, field.type]);
}

export default class Identify extends MamCommand<IdentifyResult> {
  public static override readonly summary = messages.getMessage('summary');
  public static override readonly description = messages.getMessage('description');
  public static override readonly examples = messages.getMessages('examples');

  public static override readonly flags = {
    'target-org': targetOrgFlag,
    months: integerFlag({ summary: messages.getMessage('flags.months.summary'), min: 1, max: 120 }),
    share: percentFlag({ summary: messages.getMessage('flags.share.summary') }),
    max: integerFlag({ summary: messages.getMessage('flags.max.summary'), min: 1, max: 100000 }),
    'per-owner': Flags.boolean({ summary: messages.getMessage('flags.per-owner.summary'), default: false }),
    'margin-field': marginFieldFlag(),
    apply: Flags.boolean({ summary: messages.getMessage('flags.apply.summary') }),
    unflag: Flags.boolean({ summary: messages.getMessage('flags.unflag.summary'), dependsOn: ['apply'] }),
    'undo-file': outputFileFlag(messages.getMessage('flags.undo-file.summary'), { dependsOn: ['apply'] }),
    csv: outputFileFlag(messages.getMessage('flags.csv.summary')),
    namespace: namespaceFlag,
    'as-of': asOfFlag(messages.getMessage('flags.as-of.summary'))
  };

  public async run(): Promise<IdentifyResult> {
    const { flags } = await this.parse(Identify);
    // Every input is checked before the org is touched (the flags themselves while parsing).
    const { csv, 'undo-file': undoFile, 'margin-field': marginField } = flags;
    if (csv && ((undoFile && resolve(csv) === resolve(undoFile)) || isUndoFile(csv))) throw messages.createError('error.CsvIsUndoFile', [csv]);

    const session = await openSession(flags['target-org'], flags.namespace);
    const asOf = await dateOrToday(flags['as-of'], session);
    if (marginField) await checkMarginField(session.connection, marginField);
    const settings = await readSettings(session.connection, session.names);
    const basis = marginField ? 'margin' : 'revenue';

    this.spinner.start(messages.getMessage('spinner.reading'));
    const run = await identifyInOrg(session.connection, session.names, settings, {
      months: flags.months ?? settings.Identification_Months__c,
      asOf,
      marginField,
      share: flags.share,
      max: flags.max,
      perOwner: flags['per-owner'],
      basis,
      unflag: flags.unflag ?? false,
      onProgress: (n) => {
        this.spinner.status = messages.getMessage('spinner.read', [n]);
      }
    });
    this.spinner.stop();
    const result = identifyResult(run, asOf, basis);
    showIdentification(this, run, result, flags['per-owner']);
    if (csv) writeCandidatesCsv(csv, basis, run.identification.candidates);
    showChanges(this, result.changes);

    if (result.changes.length === 0) {
      this.log(messages.getMessage('info.noChanges'));
      return { ...result, applied: flags.apply ?? false };
    }
    if (!flags.apply) {
      this.log(messages.getMessage('info.dryRun'));
      return result;
    }
    return this.apply(session, result, undoFile ?? join(process.cwd(), `mam-identify-undo-${new Date().toISOString().replace(/[:.]/g, '-')}.json`));
  }

  /** Saves the undo file, then writes the changes; a partial failure carries the result as its data. */
  private async apply(session: OrgSession, result: IdentifyResult, undoFile: string): Promise<IdentifyResult> {
    const { changes } = result;
    try {
      writeUndoFile(undoFile, session.orgId, changes.map((c) => ({ id: c.id, name: c.name, before: c.before, after: c.after })));
    } catch (error) {
      throw messages.createError('error.UndoNotWritable', [undoFile, (error as Error).message]);
    }
    this.log(messages.getMessage('info.undoSaved', [undoFile, undoFile]));
    this.spinner.start(messages.getMessage('spinner.updating', [changes.length]));
    const report = await writeAccountValues(session.connection, session.names, changes.map((c) => ({ id: c.id, name: c.name, values: c.after })), {
      onRetry: (_error, attempt) => {
        this.spinner.status = messages.getMessage('spinner.retry', [attempt]);
      },
      onProgress: (done, total) => {
        this.spinner.status = messages.getMessage('spinner.progress', [done, total]);
      }
    });
    this.spinner.stop();
    for (const failure of report.failures) this.warn(writeFailureText(failure.name, failure.id, failure.errors.map((e) => `${e.statusCode}: ${e.message}`)));
    this.log(messages.getMessage('info.applied', [report.written.length, report.failures.length]));
    const applied = { ...result, applied: true, undoFile, written: report.written, failures: report.failures };
    if (report.failures.length > 0) throw messages.createError('error.PartialFailure', [report.failures.length, changes.length]).setData(applied);
    return applied;
  }
}
