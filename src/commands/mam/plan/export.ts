import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Flags } from '@salesforce/sf-plugins-core';
import { MamCommand } from '../../../cli/mam-command.js';
import { asOfFlag, dateOrToday, namespaceFlag, outputDirectoryFlag, targetOrgFlag } from '../../../cli/flags.js';
import { Messages } from '@salesforce/core';
import { planHtml, planMarkdown, type Audience, type PlanDocument } from '../../../domain/plan-document.js';
import { evaluatePlans, type PlanHealthRow } from '../../../org/health.js';
import { readPlans, type PlanRecord } from '../../../org/plans.js';
import { openSession } from '../../../org/session.js';
import { readSettings } from '../../../org/settings.js';
import { isRecordId } from '../../../org/soql.js';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('major-account-management', 'mam.plan.export');

export type PlanExportResult = { planId: string; audience: Audience; files: string[]; score: number | null; status: string | null };

/** A file name from the account name in any script (Ünïcødé GmbH → Ünïcødé-GmbH); the plan id when nothing is left. */
export function fileBase(accountName: string, planId: string): string {
  const base = accountName.normalize('NFC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
  return Array.from(base).slice(0, 80).join('').replace(/-+$/, '') || planId;
}

/** The plan with its health as the document shows it: the parts named for a person. */
function planDocument(plan: PlanRecord, row: PlanHealthRow, audience: Audience, asOf: string): PlanDocument {
  return {
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
      components: row.health.components.map((c) => ({ name: messages.getMessage(`label.${c.key}`), score: c.score ?? null, reasons: c.reasons.map((r) => r.text) })),
      readiness: row.health.readiness,
      readinessCount: row.health.readinessCount,
      nextStage: row.health.suggestedStage
    }
  };
}

/** Writes the Markdown and/or HTML file into the folder (created if needed); returns their full paths. */
function writeDocuments(output: string, base: string, format: 'both' | 'markdown' | 'html', doc: PlanDocument): string[] {
  const files: string[] = [];
  try {
    mkdirSync(output, { recursive: true });
    if (format !== 'html') {
      const path = resolve(join(output, `${base}.md`));
      writeFileSync(path, planMarkdown(doc));
      files.push(path);
    }
    if (format !== 'markdown') {
      const path = resolve(join(output, `${base}.html`));
      writeFileSync(path, planHtml(doc));
      files.push(path);
    }
  } catch (error) {
    throw messages.createError('error.NotWritable', [output, (error as Error).message]);
  }
  return files;
}

export default class PlanExport extends MamCommand<PlanExportResult> {
  public static override readonly summary = messages.getMessage('summary');
  public static override readonly description = messages.getMessage('description');
  public static override readonly examples = messages.getMessages('examples');

  public static override readonly flags = {
    'target-org': targetOrgFlag,
    plan: Flags.string({ summary: messages.getMessage('flags.plan.summary'), required: true }),
    output: outputDirectoryFlag(messages.getMessage('flags.output.summary'), '.'),
    audience: Flags.option({ summary: messages.getMessage('flags.audience.summary'), description: messages.getMessage('flags.audience.description'), options: ['customer', 'internal'] as const, default: 'customer' })(),
    format: Flags.option({ summary: messages.getMessage('flags.format.summary'), options: ['both', 'markdown', 'html'] as const, default: 'both' })(),
    'as-of': asOfFlag(messages.getMessage('flags.as-of.summary')),
    namespace: namespaceFlag
  };

  public async run(): Promise<PlanExportResult> {
    const { flags } = await this.parse(PlanExport);
    if (!isRecordId(flags.plan)) throw messages.createError('error.InvalidId', [flags.plan]);
    const audience: Audience = flags.audience;
    const session = await openSession(flags['target-org'], flags.namespace);
    const asOf = await dateOrToday(flags['as-of'], session);
    const [plan] = await readPlans(session.connection, session.names, { ids: [flags.plan] });
    if (!plan) throw messages.createError('error.PlanNotFound', [flags.plan]);
    const settings = await readSettings(session.connection, session.names);
    const [row] = evaluatePlans([plan], settings, asOf);
    const doc = planDocument(plan, row, audience, asOf);
    const base = `${fileBase(plan.accountName, plan.Id)}${audience === 'internal' ? '-internal' : ''}`;
    const files = writeDocuments(flags.output, base, flags.format, doc);
    for (const file of files) this.log(messages.getMessage('info.written', [file]));
    return { planId: plan.Id, audience, files, score: row.health.score, status: row.health.status };
  }
}
