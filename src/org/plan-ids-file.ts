// The ids file of `sf mam plan create`: written before the first write (what the run intends),
// brought up to date as plans are created, and read by `sf mam plan create undo`, which deletes
// only the Drafts the run created and nobody changed since.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { Messages, type Connection } from '@salesforce/core';
import { z } from 'zod';
import type { OrgNames } from './names.js';
import { planSnapshots, type PlanSnapshot } from './plan-create.js';
import { withRetry } from './retry.js';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('major-account-management', 'mam.plan.create.undo');

const id = z.string().regex(/^[a-zA-Z0-9]{15,18}$/);

const entrySchema = z.object({
  accountId: id,
  account: z.string(),
  key: z.string(),
  /** What the run set out to do for the account. */
  action: z.enum(['create', 'complete']),
  planId: id.optional(),
  /** True only for a plan this run created (undo deletes only these). */
  created: z.boolean(),
  /** The latest SystemModstamp of the plan and its details when the run finished with it. */
  modstamp: z.string().optional(),
  children: z.array(id).optional(),
  note: z.string().optional()
});
export const planIdsFileSchema = z.object({
  kind: z.literal('mam-plan-create-undo'),
  version: z.literal(2),
  orgId: z.string().min(15),
  createdAt: z.string(),
  finished: z.boolean(),
  plans: z.array(entrySchema)
});
export type PlanIdsFile = z.infer<typeof planIdsFileSchema>;
export type PlanIdsEntry = z.infer<typeof entrySchema>;

/** Reads and checks an ids file; throws with a readable reason. */
export function readPlanIdsFile(path: string): PlanIdsFile {
  const json = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  const kind = json && typeof json === 'object' ? (json as { kind?: unknown }).kind : undefined;
  if (kind !== 'mam-plan-create-undo') throw new Error(typeof kind === 'string' ? `it is a ${kind} file` : 'it is not an ids file (no "kind": "mam-plan-create-undo")');
  const parsed = planIdsFileSchema.safeParse(json);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `${i.path.join('.') || 'file'}: ${i.message}`).join('; '));
  return parsed.data;
}

/** Writes the whole file through a temporary file and a rename, so a cut-off write never leaves half a file. */
export function savePlanIdsFile(path: string, file: PlanIdsFile, { create = false } = {}): void {
  const text = `${JSON.stringify(file, null, 2)}\n`;
  // wx: a new run never replaces an earlier ids file, which may be the only way back.
  if (create) writeFileSync(path, text, { flag: 'wx' });
  else {
    writeFileSync(`${path}.tmp`, text);
    renameSync(`${path}.tmp`, path);
  }
}

export function planIdsFileExists(path: string): boolean {
  return existsSync(path);
}

export type UndoPlanReport = {
  deleted: Array<{ account: string; planId: string }>;
  skipped: Array<{ account: string; planId?: string; reason: string }>;
  failures: Array<{ account: string; planId: string; errors: string[] }>;
};

/** Why a plan the run created must not be deleted now, or undefined when it is exactly as the run left it. */
export function changedSince(entry: PlanIdsEntry, now: PlanSnapshot | undefined): string | undefined {
  if (!now) return messages.getMessage('reason.deleted');
  if (now.status !== 'Draft') return messages.getMessage('reason.notDraft', [now.status]);
  if (!entry.modstamp || !entry.children) return messages.getMessage('reason.unfinished');
  const recorded = [...entry.children].map((c) => c.slice(0, 15)).sort().join(',');
  if (now.children.map((c) => c.slice(0, 15)).sort().join(',') !== recorded) return messages.getMessage('reason.details');
  if (now.modstamp !== entry.modstamp) return messages.getMessage('reason.changed');
  return undefined;
}

/** Deletes the Drafts the run created that nobody changed since (their details go with them). */
export async function undoPlanCreation(connection: Connection, names: OrgNames, file: PlanIdsFile): Promise<UndoPlanReport> {
  const report: UndoPlanReport = { deleted: [], skipped: [], failures: [] };
  const mine = file.plans.filter((p) => p.created && p.planId);
  for (const entry of file.plans.filter((p) => !p.created)) report.skipped.push({ account: entry.account, planId: entry.planId, reason: messages.getMessage(entry.action === 'complete' ? 'reason.existedBefore' : 'reason.notCreated') });
  const snapshots = mine.length ? await planSnapshots(connection, names, mine.map((p) => p.planId as string)) : new Map<string, PlanSnapshot>();
  const toDelete: PlanIdsEntry[] = [];
  for (const entry of mine) {
    const reason = changedSince(entry, snapshots.get(String(entry.planId).slice(0, 15)));
    if (reason) report.skipped.push({ account: entry.account, planId: entry.planId, reason });
    else toDelete.push(entry);
  }
  for (let i = 0; i < toDelete.length; i += 200) {
    const chunk = toDelete.slice(i, i + 200);
    const url = `/services/data/v${connection.getApiVersion()}/composite/sobjects?ids=${chunk.map((e) => e.planId).join(',')}&allOrNone=false`;
    // DELETE is idempotent: a repeat after a dropped answer finds ENTITY_IS_DELETED, which is success here.
    const results = (await withRetry(() => connection.request({ method: 'DELETE', url }))) as Array<{ id?: string; success: boolean; errors: Array<{ statusCode: string; message: string }> }>;
    results.forEach((result, j) => {
      const entry = chunk[j];
      if (result.success || result.errors.every((e) => e.statusCode === 'ENTITY_IS_DELETED')) report.deleted.push({ account: entry.account, planId: entry.planId as string });
      else report.failures.push({ account: entry.account, planId: entry.planId as string, errors: result.errors.map((e) => `${e.statusCode}: ${e.message}`) });
    });
  }
  return report;
}
