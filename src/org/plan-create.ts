// Creating plans from the template, reconciled with what the org already holds so that a re-run
// (after a fault whose outcome was unknown) completes the work instead of duplicating it.
import type { Connection } from '@salesforce/core';
import { planTemplate, type PlanDraft } from '../domain/template.js';
import type { OrgNames } from './names.js';
import { queryAll } from './query.js';
import { isRecordId, quoteList } from './soql.js';
import { createRecords, type WriteOptions } from './write.js';

export type TargetAccount = { Id: string; Name: string; OwnerId?: string };
export type AccountLookupError = { input: string; kind: 'unknown' | 'ambiguous'; matches: TargetAccount[] };

/** Accounts by id or exact name; unknown and ambiguous names are reported, never guessed. */
export async function findAccounts(connection: Connection, inputs: string[]): Promise<{ found: TargetAccount[]; errors: AccountLookupError[] }> {
  const ids = inputs.filter(isRecordId);
  const names = inputs.filter((i) => !isRecordId(i));
  const conditions = [...(ids.length ? [`Id IN ${quoteList(ids)}`] : []), ...(names.length ? [`Name IN ${quoteList(names)}`] : [])];
  const rows = conditions.length ? await queryAll<TargetAccount>(connection, `SELECT Id, Name, OwnerId FROM Account WHERE ${conditions.join(' OR ')}`) : [];
  const found: TargetAccount[] = [];
  const errors: AccountLookupError[] = [];
  for (const input of inputs) {
    const matches = isRecordId(input) ? rows.filter((r) => r.Id.slice(0, 15) === input.slice(0, 15)) : rows.filter((r) => r.Name.toLowerCase() === input.toLowerCase());
    if (matches.length === 1) found.push(matches[0]);
    else errors.push({ input, kind: matches.length === 0 ? 'unknown' : 'ambiguous', matches });
  }
  return { found, errors };
}

export async function majorAccounts(connection: Connection, names: OrgNames): Promise<TargetAccount[]> {
  return queryAll<TargetAccount>(connection, `SELECT Id, Name, OwnerId FROM Account WHERE ${names.api('Major_Account__c')} = true ORDER BY Name`);
}

export type PlannedPlan = { account: TargetAccount; draft: PlanDraft; existingPlanId?: string; skipped?: string };
export type CreateReport = { created: Array<{ account: string; planId: string; milestones: number; objectives: number }>; failures: Array<{ account: string; errors: string[] }> };

/** Decides per account: skip (active plan), complete (same template run found), or create. */
export async function planCreation(
  connection: Connection,
  names: OrgNames,
  accounts: TargetAccount[],
  options: { periodStart: string; months: number; reviewCadenceDays: number; includeExisting: boolean }
): Promise<PlannedPlan[]> {
  if (accounts.length === 0) return [];
  const existing = await queryAll<Record<string, unknown>>(
    connection,
    `SELECT Id, ${names.api('Account__c')}, ${names.api('Status__c')}, ${names.api('Period_Start__c')} FROM ${names.api('Account_Plan__c')} WHERE ${names.api('Account__c')} IN ${quoteList(accounts.map((a) => a.Id))} AND ${names.api('Status__c')} IN ('Draft', 'Active')`
  );
  return accounts.map((account) => {
    const draft = planTemplate({ accountId: account.Id, accountName: account.Name, periodStart: options.periodStart, months: options.months, reviewCadenceDays: options.reviewCadenceDays, ownerId: account.OwnerId });
    const mine = existing.map((p) => names.toLocal<Record<string, unknown>>(p)).filter((p) => String(p.Account__c).slice(0, 15) === account.Id.slice(0, 15));
    const sameRun = mine.find((p) => p.Status__c === 'Draft' && p.Period_Start__c === options.periodStart);
    if (sameRun) return { account, draft, existingPlanId: String(sameRun.Id) };
    const active = mine.find((p) => p.Status__c === 'Active');
    if (active && !options.includeExisting) return { account, draft, skipped: `has an active plan (${String(active.Id)})` };
    return { account, draft };
  });
}

/** Creates the plans, then whichever template milestones and objectives each plan still lacks. */
export async function createPlans(connection: Connection, names: OrgNames, planned: PlannedPlan[], options: WriteOptions = {}): Promise<CreateReport> {
  const report: CreateReport = { created: [], failures: [] };
  const work = planned.filter((p) => !p.skipped);
  const toCreate = work.filter((p) => !p.existingPlanId);
  const outcomes = await createRecords(connection, names.api('Account_Plan__c'), toCreate.map((p) => names.toOrg(p.draft.plan)), options);
  const planIds = new Map<PlannedPlan, string>();
  work.filter((p) => p.existingPlanId).forEach((p) => planIds.set(p, p.existingPlanId as string));
  outcomes.forEach((outcome, i) => {
    if (outcome.success && outcome.id) planIds.set(toCreate[i], outcome.id);
    else report.failures.push({ account: toCreate[i].account.Name, errors: outcome.errors.map((e) => `${e.statusCode}: ${e.message}`) });
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
    report.created.push({ account: plan.account.Name, planId: id, milestones: entry.milestones, objectives: entry.objectives });
  }
  return report;
}

