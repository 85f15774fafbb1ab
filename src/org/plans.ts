// Reading account plans with everything a plan holds (objectives, milestones, both teams,
// reviews, insights) in one SOQL query per page of plans, using child subqueries.
import type { Connection } from '@salesforce/core';
import { PACKAGE_OBJECTS } from './package-model.generated.js';
import type { OrgNames } from './names.js';
import { childRecords, queryAll, type SObjectRecord } from './query.js';
import { withRetry } from './retry.js';
import { quote, quoteList } from './soql.js';

export type PlanChildren = {
  objectives: SObjectRecord[];
  milestones: SObjectRecord[];
  teamRoles: SObjectRecord[];
  reviews: SObjectRecord[];
  insights: SObjectRecord[];
};
export type PlanRecord = SObjectRecord & { Id: string; Name: string; accountName: string; ownerName?: string } & PlanChildren;

const CHILDREN: Array<{ key: keyof PlanChildren; object: string; relationship: string; extra: string[]; order: string }> = [
  { key: 'objectives', object: 'Plan_Objective__c', relationship: 'Objectives__r', extra: ['Name'], order: 'Due_Date__c' },
  { key: 'milestones', object: 'Plan_Milestone__c', relationship: 'Milestones__r', extra: ['Name', 'Owner__r.Name'], order: 'Due_Date__c' },
  { key: 'teamRoles', object: 'Account_Team_Role__c', relationship: 'Team_Roles__r', extra: ['Name', 'User__r.Name', 'Contact__r.Name', 'Contact__r.Title'], order: 'Side__c' },
  { key: 'reviews', object: 'Plan_Review__c', relationship: 'Reviews__r', extra: ['Name'], order: 'Review_Date__c' },
  { key: 'insights', object: 'Plan_Insight__c', relationship: 'Insights__r', extra: ['Name'], order: 'Type__c' }
];

function fieldsOf(object: string, names: OrgNames, extra: string[]): string {
  const own = Object.keys(PACKAGE_OBJECTS[object] ?? {});
  return [...new Set(['Id', ...extra, ...own])].map((f) => names.api(f)).join(', ');
}

export type PlanFilter = { ids?: string[]; accountIds?: string[]; statuses?: string[]; ownerId?: string };

export function planQuery(names: OrgNames, filter: PlanFilter): string {
  const subqueries = CHILDREN.map(
    (c) => `(SELECT ${fieldsOf(c.object, names, c.extra)} FROM ${names.api(c.relationship)} ORDER BY ${names.api(c.order)} NULLS LAST)`
  );
  const conditions: string[] = [];
  if (filter.ids?.length) conditions.push(`Id IN ${quoteList(filter.ids)}`);
  if (filter.accountIds?.length) conditions.push(`${names.api('Account__c')} IN ${quoteList(filter.accountIds)}`);
  if (filter.statuses?.length) conditions.push(`${names.api('Status__c')} IN ${quoteList(filter.statuses)}`);
  if (filter.ownerId) conditions.push(`${names.api('Account__r.OwnerId')} = ${quote(filter.ownerId)}`);
  return (
    `SELECT ${fieldsOf('Account_Plan__c', names, ['Name', 'Account__r.Name', 'Account__r.OwnerId', 'Account__r.Owner.Name'])}, ${subqueries.join(', ')} ` +
    `FROM ${names.api('Account_Plan__c')}${conditions.length ? ` WHERE ${conditions.join(' AND ')}` : ''} ORDER BY ${names.api('Account__r.Name')}`
  );
}

type ChildPage = { records?: SObjectRecord[]; done?: boolean; nextRecordsUrl?: string };

/** A child subquery's records, all pages: the platform answers a big child list in pages with a nextRecordsUrl. */
async function allChildren(connection: Connection, value: unknown): Promise<unknown> {
  const first = value as ChildPage | null | undefined;
  if (!first || first.done !== false || !first.nextRecordsUrl) return value;
  const records = [...(first.records ?? [])];
  let next: string | undefined = first.nextRecordsUrl;
  while (next) {
    const url: string = next;
    const page = await withRetry(() => connection.request<ChildPage>(url));
    records.push(...(page.records ?? []));
    next = page.done === false ? page.nextRecordsUrl : undefined;
  }
  return { ...first, done: true, nextRecordsUrl: undefined, records };
}

export async function readPlans(connection: Connection, names: OrgNames, filter: PlanFilter = {}): Promise<PlanRecord[]> {
  const rows = await queryAll(connection, planQuery(names, filter));
  for (const row of rows) {
    for (const child of CHILDREN) {
      const key = names.api(child.relationship);
      if (row[key]) row[key] = await allChildren(connection, row[key]);
    }
  }
  return rows.map((row) => {
    const local = names.toLocal<SObjectRecord>(row);
    const account = (local.Account__r ?? {}) as { Name?: string; Owner?: { Name?: string } };
    const children = Object.fromEntries(CHILDREN.map((c) => [c.key, childRecords(local[c.relationship])])) as PlanChildren;
    return { ...local, ...children, Id: String(local.Id), Name: String(local.Name ?? ''), accountName: account.Name ?? '', ownerName: account.Owner?.Name } as PlanRecord;
  });
}
