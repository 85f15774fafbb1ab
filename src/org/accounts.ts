// Reading and writing the major-account fields on Account, with an undo file written before the
// first write so that every apply can be reversed exactly.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Connection } from '@salesforce/core';
import { z } from 'zod';
import { bulkIngest } from './bulk.js';
import type { OrgNames } from './names.js';
import { queryAll } from './query.js';
import { quoteList } from './soql.js';
import { updateRecords, type RecordError, type WriteOptions } from './write.js';

/** The fields identification owns on Account. */
export const MAJOR_ACCOUNT_FIELDS = [
  'Major_Account__c',
  'Major_Account_Tier__c',
  'Financial_Significance__c',
  'Strategic_Significance__c',
  'Major_Account_Reason__c',
  'Major_Account_Identified_On__c'
] as const;
export type MajorAccountField = (typeof MAJOR_ACCOUNT_FIELDS)[number];
export type FieldValues = Partial<Record<MajorAccountField, string | number | boolean | null>>;

export type AccountRow = {
  Id: string;
  Name: string;
  OwnerId?: string;
  Owner?: { Name?: string } | null;
  Strategic_Reasons__c?: string | null;
} & FieldValues;

const SELECT = (names: OrgNames): string =>
  ['Id', 'Name', 'OwnerId', 'Owner.Name', 'Strategic_Reasons__c', ...MAJOR_ACCOUNT_FIELDS].map((f) => names.api(f)).join(', ');

/** Accounts that are flagged now or carry strategic reasons: they are always candidates. */
export async function readFlaggedOrStrategic(connection: Connection, names: OrgNames): Promise<AccountRow[]> {
  const rows = await queryAll(connection, `SELECT ${SELECT(names)} FROM Account WHERE ${names.api('Major_Account__c')} = true OR ${names.api('Strategic_Reasons__c')} != null ORDER BY Name`);
  return rows.map((r) => names.toLocal<AccountRow>(r));
}

/** Accounts by id, a few hundred ids per query so the request stays within URL limits. */
export async function readAccounts(connection: Connection, names: OrgNames, ids: string[]): Promise<AccountRow[]> {
  const rows: AccountRow[] = [];
  for (let i = 0; i < ids.length; i += 300) {
    const chunk = ids.slice(i, i + 300);
    const found = await queryAll(connection, `SELECT ${SELECT(names)} FROM Account WHERE Id IN ${quoteList(chunk)}`);
    rows.push(...found.map((r) => names.toLocal<AccountRow>(r)));
  }
  return rows;
}

export type AccountChange = { id: string; name: string; before: FieldValues; after: FieldValues };

const fieldValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const valuesSchema = z.partialRecord(z.enum(MAJOR_ACCOUNT_FIELDS), fieldValue);
export const undoFileSchema = z.object({
  kind: z.literal('mam-identify-undo'),
  version: z.literal(1),
  orgId: z.string().min(15),
  createdAt: z.string(),
  changes: z.array(z.object({ id: z.string().regex(/^[a-zA-Z0-9]{15,18}$/), name: z.string(), before: valuesSchema, after: valuesSchema }))
});
export type UndoFile = z.infer<typeof undoFileSchema>;

export function writeUndoFile(path: string, orgId: string, changes: AccountChange[], now = new Date()): void {
  const file: UndoFile = { kind: 'mam-identify-undo', version: 1, orgId, createdAt: now.toISOString(), changes };
  // wx: never overwrite an earlier undo file, which may be the only way back.
  writeFileSync(path, `${JSON.stringify(file, null, 2)}\n`, { flag: 'wx' });
}

export function readUndoFile(path: string): UndoFile {
  if (!existsSync(path)) throw new Error(`no such file`);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`not JSON (${(error as Error).message})`);
  }
  if (typeof data !== 'object' || data === null || (data as { kind?: unknown }).kind !== 'mam-identify-undo') {
    throw new Error('it was not written by sf mam identify --apply (no "kind": "mam-identify-undo")');
  }
  const parsed = undoFileSchema.safeParse(data);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `${i.path.join('.') || 'file'}: ${i.message}`).join('; '));
  return parsed.data;
}

export type WriteFailure = { id: string; name: string; errors: RecordError[] };
export type WriteReport = { written: string[]; failures: WriteFailure[]; method: 'collections' | 'bulk' };

/** Above this many records one Bulk API ingest job costs fewer requests than collections. */
export const BULK_WRITE_THRESHOLD = 2000;

/** Writes field values to accounts; each record's outcome is reported. */
export async function writeAccountValues(
  connection: Connection,
  names: OrgNames,
  updates: Array<{ id: string; name: string; values: FieldValues }>,
  options: WriteOptions = {}
): Promise<WriteReport> {
  const records = updates.map((u) => ({ Id: u.id, ...names.toOrg(u.values) }));
  if (records.length > BULK_WRITE_THRESHOLD) {
    const result = await bulkIngest(connection, 'Account', 'update', records, { retries: options.retries, baseDelayMs: options.baseDelayMs });
    const byId = new Map(updates.map((u) => [u.id.slice(0, 15), u]));
    const find = (id: string): { id: string; name: string } => byId.get(id.slice(0, 15)) ?? { id, name: id };
    return {
      method: 'bulk',
      written: result.successful.map((r) => find(r.sf__Id).id),
      failures: [...result.failed, ...result.unprocessed].map((r) => ({
        ...find(r.Id ?? r.sf__Id),
        errors: [{ statusCode: r.sf__Error ? r.sf__Error.split(':')[0] : 'UNPROCESSED', message: r.sf__Error || 'not processed by the Bulk job' }]
      }))
    };
  }
  const outcomes = await updateRecords(connection, 'Account', records, options);
  return {
    method: 'collections',
    written: outcomes.filter((o) => o.success).map((o) => updates[o.index].id),
    failures: outcomes.filter((o) => !o.success).map((o) => ({ id: updates[o.index].id, name: updates[o.index].name, errors: o.errors }))
  };
}

/** Two field values are the same for the platform (dates as YYYY-MM-DD, blanks as null). */
export function sameValue(a: unknown, b: unknown): boolean {
  const norm = (v: unknown): unknown => (v === undefined || v === '' ? null : typeof v === 'number' ? Math.round(v * 100) / 100 : v);
  return norm(a) === norm(b);
}
