// Bulk API 2.0 jobs of the local org: query jobs whose CSV pages are generated on request from
// the matching records (so a million rows are never held as text), and ingest jobs.
import { CsvParser, csvLine } from '../../src/org/csv.js';
import type { ParsedQuery, SoqlEngine } from './soql.js';
import type { Rec, Store } from './store.js';
import type { Writer } from './writes.js';

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
  operation: 'insert' | 'update' | 'delete';
  object: string;
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
    const result = job.operation === 'insert'
      ? writer.create(job.object, input)
      : job.operation === 'update'
        ? (id ? writer.update(job.object, id, input) : { id: null, success: false, errors: [{ statusCode: 'MISSING_ARGUMENT', message: 'Id not specified in an update call', fields: [] }] })
        : writer.delete(id ?? '');
    job.processed += 1;
    if (result.success) job.successful.push(csvLine([result.id, job.operation === 'insert' ? 'true' : 'false', ...original(row)]));
    else {
      job.failedCount += 1;
      job.failed.push(csvLine([result.id ?? '', result.errors.map((e) => `${e.statusCode}:${e.message}:${e.fields.join(',') || '--'}`).join(';'), ...original(row)]));
    }
  }
}
