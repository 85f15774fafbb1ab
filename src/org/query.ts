// Reading with SOQL over the REST API: every page, with transient faults retried.
import type { Connection } from '@salesforce/core';
import { withRetry, type RetryOptions } from './retry.js';

export type SObjectRecord = Record<string, unknown> & { Id?: string; attributes?: { type: string; url?: string } };

type QueryPage = { records: SObjectRecord[]; done: boolean; nextRecordsUrl?: string; totalSize: number };

/** All records of a query, following nextRecordsUrl page by page. */
export async function queryAll<T = SObjectRecord>(connection: Connection, soql: string, retry: RetryOptions = {}): Promise<T[]> {
  const records: SObjectRecord[] = [];
  let page = await withRetry(async () => (await connection.query(soql, { autoFetch: false })) as unknown as QueryPage, retry);
  records.push(...page.records);
  while (!page.done && page.nextRecordsUrl) {
    const next = page.nextRecordsUrl;
    page = await withRetry(async () => (await connection.queryMore(next)) as unknown as QueryPage, retry);
    records.push(...page.records);
  }
  return records as T[];
}

/** Child subquery results arrive as `{records: [...]}` or null when there are none. */
export function childRecords<T = SObjectRecord>(value: unknown): T[] {
  if (value && typeof value === 'object' && Array.isArray((value as { records?: unknown }).records)) {
    return (value as { records: T[] }).records;
  }
  return [];
}
