import { MamCommand } from '../../cli/mam-command.js';
import { namespaceFlag, targetOrgFlag } from '../../cli/flags.js';
import { Messages } from '@salesforce/core';
import { diagnose, type DoctorCheck } from '../../org/doctor.js';
import { openSession } from '../../org/session.js';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('major-account-management', 'mam.doctor');

export type DoctorResult = { orgId: string; namespace: string; checks: DoctorCheck[]; problems: number; warnings: number };

export default class Doctor extends MamCommand<DoctorResult> {
  public static override readonly summary = messages.getMessage('summary');
  public static override readonly description = messages.getMessage('description');
  public static override readonly examples = messages.getMessages('examples');

  public static override readonly flags = {
    'target-org': targetOrgFlag,
    namespace: namespaceFlag
  };

  public async run(): Promise<DoctorResult> {
    const { flags } = await this.parse(Doctor);
    const org = flags['target-org'];
    const session = await openSession(org, flags.namespace);
    this.spinner.start(messages.getMessage('spinner.checking'));
    const checks = await diagnose({ connection: session.connection, names: session.names });
    this.spinner.stop();
    this.table({
      data: checks.map((c) => ({ check: c.check, status: c.status, detail: c.detail, fix: c.fix ?? '' })),
      columns: ['check', 'status', 'detail', 'fix'].map((key) => ({ key, name: messages.getMessage(`column.${key}`) })),
      overflow: 'wrap'
    });
    const problems = checks.filter((c) => c.status === 'problem').length;
    const warnings = checks.filter((c) => c.status === 'warning').length;
    this.log(messages.getMessage('info.summary', [checks.length - problems - warnings, warnings, problems]));
    if (problems > 0) process.exitCode = 1;
    return { orgId: session.orgId, namespace: session.names.namespace, checks, problems, warnings };
  }
}
