// Bulk API 2.0 jobs of the local org: query jobs whose CSV pages are generated on request from
// the matching records (so a million rows are never held as text), and ingest jobs.
import { CsvParser, csvLine } from '../../src/org/csv.js';
import type { ParsedQuery, SoqlEngine } from './soql.js';
import type { Rec, Store } from './store.js';
import type { Writer, WriteResult } from './writes.js';

export type QueryJob = {
  id: string;
  operation: 'query';
  object: string;
  state: 'UploadComplete' | 'InProgress' | 'JobComplete' | 'Failed' | 'Aborted';
  query: ParsedQuery;
  columns: string[];
  rows?: Rec[];
  polls: number;
  createdDate: string;
};

export type IngestJob = {
  id: string;
  operation: 'insert' | 'update' | 'upsert' | 'delete';
  object: string;
  /** upsert: the field that matches rows to records (Id, or a unique field standing in for an External ID). */
  externalIdFieldName?: string;
  state: 'Open' | 'UploadComplete' | 'InProgress' | 'JobComplete' | 'Failed' | 'Aborted';
  csv: string[];
  successful: string[];
  failed: string[];
  unprocessed: string[];
  header: string[];
  processed: number;
  failedCount: number;
  createdDate: string;
};

export function csvCell(value: unknown): unknown {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return value;
}

/** One page of a query job's results as CSV, and the locator of the next page ("null" at the end). */
export function queryPage(engine: SoqlEngine, job: QueryJob, locator: string | null, maxRecords: number): { csv: string; next: string; count: number } {
  const rows = job.rows ?? [];
  const start = locator ? parseInt(locator, 36) : 0;
  const end = Math.min(rows.length, start + maxRecords);
  let csv = csvLine(job.columns);
  for (let i = start; i < end; i += 1) {
    const row = rows[i];
    csv += csvLine(job.query.select.map((item) => (item.kind === 'field' ? csvCell(engine.get(job.query.object, row, item.path)) : '')));
  }
  return { csv, next: end < rows.length ? end.toString(36) : 'null', count: end - start };
}

/** A cell's value; `#N/A` sets the field to null (a blank cell never reaches here: it leaves the field unchanged). */
function coerce(store: Store, object: string, column: string, value: string): unknown {
  if (value === '#N/A') return null;
  const field = store.schema.object(object)?.byLowerName.get(column.toLowerCase());
  switch (field?.type) {
    case 'boolean':
      return value.toLowerCase() === 'true' || value === '1';
    case 'double':
    case 'int':
    case 'currency':
    case 'percent':
      return Number(value);
    default:
      return value;
  }
}

/** Processes every uploaded row of an ingest job, recording each row's outcome. */
export function processIngest(store: Store, writer: Writer, job: IngestJob): void {
  const parser = new CsvParser();
  const rows = [...parser.push(job.csv.join('')), ...parser.end()];
  const [header, ...data] = rows;
  job.header = header ?? [];
  const original = (row: string[]): string[] => job.header.map((_, i) => row[i] ?? '');
  job.successful = [csvLine(['sf__Id', 'sf__Created', ...job.header])];
  job.failed = [csvLine(['sf__Id', 'sf__Error', ...job.header])];
  job.unprocessed = [csvLine(job.header)];
  for (const row of data) {
    const input: Record<string, unknown> = {};
    job.header.forEach((column, i) => {
      // Bulk API 2.0: an empty cell leaves the field as it is (on insert: its default)
      if ((row[i] ?? '') === '') return;
      input[column] = coerce(store, job.object, column, row[i] ?? '');
    });
    const id = typeof input.Id === 'string' ? input.Id : undefined;
    const upserted = job.operation === 'upsert' ? upsertRow(store, writer, job, input) : undefined;
    const result = upserted
      ? upserted.result
      : job.operation === 'insert'
      ? writer.create(job.object, input)
      : job.operation === 'update'
        ? (id ? writer.update(job.object, id, input) : { id: null, success: false, errors: [{ statusCode: 'MISSING_ARGUMENT', message: 'Id not specified in an update call', fields: [] }] })
        : writer.delete(id ?? '');
    job.processed += 1;
    if (result.success) job.successful.push(csvLine([result.id, job.operation === 'insert' || upserted?.created ? 'true' : 'false', ...original(row)]));
    else {
      job.failedCount += 1;
      job.failed.push(csvLine([result.id ?? '', result.errors.map((e) => `${e.statusCode}:${e.message}:${e.fields.join(',') || '--'}`).join(';'), ...original(row)]));
    }
  }
}

/** Upsert one row: update the record its external id (or Id) names, create one when none matches. */
function upsertRow(store: Store, writer: Writer, job: IngestJob, input: Record<string, unknown>): { result: WriteResult; created: boolean } {
  const key = job.externalIdFieldName ?? 'Id';
  const keyValue = Object.entries(input).find(([column]) => column.toLowerCase() === key.toLowerCase())?.[1];
  if (key.toLowerCase() === 'id') {
    if (typeof keyValue !== 'string' || keyValue === '') return { result: writer.create(job.object, input), created: true };
    const { Id: _id, ...fields } = input;
    return { result: writer.update(job.object, keyValue, fields), created: false };
  }
  const matches = keyValue === undefined || keyValue === null ? [] : store.all(job.object).filter((r) => r[key] === keyValue);
  if (matches.length > 1) return { result: { id: null, success: false, errors: [{ statusCode: 'DUPLICATE_EXTERNAL_ID', message: `${key}: more than one record found for external id field: ${matches.map((m) => String(m.Id)).join(', ')}`, fields: [key] }] }, created: false };
  if (matches.length === 1) return { result: writer.update(job.object, String(matches[0].Id), input), created: false };
  return { result: writer.create(job.object, input), created: true };
}
