// Bulk API 2.0 with our own page loop: results are read page by page with the Sforce-Locator
// header (jsforce's reader breaks on several pages) and parsed as a stream, so memory holds one
// page at a time whatever the number of records.
import type { Connection } from '@salesforce/core';
import { CsvParser, csvLine } from './csv.js';
import { withRetry, type RetryOptions } from './retry.js';

export type BulkOptions = RetryOptions & {
  /** Records per result page. */
  pageSize?: number;
  pollIntervalMs?: number;
  /** Give up waiting for a job after this long. */
  timeoutMs?: number;
  onProgress?: (processed: number) => void;
};

type JobInfo = { id: string; state: string; errorMessage?: string; numberRecordsProcessed?: number; numberRecordsFailed?: number };

function base(connection: Connection): string {
  return `${connection.instanceUrl.replace(/\/$/, '')}/services/data/v${connection.getApiVersion()}/jobs`;
}

class HttpError extends Error {
  public constructor(message: string, public readonly statusCode: number, public readonly errorCode?: string) {
    super(message);
  }
}

async function call(connection: Connection, url: string, init: RequestInit = {}): Promise<Response> {
  const response = await fetch(url, {
    ...init,
    headers: { Authorization: `Bearer ${connection.accessToken ?? ''}`, Accept: 'application/json', ...(init.headers ?? {}) }
  });
  if (!response.ok) {
    const text = await response.text();
    let errorCode: string | undefined;
    let message = text;
    try {
      const body = JSON.parse(text) as Array<{ errorCode?: string; message?: string }>;
      errorCode = body[0]?.errorCode;
      message = body[0]?.message ?? text;
    } catch {
      // not JSON: keep the text
    }
    throw new HttpError(`${errorCode ?? response.status}: ${message}`, response.status, errorCode);
  }
  return response;
}

async function json<T>(connection: Connection, url: string, init: RequestInit = {}): Promise<T> {
  return (await (await call(connection, url, init)).json()) as T;
}

async function waitFor(connection: Connection, url: string, done: string[], options: BulkOptions): Promise<JobInfo> {
  const started = Date.now();
  let delay = options.pollIntervalMs ?? 200;
  for (;;) {
    const job = await withRetry(() => json<JobInfo>(connection, url), options);
    if (done.includes(job.state)) return job;
    if (job.state === 'Failed' || job.state === 'Aborted') throw new Error(`Bulk job ${job.id} ${job.state.toLowerCase()}: ${job.errorMessage ?? 'no reason given'}`);
    if (Date.now() - started > (options.timeoutMs ?? 30 * 60_000)) throw new Error(`Bulk job ${job.id} did not finish in time (state ${job.state})`);
    await new Promise((resolve) => setTimeout(resolve, delay));
    delay = Math.min(delay * 2, 5000);
  }
}

/** Reads one result page as it streams in; a failed attempt is begun again, so nothing counts twice. */
export type PageReader = {
  /** A page (or a new attempt at it) starts: forget anything an earlier attempt read. */
  begin(): void;
  chunk(bytes: Uint8Array): void;
  /** The page arrived whole; returns how many records it held. */
  end(): number;
  /** Make the page's records count (called once per page, after it arrived whole). */
  commit(): void;
};

/**
 * Runs a Bulk API 2.0 query and streams each result page through `reader` (Bulk CSV has no
 * types: the reader converts). Memory holds what the reader keeps, never a whole result.
 * Returns the number of records.
 */
export async function bulkQueryPages(connection: Connection, soql: string, reader: PageReader, options: BulkOptions = {}): Promise<number> {
  const job = await withRetry(
    () => json<JobInfo>(connection, `${base(connection)}/query`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ operation: 'query', query: soql, contentType: 'CSV', columnDelimiter: 'COMMA', lineEnding: 'LF' })
    }),
    options
  );
  await waitFor(connection, `${base(connection)}/query/${job.id}`, ['JobComplete'], options);
  let locator: string | undefined;
  let count = 0;
  do {
    const params = new URLSearchParams({ maxRecords: String(options.pageSize ?? 50_000) });
    if (locator) params.set('locator', locator);
    const url = `${base(connection)}/query/${job.id}/results?${params.toString()}`;
    const page = await withRetry(async () => {
      reader.begin();
      const response = await call(connection, url, { headers: { Accept: 'text/csv' } });
      if (response.body) {
        for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) reader.chunk(chunk);
      }
      return { records: reader.end(), locator: response.headers.get('sforce-locator') };
    }, options);
    reader.commit();
    count += page.records;
    options.onProgress?.(count);
    // The last page carries the literal string "null"; a missing header also ends the loop
    // rather than refetching the same page for ever.
    locator = page.locator && page.locator !== 'null' ? page.locator : undefined;
  } while (locator);
  return count;
}

export type IngestResult = { successful: Array<Record<string, string>>; failed: Array<Record<string, string>>; unprocessed: Array<Record<string, string>> };

/** Runs a Bulk API 2.0 ingest job (insert or update) and returns its three result sets. */
export async function bulkIngest(
  connection: Connection,
  object: string,
  operation: 'insert' | 'update',
  records: Array<Record<string, unknown>>,
  options: BulkOptions = {}
): Promise<IngestResult> {
  const columns = [...new Set(records.flatMap((r) => Object.keys(r).filter((k) => k !== 'attributes')))];
  const job = await withRetry(
    () => json<JobInfo>(connection, `${base(connection)}/ingest`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ object, operation, contentType: 'CSV', lineEnding: 'LF', columnDelimiter: 'COMMA' })
    }),
    options
  );
  // Bulk API 2.0 leaves a field unchanged for an empty cell and clears it only for #N/A: a record
  // without a column (another record has it) sends a blank; a null or empty value sends #N/A.
  const cell = (record: Record<string, unknown>, column: string): unknown => {
    if (!(column in record) || record[column] === undefined) return '';
    return record[column] === null || record[column] === '' ? '#N/A' : record[column];
  };
  const csv = csvLine(columns) + records.map((r) => csvLine(columns.map((c) => cell(r, c)))).join('');
  await withRetry(() => call(connection, `${base(connection)}/ingest/${job.id}/batches`, { method: 'PUT', headers: { 'Content-Type': 'text/csv' }, body: csv }), options);
  await withRetry(
    () => call(connection, `${base(connection)}/ingest/${job.id}`, { method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ state: 'UploadComplete' }) }),
    options
  );
  await waitFor(connection, `${base(connection)}/ingest/${job.id}`, ['JobComplete'], options);
  const read = async (kind: string): Promise<Array<Record<string, string>>> => {
    const response = await withRetry(() => call(connection, `${base(connection)}/ingest/${job.id}/${kind}`, { headers: { Accept: 'text/csv' } }), options);
    const parser = new CsvParser();
    const rows = [...parser.push(await response.text()), ...parser.end()];
    const [header, ...data] = rows;
    return header ? data.map((row) => Object.fromEntries(header.map((h, i) => [h, row[i] ?? '']))) : [];
  };
  return { successful: await read('successfulResults'), failed: await read('failedResults'), unprocessed: await read('unprocessedrecords') };
}
