import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Flags } from '@salesforce/sf-plugins-core';
import { MamCommand } from '../../../cli/mam-command.js';
import { Messages } from '@salesforce/core';
import { planHtml, planMarkdown, type Audience, type PlanDocument } from '../../../domain/plan-document.js';
import { evaluatePlans } from '../../../org/health.js';
import { readPlans } from '../../../org/plans.js';
import { openSession } from '../../../org/session.js';
import { userToday } from '../../../org/today.js';
import { readSettings } from '../../../org/settings.js';
import { isIsoDate, isRecordId } from '../../../org/soql.js';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('major-account-management', 'mam.plan.export');

export type PlanExportResult = { planId: string; audience: Audience; files: string[]; score: number | null; status: string | null };

const COMPONENT_NAMES: Record<string, string> = { execution: 'Execution', cadence: 'Review cadence', coverage: 'Coverage', alignment: 'Alignment', results: 'Results' };

/** A file name from the account name in any script (Ünïcødé GmbH → Ünïcødé-GmbH); the plan id when nothing is left. */
export function fileBase(accountName: string, planId: string): string {
  const base = accountName.normalize('NFC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
  return Array.from(base).slice(0, 80).join('').replace(/-+$/, '') || planId;
}

export default class PlanExport extends MamCommand<PlanExportResult> {
  public static override readonly summary = messages.getMessage('summary');
  public static override readonly description = messages.getMessage('description');
  public static override readonly examples = messages.getMessages('examples');

  public static override readonly flags = {
    'target-org': Flags.requiredOrg(),
    plan: Flags.string({ summary: messages.getMessage('flags.plan.summary'), required: true }),
    output: Flags.string({ summary: messages.getMessage('flags.output.summary'), default: '.' }),
    audience: Flags.option({ summary: messages.getMessage('flags.audience.summary'), description: messages.getMessage('flags.audience.description'), options: ['customer', 'internal'] as const, default: 'customer' })(),
    format: Flags.option({ summary: messages.getMessage('flags.format.summary'), options: ['both', 'markdown', 'html'] as const, default: 'both' })(),
    'as-of': Flags.string({ summary: messages.getMessage('flags.as-of.summary') }),
    namespace: Flags.string({ summary: messages.getMessage('flags.namespace.summary') })
  };

  public async run(): Promise<PlanExportResult> {
    const { flags } = await this.parse(PlanExport);
    if (!isRecordId(flags.plan)) throw messages.createError('error.InvalidId', [flags.plan]);
    const asOfFlag = flags['as-of'];
    if (asOfFlag !== undefined && !isIsoDate(asOfFlag)) throw messages.createError('error.InvalidDate', [asOfFlag]);
    const audience: Audience = flags.audience;
    const session = await openSession(flags['target-org'], flags.namespace);
    const asOf = asOfFlag ?? (await userToday(session.connection, session.username));
    const [plan] = await readPlans(session.connection, session.names, { ids: [flags.plan] });
    if (!plan) throw messages.createError('error.PlanNotFound', [flags.plan]);
    const settings = await readSettings(session.connection, session.names);
    const [row] = evaluatePlans([plan], settings, asOf);
    const doc: PlanDocument = {
      audience,
      plan,
      accountName: plan.accountName,
      objectives: plan.objectives,
      milestones: plan.milestones,
      teamRoles: plan.teamRoles,
      reviews: plan.reviews,
      insights: plan.insights,
      asOf,
      health: {
        score: row.health.score,
        status: row.health.status,
        components: row.health.components.map((c) => ({ name: COMPONENT_NAMES[c.key], score: c.score ?? null, reasons: c.reasons.map((r) => r.text) })),
        readiness: row.health.readiness,
        readinessCount: row.health.readinessCount,
        nextStage: row.health.suggestedStage
      }
    };
    const base = `${fileBase(plan.accountName, plan.Id)}${audience === 'internal' ? '-internal' : ''}`;
    const files: string[] = [];
    try {
      mkdirSync(flags.output, { recursive: true });
      if (flags.format !== 'html') {
        const path = resolve(join(flags.output, `${base}.md`));
        writeFileSync(path, planMarkdown(doc));
        files.push(path);
      }
      if (flags.format !== 'markdown') {
        const path = resolve(join(flags.output, `${base}.html`));
        writeFileSync(path, planHtml(doc));
        files.push(path);
      }
    } catch (error) {
      throw messages.createError('error.NotWritable', [flags.output, (error as Error).message]);
    }
    for (const file of files) this.log(messages.getMessage('info.written', [file]));
    return { planId: plan.Id, audience, files, score: row.health.score, status: row.health.status };
  }
}
