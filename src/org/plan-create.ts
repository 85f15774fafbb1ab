// Creating plans from the template, reconciled with what the org already holds so that a re-run
// (after a fault whose outcome was unknown) completes the work instead of duplicating it.
import { Messages, type Connection } from '@salesforce/core';
import { planTemplate, type PlanDraft } from '../domain/template.js';
import type { OrgNames } from './names.js';
import { queryAll } from './query.js';
import { isAccountId, quoteList } from './soql.js';
import { createRecords, updateRecords, type WriteOptions } from './write.js';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('major-account-management', 'mam.plan.create');

export type TargetAccount = { Id: string; Name: string; OwnerId?: string };
export type AccountLookupError = { input: string; kind: 'unknown' | 'ambiguous'; matches: TargetAccount[] };

/**
 * Accounts by id or exact name; unknown and ambiguous inputs are reported, never guessed. An input
 * that looks like an id may also be a name ("AcmeCorporation" has 15 letters): both are looked up.
 */
export async function findAccounts(connection: Connection, inputs: string[]): Promise<{ found: TargetAccount[]; errors: AccountLookupError[] }> {
  const ids = inputs.filter(isAccountId);
  const conditions = [...(ids.length ? [`Id IN ${quoteList(ids)}`] : []), ...(inputs.length ? [`Name IN ${quoteList(inputs)}`] : [])];
  const rows = conditions.length ? await queryAll<TargetAccount>(connection, `SELECT Id, Name, OwnerId FROM Account WHERE ${conditions.join(' OR ')}`) : [];
  const found: TargetAccount[] = [];
  const errors: AccountLookupError[] = [];
  for (const input of inputs) {
    const matches = rows.filter((r) => (isAccountId(input) && r.Id.slice(0, 15) === input.slice(0, 15)) || r.Name.toLowerCase() === input.toLowerCase());
    if (matches.length === 1) found.push(matches[0]);
    else errors.push({ input, kind: matches.length === 0 ? 'unknown' : 'ambiguous', matches });
  }
  return { found, errors };
}

export async function majorAccounts(connection: Connection, names: OrgNames): Promise<TargetAccount[]> {
  return queryAll<TargetAccount>(connection, `SELECT Id, Name, OwnerId FROM Account WHERE ${names.api('Major_Account__c')} = true ORDER BY Name`);
}

export type PlannedPlan = {
  account: TargetAccount;
  draft: PlanDraft;
  /** The account's Draft from the template (a run that was cut off, or an earlier run): completed, never duplicated. */
  existingPlanId?: string;
  /** A plan that holds the template key but is no longer a Draft: the key is taken off it first. */
  releaseKeyFrom?: string;
  skipped?: string;
};
export type CreatedPlan = { account: string; accountId: string; planId: string; created: boolean; milestones: number; objectives: number };
export type CreateReport = {
  created: CreatedPlan[];
  failures: Array<{ account: string; errors: string[] }>;
  /** Accounts whose Draft another run created at the same time (the unique key refused ours). */
  taken: Array<{ account: string; accountId: string }>;
};

/** The value of Account_Plan__c.Template_Key__c for an account's Draft from the template (unique in the org). */
export function templateKey(accountId: string): string {
  return `${accountId}:template`;
}

const sameId = (a: unknown, b: unknown): boolean => String(a).slice(0, 15) === String(b).slice(0, 15);

/** Decides per account: skip (active plan or another Draft), complete (its Draft from the template), or create. */
export async function planCreation(
  connection: Connection,
  names: OrgNames,
  accounts: TargetAccount[],
  options: { periodStart: string; months: number; reviewCadenceDays: number; includeExisting: boolean }
): Promise<PlannedPlan[]> {
  if (accounts.length === 0) return [];
  const plans: Array<Record<string, unknown>> = [];
  for (let i = 0; i < accounts.length; i += 300) {
    const chunk = accounts.slice(i, i + 300);
    const keys = chunk.map((a) => templateKey(a.Id));
    const rows = await queryAll<Record<string, unknown>>(
      connection,
      `SELECT Id, ${['Account__c', 'Status__c', 'Template_Key__c'].map((f) => names.api(f)).join(', ')} FROM ${names.api('Account_Plan__c')} ` +
        `WHERE ${names.api('Account__c')} IN ${quoteList(chunk.map((a) => a.Id))} AND (${names.api('Status__c')} IN ('Draft', 'Active') OR ${names.api('Template_Key__c')} IN ${quoteList(keys)})`
    );
    plans.push(...rows.map((p) => names.toLocal<Record<string, unknown>>(p)));
  }
  return accounts.map((account) => {
    const draft = planTemplate({ accountId: account.Id, accountName: account.Name, periodStart: options.periodStart, months: options.months, reviewCadenceDays: options.reviewCadenceDays, ownerId: account.OwnerId });
    draft.plan.Template_Key__c = templateKey(account.Id);
    const mine = plans.filter((p) => sameId(p.Account__c, account.Id));
    const keyed = mine.find((p) => String(p.Template_Key__c ?? '').toLowerCase() === templateKey(account.Id).toLowerCase());
    if (keyed?.Status__c === 'Draft') return { account, draft, existingPlanId: String(keyed.Id) };
    const otherDraft = mine.find((p) => p.Status__c === 'Draft');
    if (otherDraft) return { account, draft, skipped: messages.getMessage('reason.otherDraft', [String(otherDraft.Id)]) };
    const active = mine.find((p) => p.Status__c === 'Active');
    if (active && !options.includeExisting) return { account, draft, skipped: messages.getMessage('reason.active', [String(active.Id)]) };
    return { account, draft, ...(keyed ? { releaseKeyFrom: String(keyed.Id) } : {}) };
  });
}

const CHILD_OBJECTS = ['Plan_Milestone__c', 'Plan_Objective__c', 'Account_Team_Role__c', 'Plan_Review__c', 'Plan_Insight__c'];

/** What a plan is now: status, the latest SystemModstamp of it and its details, and its details' ids. */
export type PlanSnapshot = { planId: string; status: string; modstamp: string; children: string[] };

export async function planSnapshots(connection: Connection, names: OrgNames, planIds: string[]): Promise<Map<string, PlanSnapshot>> {
  const snapshots = new Map<string, PlanSnapshot>();
  for (let i = 0; i < planIds.length; i += 300) {
    const chunk = planIds.slice(i, i + 300);
    const plans = await queryAll<Record<string, unknown>>(connection, `SELECT Id, ${names.api('Status__c')}, SystemModstamp FROM ${names.api('Account_Plan__c')} WHERE Id IN ${quoteList(chunk)}`);
    for (const p of plans) snapshots.set(String(p.Id).slice(0, 15), { planId: String(p.Id), status: String(p[names.api('Status__c')] ?? ''), modstamp: String(p.SystemModstamp ?? ''), children: [] });
    for (const object of CHILD_OBJECTS) {
      const rows = await queryAll<Record<string, unknown>>(connection, `SELECT Id, ${names.api('Plan__c')}, SystemModstamp FROM ${names.api(object)} WHERE ${names.api('Plan__c')} IN ${quoteList(chunk)}`);
      for (const row of rows) {
        const snapshot = snapshots.get(String(row[names.api('Plan__c')]).slice(0, 15));
        if (!snapshot) continue;
        snapshot.children.push(String(row.Id));
        if (String(row.SystemModstamp ?? '') > snapshot.modstamp) snapshot.modstamp = String(row.SystemModstamp);
      }
    }
  }
  for (const snapshot of snapshots.values()) snapshot.children.sort();
  return snapshots;
}

/** Creates the plans, then whichever template milestones and objectives each plan still lacks. */
export async function createPlans(connection: Connection, names: OrgNames, planned: PlannedPlan[], options: WriteOptions = {}): Promise<CreateReport> {
  const report: CreateReport = { created: [], failures: [], taken: [] };
  const work = planned.filter((p) => !p.skipped);
  const toCreate = work.filter((p) => !p.existingPlanId);
  // A plan activated or archived since keeps the key; it is taken off so the new Draft can hold it.
  const release = toCreate.filter((p) => p.releaseKeyFrom);
  if (release.length > 0) {
    await updateRecords(connection, names.api('Account_Plan__c'), release.map((p) => ({ Id: p.releaseKeyFrom, [names.api('Template_Key__c')]: null })), options);
  }
  const outcomes = await createRecords(connection, names.api('Account_Plan__c'), toCreate.map((p) => names.toOrg(p.draft.plan)), options);
  const planIds = new Map<PlannedPlan, string>();
  const createdHere = new Set<PlannedPlan>();
  work.filter((p) => p.existingPlanId).forEach((p) => planIds.set(p, p.existingPlanId as string));
  outcomes.forEach((outcome, i) => {
    const plan = toCreate[i];
    if (outcome.success && outcome.id) {
      planIds.set(plan, outcome.id);
      createdHere.add(plan);
    } else if (outcome.errors.some((e) => e.statusCode === 'DUPLICATE_VALUE')) report.taken.push({ account: plan.account.Name, accountId: plan.account.Id });
    else report.failures.push({ account: plan.account.Name, errors: outcome.errors.map((e) => `${e.statusCode}: ${e.message}`) });
  });
  if (planIds.size === 0) return report;
  // Children already there (a previous run that was cut off) are not created again.
  const ids = [...planIds.values()];
  const have = async (object: string): Promise<Set<string>> => {
    const rows = await queryAll<Record<string, unknown>>(connection, `SELECT ${names.api('Plan__c')}, Name FROM ${names.api(object)} WHERE ${names.api('Plan__c')} IN ${quoteList(ids)}`);
    return new Set(rows.map((r) => `${String(r[names.api('Plan__c')]).slice(0, 15)}|${String(r.Name)}`));
  };
  const existingMilestones = await have('Plan_Milestone__c');
  const existingObjectives = await have('Plan_Objective__c');
  const children = (kind: 'milestones' | 'objectives', seen: Set<string>): Array<{ plan: PlannedPlan; record: Record<string, unknown> }> =>
    [...planIds].flatMap(([plan, id]) =>
      plan.draft[kind].filter((c) => !seen.has(`${id.slice(0, 15)}|${c.Name}`)).map((c) => ({ plan, record: names.toOrg({ ...c, Plan__c: id }) }))
    );
  const milestones = children('milestones', existingMilestones);
  const objectives = children('objectives', existingObjectives);
  const counts = new Map<PlannedPlan, { milestones: number; objectives: number; errors: string[] }>();
  for (const [plan] of planIds) counts.set(plan, { milestones: plan.draft.milestones.length, objectives: plan.draft.objectives.length, errors: [] });
  for (const [kind, rows, object] of [['milestones', milestones, 'Plan_Milestone__c'], ['objectives', objectives, 'Plan_Objective__c']] as const) {
    const results = await createRecords(connection, names.api(object), rows.map((r) => r.record), options);
    results.forEach((r, i) => {
      if (r.success) return;
      const entry = counts.get(rows[i].plan);
      if (!entry) return;
      entry[kind] -= 1;
      entry.errors.push(...r.errors.map((e) => `${e.statusCode}: ${e.message}`));
    });
  }
  for (const [plan, id] of planIds) {
    const entry = counts.get(plan);
    if (!entry) continue;
    if (entry.errors.length) report.failures.push({ account: plan.account.Name, errors: entry.errors });
    report.created.push({ account: plan.account.Name, accountId: plan.account.Id, planId: id, created: createdHere.has(plan), milestones: entry.milestones, objectives: entry.objectives });
  }
  return report;
}

